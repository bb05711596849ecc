import { z } from "zod";
import { chanceOfFlag } from "./flags";
import type { LagesbildDraft } from "./queries";
import { shiftPeriod } from "@/lib/time/periods";

/**
 * A published lägesbild's frozen figures, stored as `{ schemaVersion, data }` (issue 33). A week
 * published before a field existed is read through the upgraders below – every published week
 * opens, and is printed, with today's page – and checked with zod on the way, so a snapshot that
 * is not what its version says fails here with its version named, not somewhere in the page.
 * Version 1 is the draft as it was stored before snapshots carried a version (25 Nov–7 Dec 2026).
 * Adding a field to the draft: bump the version, add an upgrader that gives old weeks an honest
 * value (computed from what they hold, or "not recorded"), and a fixture (tests/fixtures).
 */
export const LAGESBILD_SNAPSHOT_VERSION = 2;

const num = z.number();
const ZCell = z.looseObject({
  count: num, previousWeek: num, meanPrevious4: num, sameWeekLastYear: num, seasonalMean: num.nullable(),
  flag: z.looseObject({ flagged: z.boolean(), probability: num, explanation: z.string() }),
});
const ZNamed = z.looseObject({ id: z.string(), name: z.string() });
const ZCategory = z.looseObject({ id: z.string(), label: z.string() });
const cells = z.record(z.string(), ZCell);

const ZDataV2 = z.looseObject({
  group: z.looseObject({ id: z.string(), name: z.string(), kind: z.string(), municipalityId: z.string() }),
  week: z.string(),
  weeks: z.looseObject({ week: z.string(), previous: z.string(), previous4: z.array(z.string()), lastYear: z.string() }),
  areas: z.array(ZNamed),
  categories: z.array(ZCategory),
  matrix: z.looseObject({ cells: z.record(z.string(), cells), chance: z.looseObject({ cells: num, expectedFlags: num }), byArea: cells, byCategory: cells, total: ZCell }),
  seasonYears: z.array(z.string()).nullable(),
  flags: z.array(z.looseObject({ area: ZNamed, category: ZCategory, cell: ZCell, reports: num.optional(), twoWeeksRunning: z.boolean() })),
  trend: z.looseObject({ weeks: z.array(z.string()), totals: z.array(num) }),
  hotspots: z.array(z.looseObject({ areaId: z.string(), areaName: z.string(), place: z.string(), count: num, reports: num.optional() })),
  repeatPlaces: z.array(z.looseObject({ areaId: z.string(), areaName: z.string(), place: z.string(), count: num, before: num.nullable() })),
  weekdayHour: z.array(z.array(num)),
  completeness: z.array(z.looseObject({ id: z.string(), name: z.string(), state: z.string() })).nullable(),
  measures: z.array(z.looseObject({ id: z.string(), title: z.string(), dueDate: z.coerce.date().nullable() })),
  lateReports: z.array(z.looseObject({ id: z.string(), isoWeek: z.string(), occurredAt: z.coerce.date(), place: z.string() })),
  sources: z.looseObject({ resident: num, association: num }).nullable(),
  points: z.array(z.looseObject({ id: z.string(), lat: num, lng: num, category: z.string(), label: z.string() })),
});

type Json = Record<string, unknown>;
type Cellish = Json & { meanPrevious4: number; seasonalMean?: number | null };

/** Version 1 → 2: what the first published weeks lack, from what they hold or as "not recorded". */
function fromV1(data: Json): Json {
  const matrix = data.matrix as Json & { cells: Record<string, Record<string, Cellish>>; byArea: Record<string, Cellish>; byCategory: Record<string, Cellish>; total: Cellish };
  // Before seasonal baselines the flags were judged on the four weeks only.
  const seasonless = (c: Cellish) => ({ ...c, seasonalMean: c.seasonalMean ?? null });
  const mapCells = (row: Record<string, Cellish>) => Object.fromEntries(Object.entries(row).map(([k, c]) => [k, seasonless(c)]));
  const tested = Object.values(matrix.cells).flatMap((row) => Object.values(row).map(seasonless));
  const week = data.week as string;
  return {
    ...data,
    matrix: {
      ...matrix,
      cells: Object.fromEntries(Object.entries(matrix.cells).map(([k, row]) => [k, mapCells(row)])),
      byArea: mapCells(matrix.byArea),
      byCategory: mapCells(matrix.byCategory),
      total: seasonless(matrix.total),
      // The chance of a flag is a function of each cell's baseline, which the week kept.
      chance: matrix.chance ?? { cells: tested.length, expectedFlags: tested.reduce((s, c) => s + chanceOfFlag(c), 0) },
    },
    seasonYears: data.seasonYears ?? null,
    flags: ((data.flags ?? []) as Json[]).map((f) => ({ ...f, cell: seasonless(f.cell as Cellish) })),
    // Only the week and the one before are known from what was kept: two bars, not six with zeros.
    trend: data.trend ?? { weeks: [shiftPeriod(week, -1), week], totals: [matrix.total.previousWeek, matrix.total.count] },
    // The four weeks before were not recorded: no trend is claimed.
    repeatPlaces: ((data.repeatPlaces ?? []) as Json[]).map((r) => ({ ...r, before: r.before ?? null })),
    measures: data.measures ?? [],
    lateReports: data.lateReports ?? [],
    sources: data.sources ?? null,
    points: data.points ?? [],
    completeness: data.completeness ?? null,
  };
}

const UPGRADERS: Record<number, (data: Json) => Json> = { 1: fromV1 };

/** What publication stores: the draft, without its editable judgement (read from its row). */
export function toLagesbildSnapshot(draft: LagesbildDraft, extra: { incidentIds: string[]; frozenAt: string }) {
  const data = JSON.parse(JSON.stringify({ ...draft, saved: null, ...extra })) as Json;
  return { schemaVersion: LAGESBILD_SNAPSHOT_VERSION, data };
}

export class SnapshotUnreadable extends Error {
  constructor(version: number, detail: string) {
    super(`Den publicerade lägesbildens ögonblicksbild (version ${version}) kan inte läsas: ${detail}`);
    this.name = "SnapshotUnreadable";
  }
}

/** A stored snapshot of any version, upgraded to today's draft and checked. */
export function fromLagesbildSnapshot(raw: unknown): Omit<LagesbildDraft, "saved" | "canEdit"> {
  const versioned = typeof raw === "object" && raw !== null && "schemaVersion" in raw;
  const version = versioned ? Number((raw as { schemaVersion: unknown }).schemaVersion) : 1;
  let data = (versioned ? (raw as unknown as { data: unknown }).data : raw) as Json;
  if (!Number.isInteger(version) || version < 1 || version > LAGESBILD_SNAPSHOT_VERSION) throw new SnapshotUnreadable(version, "okänd version");
  for (let v = version; v < LAGESBILD_SNAPSHOT_VERSION; v++) data = UPGRADERS[v]!(data);
  const parsed = ZDataV2.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SnapshotUnreadable(version, `${issue.path.join(".")}: ${issue.message}`);
  }
  // The checked shape is the draft's; the type system cannot see through the loose objects.
  return parsed.data as unknown as Omit<LagesbildDraft, "saved" | "canEdit">;
}

import "server-only";
// The group's own data under each agenda item, for the meeting's period: what the meeting is
// about, one click from the underlying page. Each item reads only what the viewer may see.
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { can } from "@/lib/auth/permissions";
import { DomainError, isExpectedError } from "@/lib/errors";
import type { GroupKind } from "@/lib/generated/prisma/enums";
import { getLagesbildDraft } from "@/lib/lagesbild/queries";
import { getQuarterPack } from "@/lib/analysis/quarter";
import { getIndicatorCoverage } from "@/lib/indicators/coverage";
import { listAgreements } from "@/lib/agreements/agreements";
import { GOAL_STATUS } from "@/lib/goals/schema";
import { formatDate, toLocalInputs } from "@/lib/time/format";
import { isPeriodKey, periodLabel, shiftPeriod, tertialKey } from "@/lib/time/periods";
import type { AgendaKind } from "./agenda";

export type Line = { text: string; href?: string; tone?: "warn" | "danger" };
export type AgendaContent = { link?: { href: string; label: string }; lines: Line[]; empty?: string };

type MeetingRef = { id: string; municipalityId: string; startsAt: Date; periodKey: string; group: { id: string; kind: GroupKind } };

const TERTIAL_STATUS = { DRAFT: "utkast", IN_REVIEW: "för granskning", APPROVED: "godkänd" } as const;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function openMeasures(groupId: string, dueBefore: Date | null) {
  return db().measure.findMany({
    where: { groupId, status: { in: ["PLANNED", "ONGOING"] }, ...(dueBefore ? { dueDate: { lte: dueBefore } } : {}) },
    select: { id: true, title: true, dueDate: true, ownerOrg: { select: { name: true } } },
    orderBy: { dueDate: "asc" },
    take: 20,
  });
}

function measureLines(rows: Awaited<ReturnType<typeof openMeasures>>, today: string): Line[] {
  return rows.map((m) => {
    const due = m.dueDate ? m.dueDate.toISOString().slice(0, 10) : null;
    return { text: `${m.title} – ${m.ownerOrg.name}${due ? `, klart senast ${formatDate(m.dueDate!)}` : ""}${due && due < today ? " (försenad)" : ""}`, href: `/atgarder/${m.id}`, tone: due && due < today ? "danger" : undefined };
  });
}

/** Content for each of the given agenda kinds; an item the viewer may not see says so. */
export async function agendaContent(viewer: Viewer, meeting: MeetingRef, kinds: string[], now = new Date()): Promise<Partial<Record<AgendaKind, AgendaContent>>> {
  const wanted = new Set(kinds);
  const out: Partial<Record<AgendaKind, AgendaContent>> = {};
  const today = toLocalInputs(now).date;
  const g = meeting.group;
  const safely = async (fn: () => Promise<void>, ...keys: AgendaKind[]) => {
    try {
      await fn();
    } catch (error) {
      if (!isExpectedError(error)) throw error;
      for (const k of keys) out[k] = { lines: [], empty: "Du har inte behörighet att se underlaget." };
    }
  };

  const tasks: Promise<void>[] = [];
  const week = isPeriodKey(meeting.periodKey, "week") ? meeting.periodKey : null;
  if (week && (wanted.has("lagesbild") || wanted.has("flags") || wanted.has("silent"))) {
    tasks.push(safely(async () => {
      const d = await getLagesbildDraft(viewer, g.id, week);
      const href = `/groups/${g.id}/lagesbild/${week}`;
      out.lagesbild = {
        link: { href, label: `Öppna lägesbilden för ${periodLabel(week)}` },
        lines: [
          { text: `${d.matrix.total.count} händelser (${d.matrix.total.previousWeek} veckan innan)` },
          { text: d.saved?.status === "PUBLISHED" ? "Lägesbilden är publicerad." : "Lägesbilden är ett utkast.", tone: d.saved?.status === "PUBLISHED" ? undefined : "warn" },
          ...d.hotspots.slice(0, 3).map((h) => ({ text: `Plats som sticker ut: ${h.place}, ${h.areaName} (${h.count})` })),
        ],
      };
      out.flags = {
        link: { href: `${href}#flags`, label: "Flaggorna i lägesbilden" },
        lines: d.flags.map((f) => ({ text: `${f.area.name}: ${f.category.label} – ${f.cell.flag.explanation}${f.twoWeeksRunning ? " Andra veckan i rad." : ""}`, tone: f.twoWeeksRunning ? "danger" : "warn" })),
        empty: "Inga flaggor den här veckan.",
      };
      const silent = (d.completeness ?? []).filter((c) => c.state === "SILENT");
      out.silent = {
        lines: silent.map((c) => ({ text: `${c.name} har inte rapporterat ${periodLabel(week)}`, tone: "warn" })),
        empty: d.completeness ? "Alla organisationer har rapporterat." : "Rapporteringen visas för samordnare.",
      };
    }, "lagesbild", "flags", "silent"));
  }
  if (wanted.has("measures-due")) {
    tasks.push((async () => {
      // What falls due before the next meeting (two weeks ahead), overdue first.
      const rows = await openMeasures(g.id, new Date(meeting.startsAt.getTime() + 14 * 86_400_000));
      out["measures-due"] = { link: { href: `/atgarder?groupId=${g.id}`, label: "Gruppens åtgärder" }, lines: measureLines(rows, today), empty: "Inga åtgärder förfaller de närmaste två veckorna." };
    })());
  }
  if (wanted.has("insats-measures")) {
    tasks.push((async () => {
      out["insats-measures"] = { link: { href: `/groups/${g.id}`, label: "Insatsens arbetsyta" }, lines: measureLines(await openMeasures(g.id, null), today), empty: "Insatsen har inga öppna åtgärder." };
    })());
  }
  if (wanted.has("insats-picture")) {
    const date = toLocalInputs(meeting.startsAt).date;
    out["insats-picture"] = { link: { href: `/groups/${g.id}/moten/${date}`, label: "Öppna insatsens lägesbild inför mötet" }, lines: [] };
  }
  const quarter = isPeriodKey(meeting.periodKey, "quarter") ? meeting.periodKey : null;
  if (quarter && (wanted.has("quarter-pack") || wanted.has("area-goals") || wanted.has("problem-pictures"))) {
    tasks.push(safely(async () => {
      const pack = await getQuarterPack(viewer, g.id, quarter, now);
      const href = `/groups/${g.id}/kvartal/${quarter}`;
      const t = pack.analysis.total;
      out["quarter-pack"] = {
        link: { href, label: `Öppna kvartalsunderlaget för ${periodLabel(quarter)}` },
        lines: [
          { text: `${t.count} händelser i gruppens kommundelar (${t.previous} kvartalet innan, ${t.lastYear} samma kvartal i fjol)` },
          ...pack.analysis.areas.map((a) => ({ text: `${a.name}: ${a.total.count} (${a.total.previous} kvartalet innan)` })),
        ],
      };
      out["area-goals"] = {
        link: { href: `${href}#goals`, label: "Områdesmålen i kvartalsunderlaget" },
        lines: pack.goals.map((goal) => ({
          text: `${goal.title} (${goal.area?.name ?? "–"}): ${goal.current ? GOAL_STATUS[goal.current.status as keyof typeof GOAL_STATUS] : "inte uppföljt för kvartalet"} · ${plural(goal.measureCount, "åtgärd", "åtgärder")}`,
          tone: goal.current?.status === "OFF_TRACK" ? "danger" : goal.current?.status === "AT_RISK" ? "warn" : undefined,
        })),
        empty: "Gruppens kommundelar har inga områdesmål.",
      };
      out["problem-pictures"] = {
        link: { href, label: "Platserna per kommundel i kvartalsunderlaget" },
        lines: pack.analysis.hotspots.slice(0, 5).map((h) => ({ text: `${h.place}, ${h.area}: ${h.count} händelser` })),
        empty: "Inga platser återkommer under kvartalet.",
      };
    }, "quarter-pack", "area-goals", "problem-pictures"));
  }
  const tertial = isPeriodKey(meeting.periodKey, "tertial") ? meeting.periodKey : shiftPeriod(tertialKey(meeting.startsAt), -1);
  const m = meeting.municipalityId;
  if (wanted.has("tertial")) {
    tasks.push(safely(async () => {
      if (!can(viewer, "tertial:view", { municipalityId: m })) throw new DomainError("FORBIDDEN", "");
      const t = await db().tertialAnalysis.findFirst({ where: { municipalityId: m, tertial }, select: { status: true } });
      out.tertial = {
        link: { href: `/tertial/${tertial}`, label: `Öppna tertialanalysen ${periodLabel(tertial)}` },
        lines: [{ text: t ? `Analysen är ${TERTIAL_STATUS[t.status]}.` : "Analysen är inte påbörjad.", tone: t?.status === "APPROVED" ? undefined : "warn" }],
      };
    }, "tertial"));
  }
  if (wanted.has("indicators")) {
    tasks.push(safely(async () => {
      const c = await getIndicatorCoverage(viewer, m, now);
      const off = c.indicators.filter((i) => i.offTrack);
      const missing = c.indicators.filter((i) => i.missingLastTertial);
      out.indicators = {
        link: { href: "/indikatorer", label: "Indikatorerna" },
        lines: [
          ...off.map((i) => ({ text: `Avviker: ${i.name}`, href: `/indikatorer/${i.id}`, tone: "danger" as const })),
          { text: `${plural(missing.length, "indikator", "indikatorer")} saknar värde för ${periodLabel(c.lastTertial)}.`, tone: missing.length ? "warn" : undefined },
          ...(c.boardsWithout.length ? [{ text: `Nämnder utan indikator: ${c.boardsWithout.join(", ")}`, tone: "warn" as const }] : []),
        ],
      };
    }, "indicators"));
  }
  if (wanted.has("agreement")) {
    tasks.push(safely(async () => {
      const a = await listAgreements(viewer, m);
      out.agreement = {
        link: { href: "/samverkan", label: "Samverkansöverenskommelsen" },
        lines: a.unmet.map((c) => ({ text: `Ej uppfyllt (${c.latest?.halfYear ?? "–"}): ${c.text}`, tone: "danger" as const })),
        empty: a.agreements.length ? "Alla åtaganden uppfyllda vid senaste uppföljningen." : "Ingen överenskommelse registrerad.",
      };
    }, "agreement"));
  }
  if (wanted.has("insatser")) {
    tasks.push((async () => {
      const open = await db().estGroup.findMany({ where: { municipalityId: m, kind: "INSATS", status: "OPEN" }, select: { id: true, name: true, plannedEndDate: true }, orderBy: { openedAt: "asc" } });
      out.insatser = {
        link: { href: "/insats", label: "Alla Insatser" },
        lines: open.map((i) => ({ text: `${i.name}${i.plannedEndDate ? `, planerat slut ${formatDate(i.plannedEndDate)}` : ""}`, href: `/groups/${i.id}`, tone: i.plannedEndDate && i.plannedEndDate.toISOString().slice(0, 10) < today ? "warn" : undefined })),
        empty: "Inga pågående Insatser.",
      };
    })());
  }
  await Promise.all(tasks);
  return out;
}

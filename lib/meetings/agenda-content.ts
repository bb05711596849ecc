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
import { CATALOGUE, type Messages } from "@/lib/i18n/catalogue";
import { fill, plural } from "@/lib/i18n/fill";
import { explainFlag } from "@/lib/lagesbild/flags";
import { formattersFor, toLocalInputs, type Formatters } from "@/lib/time/format";
import { isPeriodKey, shiftPeriod, tertialKey } from "@/lib/time/periods";
import type { AgendaKind } from "./agenda";

export type Line = { text: string; href?: string; tone?: "warn" | "danger" };
export type AgendaContent = { link?: { href: string; label: string }; lines: Line[]; empty?: string };

type MeetingRef = { id: string; municipalityId: string; startsAt: Date; periodKey: string; group: { id: string; kind: GroupKind } };


async function openMeasures(groupId: string, dueBefore: Date | null) {
  return db().measure.findMany({
    where: { groupId, status: { in: ["PLANNED", "ONGOING"] }, ...(dueBefore ? { dueDate: { lte: dueBefore } } : {}) },
    select: { id: true, title: true, dueDate: true, ownerOrg: { select: { name: true } } },
    orderBy: { dueDate: "asc" },
    take: 20,
  });
}

function measureLines(rows: Awaited<ReturnType<typeof openMeasures>>, today: string, tx: Messages["agenda"], f: Formatters): Line[] {
  return rows.map((m) => {
    const due = m.dueDate ? m.dueDate.toISOString().slice(0, 10) : null;
    return { text: `${m.title} – ${m.ownerOrg.name}${due ? `, ${fill(tx.due, { date: f.date(m.dueDate!) })}` : ""}${due && due < today ? ` ${tx.overdue}` : ""}`, href: `/atgarder/${m.id}`, tone: due && due < today ? "danger" : undefined };
  });
}

/** Content for each of the given agenda kinds; an item the viewer may not see says so. */
export async function agendaContent(viewer: Viewer, meeting: MeetingRef, kinds: string[], now = new Date()): Promise<Partial<Record<AgendaKind, AgendaContent>>> {
  const wanted = new Set(kinds);
  const out: Partial<Record<AgendaKind, AgendaContent>> = {};
  const today = toLocalInputs(now).date;
  const g = meeting.group;
  // In the viewer's language: these lines are read in the meeting, by the viewer.
  const { agenda: tx, lagesbild: lb, goalForm } = CATALOGUE[viewer.locale];
  const f = formattersFor(viewer.locale);
  const safely = async (fn: () => Promise<void>, ...keys: AgendaKind[]) => {
    try {
      await fn();
    } catch (error) {
      if (!isExpectedError(error)) throw error;
      for (const k of keys) out[k] = { lines: [], empty: tx.forbidden };
    }
  };

  const tasks: Promise<void>[] = [];
  const week = isPeriodKey(meeting.periodKey, "week") ? meeting.periodKey : null;
  if (week && (wanted.has("lagesbild") || wanted.has("flags") || wanted.has("silent"))) {
    tasks.push(safely(async () => {
      const d = await getLagesbildDraft(viewer, g.id, week);
      const href = `/groups/${g.id}/lagesbild/${week}`;
      out.lagesbild = {
        link: { href, label: fill(tx.openLagesbild, { week: f.period(week) }) },
        lines: [
          { text: plural(viewer.locale, tx.weekCount, d.matrix.total.count, { previous: d.matrix.total.previousWeek }) },
          { text: d.saved?.status === "PUBLISHED" ? tx.published : tx.draft, tone: d.saved?.status === "PUBLISHED" ? undefined : "warn" },
          ...d.hotspots.slice(0, 3).map((h) => ({ text: fill(tx.standsOut, { place: h.place, area: h.areaName, count: h.count }) })),
        ],
      };
      out.flags = {
        link: { href: `${href}#flags`, label: tx.flags },
        lines: d.flags.map((fl) => ({ text: `${fl.area.name}: ${fl.category.label} – ${explainFlag(fl.cell, fl.cell.flag.probability, fl.cell.flag.flagged, lb, viewer.locale)}${fl.twoWeeksRunning ? ` ${tx.secondWeek}` : ""}`, tone: fl.twoWeeksRunning ? "danger" : "warn" })),
        empty: tx.noFlags,
      };
      const silent = (d.completeness ?? []).filter((c) => c.state === "SILENT");
      out.silent = {
        lines: silent.map((c) => ({ text: fill(tx.notReported, { organisation: c.name, week: f.period(week) }), tone: "warn" })),
        empty: d.completeness ? tx.allReported : tx.reportingForCoordinators,
      };
    }, "lagesbild", "flags", "silent"));
  }
  if (wanted.has("measures-due")) {
    tasks.push((async () => {
      // What falls due before the next meeting (two weeks ahead), overdue first.
      const rows = await openMeasures(g.id, new Date(meeting.startsAt.getTime() + 14 * 86_400_000));
      out["measures-due"] = { link: { href: `/atgarder?groupId=${g.id}`, label: tx.groupMeasures }, lines: measureLines(rows, today, tx, f), empty: tx.noneDue };
    })());
  }
  if (wanted.has("insats-measures")) {
    tasks.push((async () => {
      out["insats-measures"] = { link: { href: `/groups/${g.id}`, label: tx.insatsWorkspace }, lines: measureLines(await openMeasures(g.id, null), today, tx, f), empty: tx.insatsNoMeasures };
    })());
  }
  if (wanted.has("insats-picture")) {
    const date = toLocalInputs(meeting.startsAt).date;
    out["insats-picture"] = { link: { href: `/groups/${g.id}/moten/${date}`, label: tx.insatsPicture }, lines: [] };
  }
  const quarter = isPeriodKey(meeting.periodKey, "quarter") ? meeting.periodKey : null;
  if (quarter && (wanted.has("quarter-pack") || wanted.has("area-goals") || wanted.has("problem-pictures"))) {
    tasks.push(safely(async () => {
      const pack = await getQuarterPack(viewer, g.id, quarter, now);
      const href = `/groups/${g.id}/kvartal/${quarter}`;
      const t = pack.analysis.total;
      out["quarter-pack"] = {
        link: { href, label: fill(tx.openQuarter, { quarter: f.period(quarter) }) },
        lines: [
          { text: fill(tx.quarterCount, { count: t.count, previous: t.previous, lastYear: t.lastYear }) },
          ...pack.analysis.areas.map((a) => ({ text: fill(tx.quarterArea, { area: a.name, count: a.total.count, previous: a.total.previous }) })),
        ],
      };
      out["area-goals"] = {
        link: { href: `${href}#goals`, label: tx.areaGoals },
        lines: pack.goals.map((goal) => ({
          text: `${goal.title} (${goal.area?.name ?? "–"}): ${goal.current ? goalForm.statuses[goal.current.status as keyof typeof goalForm.statuses] : tx.notFollowedUp} · ${plural(viewer.locale, tx.measures, goal.measureCount)}`,
          tone: goal.current?.status === "OFF_TRACK" ? "danger" : goal.current?.status === "AT_RISK" ? "warn" : undefined,
        })),
        empty: tx.noGoals,
      };
      out["problem-pictures"] = {
        link: { href, label: tx.places },
        lines: pack.analysis.hotspots.slice(0, 5).map((h) => ({ text: fill(tx.placeCount, { place: h.place, area: h.area, count: h.count }) })),
        empty: tx.noPlaces,
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
        link: { href: `/tertial/${tertial}`, label: fill(tx.openTertial, { tertial: f.period(tertial) }) },
        lines: [{ text: t ? tx.tertialStatus[t.status] : tx.tertialNotStarted, tone: t?.status === "APPROVED" ? undefined : "warn" }],
      };
    }, "tertial"));
  }
  if (wanted.has("indicators")) {
    tasks.push(safely(async () => {
      const c = await getIndicatorCoverage(viewer, m, now);
      const off = c.indicators.filter((i) => i.offTrack);
      const missing = c.indicators.filter((i) => i.missingLastTertial);
      out.indicators = {
        link: { href: "/indikatorer", label: tx.indicators },
        lines: [
          ...off.map((i) => ({ text: fill(tx.deviates, { name: i.name }), href: `/indikatorer/${i.id}`, tone: "danger" as const })),
          { text: plural(viewer.locale, tx.missingValue, missing.length, { period: f.period(c.lastTertial) }), tone: missing.length ? "warn" : undefined },
          ...(c.boardsWithout.length ? [{ text: fill(tx.boardsWithout, { list: c.boardsWithout.join(", ") }), tone: "warn" as const }] : []),
        ],
      };
    }, "indicators"));
  }
  if (wanted.has("agreement")) {
    tasks.push(safely(async () => {
      const a = await listAgreements(viewer, m);
      out.agreement = {
        link: { href: "/samverkan", label: tx.agreement },
        lines: a.unmet.map((c) => ({ text: fill(tx.unmet, { halfYear: c.latest?.halfYear ?? "–", text: c.text }), tone: "danger" as const })),
        empty: a.agreements.length ? tx.allMet : tx.noAgreement,
      };
    }, "agreement"));
  }
  if (wanted.has("insatser")) {
    tasks.push((async () => {
      const open = await db().estGroup.findMany({ where: { municipalityId: m, kind: "INSATS", status: "OPEN" }, select: { id: true, name: true, plannedEndDate: true }, orderBy: { openedAt: "asc" } });
      out.insatser = {
        link: { href: "/insats", label: tx.allInsatser },
        lines: open.map((i) => ({ text: `${i.name}${i.plannedEndDate ? `, ${fill(tx.plannedEnd, { date: f.date(i.plannedEndDate) })}` : ""}`, href: `/groups/${i.id}`, tone: i.plannedEndDate && i.plannedEndDate.toISOString().slice(0, 10) < today ? "warn" : undefined })),
        empty: tx.noInsatser,
      };
    })());
  }
  await Promise.all(tasks);
  return out;
}

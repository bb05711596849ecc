import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getQuarterPack } from "@/lib/analysis/quarter";
import { isExpectedError } from "@/lib/errors";
import { periodLabel, shiftPeriod } from "@/lib/time/periods";
import { AreaSection, type DrillParams } from "@/components/analysis/area-section";
import { changeText } from "@/components/analysis/figure";
import { WeekdayHourTable } from "@/components/lagesbild/weekday-hour";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";
import { GOAL_STATUS } from "@/lib/goals/schema";
import { followUpGoalAction } from "./actions";
import { GoalFollowUpForm } from "./_components/goal-form";

export const metadata: Metadata = { title: "Kvartalsunderlag" };

const TONE = { ON_TRACK: "ok", AT_RISK: "warn", OFF_TRACK: "danger" } as const;

async function load(groupId: string, quarter: string) {
  const viewer = await requireViewer();
  try {
    return await getQuarterPack(viewer, groupId, quarter);
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function QuarterPackPage({ params }: { params: Promise<{ groupId: string; quarter: string }> }) {
  const { groupId, quarter } = await params;
  const { group, analysis: a, goals } = await load(groupId, quarter);
  // The incident list is the drill-down here: it applies the viewer's own scope.
  const drill = (p: DrillParams) => {
    const q = new URLSearchParams({ period: p.slot ?? quarter });
    if (p.areaId) q.set("areaId", p.areaId);
    if (p.categoryId) q.set("categoryId", p.categoryId);
    if (p.place) q.set("q", p.place);
    return `/incidents?${q}`;
  };
  return (
    <>
      <div className="page-header">
        <div>
          <div className="meta"><Link href={`/groups/${group.id}`}>{group.name}</Link> · {group.municipality}</div>
          <h1>Kvartalsunderlag {periodLabel(quarter)}</h1>
          <p className="lead">
            {a.areas.map((x) => x.name).join(", ")}: {a.total.count} händelser, {changeText(a.total.count, a.total.previous)} mot {periodLabel(a.previous)} och{" "}
            {changeText(a.total.count, a.total.lastYear)} mot {periodLabel(a.lastYear)}.
          </p>
        </div>
        <nav className="toolbar no-print" aria-label="Byt kvartal">
          <PrintButton />
          <Link className="btn btn-secondary" href={`/groups/${group.id}/kvartal/${shiftPeriod(quarter, -1)}`}>← {periodLabel(shiftPeriod(quarter, -1))}</Link>
          <Link className="btn btn-secondary" href={`/groups/${group.id}/kvartal/${shiftPeriod(quarter, 1)}`}>{periodLabel(shiftPeriod(quarter, 1))} →</Link>
        </nav>
      </div>
      {goals.length ? (
        <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="goals" data-testid="goal-follow-ups">
          <h2 id="goals">Områdesmål – uppföljning {periodLabel(quarter)}</h2>
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {goals.map((g) => (
              <li key={g.id} className="measure">
                <h3>
                  {g.title} <span className="meta">{g.area?.name} · {g.measureCount} åtgärder</span>{" "}
                  {g.current ? <Badge tone={TONE[g.current.status]}>{GOAL_STATUS[g.current.status]}</Badge> : <Badge>Ej uppföljt</Badge>}
                </h3>
                {g.current?.comment ? <p>{g.current.comment}</p> : null}
                {g.followUps.filter((f) => f.quarter !== quarter).length ? (
                  <p className="meta">Tidigare: {g.followUps.filter((f) => f.quarter !== quarter).map((f) => `${f.quarter} ${GOAL_STATUS[f.status].toLowerCase()}`).join(", ")}</p>
                ) : null}
                {group.canManage ? (
                  <GoalFollowUpForm title={g.title} action={followUpGoalAction}
                    initial={{ groupId: group.id, goalId: g.id, quarter, status: g.current?.status ?? "ON_TRACK", comment: g.current?.comment ?? "" }} />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {a.areas.map((x) => <AreaSection key={x.id} analysis={a} area={x} drill={drill} />)}
      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="when">
        <h2 id="when">När händer det?</h2>
        <WeekdayHourTable table={a.weekdayHour} />
      </section>
    </>
  );
}

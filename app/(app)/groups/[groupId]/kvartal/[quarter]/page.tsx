import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getQuarterPack } from "@/lib/analysis/quarter";
import { shiftPeriod } from "@/lib/time/periods";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AreaSection, type DrillParams } from "@/components/analysis/area-section";
import { changeText } from "@/components/analysis/figure";
import { CoverageNote } from "@/components/analysis/coverage-note";
import { WeekdayHourTable } from "@/components/lagesbild/weekday-hour";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";
import { PdfLink } from "@/components/documents/document-pdf";
import { quarterPackDocument } from "@/lib/documents/catalogue";
import { followUpGoalAction } from "./actions";
import { GoalFollowUpForm } from "./_components/goal-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.quarter.metaTitle };
}

const TONE = { ON_TRACK: "ok", AT_RISK: "warn", OFF_TRACK: "danger" } as const;

async function load(groupId: string, quarter: string) {
  const viewer = await requireViewer();
  return orNotFound(async () => {
    const [pack, pdf] = await Promise.all([getQuarterPack(viewer, groupId, quarter), quarterPackDocument(viewer, groupId, quarter)]);
    return { ...pack, pdf };
  });
}

export default async function QuarterPackPage({ params }: { params: Promise<{ groupId: string; quarter: string }> }) {
  const { groupId, quarter } = await params;
  const { group, analysis: a, goals, pdf } = await load(groupId, quarter);
  const { m: { quarter: t, analysis }, f } = await getI18n();
  // The incident list is the drill-down here: it applies the viewer's own scope.
  const drill = (p: DrillParams) => {
    const q = new URLSearchParams({ period: p.slot ?? quarter });
    if (p.areaId) q.set("areaId", p.areaId);
    if (p.categoryId) q.set("categoryId", p.categoryId);
    if (p.place) q.set("q", p.place);
    return `/incidents?${q}`;
  };
  return (
    <ClientMessages ns={["goalForm"]}>
      <div className="page-header">
        <div>
          <div className="meta"><Link href={`/groups/${group.id}`}>{group.name}</Link>{` · ${group.municipality}`}</div>
          <h1>{fill(t.title, { period: f.period(quarter) })}</h1>
          <p className="lead">
            {fill(t.summary, {
              areas: a.areas.map((x) => x.name).join(", "), count: a.total.count,
              changePrevious: changeText(a.total.count, a.total.previous, a.against?.previous, analysis), previous: f.period(a.previous),
              changeLastYear: changeText(a.total.count, a.total.lastYear, a.against?.lastYear, analysis), lastYear: f.period(a.lastYear),
            })}
          </p>
          <CoverageNote analysis={a} />
        </div>
        <nav className="toolbar no-print" aria-label={t.changeQuarter}>
          <PdfLink pdf={pdf} />
          <PrintButton />
          <Link className="btn btn-secondary" href={`/groups/${group.id}/kvartal/${shiftPeriod(quarter, -1)}`}>{`← ${f.period(shiftPeriod(quarter, -1))}`}</Link>
          <Link className="btn btn-secondary" href={`/groups/${group.id}/kvartal/${shiftPeriod(quarter, 1)}`}>{`${f.period(shiftPeriod(quarter, 1))} →`}</Link>
        </nav>
      </div>
      {goals.length ? (
        <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="goals" data-testid="goal-follow-ups">
          <h2 id="goals">{fill(t.goals, { period: f.period(quarter) })}</h2>
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {goals.map((g) => (
              <li key={g.id} className="measure">
                <h3>
                  {`${g.title} `}<span className="meta">{`${g.area?.name ?? ""} · ${fill(t.measures, { count: g.measureCount })}`}</span>{" "}
                  {g.current ? <Badge tone={TONE[g.current.status]}>{t.status[g.current.status]}</Badge> : <Badge>{t.notFollowedUp}</Badge>}
                </h3>
                {g.current?.comment ? <p>{g.current.comment}</p> : null}
                {g.followUps.filter((fu) => fu.quarter !== quarter).length ? (
                  <p className="meta">{fill(t.earlier, { list: g.followUps.filter((fu) => fu.quarter !== quarter).map((fu) => `${fu.quarter} ${t.status[fu.status].toLowerCase()}`).join(", ") })}</p>
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
        <h2 id="when">{t.when}</h2>
        <WeekdayHourTable table={a.weekdayHour} />
      </section>
    </ClientMessages>
  );
}

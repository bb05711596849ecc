import Link from "next/link";
import type { getInsatsWorkspace } from "@/lib/insats/queries";
import { delta } from "@/lib/lagesbild/flags";
import { windowsDiffer } from "@/lib/insats/scope";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { addFollowUpAction, closeInsatsAction, extendInsatsAction } from "../actions";
import { CloseInsatsForm, ExtendInsatsForm, FollowUpForm } from "./insats-manage";

type Workspace = Awaited<ReturnType<typeof getInsatsWorkspace>>;

const listLink = (w: { start: Date; end: Date }) => `/incidents?${new URLSearchParams({ period: "", after: w.start.toISOString(), before: w.end.toISOString() })}`;

export async function InsatsWorkspace({ group, insats }: { group: { id: string; status: string; canManage: boolean }; insats: Workspace }) {
  const { scope } = insats;
  const { locale, m: { insatsWorkspace: t, measureLabels }, f } = await getI18n();
  const status = (s: string) => (measureLabels.status as Record<string, string>)[s] ?? s;
  const decision = t.decision as Record<string, string>;
  const open = insats.measures.filter((m) => m.status === "PLANNED" || m.status === "ONGOING");
  return (
    <>
      <section className="card" aria-labelledby="scope" style={{ marginTop: "1rem" }}>
        <h2 id="scope">{t.scope}</h2>
        <dl className="facts" data-testid="insats-scope">
          <dt>{t.before}</dt>
          <dd>
            <Link href={listLink(scope.windows.before)}>{scope.before}</Link>
            <span className="meta">{` ${fill(t.window, { from: f.date(scope.windows.before.start), to: f.date(scope.windows.before.end) })}${scope.weeks.before >= 1 ? ` · ${fill(t.perWeek, { rate: f.number(scope.before / scope.weeks.before, 1) })}` : ""}`}</span>
          </dd>
          <dt>{t.during}</dt>
          <dd>
            <Link href={listLink(scope.windows.during)}>{scope.during}</Link>
            {scope.comparison === null ? <span className="meta">{` ${t.tooEarly}`}</span>
              : scope.comparison.per === "window" ? ` (${delta(scope.comparison.during, scope.comparison.before, locale)})`
              : <>{` (${fill(t.changePerWeek, { change: delta(scope.comparison.during, scope.comparison.before, locale) })})`}<span className="meta">{` ${fill(t.perWeek, { rate: f.number(scope.comparison.during, 1) })}`}</span></>}
          </dd>
          {scope.after !== null && scope.windows.after ? (<><dt>{t.after}</dt><dd><Link href={listLink(scope.windows.after)}>{scope.after}</Link></dd></>) : null}
        </dl>
        <h3 style={{ marginTop: "1rem" }}>{t.measures}</h3>
        {insats.measures.length ? (
          <ul className="stack" style={{ listStyle: "none", padding: 0 }} data-testid="insats-measures">
            {insats.measures.map((m) => (
              <li key={m.id} className="card">
                <div className="toolbar" style={{ justifyContent: "space-between" }}>
                  <strong>{m.title}</strong>
                  <Badge>{status(m.status)}</Badge>
                </div>
                <div className="meta">{m.ownerOrg.name}{m.dueDate ? `, ${fill(t.due, { date: f.date(m.dueDate) })}` : ""}</div>
                {m.followUps.map((fu, i) => <p key={i} style={{ margin: "0.25rem 0" }}>{`${f.date(fu.date)}: ${fu.text}${fu.author ? ` (${fu.author.name})` : ""}`}</p>)}
                {m.canFollowUp && group.status === "OPEN" ? <FollowUpForm measureId={m.id} title={m.title} action={addFollowUpAction} /> : null}
              </li>
            ))}
          </ul>
        ) : <p className="meta">{t.noMeasures}</p>}
        {insats.extensions.length ? <p className="meta">{fill(t.extended, { list: insats.extensions.map((x) => fill(t.extendedTo, { date: x.to, reason: x.reason })).join("; ") })}</p> : null}
      </section>
      {insats.closingReport ? (
        <section className="card" aria-labelledby="report" style={{ marginTop: "1rem" }} data-testid="closing-report">
          <h2 id="report">{t.report}</h2>
          <p className="meta">{fill(t.closedBy, { date: f.date(new Date(insats.closingReport.closedAt)), name: insats.closingReport.closedBy ?? "" })}</p>
          <p>
            {fill(t.reportCounts, { before: insats.closingReport.before, during: insats.closingReport.during })}
            {/* Windows of different length (a short Insats after its flag week) compare per week. */}
            {insats.closingReport.weeks && insats.closingReport.weeks.during >= 1 && windowsDiffer(insats.closingReport.weeks.before, insats.closingReport.weeks.during)
              ? ` ${fill(t.reportPerWeek, { before: f.number(insats.closingReport.before / insats.closingReport.weeks.before, 1), during: f.number(insats.closingReport.during / insats.closingReport.weeks.during, 1) })}`
              : null}
          </p>
          <p style={{ whiteSpace: "pre-wrap" }}>{insats.closingReport.outcome}</p>
          {insats.closingReport.lessons ? <><h3>{t.lessons}</h3><p style={{ whiteSpace: "pre-wrap" }}>{insats.closingReport.lessons}</p></> : null}
          <ul>{insats.closingReport.measures.map((m) => <li key={m.title}>{`${m.title} – ${m.decision ? (decision[m.decision] ?? m.decision) : status(m.status)}`}</li>)}</ul>
        </section>
      ) : null}
      {group.canManage && group.status === "OPEN" ? (
        <section className="card no-print" aria-labelledby="manage" style={{ marginTop: "1rem" }}>
          <h2 id="manage">{t.manage}</h2>
          <ExtendInsatsForm groupId={group.id} action={extendInsatsAction} />
          <hr />
          <CloseInsatsForm groupId={group.id} openMeasures={open.map((m) => ({ id: m.id, title: m.title }))} action={closeInsatsAction} />
        </section>
      ) : null}
    </>
  );
}

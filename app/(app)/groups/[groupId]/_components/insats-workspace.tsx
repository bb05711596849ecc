import Link from "next/link";
import type { getInsatsWorkspace } from "@/lib/insats/queries";
import { delta } from "@/lib/lagesbild/flags";
import { formatDate } from "@/lib/time/format";
import { Badge } from "@/components/ui/badge";
import { addFollowUpAction, closeInsatsAction, extendInsatsAction } from "../actions";
import { CloseInsatsForm, ExtendInsatsForm, FollowUpForm } from "./insats-manage";

type Workspace = Awaited<ReturnType<typeof getInsatsWorkspace>>;
const DECISION = { HAND_OVER: "lämnad till EST Vecko", CANCEL: "avbruten", KEEP: "behållen" } as Record<string, string>;

const listLink = (w: { start: Date; end: Date }) => `/incidents?${new URLSearchParams({ period: "", after: w.start.toISOString(), before: w.end.toISOString() })}`;

export function InsatsWorkspace({ group, insats }: { group: { id: string; status: string; canManage: boolean }; insats: Workspace }) {
  const { scope } = insats;
  const open = insats.measures.filter((m) => m.status === "PLANNED" || m.status === "ONGOING");
  return (
    <>
      <section className="card" aria-labelledby="scope" style={{ marginTop: "1rem" }}>
        <h2 id="scope">Händelser i insatsens område</h2>
        <dl className="facts" data-testid="insats-scope">
          <dt>Före (lika lång tid)</dt><dd><Link href={listLink(scope.windows.before)}>{scope.before}</Link></dd>
          <dt>Under insatsen</dt><dd><Link href={listLink(scope.windows.during)}>{scope.during}</Link> ({delta(scope.during, scope.before)})</dd>
          {scope.after !== null && scope.windows.after ? (<><dt>Efter</dt><dd><Link href={listLink(scope.windows.after)}>{scope.after}</Link></dd></>) : null}
        </dl>
        <h3 style={{ marginTop: "1rem" }}>Åtgärder</h3>
        {insats.measures.length ? (
          <ul className="stack" style={{ listStyle: "none", padding: 0 }} data-testid="insats-measures">
            {insats.measures.map((m) => (
              <li key={m.id} className="card">
                <div className="toolbar" style={{ justifyContent: "space-between" }}>
                  <strong>{m.title}</strong>
                  <Badge>{m.status.toLowerCase()}</Badge>
                </div>
                <div className="meta">{m.ownerOrg.name}{m.dueDate ? `, klart senast ${formatDate(m.dueDate)}` : ""}</div>
                {m.followUps.map((f, i) => <p key={i} style={{ margin: "0.25rem 0" }}>{formatDate(f.date)}: {f.text}{f.author ? ` (${f.author.name})` : ""}</p>)}
                {m.canFollowUp && group.status === "OPEN" ? <FollowUpForm measureId={m.id} title={m.title} action={addFollowUpAction} /> : null}
              </li>
            ))}
          </ul>
        ) : <p className="meta">Inga åtgärder ännu.</p>}
        {insats.extensions.length ? <p className="meta">Förlängd: {insats.extensions.map((x) => `till ${x.to} (${x.reason})`).join("; ")}</p> : null}
      </section>
      {insats.closingReport ? (
        <section className="card" aria-labelledby="report" style={{ marginTop: "1rem" }} data-testid="closing-report">
          <h2 id="report">Slutrapport</h2>
          <p className="meta">Avslutad {formatDate(new Date(insats.closingReport.closedAt))} av {insats.closingReport.closedBy}</p>
          <p>Händelser i området: {insats.closingReport.before} före, {insats.closingReport.during} under insatsen.</p>
          <p style={{ whiteSpace: "pre-wrap" }}>{insats.closingReport.outcome}</p>
          {insats.closingReport.lessons ? <><h3>Lärdomar</h3><p style={{ whiteSpace: "pre-wrap" }}>{insats.closingReport.lessons}</p></> : null}
          <ul>{insats.closingReport.measures.map((m) => <li key={m.title}>{m.title} – {m.decision ? DECISION[m.decision] : m.status.toLowerCase()}</li>)}</ul>
        </section>
      ) : null}
      {group.canManage && group.status === "OPEN" ? (
        <section className="card no-print" aria-labelledby="manage" style={{ marginTop: "1rem" }}>
          <h2 id="manage">Förläng eller avsluta</h2>
          <ExtendInsatsForm groupId={group.id} action={extendInsatsAction} />
          <hr />
          <CloseInsatsForm groupId={group.id} openMeasures={open.map((m) => ({ id: m.id, title: m.title }))} action={closeInsatsAction} />
        </section>
      ) : null}
    </>
  );
}

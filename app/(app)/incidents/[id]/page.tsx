import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import { ClientMessages } from "@/components/i18n/client-messages";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getIncident, getIncidentFormOptions } from "@/lib/incidents/queries";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { toLocalInputs } from "@/lib/time/format";
import { Badge } from "@/components/ui/badge";
import { IncidentForm } from "../_components/incident-form";
import { WithdrawForm } from "../_components/withdraw-form";
import { areaAtPinAction, placeSuggestionsAction, updateIncidentAction, withdrawIncidentAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.incident.metaTitle };
}

async function load(id: string) {
  const viewer = await requireViewer();
  return orNotFound(async () => {
    const incident = await getIncident(viewer, id);
    const options = incident.canEdit ? await getIncidentFormOptions(viewer, incident.municipalityId) : null;
    return { incident, options };
  });
}

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { incident: i, options } = await load((await params).id);
  const local = toLocalInputs(i.occurredAt);
  const { m: { incident: m, common }, f } = await getI18n();
  const fieldLabel: Record<string, string> = m.field;
  return (
    <ClientMessages ns={["incidentForm", "outbox", "incident"]}>
      <p className="no-print"><Link href={`/incidents?period=${i.isoWeek}`}>{fill(m.back, { week: f.period(i.isoWeek) })}</Link></p>
      <div className="page-header">
        <div>
          <h1>{i.category.label}{i.subcategory ? ` – ${i.subcategory.label}` : ""}</h1>
          <p className="lead">{`${i.area.name} · ${i.place}`}</p>
        </div>
        {i.status === "WITHDRAWN" ? <Badge tone="warn">{common.withdrawn}</Badge> : <Badge tone="ok">{common.active}</Badge>}
      </div>
      <div className="grid">
        <section className="card">
          <dl className="facts">
            <dt>{m.when}</dt><dd>{`${f.dateTime(i.occurredAt)}${i.occurredUntil ? `–${f.time(i.occurredUntil)}` : ""} (${f.period(i.isoWeek)})`}</dd>
            <dt>{m.reportedBy}</dt><dd>{i.reporterOrg.name}{i.reportedBy ? ` (${i.reportedBy})` : ""}</dd>
            <dt>{m.policeReported}</dt><dd>{i.policeReported ? common.yes : common.no}</dd>
            <dt>{m.followUp}</dt><dd>{i.needsFollowUp ? m.followUpNeeded : common.no}</dd>
            {i.withdrawReason ? (<><dt>{m.withdrawnReason}</dt><dd>{i.withdrawReason}</dd></>) : null}
          </dl>
          {i.description ? <p style={{ marginTop: "0.75rem", whiteSpace: "pre-wrap" }}>{i.description}</p> : null}
        </section>
        <section className="card" aria-labelledby="history">
          <h2 id="history">{m.history}</h2>
          <ol className="status-list" data-testid="incident-history">
            {i.versions.map((v) => (
              <li key={v.version}>
                <span>{fill(m.version, { version: v.version, fields: Object.keys(v.changes).map((k) => fieldLabel[k] ?? k).sort().join(", ") })}</span>
                <span className="meta">{f.dateTime(v.changedAt)}{v.changedBy ? ` · ${v.changedBy}` : ""}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
      {i.canEdit && options ? (
        <>
          <section className="card" aria-labelledby="edit" style={{ marginTop: "1rem" }}>
            <h2 id="edit">{m.edit}</h2>
            <IncidentForm
              options={options}
              mode={{ kind: "edit", id: i.id, version: i.version }}
              submit={updateIncidentAction}
              suggestPlaces={placeSuggestionsAction}
              areaAtPin={areaAtPinAction}
              defaults={{
                date: local.date, time: local.time, untilTime: i.occurredUntil ? f.time(i.occurredUntil) : "",
                areaId: i.areaId, place: i.place, latitude: i.latitude ?? "", longitude: i.longitude ?? "", categoryId: i.categoryId,
                subcategoryId: i.subcategoryId ?? "", description: i.description, policeReported: i.policeReported, needsFollowUp: i.needsFollowUp,
              }}
            />
          </section>
          <section className="card" aria-labelledby="withdraw" style={{ marginTop: "1rem" }}>
            <h2 id="withdraw">{m.withdraw}</h2>
            <WithdrawForm id={i.id} version={i.version} action={withdrawIncidentAction} />
          </section>
        </>
      ) : null}
    </ClientMessages>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { isExpectedError } from "@/lib/errors";
import { getIncident, getIncidentFormOptions } from "@/lib/incidents/queries";
import { formatDateTime, formatTime, toLocalInputs } from "@/lib/time/format";
import { periodLabel } from "@/lib/time/periods";
import { Badge } from "@/components/ui/badge";
import { IncidentForm } from "../_components/incident-form";
import { WithdrawForm } from "../_components/withdraw-form";
import { placeSuggestionsAction, updateIncidentAction, withdrawIncidentAction } from "../actions";

export const metadata: Metadata = { title: "Händelse" };

const FIELD_LABEL: Record<string, string> = {
  areaId: "kommundel", place: "plats", latitude: "latitud", longitude: "longitud", occurredAt: "tidpunkt", occurredUntil: "till",
  categoryId: "kategori", subcategoryId: "underkategori", description: "beskrivning", policeReported: "polisanmält",
  needsFollowUp: "behöver uppföljning", status: "status", reason: "anledning", created: "skapad",
};

async function load(id: string) {
  const viewer = await requireViewer();
  try {
    const incident = await getIncident(viewer, id);
    const options = incident.canEdit ? await getIncidentFormOptions(viewer, incident.municipalityId) : null;
    return { incident, options };
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { incident: i, options } = await load((await params).id);
  const local = toLocalInputs(i.occurredAt);
  return (
    <>
      <p className="no-print"><Link href={`/incidents?period=${i.isoWeek}`}>← Händelser {periodLabel(i.isoWeek)}</Link></p>
      <div className="page-header">
        <div>
          <h1>{i.category.label}{i.subcategory ? ` – ${i.subcategory.label}` : ""}</h1>
          <p className="lead">{i.area.name} · {i.place}</p>
        </div>
        {i.status === "WITHDRAWN" ? <Badge tone="warn">Tillbakadragen</Badge> : <Badge tone="ok">Aktiv</Badge>}
      </div>
      <div className="grid">
        <section className="card">
          <dl className="facts">
            <dt>När</dt><dd>{formatDateTime(i.occurredAt)}{i.occurredUntil ? `–${formatTime(i.occurredUntil)}` : ""} ({periodLabel(i.isoWeek)})</dd>
            <dt>Rapporterad av</dt><dd>{i.reporterOrg.name}{i.reportedBy ? ` (${i.reportedBy})` : ""}</dd>
            <dt>Polisanmält</dt><dd>{i.policeReported ? "Ja" : "Nej"}</dd>
            <dt>Uppföljning</dt><dd>{i.needsFollowUp ? "Behövs" : "Nej"}</dd>
            {i.withdrawReason ? (<><dt>Tillbakadragen</dt><dd>{i.withdrawReason}</dd></>) : null}
          </dl>
          {i.description ? <p style={{ marginTop: "0.75rem", whiteSpace: "pre-wrap" }}>{i.description}</p> : null}
        </section>
        <section className="card" aria-labelledby="history">
          <h2 id="history">Historik</h2>
          <ol className="status-list" data-testid="incident-history">
            {i.versions.map((v) => (
              <li key={v.version}>
                <span>Version {v.version}: {Object.keys(v.changes).map((k) => FIELD_LABEL[k] ?? k).sort().join(", ")}</span>
                <span className="meta">{formatDateTime(v.changedAt)}{v.changedBy ? ` · ${v.changedBy}` : ""}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
      {i.canEdit && options ? (
        <>
          <section className="card" aria-labelledby="edit" style={{ marginTop: "1rem" }}>
            <h2 id="edit">Ändra</h2>
            <IncidentForm
              options={options}
              mode={{ kind: "edit", id: i.id, version: i.version }}
              submit={updateIncidentAction}
              suggestPlaces={placeSuggestionsAction}
              defaults={{
                date: local.date, time: local.time, untilTime: i.occurredUntil ? formatTime(i.occurredUntil) : "",
                areaId: i.areaId, place: i.place, latitude: i.latitude ?? "", longitude: i.longitude ?? "", categoryId: i.categoryId,
                subcategoryId: i.subcategoryId ?? "", description: i.description, policeReported: i.policeReported, needsFollowUp: i.needsFollowUp,
              }}
            />
          </section>
          <section className="card" aria-labelledby="withdraw" style={{ marginTop: "1rem" }}>
            <h2 id="withdraw">Dra tillbaka</h2>
            <WithdrawForm id={i.id} version={i.version} action={withdrawIncidentAction} />
          </section>
        </>
      ) : null}
    </>
  );
}

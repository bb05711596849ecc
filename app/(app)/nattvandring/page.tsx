import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { isExpectedError } from "@/lib/errors";
import { listNightWalks } from "@/lib/nightwalks/queries";
import { formatDateTime, formatTime, toLocalInputs } from "@/lib/time/format";
import { createNightWalkAction } from "./actions";
import { NightWalkForm } from "./_components/night-walk-form";

export const metadata: Metadata = { title: "Nattvandring" };

/** Associations that walk at night report their walks; the walks count as adult presence. */
/** Walks are reported afterwards: before noon the default is the evening before. */
function defaultDate(now = new Date()): string {
  const local = toLocalInputs(now);
  return Number(local.time.slice(0, 2)) < 12 ? toLocalInputs(new Date(now.getTime() - 12 * 3_600_000)).date : local.date;
}

export default async function NightWalkPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const data = await listNightWalks(viewer, active.municipalityId).catch((e) => (isExpectedError(e) ? notFound() : Promise.reject(e)));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Nattvandring</h1>
          <p className="lead">{active.organisationName} · passen räknas som vuxennärvaro i veckans lägesbild; iakttagelser kan bli händelser.</p>
        </div>
      </div>
      <section className="card" aria-labelledby="new" style={{ marginBottom: "1rem" }}>
        <h2 id="new">Nytt pass</h2>
        <NightWalkForm municipalityId={active.municipalityId} today={defaultDate()} areas={data.areas} categories={data.categories.map((c) => ({ id: c.id, name: c.label }))} action={createNightWalkAction} />
      </section>
      <section className="card" aria-labelledby="walks">
        <h2 id="walks">Registrerade pass</h2>
        {data.walks.length === 0 ? <p className="meta">Inga pass ännu.</p> : (
          <ul className="status-list" data-testid="walks">
            {data.walks.map((w) => (
              <li key={w.id}>
                <span>{formatDateTime(w.startsAt)}–{formatTime(w.endsAt)} · {w.walkers} vandrare · {w.areas.map((a) => a.area.name).join(", ")}</span>
                <span className="meta">{w.organisation.name} · {w.observations.length} iakttagelser ({w.observations.filter((o) => o.incidentId).length} händelser)</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

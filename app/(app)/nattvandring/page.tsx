import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { listNightWalks } from "@/lib/nightwalks/queries";
import { toLocalInputs } from "@/lib/time/format";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { createNightWalkAction } from "./actions";
import { NightWalkForm } from "./_components/night-walk-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.nightWalk.title };
}

/** Associations that walk at night report their walks; the walks count as adult presence. */
/** Walks are reported afterwards: before noon the default is the evening before. */
function defaultDate(now = new Date()): string {
  const local = toLocalInputs(now);
  return Number(local.time.slice(0, 2)) < 12 ? toLocalInputs(new Date(now.getTime() - 12 * 3_600_000)).date : local.date;
}

export default async function NightWalkPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const { m: { nightWalk: t }, f } = await getI18n();
  const data = await orNotFound(listNightWalks(viewer, active.municipalityId));
  return (
    <ClientMessages ns={["nightWalkForm"]}>
      <div className="page-header">
        <div>
          <h1>{t.title}</h1>
          <p className="lead">{`${active.organisationName} · ${t.lead}`}</p>
        </div>
      </div>
      <section className="card" aria-labelledby="new" style={{ marginBottom: "1rem" }}>
        <h2 id="new">{t.new}</h2>
        <NightWalkForm municipalityId={active.municipalityId} today={defaultDate()} areas={data.areas} categories={data.categories.map((c) => ({ id: c.id, name: c.label }))} action={createNightWalkAction} />
      </section>
      <section className="card" aria-labelledby="walks">
        <h2 id="walks">{t.walks}</h2>
        {data.walks.length === 0 ? <p className="meta">{t.none}</p> : (
          <ul className="status-list" data-testid="walks">
            {data.walks.map((w) => (
              <li key={w.id}>
                <span>{`${f.dateTime(w.startsAt)}–${f.time(w.endsAt)} · ${fill(t.walkers, { count: w.walkers })} · ${w.areas.map((a) => a.area.name).join(", ")}`}</span>
                <span className="meta">{`${w.organisation.name} · ${fill(t.observations, { count: w.observations.length, incidents: w.observations.filter((o) => o.incidentId).length })}`}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </ClientMessages>
  );
}

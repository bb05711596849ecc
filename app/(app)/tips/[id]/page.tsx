import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { LANGUAGES } from "@/lib/tips/messages";
import { getTip } from "@/lib/tips/queries";
import { toLocalInputs } from "@/lib/time/format";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Badge } from "@/components/ui/badge";
import { acceptTipAction, closeTipsAction, mergeTipAction } from "../actions";
import { AcceptTipForm, CloseTipForm, MergeTipForm } from "../_components/triage-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.tips.one };
}

async function load(id: string) {
  const viewer = await requireViewer();
  return orNotFound(async () => {
    return await getTip(viewer, id);
  });
}

/** One tip: what the resident wrote, their contact details (if any), and the three ways to handle it. */
export default async function TipPage({ params }: { params: Promise<{ id: string }> }) {
  const tip = await load((await params).id);
  const when = tip.occurredAt ?? tip.createdAt;
  const local = toLocalInputs(when);
  const { m: { tips: t }, f } = await getI18n();
  return (
    <ClientMessages ns={["tipForms"]}>
      <p><Link href="/tips">{`← ${t.title}`}</Link></p>
      <div className="page-header">
        <div>
          <h1>{`${t.kind[tip.kind]}: ${tip.place}`}</h1>
          <p className="lead">
            {`${tip.area?.name ?? t.areaUnknown} · ${tip.occurredAt ? fill(t.occurred, { time: f.dateTime(tip.occurredAt) }) : fill(t.received, { time: f.dateTime(tip.createdAt) })} · ${LANGUAGES[tip.language as keyof typeof LANGUAGES] ?? tip.language}`}
            {" "}{tip.status === "NEW" ? <Badge tone="warn">{t.new}</Badge> : <Badge>{t.event[tip.status]}</Badge>}
          </p>
        </div>
      </div>
      <div className="grid">
        <section className="card" aria-labelledby="what">
          <h2 id="what">{t.wrote}</h2>
          <p style={{ whiteSpace: "pre-wrap" }}>{tip.description || <span className="meta">{t.noDescription}</span>}</p>
          {tip.latitude !== null && tip.longitude !== null ? <p className="meta">{fill(t.position, { lat: tip.latitude.toFixed(5), lng: tip.longitude.toFixed(5) })}</p> : null}
          {tip.photoType ? <p><img src={`/api/tips/photo/${tip.id}`} alt={fill(t.photoAlt, { place: tip.place })} style={{ maxWidth: "100%", borderRadius: 6 }} /></p> : null}
          {tip.closeReason ? <p><strong>{t.reason}</strong>{` ${tip.closeReason}`}</p> : null}
          {tip.incidentId ? <p><Link href={`/incidents/${tip.incidentId}`}>{t.incidentLink}</Link></p> : null}
        </section>
        <section className="card" aria-labelledby="contact">
          <h2 id="contact">{t.contact}</h2>
          {tip.contact ? (
            <dl className="facts" data-testid="tip-contact">
              <dt>{t.name}</dt><dd>{tip.contact.name ?? "–"}</dd>
              <dt>{t.email}</dt><dd>{tip.contact.email ?? "–"}</dd>
              <dt>{t.phone}</dt><dd>{tip.contact.phone ?? "–"}</dd>
            </dl>
          ) : <p className="meta">{t.anonymous}</p>}
          <h3>{t.history}</h3>
          <ul className="status-list">
            {tip.events.map((e) => <li key={e.id}><span>{`${t.event[e.status]}${e.note && e.status === "CLOSED" ? `: ${e.note}` : ""}`}</span><span className="meta">{`${f.dateTime(e.at)}${e.by ? ` · ${e.by}` : ""}`}</span></li>)}
          </ul>
        </section>
      </div>
      {tip.status === "NEW" ? (
        <div className="grid" style={{ marginTop: "1rem" }}>
          <section className="card" aria-labelledby="accept">
            <h2 id="accept">{t.accept}</h2>
            <p className="meta">{t.acceptHint}</p>
            <AcceptTipForm
              tipId={tip.id}
              areas={tip.areas}
              categories={tip.categories.map((c) => ({ id: c.id, name: c.label }))}
              initial={{ areaId: tip.areaId ?? "", categoryId: tip.suggestedCategoryId, place: tip.place, date: local.date, time: local.time }}
              action={acceptTipAction}
            />
          </section>
          <section className="card" aria-labelledby="merge">
            <h2 id="merge">{t.alreadyReported}</h2>
            {tip.candidates.length ? (
              <MergeTipForm tipId={tip.id} candidates={tip.candidates.map((c) => ({ id: c.id, name: `${f.dateTime(c.occurredAt)} ${c.place}, ${c.area.name} (${c.category.label})` }))} action={mergeTipAction} />
            ) : <p className="meta">{t.noCandidates}</p>}
            <h2 style={{ marginTop: "1.5rem" }}>{t.close}</h2>
            <CloseTipForm tipId={tip.id} action={closeTipsAction} />
          </section>
        </div>
      ) : null}
    </ClientMessages>
  );
}

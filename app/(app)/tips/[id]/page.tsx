import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { isExpectedError } from "@/lib/errors";
import { TIP_EVENT_LABEL, TIP_KIND_LABEL } from "@/lib/tips/labels";
import { LANGUAGES } from "@/lib/tips/messages";
import { getTip } from "@/lib/tips/queries";
import { formatDateTime, toLocalInputs } from "@/lib/time/format";
import { Badge } from "@/components/ui/badge";
import { acceptTipAction, closeTipsAction, mergeTipAction } from "../actions";
import { AcceptTipForm, CloseTipForm, MergeTipForm } from "../_components/triage-forms";

export const metadata: Metadata = { title: "Tips" };

async function load(id: string) {
  const viewer = await requireViewer();
  try {
    return await getTip(viewer, id);
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** One tip: what the resident wrote, their contact details (if any), and the three ways to handle it. */
export default async function TipPage({ params }: { params: Promise<{ id: string }> }) {
  const tip = await load((await params).id);
  const when = tip.occurredAt ?? tip.createdAt;
  const local = toLocalInputs(when);
  return (
    <>
      <p><Link href="/tips">← Tips från boende</Link></p>
      <div className="page-header">
        <div>
          <h1>{TIP_KIND_LABEL[tip.kind]}: {tip.place}</h1>
          <p className="lead">
            {tip.area?.name ?? "Område okänt"} · {tip.occurredAt ? `inträffade ${formatDateTime(tip.occurredAt)}` : `inkom ${formatDateTime(tip.createdAt)}`} · {LANGUAGES[tip.language as keyof typeof LANGUAGES] ?? tip.language}
            {" "}{tip.status === "NEW" ? <Badge tone="warn">Ny</Badge> : <Badge>{TIP_EVENT_LABEL[tip.status]}</Badge>}
          </p>
        </div>
      </div>
      <div className="grid">
        <section className="card" aria-labelledby="what">
          <h2 id="what">Vad boende skrev</h2>
          <p style={{ whiteSpace: "pre-wrap" }}>{tip.description || <span className="meta">Ingen beskrivning – bara platsen.</span>}</p>
          {tip.latitude !== null && tip.longitude !== null ? <p className="meta">Markerad position: {tip.latitude.toFixed(5)}, {tip.longitude.toFixed(5)}</p> : null}
          {tip.photoType ? <p><img src={`/api/tips/photo/${tip.id}`} alt={`Bild från tipset om ${tip.place}`} style={{ maxWidth: "100%", borderRadius: 6 }} /></p> : null}
          {tip.closeReason ? <p><strong>Skäl:</strong> {tip.closeReason}</p> : null}
          {tip.incidentId ? <p><Link href={`/incidents/${tip.incidentId}`}>Händelsen tipset gäller →</Link></p> : null}
        </section>
        <section className="card" aria-labelledby="contact">
          <h2 id="contact">Kontaktuppgifter</h2>
          {tip.contact ? (
            <dl className="facts" data-testid="tip-contact">
              <dt>Namn</dt><dd>{tip.contact.name ?? "–"}</dd>
              <dt>E-post</dt><dd>{tip.contact.email ?? "–"}</dd>
              <dt>Telefon</dt><dd>{tip.contact.phone ?? "–"}</dd>
            </dl>
          ) : <p className="meta">Anonymt – inga kontaktuppgifter.</p>}
          <h3>Historik</h3>
          <ul className="status-list">
            {tip.events.map((e) => <li key={e.id}><span>{TIP_EVENT_LABEL[e.status]}{e.note && e.status === "CLOSED" ? `: ${e.note}` : ""}</span><span className="meta">{formatDateTime(e.at)}{e.by ? ` · ${e.by}` : ""}</span></li>)}
          </ul>
        </section>
      </div>
      {tip.status === "NEW" ? (
        <div className="grid" style={{ marginTop: "1rem" }}>
          <section className="card" aria-labelledby="accept">
            <h2 id="accept">Godta som händelse</h2>
            <p className="meta">Händelsen räknas med källan ”boende” och visas skilt i lägesbilden.</p>
            <AcceptTipForm
              tipId={tip.id}
              areas={tip.areas}
              categories={tip.categories.map((c) => ({ id: c.id, name: c.label }))}
              initial={{ areaId: tip.areaId ?? "", categoryId: tip.suggestedCategoryId, place: tip.place, date: local.date, time: local.time }}
              action={acceptTipAction}
            />
          </section>
          <section className="card" aria-labelledby="merge">
            <h2 id="merge">Redan rapporterat?</h2>
            {tip.candidates.length ? (
              <MergeTipForm tipId={tip.id} candidates={tip.candidates.map((c) => ({ id: c.id, name: `${formatDateTime(c.occurredAt)} ${c.place}, ${c.area.name} (${c.category.label})` }))} action={mergeTipAction} />
            ) : <p className="meta">Inga händelser i området veckan runt tipset.</p>}
            <h2 style={{ marginTop: "1.5rem" }}>Avsluta</h2>
            <CloseTipForm tipId={tip.id} action={closeTipsAction} />
          </section>
        </div>
      ) : null}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { listAgreements } from "@/lib/agreements/agreements";
import { COMMITMENT_STATUS, PARTY, halfYearOf } from "@/lib/agreements/schema";
import { isExpectedError } from "@/lib/errors";
import { formatDate, toLocalInputs } from "@/lib/time/format";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";
import { followUpCommitmentAction } from "./actions";
import { CommitmentFollowUpForm } from "./_components/follow-up-form";

export const metadata: Metadata = { title: "Samverkansöverenskommelse" };

const TONE = { MET: "ok", PARTLY: "warn", NOT_MET: "danger" } as const;

export default async function AgreementsPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const data = await listAgreements(viewer, active.municipalityId).catch((e) => (isExpectedError(e) ? notFound() : Promise.reject(e)));
  const halfYear = halfYearOf(toLocalInputs(new Date()).date);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Samverkansöverenskommelse med Polisen</h1>
          <p className="lead">{active.municipalityName} · åtaganden och halvårsvis uppföljning</p>
        </div>
        <div className="toolbar no-print">{data.canFollowUp ? <Link className="btn" href="/samverkan/ny">Ny överenskommelse</Link> : null}<PrintButton /></div>
      </div>
      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="unmet" data-testid="unmet">
        <h2 id="unmet">Åtaganden som inte är uppfyllda</h2>
        {data.unmet.length ? (
          <ul className="status-list">
            {data.unmet.map((c) => (
              <li key={c.id}>
                <span><strong>{c.text}</strong> ({PARTY[c.party]}) · {c.latest!.halfYear}{c.latest!.comment ? ` – ${c.latest!.comment}` : ""}</span>
                <Badge tone={TONE[c.latest!.status]}>{COMMITMENT_STATUS[c.latest!.status]}</Badge>
              </li>
            ))}
          </ul>
        ) : <p>Alla uppföljda åtaganden är uppfyllda.</p>}
      </section>
      {data.agreements.length === 0 ? <p className="meta">Ingen överenskommelse är registrerad.</p> : null}
      {data.agreements.map((a) => (
        <section key={a.id} className="card" style={{ marginBottom: "1rem" }} aria-labelledby={`a-${a.id}`}>
          <h2 id={`a-${a.id}`}>{a.title}</h2>
          <p className="meta">Gäller {formatDate(a.validFrom)} – {formatDate(a.validTo)}</p>
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {a.commitments.map((c) => (
              <li key={c.id} className="measure">
                <h3>{c.text} <span className="meta">{PARTY[c.party]}</span> {c.latest ? <Badge tone={TONE[c.latest.status]}>{COMMITMENT_STATUS[c.latest.status]} {c.latest.halfYear}</Badge> : <Badge>Ej uppföljt</Badge>}</h3>
                {c.followUps.length ? <ul>{c.followUps.map((f) => <li key={f.halfYear}>{f.halfYear}: {COMMITMENT_STATUS[f.status]}{f.comment ? ` – ${f.comment}` : ""}</li>)}</ul> : null}
                {data.canFollowUp ? <CommitmentFollowUpForm commitmentId={c.id} text={c.text} halfYear={halfYear} action={followUpCommitmentAction} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

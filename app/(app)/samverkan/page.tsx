import type { Metadata } from "next";
import { orNotFound } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { listAgreements } from "@/lib/agreements/agreements";
import { halfYearOf } from "@/lib/agreements/schema";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { toLocalInputs } from "@/lib/time/format";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";
import { followUpCommitmentAction } from "./actions";
import { CommitmentFollowUpForm } from "./_components/follow-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.agreements.metaTitle };
}

const TONE = { MET: "ok", PARTLY: "warn", NOT_MET: "danger" } as const;

export default async function AgreementsPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const data = await orNotFound(listAgreements(viewer, active.municipalityId));
  const halfYear = halfYearOf(toLocalInputs(new Date()).date);
  const { m: { agreements: t }, f } = await getI18n();
  return (
    <ClientMessages ns={["agreementForms"]}>
      <div className="page-header">
        <div>
          <h1>{t.title}</h1>
          <p className="lead">{`${active.municipalityName} · ${t.lead}`}</p>
        </div>
        <div className="toolbar no-print">{data.canFollowUp ? <Link className="btn" href="/samverkan/ny">{t.new}</Link> : null}<PrintButton /></div>
      </div>
      <section className="card" style={{ marginBottom: "1rem" }} aria-labelledby="unmet" data-testid="unmet">
        <h2 id="unmet">{t.unmet}</h2>
        {data.unmet.length ? (
          <ul className="status-list">
            {data.unmet.map((c) => (
              <li key={c.id}>
                <span><strong>{c.text}</strong>{` (${t.party[c.party]}) · ${c.latest!.halfYear}${c.latest!.comment ? ` – ${c.latest!.comment}` : ""}`}</span>
                <Badge tone={TONE[c.latest!.status]}>{t.status[c.latest!.status]}</Badge>
              </li>
            ))}
          </ul>
        ) : <p>{t.allMet}</p>}
      </section>
      {data.agreements.length === 0 ? <p className="meta">{t.none}</p> : null}
      {data.agreements.map((a) => (
        <section key={a.id} className="card" style={{ marginBottom: "1rem" }} aria-labelledby={`a-${a.id}`}>
          <h2 id={`a-${a.id}`}>{a.title}</h2>
          <p className="meta">{fill(t.valid, { from: f.date(a.validFrom), to: f.date(a.validTo) })}</p>
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {a.commitments.map((c) => (
              <li key={c.id} className="measure">
                <h3>{`${c.text} `}<span className="meta">{t.party[c.party]}</span>{" "}{c.latest ? <Badge tone={TONE[c.latest.status]}>{`${t.status[c.latest.status]} ${c.latest.halfYear}`}</Badge> : <Badge>{t.notFollowedUp}</Badge>}</h3>
                {c.followUps.length ? <ul>{c.followUps.map((fu) => <li key={fu.halfYear}>{`${fu.halfYear}: ${t.status[fu.status]}${fu.comment ? ` – ${fu.comment}` : ""}`}</li>)}</ul> : null}
                {data.canFollowUp ? <CommitmentFollowUpForm commitmentId={c.id} text={c.text} halfYear={halfYear} action={followUpCommitmentAction} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </ClientMessages>
  );
}

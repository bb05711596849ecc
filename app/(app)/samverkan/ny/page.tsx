import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { createAgreementAction } from "../actions";
import { AgreementForm } from "../_components/agreement-form";

export const metadata: Metadata = { title: "Ny samverkansöverenskommelse" };

export default async function NewAgreementPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  if (!can(viewer, "tertial:edit", { municipalityId: active.municipalityId })) notFound();
  const year = new Date().getFullYear() + 1;
  return (
    <>
      <div className="page-header"><div><div className="meta"><Link href="/samverkan">Samverkan</Link></div><h1>Ny samverkansöverenskommelse</h1></div></div>
      <section className="card">
        <AgreementForm action={createAgreementAction} defaults={{ title: `Samverkansöverenskommelse ${active.municipalityName} och Polismyndigheten ${year}–${year + 1}`, validFrom: `${year}-01-01`, validTo: `${year + 1}-12-31`, commitments: "" }} />
      </section>
    </>
  );
}

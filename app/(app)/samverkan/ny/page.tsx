import type { Metadata } from "next";
import { refusePage } from "@/lib/page-errors";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { createAgreementAction } from "../actions";
import { AgreementForm } from "../_components/agreement-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.agreements.newTitle };
}

export default async function NewAgreementPage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  if (!can(viewer, "tertial:edit", { municipalityId: active.municipalityId })) return refusePage("FORBIDDEN");
  const year = new Date().getFullYear() + 1;
  const t = (await getI18n()).m.agreements;
  return (
    <ClientMessages ns={["agreementForms"]}>
      <div className="page-header"><div><div className="meta"><Link href="/samverkan">{t.cooperation}</Link></div><h1>{t.newTitle}</h1></div></div>
      <section className="card">
        <AgreementForm action={createAgreementAction} defaults={{ title: fill(t.defaultName, { municipality: active.municipalityName, from: year, to: year + 1 }), validFrom: `${year}-01-01`, validTo: `${year + 1}-12-31`, commitments: "" }} />
      </section>
    </ClientMessages>
  );
}

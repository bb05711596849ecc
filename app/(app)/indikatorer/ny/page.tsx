import type { Metadata } from "next";
import { refusePage } from "@/lib/page-errors";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getIndicatorCoverage } from "@/lib/indicators/coverage";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { saveIndicatorAction } from "../actions";
import { IndicatorForm } from "../_components/indicator-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.indicators.new };
}

export default async function NewIndicatorPage({ searchParams }: { searchParams: Promise<{ namnd?: string }> }) {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  if (!can(viewer, "tertial:edit", { municipalityId: active.municipalityId })) return refusePage("FORBIDDEN");
  const { participants } = await getIndicatorCoverage(viewer, active.municipalityId);
  const board = (await searchParams).namnd ?? "";
  const t = (await getI18n()).m.indicators;
  return (
    <ClientMessages ns={["indicatorForms"]}>
      <div className="page-header"><div><div className="meta"><Link href="/indikatorer">{t.title}</Link></div><h1>{t.new}</h1></div></div>
      <section className="card">
        <IndicatorForm boards={participants} action={saveIndicatorAction}
          defaults={{ id: "", ownerBoard: board, name: "", definition: "", unit: "%", direction: "HIGHER_IS_BETTER", baselineYear: "2021", baseline: "", target: "", milestones: "" }} />
      </section>
    </ClientMessages>
  );
}

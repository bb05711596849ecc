import type { Metadata } from "next";
import { orNotFound, refusePage } from "@/lib/page-errors";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getIndicator, getIndicatorCoverage } from "@/lib/indicators/coverage";
import { getI18n } from "@/lib/i18n/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { saveIndicatorAction } from "../../actions";
import { IndicatorForm } from "../../_components/indicator-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.indicators.edit };
}

const text = (n: number | null) => (n === null ? "" : String(n).replace(".", ","));

export default async function EditIndicatorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const i = await orNotFound(getIndicator(viewer, active.municipalityId, id));
  if (!i.canRecord) return refusePage("FORBIDDEN");
  const { participants } = await getIndicatorCoverage(viewer, active.municipalityId);
  const t = (await getI18n()).m.indicators;
  const milestones = Array.isArray(i.milestones) ? (i.milestones as { year: number; value: number }[]) : [];
  return (
    <ClientMessages ns={["indicatorForms"]}>
      <div className="page-header"><div><div className="meta"><Link href={`/indikatorer/${i.id}`}>{i.name}</Link></div><h1>{t.edit}</h1></div></div>
      <section className="card">
        <IndicatorForm boards={participants} action={saveIndicatorAction}
          defaults={{
            id: i.id, ownerBoard: i.ownerBoard, name: i.name, definition: i.definition ?? "", unit: (["%", "st", "index", "kr"].includes(i.unit ?? "") ? i.unit : "st") as "%",
            direction: i.direction, baselineYear: i.baselineYear ? String(i.baselineYear) : "", baseline: text(i.baseline), target: text(i.target),
            milestones: milestones.map((m) => `${m.year}: ${text(m.value)}`).join("; "),
          }} />
      </section>
    </ClientMessages>
  );
}

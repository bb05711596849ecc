import type { Metadata } from "next";
import { refusePage } from "@/lib/page-errors";
import { ClientMessages } from "@/components/i18n/client-messages";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getMeasureFormOptions } from "@/lib/measures/register";
import { toLocalInputs } from "@/lib/time/format";
import { getI18n } from "@/lib/i18n/server";
import { createMeasureAction } from "./actions";
import { NewMeasureForm } from "./_components/new-measure-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.measures.new };
}

export default async function NewMeasurePage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const options = await getMeasureFormOptions(viewer, active.municipalityId);
  if (!options) return refusePage("FORBIDDEN");
  const today = toLocalInputs(new Date()).date;
  const t = (await getI18n()).m.measures;
  return (
    <ClientMessages ns={["measureFormFull"]}>
      <div className="page-header">
        <div>
          <div className="meta"><Link href="/atgarder">{t.title}</Link></div>
          <h1>{t.new}</h1>
          <p className="lead">{t.newLead}</p>
        </div>
      </div>
      <section className="card">
        <NewMeasureForm
          defaults={{ title: "", description: "", kind: "SHORT_TERM", isJoint: false, areaId: "", place: "", ownerOrgId: "", responsibleName: "", participantOrgIds: [], startDate: today, dueDate: today, goalId: "", groupId: options.groupRequired ? (options.groups[0]?.id ?? "") : "" }}
          areas={options.areas} organisations={options.organisations} goals={options.goals} groups={options.groups} groupRequired={options.groupRequired}
          action={createMeasureAction}
        />
      </section>
    </ClientMessages>
  );
}

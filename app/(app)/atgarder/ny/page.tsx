import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getMeasureFormOptions } from "@/lib/measures/register";
import { toLocalInputs } from "@/lib/time/format";
import { createMeasureAction } from "./actions";
import { NewMeasureForm } from "./_components/new-measure-form";

export const metadata: Metadata = { title: "Ny åtgärd" };

export default async function NewMeasurePage() {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const options = await getMeasureFormOptions(viewer, active.municipalityId);
  if (!options) notFound();
  const today = toLocalInputs(new Date()).date;
  return (
    <>
      <div className="page-header">
        <div>
          <div className="meta"><Link href="/atgarder">Åtgärder</Link></div>
          <h1>Ny åtgärd</h1>
          <p className="lead">Vem gör vad, var och till när – och vilket mål det bidrar till.</p>
        </div>
      </div>
      <section className="card">
        <NewMeasureForm
          defaults={{ title: "", description: "", kind: "SHORT_TERM", isJoint: false, areaId: "", place: "", ownerOrgId: "", responsibleName: "", participantOrgIds: [], startDate: today, dueDate: today, goalId: "", groupId: options.groupRequired ? (options.groups[0]?.id ?? "") : "" }}
          areas={options.areas} organisations={options.organisations} goals={options.goals} groups={options.groups} groupRequired={options.groupRequired}
          action={createMeasureAction}
        />
      </section>
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { isExpectedError } from "@/lib/errors";
import { getInsatsFormOptions } from "@/lib/insats/queries";
import type { TInsatsOpen } from "@/lib/insats/schema";
import { getLagesbildDraft } from "@/lib/lagesbild/queries";
import { isPeriodKey, periodLabel } from "@/lib/time/periods";
import { OpenInsatsForm } from "./_components/open-insats-form";
import { openInsatsAction } from "./actions";

export const metadata: Metadata = { title: "Starta EST Insats" };

type Search = { fromGroup?: string; week?: string; areaId?: string; categoryId?: string };

/** Evidence from a flag in a lägesbild, carried into the new Insats. */
async function evidence(viewer: Awaited<ReturnType<typeof requireViewer>>, s: Search) {
  if (!s.fromGroup || !s.week || !isPeriodKey(s.week, "week") || !s.areaId || !s.categoryId) return null;
  const draft = await getLagesbildDraft(viewer, s.fromGroup, s.week).catch(() => null);
  const flag = draft?.flags.find((f) => f.area.id === s.areaId && f.category.id === s.categoryId);
  if (!draft || !flag) return null;
  const places = draft.hotspots.filter((h) => h.areaId === s.areaId).slice(0, 3).map((h) => h.place);
  return {
    name: `EST Insats ${flag.area.name}`,
    problem: `${flag.category.label} i ${flag.area.name}, ${periodLabel(s.week)}: ${flag.cell.flag.explanation}`,
    places: places.join(", "),
    areaIds: [flag.area.id],
    origin: { groupId: draft.group.id, week: s.week, areaId: flag.area.id, categoryId: flag.category.id },
  };
}

export default async function OpenInsatsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const options = await getInsatsFormOptions(viewer, active.municipalityId).catch((e) => (isExpectedError(e) ? notFound() : Promise.reject(e)));
  const from = await evidence(viewer, await searchParams);
  const defaults: TInsatsOpen = {
    municipalityId: active.municipalityId, name: from?.name ?? "EST Insats ", problem: from?.problem ?? "", places: from?.places ?? "",
    areaIds: from?.areaIds ?? [], plannedEndDate: options.defaultEndDate, memberIds: [], inviteEmails: "", inviteOrganisationId: "", cadence: "TWICE_WEEKLY", weekday: 1, time: "15:00", origin: from?.origin ?? null,
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Starta EST Insats</h1>
          <p className="lead">{active.municipalityName}{from ? " · underlaget kommer från lägesbildens flagga" : ""}</p>
        </div>
      </div>
      <section className="card"><OpenInsatsForm defaults={defaults} areas={options.areas} people={options.people} organisations={options.organisations} action={openInsatsAction} /></section>
    </>
  );
}

import type { Metadata } from "next";
import { orNotFound, orNull } from "@/lib/page-errors";
import { ClientMessages } from "@/components/i18n/client-messages";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { getInsatsFormOptions, runningInsatser } from "@/lib/insats/queries";
import type { TInsatsOpen } from "@/lib/insats/schema";
import { getLagesbildDraft } from "@/lib/lagesbild/queries";
import { explainFlag } from "@/lib/lagesbild/flags";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n, type I18n } from "@/lib/i18n/server";
import { isPeriodKey } from "@/lib/time/periods";
import { OpenInsatsForm } from "./_components/open-insats-form";
import { openInsatsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.insats.start };
}

type Search = { fromGroup?: string; week?: string; areaId?: string; categoryId?: string };

/** Evidence from a flag in a lägesbild, carried into the new Insats. */
async function evidence(viewer: Awaited<ReturnType<typeof requireViewer>>, s: Search, { locale, m, f }: I18n) {
  if (!s.fromGroup || !s.week || !isPeriodKey(s.week, "week") || !s.areaId || !s.categoryId) return null;
  const draft = await orNull(getLagesbildDraft(viewer, s.fromGroup, s.week));
  const flag = draft?.flags.find((f) => f.area.id === s.areaId && f.category.id === s.categoryId);
  if (!draft || !flag) return null;
  const places = draft.hotspots.filter((h) => h.areaId === s.areaId).slice(0, 3).map((h) => h.place);
  return {
    name: `EST Insats ${flag.area.name}`,
    problem: fill(m.insats.problemFromFlag, {
      category: flag.category.label, area: flag.area.name, week: f.period(s.week),
      explanation: explainFlag(flag.cell, flag.cell.flag.probability, flag.cell.flag.flagged, m.lagesbild, locale),
    }),
    places: places.join(", "),
    areaIds: [flag.area.id],
    origin: { groupId: draft.group.id, week: s.week, areaId: flag.area.id, categoryId: flag.category.id },
  };
}

export default async function OpenInsatsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const options = await orNotFound(getInsatsFormOptions(viewer, active.municipalityId));
  const i18n = await getI18n();
  const from = await evidence(viewer, await searchParams, i18n);
  const running = (await runningInsatser(active.municipalityId)).map((r) => ({ ...r, since: i18n.f.date(r.since) }));
  const t = i18n.m.insats;
  const defaults: TInsatsOpen = {
    municipalityId: active.municipalityId, name: from?.name ?? "EST Insats ", problem: from?.problem ?? "", places: from?.places ?? "",
    areaIds: from?.areaIds ?? [], plannedEndDate: options.defaultEndDate, memberIds: [], inviteEmails: "", inviteOrganisationId: "", cadence: "TWICE_WEEKLY", weekday: 1, time: "15:00", origin: from?.origin ?? null, confirmDuplicate: false,
  };
  return (
    <ClientMessages ns={["insatsForm"]}>
      <div className="page-header">
        <div>
          <h1>{t.start}</h1>
          <p className="lead">{active.municipalityName}{from ? ` · ${t.fromFlag}` : ""}</p>
        </div>
      </div>
      <section className="card"><OpenInsatsForm defaults={defaults} areas={options.areas} people={options.people} organisations={options.organisations} running={running} action={openInsatsAction} /></section>
    </ClientMessages>
  );
}

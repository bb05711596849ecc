// Two years of synthetic incidents, weekly reports, goals, indicators and a few measures, so
// every screen has something to show. Runs only once per municipality.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { periodRange, shiftPeriod, weekKey } from "../../lib/time/periods";
import { stockholmDay } from "../../lib/time/zone";
import { generateHistory, mulberry32 } from "./history";
import type { SeededMunicipality } from "./municipality";
import { EDSBERG_GOALS, INDICATORS, MISSION_PARTICIPANTS, POLICE_AGREEMENT_GOALS, type MunicipalitySeed } from "./reference";

const ORG_WEIGHTS: Record<string, number> = {
  sollentunahem: 30, polis: 20, trygghetsvardar: 15, kfk: 10, uk: 8, sok: 5, "klk-sakerhet": 5, attunda: 4, nattvandrare: 3,
};
// The week of the history each partner began reporting in (the police and the housing company
// from the start): the first tertial is partly covered, as in a real start-up.
const ORG_FROM_WEEK: Record<string, number> = { attunda: 1, trygghetsvardar: 2, kfk: 4, "klk-sakerhet": 6, uk: 8, sok: 11, nattvandrare: 14 };
const AREA_WEIGHTS: Record<string, number> = { edsberg: 22, tureberg: 24, rotebro: 12, helenelund: 10, bagarby: 5, haggvik: 7, norrviken: 6, ovriga: 14 };

export async function seedDemoData(db: PrismaClient, m: MunicipalitySeed, s: SeededMunicipality, now: Date, weeks = 104): Promise<number> {
  if ((await db.incident.count({ where: { municipalityId: s.id } })) > 0) return 0;
  const categories = await db.incidentCategory.findMany({
    where: { municipalityId: s.id, parentId: null },
    select: { id: true, code: true, children: { select: { id: true } } },
  });
  const history = generateHistory(
    {
      areas: m.areas.map((a) => ({ id: s.areaIds.get(a.code)!, code: a.code, places: a.places, center: a.center, weight: AREA_WEIGHTS[a.code] ?? 5 })),
      categories: categories.map((c) => ({ id: c.id, code: c.code, subIds: c.children.map((x) => x.id) })),
      organisations: [...s.orgIds].filter(([code]) => ORG_WEIGHTS[code]).map(([code, id]) => ({ id, code, weight: ORG_WEIGHTS[code]!, fromWeek: ORG_FROM_WEEK[code] ?? 0 })),
    },
    now,
    weeks,
  );
  // One broken light reported three times in 16 minutes by the housing company three weeks ago:
  // one event, three reports – the lägesbild and the lists show the merge (ADR 018).
  const helenelund = m.areas.find((a) => a.code === "helenelund");
  const otrygg = categories.find((c) => c.code === "otrygg_plats");
  if (helenelund && otrygg && s.orgIds.has("sollentunahem") && weeks >= 4) {
    const tuesday = new Date(periodRange(shiftPeriod(weekKey(now), -3)).start.getTime() + 86_400_000 + 21 * 3_600_000);
    for (const minutes of [0, 7, 16]) {
      const occurredAt = new Date(tuesday.getTime() + minutes * 60_000);
      history.push({
        areaId: s.areaIds.get("helenelund")!, place: helenelund.places[0]!, latitude: helenelund.center[0], longitude: helenelund.center[1], occurredAt, isoWeek: weekKey(occurredAt),
        categoryId: otrygg.id, subcategoryId: otrygg.children[0]?.id ?? null, description: "Trasig belysning gör platsen mörk.",
        policeReported: false, needsFollowUp: minutes === 0, reporterOrgId: s.orgIds.get("sollentunahem")!,
      });
    }
  }
  for (let i = 0; i < history.length; i += 2000) {
    await db.incident.createMany({ data: history.slice(i, i + 2000).map((h) => ({ ...h, municipalityId: s.id })) });
  }

  // Past weeks: organisations that reported nothing mostly said so; some stayed silent.
  const rand = mulberry32(7);
  const reportedWeeks = new Set(history.map((h) => `${h.reporterOrgId}|${h.isoWeek}`));
  const reports: { municipalityId: string; organisationId: string; isoWeek: string; status: "REPORTED" | "NOTHING_TO_REPORT" }[] = [];
  const current = weekKey(now);
  for (let w = weeks; w >= 1; w--) {
    const week = shiftPeriod(current, -w);
    for (const [code, orgId] of s.orgIds) {
      // Nothing from an organisation before it began reporting.
      if (weeks - w < (ORG_FROM_WEEK[code] ?? 0)) continue;
      if (reportedWeeks.has(`${orgId}|${week}`)) reports.push({ municipalityId: s.id, organisationId: orgId, isoWeek: week, status: "REPORTED" });
      else if (rand() < 0.75) reports.push({ municipalityId: s.id, organisationId: orgId, isoWeek: week, status: "NOTHING_TO_REPORT" });
    }
  }
  await db.weeklyReport.createMany({ data: reports, skipDuplicates: true });
  return history.length;
}

export async function seedGoals(db: PrismaClient, s: SeededMunicipality, now: Date): Promise<void> {
  if ((await db.goal.count({ where: { municipalityId: s.id } })) > 0) return;
  const edsberg = s.areaIds.get("edsberg")!;
  const mission = await db.goal.create({
    data: { municipalityId: s.id, kind: "MISSION", title: "Inga utsatta områden 2030", targetYear: 2030, participants: MISSION_PARTICIPANTS,
      description: "Utvecklingsuppdrag (KF dec 2020): inga områden på Polisens lista över utsatta områden år 2030." },
  });
  for (const title of EDSBERG_GOALS) {
    await db.goal.create({ data: { municipalityId: s.id, kind: "AREA", title, areaId: edsberg, groupId: s.groupIds.get("est-fordjupning-edsberg") ?? null } });
  }
  for (const title of POLICE_AGREEMENT_GOALS) {
    await db.goal.create({ data: { municipalityId: s.id, kind: "POLICE_AGREEMENT", title } });
  }
  // The agreement the audit describes (2021–2022), with the one follow-up it reports: the
  // avhopparverksamhet had not reached its goals.
  await db.agreement.create({
    data: {
      municipalityId: s.id, title: "Samverkansöverenskommelse Sollentuna kommun och Polismyndigheten 2021–2022",
      validFrom: new Date("2021-01-01"), validTo: new Date("2022-12-31"),
      commitments: {
        create: POLICE_AGREEMENT_GOALS.map((text, i) => ({
          text, sortOrder: i, party: "GEMENSAM" as const,
          ...(text.includes("avhoppar") ? { followUps: { create: { halfYear: "2022-H2", status: "NOT_MET" as const, comment: "Målen har inte nåtts fullt ut; Polisen har förstärkt resurserna under 2022." } } } : {}),
        })),
      },
    },
  });
  // The agreement in force now (in the demo it runs from last year to next, so one always is): the
  // parties' own commitments, and last half-year's follow-up.
  const year = Number(stockholmDay(now).slice(0, 4));
  const lastHalf = Number(stockholmDay(now).slice(5, 7)) >= 7 ? `${year}-H1` : `${year - 1}-H2`;
  const current: { text: string; party: "KOMMUN" | "POLIS" | "GEMENSAM"; status: "MET" | "PARTLY" | "NOT_MET"; comment: string }[] = [
    { text: "Gemensamma trygghetsvandringar i fokusområdena varje kvartal", party: "GEMENSAM", status: "MET", comment: "" },
    { text: "Medborgarlöfte i Edsberg: tryggare torg kvällstid", party: "GEMENSAM", status: "PARTLY", comment: "Belysningen är klar; väktarnärvaron fredagar återstår." },
    { text: "Polisen deltar i EST Vecko varje vecka och delar sin lägesbild", party: "POLIS", status: "MET", comment: "" },
    { text: "Kommunen rapporterar till EST varje vecka från alla förvaltningar", party: "KOMMUN", status: "MET", comment: "" },
  ];
  await db.agreement.create({
    data: {
      municipalityId: s.id, title: `Samverkansöverenskommelse Sollentuna kommun och Polismyndigheten ${year - 1}–${year + 1}`,
      validFrom: new Date(`${year - 1}-01-01`), validTo: new Date(`${year + 1}-12-31`),
      commitments: {
        create: current.map((c, i) => ({ text: c.text, sortOrder: i, party: c.party, followUps: { create: { halfYear: lastHalf, status: c.status, comment: c.comment } } })),
      },
    },
  });
  for (const ind of INDICATORS) {
    await db.indicator.create({ data: { municipalityId: s.id, goalId: mission.id, ...ind } });
  }
  const owner = (code: string) => s.orgIds.get(code)!;
  // Actions carry the goal they serve (the area goal the torg's lighting is for).
  const goalId = async (title: string) => (await db.goal.findFirst({ where: { municipalityId: s.id, title }, select: { id: true } }))?.id ?? null;
  const day = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
  await db.measure.createMany({
    data: [
      { municipalityId: s.id, title: "Förstärkt belysning vid Edsbergs torg", ownerOrgId: owner("sba"), areaId: edsberg, place: "Edsbergs torg",
        kind: "LONG_TERM", status: "ONGOING", origin: "GOAL", startDate: day(-60), dueDate: day(30), goalId: await goalId("Tryggt torg och trygga platser") },
      { municipalityId: s.id, title: "Trygghetsvärdar kvällstid vid Rotebro station", ownerOrgId: owner("trygghetsvardar"), areaId: s.areaIds.get("rotebro")!,
        place: "Rotebro station", kind: "SHORT_TERM", status: "ONGOING", origin: "INSATS", isJoint: true, groupId: s.groupIds.get("est-insats-rotebro") ?? null,
        startDate: day(-20), dueDate: day(14) },
      { municipalityId: s.id, title: "Klottersanering inom 24 timmar i Tureberg", ownerOrgId: owner("sollentunahem"), areaId: s.areaIds.get("tureberg")!,
        kind: "SHORT_TERM", status: "PLANNED", origin: "LAGESBILD", startDate: day(2), dueDate: day(-3) },
    ],
  });
}

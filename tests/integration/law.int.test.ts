import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { approveLawDocument, getLawDocument, saveLawTexts, startLawVersion } from "@/lib/law/document";
import { ZLawTexts } from "@/lib/law/schema";
import { weekKey } from "@/lib/time/periods";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const NOW = new Date("2026-11-25T12:00:00Z");
let m: string;
let measureId: string;
const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0, now: NOW });
  m = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  const edsberg = await db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "edsberg" } } });
  const cat = await db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "skadegorelse" } } });
  const org = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "polis" } } });
  const occurredAt = new Date("2026-06-10T20:00:00Z");
  const incident = await db().incident.create({ data: { municipalityId: m, areaId: edsberg.id, categoryId: cat.id, reporterOrgId: org.id, place: "Edsbergs torg", occurredAt, isoWeek: weekKey(occurredAt) } });
  const measure = await db().measure.create({
    data: { municipalityId: m, title: "Belysning på Edsbergs torg", ownerOrgId: org.id, areaId: edsberg.id, status: "ONGOING", startDate: new Date("2026-06-15"), dueDate: new Date("2026-09-30"), evidence: { create: { incidentId: incident.id } } },
  });
  measureId = measure.id;
  await db().measureFollowUp.create({ data: { measureId, date: new Date("2026-07-01"), text: "Två armaturer bytta." } });
});
after(() => disconnectDb());

test("the law's document: generated kartläggning and åtgärdsplan with evidence and follow-ups, texts by Strategisk, adopted by Ledning, versions kept", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const ledning = await viewerOf("ledning@sollentuna.example");
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  await assert.rejects(getLawDocument(reporter, m, "2026-T2"), { code: "NOT_FOUND" });

  const draft = await getLawDocument(coordinator, m, "2026-T2");
  const views = await db().auditEvent.findMany({ where: { action: "law-document:view" }, select: { userId: true, outcome: true, entityId: true }, orderBy: { id: "asc" } });
  assert.deepEqual(views, [{ userId: reporter.userId, outcome: "DENIED", entityId: "2026-T2" }, { userId: coordinator.userId, outcome: "ALLOWED", entityId: "2026-T2" }], "openings and refusals are in the access log");
  assert.equal(draft.content.analysis.total.count, 1);
  assert.deepEqual(draft.content.classifications.map((c) => [c.area, c.classification]).sort(), [["Edsberg", "UTSATT"], ["Tureberg", "RISK"]]);
  const plan = draft.content.measures.find((x) => x.id === measureId)!;
  assert.equal(plan.evidence.length, 1);
  assert.equal(plan.evidence[0]!.place, "Edsbergs torg");
  assert.deepEqual(plan.followUps, [{ date: "2026-07-01", text: "Två armaturer bytta." }]);
  assert.equal(draft.may.approve, false, "nothing to adopt before the first save");

  await assert.rejects(saveLawTexts(ledning, m, { period: "2026-T2", revision: 0, otherInfo: "", analysis: "x", proposal: "" }), { code: "FORBIDDEN" });
  const r1 = await saveLawTexts(coordinator, m, { period: "2026-T2", revision: 0, otherInfo: "Trygghetsmätningen 2026.", analysis: "Skadegörelse vid torget.", proposal: "Nämnden fastställer åtgärdsplanen." });
  await assert.rejects(saveLawTexts(coordinator, m, { period: "2026-T2", revision: 0, otherInfo: "", analysis: "krock", proposal: "" }), { code: "CONFLICT" });
  assert.equal(ZLawTexts.safeParse({ period: "2026-T2", revision: 1, otherInfo: "Ring 070-123 45 67", analysis: "" }).success, false, "the PII guard applies");
  await assert.rejects(approveLawDocument(coordinator, m, { period: "2026-T2", revision: r1.revision }), { code: "FORBIDDEN" });
  await approveLawDocument(ledning, m, { period: "2026-T2", revision: r1.revision });

  // Later work changes nothing in the adopted version.
  await db().measureFollowUp.create({ data: { measureId, date: new Date("2026-10-01"), text: "Klart." } });
  await db().measure.update({ where: { id: measureId }, data: { status: "DONE" } });
  await assert.rejects(saveLawTexts(coordinator, m, { period: "2026-T2", revision: r1.revision + 1, otherInfo: "", analysis: "ändrad", proposal: "" }), { code: "CONFLICT" });
  const adopted = await getLawDocument(coordinator, m, "2026-T2");
  assert.equal(adopted.status, "APPROVED");
  assert.equal(adopted.approvedBy, "Lars Holm");
  assert.equal(adopted.proposal, "Nämnden fastställer åtgärdsplanen.");
  assert.equal(adopted.content.measures.find((x) => x.id === measureId)!.status, "ONGOING");
  assert.equal(adopted.content.measures.find((x) => x.id === measureId)!.followUps.length, 1);
  assert.equal(adopted.may.newVersion, true);

  const { version } = await startLawVersion(coordinator, m, { period: "2026-T2" });
  assert.equal(version, 2);
  await assert.rejects(startLawVersion(coordinator, m, { period: "2026-T2" }), { code: "CONFLICT" });
  const v2 = await getLawDocument(coordinator, m, "2026-T2");
  assert.deepEqual([v2.version, v2.status, v2.analysis, v2.proposal], [2, "DRAFT", "Skadegörelse vid torget.", "Nämnden fastställer åtgärdsplanen."], "a new version starts from the adopted texts");
  assert.equal(v2.content.measures.find((x) => x.id === measureId)!.followUps.length, 2, "a draft shows the current plan");
  assert.deepEqual(v2.history.map((h) => h.version), [1]);
  assert.equal((await getLawDocument(coordinator, m, "2026-T2", 1)).content.measures.find((x) => x.id === measureId)!.status, "ONGOING");
  await assert.rejects(getLawDocument(coordinator, m, "2026-T2", 7), { code: "NOT_FOUND" });
});

test("the Kartläggning shows the Police's open events beside the EST reports – never in them – and says when the import does not cover the period (issue 28)", async () => {
  const { importPoliceEvents } = await import("@/lib/sources/police-events");
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  assert.equal((await getLawDocument(coordinator, m, "2026-T1")).content.policeEvents, null, "nothing imported: nothing shown");
  const item = (id: number, name: string, type: string, datetime: string) => ({ id, datetime, name, summary: "", url: "", type, location: { name: "Sollentuna", gps: "59.428,17.9508" } });
  await importPoliceEvents(JSON.stringify([
    item(1, "02 januari 21.10, Rån, Sollentuna", "Rån", "2026-01-03 08:00:00 +01:00"),
    item(2, "14 februari 02.30, Skadegörelse, Sollentuna", "Skadegörelse", "2026-02-14 09:00:00 +01:00"),
    item(3, "28 april 23.00, Rån, Sollentuna", "Rån", "2026-04-29 07:00:00 +02:00"),
    item(4, "03 maj 12.00, Brand, Sollentuna", "Brand", "2026-05-03 13:00:00 +02:00"),
  ]), "sollentuna");
  const t1 = (await getLawDocument(coordinator, m, "2026-T1")).content;
  assert.deepEqual(t1.policeEvents?.rows, [{ type: "Rån", count: 2 }, { type: "Skadegörelse", count: 1 }]);
  assert.equal(t1.policeEvents?.total, 3);
  assert.equal(t1.policeEvents?.covers, false, "the import begins on 2 January and ends on 3 May: T1 is not covered to its first day");
  assert.equal(t1.analysis.total.count, 0, "the EST count of the period does not include them");
});

test("'Annan information' shows the survey series known for the period, a change only beyond the uncertainty, frozen at adoption (issue 28)", async () => {
  const { importContextCsv } = await import("@/lib/context/import");
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const adopted = await getLawDocument(coordinator, m, "2026-T2", 1);
  const names = (c: typeof adopted.content) => (c.context ?? []).map((x) => x.name);
  const report = await importContextCsv(coordinator, m, [
    "kalla;serie;enhet;period;omrade;grupp;varde;svarande",
    "Testmätning;Trygg i området kvällstid;%;2024;;;60;400",
    "Testmätning;Trygg i området kvällstid;%;2025;;;70;400",
    "Testmätning;Trygg i området kvällstid;%;2026-T3;;;20;400",
    "Testmätning;Trygg i området kvällstid;%;2025;Edsberg;;10;400",
    "Testmätning;Oro för brott;%;2024;;;30;50",
    "Testmätning;Oro för brott;%;2025;;;35;50",
    "Testkälla;Anmälda skadegörelser;antal;2025;;;12;",
  ].join("\n"));
  assert.deepEqual(report.errors, []);
  const t1 = (await getLawDocument(coordinator, m, "2026-T1")).content.context!.filter((c) => c.source.startsWith("Test"));
  const by = (name: string) => t1.find((c) => c.name === name)!;
  // The 2026-T3 value began after T1 ended; the Edsberg value is not the whole municipality's.
  assert.deepEqual([by("Trygg i området kvällstid").latest.periodKey, by("Trygg i området kvällstid").latest.value, by("Trygg i området kvällstid").previous?.value], ["2025", 70, 60]);
  assert.equal(by("Trygg i området kvällstid").change, "up", "60 % and 70 % of 400: the intervals do not overlap");
  assert.equal(by("Oro för brott").change, "within", "30 % and 35 % of 50: they overlap");
  assert.equal(by("Oro för brott").latest.uncertain, true);
  assert.deepEqual([by("Anmälda skadegörelser").change, by("Anmälda skadegörelser").previous], [null, null], "no interval, no claim");
  const t3 = (await getLawDocument(coordinator, m, "2026-T3")).content.context!.find((c) => c.name === "Trygg i området kvällstid")!;
  assert.deepEqual([t3.latest.periodKey, t3.change], ["2026-T3", "down"]);
  // The adopted T2 document keeps what it showed when it was adopted.
  assert.deepEqual(names((await getLawDocument(coordinator, m, "2026-T2", 1)).content), names(adopted.content));
  assert.equal(names(adopted.content).includes("Trygg i området kvällstid"), false);
});

test("Kolada's indicator JSON is imported as series with the county's and the country's values beside the municipality's; a file of another shape stores nothing", async () => {
  const { importContextFile } = await import("@/lib/context/import");
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  // The shape of Kolada's /v2/data/kpi/N07403/municipality/0163,0001,0000 (one KPI, two years,
  // Sollentuna with women and men, Stockholms län and Riket), with a year Kolada has no value for.
  const point = (municipality: string, period: number, values: { gender: string; value: number | null }[]) => ({ kpi: "N07403", municipality, period, values: values.map((v) => ({ ...v, count: 1, status: "" })) });
  const kolada = {
    count: 5,
    values: [
      point("0163", 2024, [{ gender: "T", value: 41.2 }, { gender: "K", value: 44 }, { gender: "M", value: 38.1 }]),
      point("0163", 2025, [{ gender: "T", value: 39.5 }]),
      point("0163", 2023, [{ gender: "T", value: null }]),
      point("0001", 2025, [{ gender: "T", value: 47.3 }]),
      point("0000", 2025, [{ gender: "T", value: 52 }]),
    ],
  };
  const before = await db().contextValue.count();
  for (const [bad, reason] of [
    ["{inte json", /varken CSV eller giltig JSON/],
    [JSON.stringify({ values: [{ kpi: "N07403", municipality: "0163", period: "2025", values: [] }] }), /Koladas form.*values\.0\.period/],
    [JSON.stringify({ values: [point("0163", 2025, [{ gender: "T", value: 1 }]), point("0160", 2025, [{ gender: "T", value: 2 }])] }), /flera kommuner \(0163, 0160\)/],
  ] as const) {
    await assert.rejects(importContextFile(coordinator, m, bad), reason);
  }
  assert.equal(await db().contextValue.count(), before, "nothing stored from a refused file");
  const report = await importContextFile(coordinator, m, `\uFEFF${JSON.stringify(kolada)}`);
  assert.deepEqual([report.imported, report.series], [6, 1]);
  const figure = (await getLawDocument(coordinator, m, "2026-T1")).content.context!.find((c) => c.source === "Kolada")!;
  assert.deepEqual(
    { name: figure.name, latest: [figure.latest.periodKey, figure.latest.value], previous: figure.previous?.value, change: figure.change, references: figure.references },
    { name: "N07403", latest: ["2025", 39.5], previous: 41.2, change: null, references: { county: 47.3, country: 52 } },
  );
  // Imported again, nothing is added.
  await importContextFile(coordinator, m, JSON.stringify(kolada));
  assert.equal(await db().contextValue.count(), before + 6);
});

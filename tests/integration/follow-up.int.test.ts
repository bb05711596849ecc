import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { createAgreement, followUpCommitment, listAgreements } from "@/lib/agreements/agreements";
import { ZAgreementCreate, ZCommitmentFollowUp } from "@/lib/agreements/schema";
import { getQuarterPack } from "@/lib/analysis/quarter";
import { importContextCsv } from "@/lib/context/import";
import { listContextSeries } from "@/lib/context/queries";
import { rollup } from "@/lib/rollups/queries";
import { followUpGoal } from "@/lib/goals/follow-ups";
import { ZGoalFollowUp } from "@/lib/goals/schema";
import { getIndicator, getIndicatorCoverage } from "@/lib/indicators/coverage";
import { recordIndicatorValue, saveIndicator } from "@/lib/indicators/mutations";
import { ZIndicator, ZIndicatorValue } from "@/lib/indicators/schema";
import { runSeed } from "@/prisma/seed/run";
import { INDICATORS } from "@/prisma/seed/reference";
import { resetDatabase } from "../helpers/db";

const NOW = new Date("2026-11-25T12:00:00Z");
let m: string;
const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;
const value = (o: Record<string, string>) => ZIndicatorValue.parse({ note: "", areaId: "", ...o });

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0, now: NOW });
  m = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
});
after(() => disconnectDb());

test("coverage: the nämnd without a measurable indicator, indicators without a value for the last tertial, and those off track", async () => {
  const ledning = await viewerOf("ledning@sollentuna.example");
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const before = await getIndicatorCoverage(ledning, m, NOW);
  assert.deepEqual(before.boardsWithout, ["Stadsbyggnadsnämnden"]);
  assert.equal(before.lastTertial, "2026-T2");
  assert.equal(before.indicators.length, INDICATORS.length);
  assert.ok(before.indicators.every((i) => i.missingLastTertial && !i.offTrack), "no values invented by the seed");

  const safe = before.indicators.find((i) => i.name === "Andel som känner sig trygga i sitt område kvällstid")!;
  const cases = before.indicators.find((i) => i.name === "Antal inledda utredningar för barn och unga")!;
  await db().indicator.update({ where: { id: safe.id }, data: { baseline: 50, baselineYear: 2021 } });

  await assert.rejects(recordIndicatorValue(coordinator, m, value({ indicatorId: safe.id, periodKey: "2026-T2", value: "142" })), { field: "value" });
  await assert.rejects(recordIndicatorValue(coordinator, m, value({ indicatorId: cases.id, periodKey: "2026-T2", value: "2,5" })), { field: "value" });
  assert.equal(ZIndicatorValue.safeParse({ indicatorId: safe.id, periodKey: "T2", value: "4", areaId: "", note: "" }).success, false);
  await assert.rejects(recordIndicatorValue(ledning, m, value({ indicatorId: safe.id, periodKey: "2026-T2", value: "40" })), { code: "FORBIDDEN" });
  await assert.rejects(getIndicatorCoverage(await viewerOf("rapportor@sollentunahem.example"), m, NOW), { code: "NOT_FOUND" });

  await recordIndicatorValue(coordinator, m, value({ indicatorId: safe.id, periodKey: "2026-T2", value: "44" }));
  await recordIndicatorValue(coordinator, m, value({ indicatorId: safe.id, periodKey: "2026-T2", value: "41,5", note: "Rättat efter enkätens slutrapport" }));
  const edsberg = await db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "edsberg" } } });
  await recordIndicatorValue(coordinator, m, value({ indicatorId: safe.id, periodKey: "2026-T2", value: "33", areaId: edsberg.id }));
  await recordIndicatorValue(coordinator, m, value({ indicatorId: cases.id, periodKey: "2026-T2", value: "12" }));

  const detail = await getIndicator(ledning, m, safe.id);
  assert.deepEqual(detail.values.map((v) => [v.periodKey, v.area?.name ?? "hela", v.value]).sort(), [["2026-T2", "Edsberg", 33], ["2026-T2", "hela", 41.5]]);
  const after = await getIndicatorCoverage(ledning, m, NOW);
  const safeNow = after.indicators.find((i) => i.id === safe.id)!;
  assert.deepEqual([safeNow.missingLastTertial, safeNow.offTrack, safeNow.latest?.value], [false, true, 41.5]);
  assert.equal(after.indicators.filter((i) => i.missingLastTertial).length, INDICATORS.length - 2);
});

test("the police agreement: unmet commitments stand out; a half-year's follow-up needs a comment unless met", async () => {
  const ledning = await viewerOf("ledning@sollentuna.example");
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const before = await listAgreements(ledning, m);
  // The agreement in force (newest first, its last half-year followed up) and the one the audit describes.
  assert.deepEqual(before.agreements.map((a) => a.title), ["Samverkansöverenskommelse Sollentuna kommun och Polismyndigheten 2025–2027", "Samverkansöverenskommelse Sollentuna kommun och Polismyndigheten 2021–2022"]);
  assert.deepEqual(before.unmet.map((c) => [c.text, c.latest?.halfYear, c.latest?.status]), [
    ["Medborgarlöfte i Edsberg: tryggare torg kvällstid", "2026-H1", "PARTLY"],
    ["Utveckla avhopparverksamheten", "2022-H2", "NOT_MET"],
  ]);
  assert.equal(before.canFollowUp, false);
  const commitment = before.unmet[1]!;
  assert.equal(ZCommitmentFollowUp.safeParse({ commitmentId: commitment.id, halfYear: "2026-H2", status: "PARTLY", comment: "" }).success, false);
  assert.equal(ZCommitmentFollowUp.safeParse({ commitmentId: commitment.id, halfYear: "2026-H3", status: "MET", comment: "" }).success, false);
  await assert.rejects(followUpCommitment(ledning, m, ZCommitmentFollowUp.parse({ commitmentId: commitment.id, halfYear: "2026-H2", status: "MET", comment: "" })), { code: "FORBIDDEN" });
  const vasby = (await db().municipality.findUniqueOrThrow({ where: { slug: "upplands-vasby" } })).id;
  await assert.rejects(followUpCommitment(await viewerOf("samordnare@upplandsvasby.example"), vasby, ZCommitmentFollowUp.parse({ commitmentId: commitment.id, halfYear: "2026-H2", status: "MET", comment: "" })), { code: "NOT_FOUND" });
  await followUpCommitment(coordinator, m, ZCommitmentFollowUp.parse({ commitmentId: commitment.id, halfYear: "2026-H2", status: "MET", comment: "Avhopparsamordnare på plats sedan våren." }));
  const after = await listAgreements(ledning, m);
  assert.deepEqual(after.unmet.map((c) => c.text), ["Medborgarlöfte i Edsberg: tryggare torg kvällstid"]);
  assert.deepEqual(after.agreements[1]!.commitments.find((c) => c.id === commitment.id)!.followUps.map((f) => f.halfYear), ["2026-H2", "2022-H2"]);
});

test("area goals get a status per quarter from their Fördjupning group, shown in the quarterly pack", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const police = await viewerOf("polis@polisen.example"); // a member, not a coordinator, of the Edsberg group
  const group = await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: m, slug: "est-fordjupning-edsberg" } } });
  const goal = await db().goal.findFirstOrThrow({ where: { municipalityId: m, kind: "AREA", title: "Tryggt torg och trygga platser" } });
  const input = (o: Record<string, string>) => ZGoalFollowUp.parse({ groupId: group.id, goalId: goal.id, quarter: "2026-Q3", status: "ON_TRACK", comment: "", ...o });
  assert.equal(ZGoalFollowUp.safeParse({ groupId: group.id, goalId: goal.id, quarter: "2026-Q3", status: "AT_RISK", comment: "" }).success, false, "a deviation needs a comment");
  await assert.rejects(followUpGoal(police, input({})), { code: "FORBIDDEN" });
  const rotebro = await db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "rotebro" } } });
  const elsewhere = await db().goal.create({ data: { municipalityId: m, kind: "AREA", title: "Trygg station", areaId: rotebro.id } });
  await assert.rejects(followUpGoal(coordinator, input({ goalId: elsewhere.id })), { code: "NOT_FOUND" });

  await followUpGoal(coordinator, input({ quarter: "2026-Q2" }));
  await followUpGoal(coordinator, input({ status: "AT_RISK", comment: "Belysningen försenad till Q4." }));
  const pack = await getQuarterPack(police, group.id, "2026-Q3", NOW);
  const row = pack.goals.find((g) => g.id === goal.id)!;
  assert.deepEqual([row.current?.status, row.current?.comment], ["AT_RISK", "Belysningen försenad till Q4."]);
  assert.deepEqual(row.followUps.map((f) => f.quarter), ["2026-Q3", "2026-Q2"]);
  assert.equal(pack.goals.length, 4, "Edsberg's four goals, none from elsewhere");
  assert.equal(pack.group.canManage, false);
});

test("survey series import from CSV beside the year's incidents: all or nothing, updates on re-import, few respondents marked", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const ledning = await viewerOf("ledning@sollentuna.example");
  const csv = [
    "kalla;serie;enhet;period;omrade;grupp;varde;svarande",
    "Brå NTU;Andel otrygga ute sent en kväll;%;2024;;kvinnor;31,5;",
    "Brå NTU;Andel otrygga ute sent en kväll;%;2024;;män;12;",
    "Polisens trygghetsmätning;Problemindex;index;2024;Edsberg;;2,9;12",
    "Polisens trygghetsmätning;Problemindex;index;2025;Edsberg;;2,7;85",
  ].join("\n");
  await assert.rejects(importContextCsv(ledning, m, csv), { code: "FORBIDDEN" });
  const bad = await importContextCsv(coordinator, m, `${csv}\nBrå NTU;X;%;2024-T4;Atlantis;;mycket;`);
  assert.deepEqual(bad.errors.map((e) => [e.row, e.column]), [[6, "period"], [6, "omrade"], [6, "varde"]]);
  assert.equal(await db().contextValue.count(), 0, "nothing saved from a file with errors");
  await assert.rejects(importContextCsv(coordinator, m, "a,b\n1,2"), { field: "file" });

  const ok = await importContextCsv(coordinator, m, csv);
  assert.deepEqual([ok.imported, ok.series, ok.errors.length], [4, 2, 0]);
  await importContextCsv(coordinator, m, csv.replace("31,5", "30"));
  assert.equal(await db().contextValue.count(), 4, "re-import updates");
  const view = await listContextSeries(ledning, m);
  const ntu = view.series.find((s) => s.source === "Brå NTU")!;
  assert.deepEqual(ntu.values.map((v) => [v.subgroup, v.value]), [["kvinnor", 30], ["män", 12]]);
  const index = view.series.find((s) => s.source === "Polisens trygghetsmätning")!;
  assert.deepEqual(index.values.map((v) => [v.periodKey, v.uncertain]), [["2024", true], ["2025", false]]);
  assert.deepEqual(view.years, ["2024", "2025"]);
  assert.equal(view.incidents["2025"], (await rollup("sollentuna", "2025-T1", [])).total + (await rollup("sollentuna", "2025-T2", [])).total + (await rollup("sollentuna", "2025-T3", [])).total);
});

test("a nämnd's indicator is defined with baseline and milestones; the nämnd then counts as covered; a new agreement takes its commitments line by line", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const ledning = await viewerOf("ledning@sollentuna.example");
  const input = (o: Record<string, string>) => ZIndicator.parse({ ownerBoard: "Stadsbyggnadsnämnden", name: "Andel trygga vid nya stråk", unit: "%", direction: "HIGHER_IS_BETTER", baselineYear: "2021", baseline: "48,5", target: "60", milestones: "2025: 52; 2030: 60", ...o });
  assert.equal(ZIndicator.safeParse({ ownerBoard: "X nämnd", name: "Y mått", unit: "%", direction: "HIGHER_IS_BETTER", milestones: "2025 är 52" }).success, false);
  await assert.rejects(saveIndicator(coordinator, m, input({ baseline: "148" })), { field: "baseline" });
  await assert.rejects(saveIndicator(ledning, m, input({})), { code: "FORBIDDEN" });
  const { id } = await saveIndicator(coordinator, m, input({}));
  const saved = await getIndicator(ledning, m, id);
  assert.deepEqual([saved.baseline, saved.baselineYear, saved.target, saved.milestones], [48.5, 2021, 60, [{ year: 2025, value: 52 }, { year: 2030, value: 60 }]]);
  assert.deepEqual((await getIndicatorCoverage(ledning, m, NOW)).boardsWithout, []);
  await saveIndicator(coordinator, m, input({ id, name: "Andel trygga längs nya stråk" }));
  assert.equal((await getIndicator(ledning, m, id)).name, "Andel trygga längs nya stråk");

  const bad = ZAgreementCreate.safeParse({ title: "Överenskommelse 2027", validFrom: "2027-01-01", validTo: "2026-12-31", commitments: "" });
  assert.deepEqual(bad.error?.issues.map((i) => i.path.join(".")).sort(), ["commitments", "validTo"]);
  await createAgreement(coordinator, m, ZAgreementCreate.parse({
    title: "Samverkansöverenskommelse 2027–2028", validFrom: "2027-01-01", validTo: "2028-12-31",
    commitments: "Polisen: Öka närvaron i Tureberg kvällstid\nKommunen: Avhopparsamordnare på heltid\nBrott i nära relationer",
  }));
  const latest = (await listAgreements(ledning, m)).agreements[0]!;
  assert.equal(latest.title, "Samverkansöverenskommelse 2027–2028");
  assert.deepEqual(latest.commitments.map((c) => [c.party, c.text]), [["POLIS", "Öka närvaron i Tureberg kvällstid"], ["KOMMUN", "Avhopparsamordnare på heltid"], ["GEMENSAM", "Brott i nära relationer"]]);
});

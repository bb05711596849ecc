import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { createMeasure, createMeasureFromLagesbild, judgeMeasure, setMeasureStatus } from "@/lib/measures/mutations";
import { getMeasure, listMeasures } from "@/lib/measures/register";
import { ZMeasureCreate, ZMeasureFilter, ZMeasureStatus } from "@/lib/measures/schema";
import { weekKey } from "@/lib/time/periods";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const NOW = new Date("2026-11-28T12:00:00Z");
let m: string;
let measureId: string;
const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0, now: NOW });
  m = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  await db().incident.deleteMany({ where: { municipalityId: m } });
  const area = (code: string) => db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code } } });
  const [edsberg, helenelund] = [await area("edsberg"), await area("helenelund")];
  const cat = await db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "skadegorelse" } } });
  const hem = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "sollentunahem" } } });
  const vecko = await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: m, slug: "est-vecko" } } });
  // Started Thu 1 Oct 2026; eight weeks before run from 6 Aug, eight weeks after until 26 Nov.
  const rows = (n: number, areaId: string, place: string, fromIso: string) =>
    Array.from({ length: n }, (_, i) => {
      const occurredAt = new Date(new Date(fromIso).getTime() + i * 3_600_000 * 25);
      return { municipalityId: m, areaId, categoryId: cat.id, reporterOrgId: hem.id, place, occurredAt, isoWeek: weekKey(occurredAt) };
    });
  await db().incident.createMany({
    data: [
      ...rows(30, edsberg.id, "Edsbergs torg", "2026-08-10T18:00:00Z"), ...rows(10, edsberg.id, "Edsbergs torg", "2026-10-05T18:00:00Z"),
      ...rows(5, edsberg.id, "Edsbergsskolan", "2026-08-10T18:00:00Z"), ...rows(12, edsberg.id, "Edsbergsskolan", "2026-10-05T18:00:00Z"),
      ...rows(100, helenelund.id, "Helenelunds station", "2026-08-07T10:00:00Z").map((r, i) => ({ ...r, occurredAt: new Date(new Date("2026-08-07T10:00:00Z").getTime() + i * 3_600_000 * 13) })),
      ...rows(100, helenelund.id, "Helenelunds station", "2026-10-02T10:00:00Z").map((r, i) => ({ ...r, occurredAt: new Date(new Date("2026-10-02T10:00:00Z").getTime() + i * 3_600_000 * 13) })),
    ].map((r) => ({ ...r, isoWeek: weekKey(r.occurredAt) })),
  });
  measureId = (await db().measure.create({
    data: {
      municipalityId: m, title: "Belysning och väktare på Edsbergs torg", ownerOrgId: hem.id, areaId: edsberg.id, place: "Edsbergs torg", groupId: vecko.id,
      status: "ONGOING", startDate: new Date("2026-10-01"), dueDate: new Date("2026-11-15"), origin: "LAGESBILD",
    },
  })).id;
});
after(() => disconnectDb());

test("effect evaluation: equal windows before and after, the rest of the municipality as comparison, the rest of the area for displacement", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const measure = await getMeasure(coordinator, measureId, 8, NOW);
  const e = measure.effect;
  assert.ok(e && !e.notStarted);
  assert.equal(e.days, 56);
  assert.equal(e.partial, false);
  assert.deepEqual([e.target, e.comparison, e.neighbours], [{ before: 30, after: 10 }, { before: 100, after: 100 }, { before: 5, after: 12 }]);
  assert.deepEqual([e.expected, e.difference, e.small, e.displacement], [30, -20, false, true]);
  assert.equal(e.neighboursLabel, "Resten av Edsberg");
  assert.match(e.sentence, /ungefär 20 färre/);
  assert.equal(e.verdict, "fewer", "(10/30)/(100/100) = 0,33, its 95 % interval below 1");
  // The place is matched as people write it, whatever the case or what follows after a comma.
  const first = await db().incident.findFirstOrThrow({ where: { municipalityId: m, place: "Edsbergs torg" }, select: { areaId: true, categoryId: true, reporterOrgId: true } });
  const variant = await db().incident.create({
    data: { municipalityId: m, ...first, place: "EDSBERGS TORG, vid busshållplatsen", occurredAt: new Date("2026-10-20T18:00:00Z"), isoWeek: "2026-W43" },
  });
  const withVariant = (await getMeasure(coordinator, measureId, 8, NOW)).effect;
  assert.ok(withVariant && !withVariant.notStarted);
  assert.deepEqual([withVariant.target.after, withVariant.neighbours?.after], [11, 12]);
  await db().incident.delete({ where: { id: variant.id } });
  // Å, Ä and Ö in any case, whatever the database's locale (the embedded one is C).
  await db().measure.update({ where: { id: measureId }, data: { place: "Ängsvägens lekplats" } });
  const spelt = ["ÄNGSVÄGENS LEKPLATS", "ängsvägens  lekplats, gungorna", "Ängsvägens lekplats"];
  const swings = await db().incident.createManyAndReturn({
    data: spelt.map((place, i) => ({ municipalityId: m, ...first, place, occurredAt: new Date(Date.UTC(2026, 9, 12 + i, 18)), isoWeek: "2026-W42" })),
    select: { id: true },
  });
  const atSwings = (await getMeasure(coordinator, measureId, 8, NOW)).effect;
  assert.ok(atSwings && !atSwings.notStarted);
  assert.deepEqual(atSwings.target, { before: 0, after: 3 });
  await db().incident.deleteMany({ where: { id: { in: swings.map((s) => s.id) } } });
  await db().measure.update({ where: { id: measureId }, data: { place: "Edsbergs torg" } });
  // Four weeks each side: before counts only what fell after 3 September (the burst's last seven).
  const short = (await getMeasure(coordinator, measureId, 4, NOW)).effect;
  assert.ok(short && !short.notStarted);
  assert.deepEqual(short.target, { before: 7, after: 10 });
});

test("who sees an action: its owner organisation, its group, coordinators and leadership; nobody from elsewhere", async () => {
  for (const email of ["rapportor@sollentunahem.example", "polis@polisen.example", "ledning@sollentuna.example", "samordnare@sollentuna.example"]) {
    assert.equal((await getMeasure(await viewerOf(email), measureId, 8, NOW)).id, measureId, email);
  }
  await assert.rejects(getMeasure(await viewerOf("samordnare@upplandsvasby.example"), measureId, 8, NOW), { code: "NOT_FOUND" });
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  const mine = await listMeasures(reporter, m, ZMeasureFilter.parse({ view: "mine" }), NOW);
  assert.ok(mine.measures.every((x) => x.ownerOrg.name === "Sollentunahem AB"));
  assert.equal(mine.measures.find((x) => x.id === measureId)?.overdue, true);
  const overdue = await listMeasures(reporter, m, ZMeasureFilter.parse({ view: "overdue" }), NOW);
  assert.ok(overdue.measures.some((x) => x.id === measureId) && overdue.measures.every((x) => x.overdue));
  // A reporter from another organisation, in no group, sees none of it.
  const kfk = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "kfk" } } });
  await db().user.create({ data: { email: "fritid@sollentuna.example", name: "Fritid", memberships: { create: { municipalityId: m, organisationId: kfk.id, role: "REPORTER" } } } });
  const outsider = await viewerOf("fritid@sollentuna.example");
  assert.equal((await listMeasures(outsider, m, ZMeasureFilter.parse({}), NOW)).measures.some((x) => x.id === measureId), false);
  await assert.rejects(getMeasure(outsider, measureId, 8, NOW), { code: "NOT_FOUND" });
});

test("status changes notify the owner organisation; cancelling needs a reason; a stale version is refused; only the group judges", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  const stale = ZMeasureStatus.safeParse({ measureId, version: 1, status: "CANCELLED", cancelReason: "" });
  assert.deepEqual(stale.error?.issues.map((i) => i.path.join(".")), ["cancelReason"]);
  await assert.rejects(setMeasureStatus(coordinator, ZMeasureStatus.parse({ measureId, version: 1, status: "DONE" })), { field: "verdict" }, "done asks how it went");
  const { version } = await setMeasureStatus(coordinator, ZMeasureStatus.parse({ measureId, version: 1, status: "DONE", verdict: "LATER" }));
  assert.equal(version, 2);
  const rapportor = await db().user.findUniqueOrThrow({ where: { email: "rapportor@sollentunahem.example" } });
  const note = await db().notification.findFirstOrThrow({ where: { userId: rapportor.id, link: `/atgarder/${measureId}` } });
  assert.equal(note.title, "Åtgärden ”Belysning och väktare på Edsbergs torg” är genomförd");
  assert.equal(await db().emailOutbox.count({ where: { toAddress: "rapportor@sollentunahem.example", subject: note.title } }), 1);
  await assert.rejects(setMeasureStatus(reporter, ZMeasureStatus.parse({ measureId, version: 1, status: "ONGOING" })), { code: "CONFLICT" });
  await assert.rejects(setMeasureStatus(await viewerOf("ledning@sollentuna.example"), ZMeasureStatus.parse({ measureId, version: 2, status: "ONGOING" })), { code: "FORBIDDEN" });
  await assert.rejects(judgeMeasure(reporter, { measureId, verdict: "HELPED", judgement: "Lugnare på torget." }), { code: "FORBIDDEN" });
  await judgeMeasure(coordinator, { measureId, verdict: "HELPED", judgement: "Lugnare på torget, men skolan behöver följas." });
  const after = await getMeasure(reporter, measureId, 8, NOW);
  assert.deepEqual([after.status, after.effectVerdict, after.may.followUp], ["DONE", "HELPED", false]);
});

test("actions from the register and from a lägesbild keep their origin; references must belong to the municipality", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const goal = await db().goal.findFirstOrThrow({ where: { municipalityId: m, kind: "AREA", title: "Aktiv och meningsfull fritid" } });
  const org = (municipalityId: string, code: string) => db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId, code } } });
  const [kfk, hem] = [await org(m, "kfk"), await org(m, "sollentunahem")];
  const base = { title: "Fritidsgård öppen fredagskvällar", kind: "LONG_TERM", ownerOrgId: kfk.id, startDate: "2026-12-01", dueDate: "2027-05-31", goalId: goal.id, participantOrgIds: [hem.id] };
  assert.deepEqual(ZMeasureCreate.safeParse({ ...base, dueDate: "2026-11-01" }).error?.issues.map((i) => i.path.join(".")), ["dueDate"]);
  const vasbyOrg = await org((await db().municipality.findUniqueOrThrow({ where: { slug: "upplands-vasby" } })).id, "polis");
  await assert.rejects(createMeasure(coordinator, m, ZMeasureCreate.parse({ ...base, ownerOrgId: vasbyOrg.id })), { field: "ownerOrgId" });
  await assert.rejects(createMeasure(await viewerOf("rapportor@sollentunahem.example"), m, ZMeasureCreate.parse(base)), { code: "FORBIDDEN" });

  const { id } = await createMeasure(coordinator, m, ZMeasureCreate.parse(base));
  const created = await getMeasure(coordinator, id, 8, NOW);
  assert.deepEqual([created.origin, created.area?.name, created.isJoint, created.kind], ["GOAL", "Edsberg", true, "LONG_TERM"]);
  assert.deepEqual((await db().measureParticipant.findMany({ where: { measureId: id } })).map((p) => p.organisationId), [hem.id]);
  assert.equal(created.effect && !created.effect.notStarted ? "started" : "not started", "not started");

  const vecko = await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: m, slug: "est-vecko" } } });
  const edsberg = await db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "edsberg" } } });
  const week = "2026-W41"; // the week of the after-burst at Edsbergs torg
  const fromLagesbild = await createMeasureFromLagesbild(coordinator, { groupId: vecko.id, week, title: "Väktare vid Edsbergs torg", ownerOrgId: hem.id, responsibleName: "", areaId: edsberg.id, dueDate: "2027-01-15" }, NOW);
  const linked = await getMeasure(coordinator, fromLagesbild.id, 8, NOW);
  assert.deepEqual([linked.origin, linked.group?.id, linked.lagesbild?.periodKey], ["LAGESBILD", vecko.id, week]);
  const inWeek = await db().incident.count({ where: { municipalityId: m, areaId: edsberg.id, isoWeek: week, status: "ACTIVE" } });
  assert.ok(inWeek > 0);
  assert.equal(linked.evidence.length, Math.min(50, inWeek), "the week's incidents in the area are its evidence");
});

test("the open actions a lägesbild lists: the group's and its areas', soonest due first, each with its latest follow-up – as the ORM reads them", async () => {
  const { listOpenMeasures } = await import("@/lib/measures/queries");
  const vecko = await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: m, slug: "est-vecko" } } });
  const area = (code: string) => db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code } } });
  const [edsberg, helenelund] = [await area("edsberg"), await area("helenelund")];
  const hem = await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "sollentunahem" } } });
  const make = (data: { title: string; status: "PLANNED" | "ONGOING" | "DONE"; areaId?: string; groupId?: string; dueDate?: string }) =>
    db().measure.create({ data: { municipalityId: m, ownerOrgId: hem.id, title: data.title, status: data.status, areaId: data.areaId ?? null, groupId: data.groupId ?? null, dueDate: data.dueDate ? new Date(data.dueDate) : null } });
  const overdue = await make({ title: "Försenad i Edsberg", status: "PLANNED", areaId: edsberg.id, dueDate: "2026-11-01" });
  await db().measureFollowUp.createMany({ data: [{ measureId: overdue.id, date: new Date("2026-11-10"), text: "Första" }, { measureId: overdue.id, date: new Date("2026-11-20"), text: "Senaste" }] });
  await make({ title: "Gruppens, utan område och datum", status: "ONGOING", groupId: vecko.id });
  await make({ title: "Klar", status: "DONE", areaId: edsberg.id, dueDate: "2026-12-01" });
  await make({ title: "Annat område", status: "PLANNED", areaId: helenelund.id, dueDate: "2026-12-01" });

  const listed = await listOpenMeasures(m, vecko.id, [edsberg.id], NOW);
  // The reference: the same list through the model API, as it was read before plain SQL (ADR 006).
  const reference = (await db().measure.findMany({
    where: { municipalityId: m, status: { in: ["PLANNED", "ONGOING"] }, OR: [{ areaId: { in: [edsberg.id] } }, { groupId: vecko.id }] },
    select: {
      id: true, title: true, status: true, dueDate: true, responsibleName: true, place: true,
      area: { select: { name: true } }, ownerOrg: { select: { name: true } }, lagesbild: { select: { periodKey: true } },
      followUps: { select: { date: true, text: true }, orderBy: { date: "desc" }, take: 1 },
    },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
  })).map(({ followUps, ...r }) => ({ ...r, overdue: r.dueDate !== null && r.dueDate.toISOString().slice(0, 10) < "2026-11-28", latestFollowUp: followUps[0] ?? null }));
  assert.deepEqual(listed, reference);
  // What the comparison covers: an overdue action with its latest follow-up, the group's own
  // action without area or date (last), one from a lägesbild; nothing done or elsewhere.
  const byTitle = new Map(listed.map((x) => [x.title, x]));
  assert.deepEqual(byTitle.get("Försenad i Edsberg")?.latestFollowUp, { date: new Date("2026-11-20T00:00:00Z"), text: "Senaste" });
  assert.equal(byTitle.get("Försenad i Edsberg")?.overdue, true);
  assert.equal(listed.at(-1)?.title, "Gruppens, utan område och datum");
  assert.ok(listed.some((x) => x.lagesbild?.periodKey === "2026-W41"));
  assert.ok(!byTitle.has("Klar") && !byTitle.has("Annat område"));
});

test("an evaluation plan recorded with the action: its categories, its comparison and its windows decide the effect; bad plans are refused and nothing is saved; it locks once the after window has begun", async () => {
  const { saveMeasureEvaluation } = await import("@/lib/measures/mutations");
  const { ZMeasureEvaluation } = await import("@/lib/measures/schema");
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const id = (table: "area" | "cat", code: string) =>
    table === "area"
      ? db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code } } }).then((a) => a.id)
      : db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code } } }).then((c) => c.id);
  const [edsberg, helenelund, tureberg, skada, samling] = await Promise.all([id("area", "edsberg"), id("area", "helenelund"), id("area", "tureberg"), id("cat", "skadegorelse"), id("cat", "samling")]);
  const org = (await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: m, code: "polis" } } })).id;
  const at = (iso: string, i: number, hours: number) => new Date(new Date(iso).getTime() + i * hours * 3_600_000);
  const report = (areaId: string, categoryId: string, place: string, occurredAt: Date) => ({ municipalityId: m, areaId, categoryId, reporterOrgId: org, place, occurredAt, isoWeek: weekKey(occurredAt) });
  // Gatherings at the torg after the start (another category), and vandalism in Tureberg after it
  // (outside the chosen comparison): both count without a plan, neither with it.
  await db().incident.createMany({
    data: [
      ...Array.from({ length: 20 }, (_, i) => report(edsberg, samling, "Edsbergs torg", at("2026-10-03T19:00:00Z", i, 50))),
      ...Array.from({ length: 50 }, (_, i) => report(tureberg, skada, "Tureberg centrum", at("2026-10-02T19:00:00Z", i, 25))),
      // One event reported twice in ten minutes: counted once.
      report(edsberg, skada, "Edsbergs torg", new Date("2026-11-20T20:00:00Z")), report(edsberg, skada, "edsbergs torg", new Date("2026-11-20T20:10:00Z")),
    ],
  });
  const unplanned = (await getMeasure(coordinator, measureId, 8, NOW)).effect;
  assert.ok(unplanned && !unplanned.notStarted);
  assert.deepEqual([unplanned.target, unplanned.comparison], [{ before: 30, after: 31 }, { before: 100, after: 150 }]);

  const plan = { measureId, categoryIds: [skada], control: "AREAS", controlAreaIds: [helenelund], beforeFirst: "2026-08-06", beforeLast: "2026-09-30", afterFirst: "2026-10-01", afterLast: "2026-11-25" };
  const evaluations = () => db().measureEvaluation.count();
  // Refused: overlapping windows, unequal windows (at their fields); the action's own area as the
  // comparison; an action with no area. Nothing is saved.
  const overlap = ZMeasureEvaluation.safeParse({ ...plan, afterFirst: "2026-09-30" });
  assert.deepEqual(overlap.error?.issues.map((i) => [i.path[0], i.message]), [["afterFirst", "Fönstren överlappar: perioden efter börjar 2026-09-30, men perioden före slutar 2026-09-30."]]);
  const unequal = ZMeasureEvaluation.safeParse({ ...plan, afterLast: "2026-11-30" });
  assert.deepEqual(unequal.error?.issues.map((i) => [i.path[0], i.message]), [["afterLast", "Fönstren ska vara lika långa för att antalen ska gå att jämföra (före 56 dagar, efter 61)."]]);
  await assert.rejects(saveMeasureEvaluation(coordinator, ZMeasureEvaluation.parse({ ...plan, controlAreaIds: [edsberg] }), NOW), { code: "INVALID", field: "controlAreaIds" });
  const nowhere = await db().measure.create({ data: { municipalityId: m, title: "Informationskampanj", ownerOrgId: org, status: "ONGOING", startDate: new Date("2026-10-01") } });
  await assert.rejects(saveMeasureEvaluation(coordinator, ZMeasureEvaluation.parse({ ...plan, measureId: nowhere.id }), NOW), { code: "INVALID", message: /ingen plats eller kommundel/ });
  assert.equal(await evaluations(), 0);

  await saveMeasureEvaluation(coordinator, ZMeasureEvaluation.parse(plan), NOW);
  const planned = (await getMeasure(coordinator, measureId, 8, NOW)).effect;
  assert.ok(planned && !planned.notStarted);
  assert.deepEqual([planned.target, planned.comparison, planned.days], [{ before: 30, after: 11 }, { before: 100, after: 100 }, 56]);
  assert.equal(planned.plan?.sentence, "Enligt utvärderingsplanen (2026-11-28): Skadegörelse; före 2026-08-06–2026-09-30, efter 2026-10-01–2026-11-25; jämfört med Helenelund.");
  assert.equal(planned.plan?.late, true, "recorded after the after window began");
  assert.match(planned.sentence, /Kvoten mot Helenelund är 0,37/);
  // Locked: the after window has begun, so the plan cannot be chosen again to suit the outcome.
  await assert.rejects(saveMeasureEvaluation(coordinator, ZMeasureEvaluation.parse({ ...plan, controlAreaIds: [tureberg] }), NOW), { code: "CONFLICT", message: /låst sedan perioden efter började \(2026-10-01\)/ });
  assert.deepEqual((await db().measureEvaluation.findUniqueOrThrow({ where: { measureId } })).controlAreaIds, [helenelund]);
  assert.equal((await getMeasure(coordinator, measureId, 8, NOW)).evaluationForm, null, "no form for a locked plan");
});

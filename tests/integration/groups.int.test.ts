import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { getGroupForViewer, listGroupsForViewer } from "@/lib/groups/queries";
import { getOwnWeekStatus, getWeekCompleteness } from "@/lib/incidents/queries";
import { runSeed } from "@/prisma/seed/run";
import { resetDatabase } from "../helpers/db";

const NOW = new Date("2026-11-25T12:00:00Z");
let sollentuna: string;
let vasby: string;

async function viewerOf(email: string): Promise<Viewer> {
  const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await loadViewer(user.id))!;
}
const groupId = async (municipalityId: string, slug: string) =>
  (await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId, slug } }, select: { id: true } })).id;

before(async () => {
  await resetDatabase();
  await runSeed(db(), { now: NOW, demoPassword: "x", historyWeeks: 0 });
  sollentuna = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  vasby = (await db().municipality.findUniqueOrThrow({ where: { slug: "upplands-vasby" } })).id;
});
after(() => disconnectDb());

test("each role sees its own groups in Mina grupper", async () => {
  const names = async (email: string, municipalityId = sollentuna) =>
    (await listGroupsForViewer(await viewerOf(email), municipalityId, NOW)).map((g) => `${g.name}${g.myRole ? "" : " (insyn)"}`).sort();
  assert.deepEqual(await names("rapportor@sollentunahem.example"), ["EST Vecko"]);
  assert.deepEqual(await names("polis@polisen.example"), ["EST Fördjupning Edsberg", "EST Insats Rotebro", "EST Strategisk", "EST Vecko"]);
  assert.deepEqual(await names("polis@polisen.example", vasby), ["EST Vecko"]);
  assert.deepEqual(await names("ledning@sollentuna.example"), ["EST Insats Rotebro (insyn)", "EST Ledning", "Styrgrupp Inga utsatta områden 2030"]);
  assert.equal((await names("samordnare@sollentuna.example")).length, 7);
  // A user from another municipality sees nothing of Sollentuna, even when asking for it.
  assert.deepEqual(await names("samordnare@upplandsvasby.example"), []);
});

test("the next meeting follows the group's cadence", async () => {
  const [vecko] = (await listGroupsForViewer(await viewerOf("rapportor@sollentunahem.example"), sollentuna, NOW));
  // EST Vecko meets on Tuesdays 09:00; the next after Wed 25 Nov 2026 is Tue 1 Dec (W49), covering W48.
  assert.equal(vecko?.nextMeeting?.startsAt.toISOString(), "2026-12-01T08:00:00.000Z");
  assert.equal(vecko?.nextMeeting?.periodKey, "2026-W48");
});

test("a group outside the viewer's groups is not found, and the attempt is logged", async () => {
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  const ledning = await groupId(sollentuna, "est-ledning");
  const before = await db().auditEvent.count({ where: { action: "group:view", outcome: "DENIED", entityId: ledning } });
  await assert.rejects(getGroupForViewer(reporter, ledning), { code: "NOT_FOUND" });
  assert.equal(await db().auditEvent.count({ where: { action: "group:view", outcome: "DENIED", entityId: ledning } }), before + 1);
  await assert.rejects(getGroupForViewer(reporter, "not-a-uuid"), { code: "NOT_FOUND" });
  await assert.rejects(getGroupForViewer(await viewerOf("samordnare@upplandsvasby.example"), await groupId(sollentuna, "est-vecko")), { code: "NOT_FOUND" });
  const group = await getGroupForViewer(reporter, await groupId(sollentuna, "est-vecko"), NOW);
  assert.equal(group.name, "EST Vecko");
  assert.equal(group.canManage, false);
  assert.ok(group.members.every((m) => !("email" in m)), "members carry no contact details");
});

test("weekly reporting status tells reported, nothing to report and silence apart", async () => {
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const week = "2026-W48";
  // The seed's history fills the day up to NOW: this week starts with no reports at all.
  await db().incident.deleteMany({ where: { municipalityId: sollentuna, isoWeek: week } });
  assert.equal((await getOwnWeekStatus(reporter, sollentuna, week)).state, "SILENT");
  const hem = reporter.memberships[0]!.organisationId;
  const polis = (await db().organisation.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "polis" } } })).id;
  await db().weeklyReport.create({ data: { municipalityId: sollentuna, organisationId: hem, isoWeek: week, status: "NOTHING_TO_REPORT" } });
  assert.equal((await getOwnWeekStatus(reporter, sollentuna, week)).state, "NOTHING_TO_REPORT");
  const area = await db().area.findFirstOrThrow({ where: { municipalityId: sollentuna }, select: { id: true } });
  const category = await db().incidentCategory.findFirstOrThrow({ where: { municipalityId: sollentuna, parentId: null }, select: { id: true } });
  await db().incident.create({
    data: { municipalityId: sollentuna, areaId: area.id, place: "Torget", occurredAt: new Date("2026-11-24T20:00:00Z"), isoWeek: week, categoryId: category.id, reporterOrgId: polis },
  });
  // A withdrawn report and one from the week before do not count.
  await db().incident.create({
    data: { municipalityId: sollentuna, areaId: area.id, place: "Torget", occurredAt: new Date("2026-11-24T21:00:00Z"), isoWeek: week, categoryId: category.id, reporterOrgId: polis, status: "WITHDRAWN" },
  });
  await db().incident.create({
    data: { municipalityId: sollentuna, areaId: area.id, place: "Torget", occurredAt: new Date("2026-11-17T21:00:00Z"), isoWeek: "2026-W47", categoryId: category.id, reporterOrgId: polis },
  });
  assert.equal(await getWeekCompleteness(reporter, sollentuna, week), null, "reporters do not see other organisations' completeness");
  const completeness = await getWeekCompleteness(coordinator, sollentuna, week);
  const state = (id: string) => completeness?.find((c) => c.id === id);
  assert.deepEqual({ state: state(polis)?.state, count: state(polis)?.count }, { state: "REPORTED", count: 1 });
  assert.equal(state(hem)?.state, "NOTHING_TO_REPORT");
  assert.ok(completeness?.some((c) => c.state === "SILENT"));
});

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { createNightWalk } from "@/lib/nightwalks/mutations";
import { ZNightWalk } from "@/lib/nightwalks/schema";
import { reencodePhoto } from "@/lib/tips/photo";
import { acceptTip, closeTips, mergeTip, publishMeasure, submitTip, TIP_LIMITS } from "@/lib/tips/mutations";
import { countNewTips, getPublicAreaPage, getTip, getTipStatus, PUBLIC_MIN_COUNT } from "@/lib/tips/queries";
import { ZMeasurePublish, ZTip, ZTipClose } from "@/lib/tips/schema";
import { sourceSummary } from "@/lib/tips/sources";
import { getLagesbildDraft } from "@/lib/lagesbild/queries";
import { monthKey, periodRange, shiftPeriod, weekKey } from "@/lib/time/periods";
import { fromStockholmWall } from "@/lib/time/zone";
import { runSeed } from "@/prisma/seed/run";
import { localDay } from "../helpers/clock";
import { resetDatabase } from "../helpers/db";

const NOW = new Date();
// The evening of the tip and the night walk: a Tuesday, Wednesday or Thursday two to six days ago,
// so the walk (21:00–01:00) has ended, stays in one ISO week and crosses no DST change, and the
// incident lies inside the merge window of a tip sent now.
const DAY = [-2, -3, -4, -5, -6].map((n) => localDay(n, NOW)).find((d) => [2, 3, 4].includes(new Date(`${d}T12:00:00Z`).getUTCDay()))!;
const at = (day: string, hhmm: string) => fromStockholmWall(...(day.split("-").map(Number) as [number, number, number]), ...(hhmm.split(":").map(Number) as [number, number]));
const WEEK = weekKey(at(DAY, "20:00"));
let sollentuna: string;
let edsberg: string;
const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;
const client = (n: number) => ({ address: `10.0.0.${n}`, device: `device-${n}` });
const tip = (o: Record<string, unknown> = {}) => ZTip.parse({ language: "ar", kind: "UNSAFE_PLACE", place: "Gångtunneln vid Edsbergs centrum", ...o });

before(async () => {
  await resetDatabase();
  await runSeed(db(), { demoPassword: "x", historyWeeks: 0, now: NOW });
  sollentuna = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  edsberg = (await db().area.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "edsberg" } } })).id;
});
after(() => disconnectDb());

test("a tip with nothing but a place is accepted, anonymous, with a code that shows its status", async () => {
  const sent = await submitTip("sollentuna", tip(), null, client(1), NOW);
  assert.ok(sent.ok);
  const status = await getTipStatus(sent.code.toLowerCase().replace(/-/g, " "));
  assert.equal(status?.status, "NEW", "the code works however it is typed");
  const row = await db().tip.findFirstOrThrow({ where: { municipalityId: sollentuna }, select: { trackingHash: true, contact: true, language: true } });
  assert.equal(row.contact, null, "anonymous by default");
  assert.notEqual(row.trackingHash, sent.code, "only the hash is kept");
  assert.equal(row.language, "ar");
  assert.equal(await getTipStatus("AAAA-BBBB-CCCC"), null);
  assert.equal((await submitTip("no-such-town", tip(), null, client(1), NOW)).ok, false);
});

test("bad input: personal data in the text, a filled honeypot, too long text; contact details are kept apart", () => {
  const pii = ZTip.safeParse({ language: "sv", kind: "OTHER", place: "Torget", description: "Ring 070-123 45 67" });
  assert.equal(pii.success, false);
  assert.equal(pii.error!.issues[0]!.message, "err_pii");
  assert.equal(ZTip.safeParse({ language: "sv", kind: "OTHER", place: "Torget", website: "http://spam" }).success, false);
  assert.equal(ZTip.safeParse({ language: "sv", kind: "OTHER", place: "x".repeat(201) }).success, false);
  assert.equal(ZTip.safeParse({ language: "xx", kind: "OTHER", place: "Torget" }).success, false);
  // The tipster's own phone number is allowed in the contact fields (they chose to give it).
  assert.equal(ZTip.safeParse({ language: "sv", kind: "OTHER", place: "Torget", contactPhone: "070-123 45 67" }).success, true);
});

test("repeated submissions from one device are throttled in the database; another device is not", async () => {
  for (let i = 0; i < TIP_LIMITS.device.limit; i++) assert.ok((await submitTip("sollentuna", tip(), null, client(2), NOW)).ok);
  const throttled = await submitTip("sollentuna", tip(), null, client(2), NOW);
  assert.deepEqual(throttled, { ok: false, error: "err_rate" });
  assert.ok((await submitTip("sollentuna", tip(), null, { address: "10.0.0.2", device: "another-phone" }, NOW)).ok);
  // An hour later the device may send again.
  assert.ok((await submitTip("sollentuna", tip(), null, client(2), new Date(NOW.getTime() + 3_601_000))).ok);
});

test("photos are re-encoded without metadata (no GPS position); non-images and oversized files are refused", async () => {
  const withGps = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#808080" } })
    .withExif({ IFD0: { Make: "Telefon", Model: "X" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 26/1 0/1" } })
    .jpeg()
    .toBuffer();
  assert.ok((await sharp(withGps).metadata()).exif, "the upload carries EXIF");
  const result = await reencodePhoto(withGps);
  assert.ok(result.ok);
  const meta = await sharp(result.bytes).metadata();
  assert.equal(meta.exif, undefined, "no EXIF (and so no GPS) after re-encoding");
  assert.equal(meta.format, "jpeg");
  assert.deepEqual(await reencodePhoto(new TextEncoder().encode("<svg onload=alert(1)>")), { ok: false, error: "err_photoType" });
  assert.deepEqual(await reencodePhoto(new Uint8Array(5 * 1024 * 1024 + 1)), { ok: false, error: "err_photoSize" });
});

test("triage: accept becomes a resident incident, merge joins one, close keeps the reason; every change is logged", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  // The navigation's badge: exactly the municipality's new tips.
  assert.equal(await countNewTips(coordinator, sollentuna), await db().tip.count({ where: { municipalityId: sollentuna, status: "NEW" } }));
  assert.ok(((await countNewTips(coordinator, sollentuna)) ?? 0) > 0);
  assert.equal(await countNewTips(reporter, sollentuna), null, "reporters have no queue");

  const a = await submitTip("sollentuna", tip({ areaId: edsberg, description: "Trasig belysning, mörkt på kvällarna.", contactName: "Amina", contactEmail: "amina@example.se" }), null, client(3), NOW);
  assert.ok(a.ok);
  const tipA = await db().tip.findFirstOrThrow({ where: { description: { startsWith: "Trasig belysning" } } });
  await assert.rejects(getTip(reporter, tipA.id), { code: "NOT_FOUND" });
  const view = await getTip(coordinator, tipA.id);
  assert.equal(view.contact?.email, "amina@example.se", "coordinators see the contact details");
  const accepted = await acceptTip(coordinator, { tipId: tipA.id, categoryId: view.suggestedCategoryId, areaId: edsberg, place: "Gångtunneln vid Edsbergs centrum", date: DAY, time: "20:00" }, NOW);
  const incident = await db().incident.findUniqueOrThrow({ where: { id: accepted.incidentId }, select: { source: true, isoWeek: true, category: { select: { code: true } }, reporterOrg: { select: { code: true } } } });
  assert.deepEqual(incident, { source: "RESIDENT", isoWeek: WEEK, category: { code: "otrygg_plats" }, reporterOrg: { code: "boende" } });
  assert.equal((await db().tip.findUniqueOrThrow({ where: { id: tipA.id } })).incidentId, accepted.incidentId);
  assert.equal((await getTipStatus(a.code))?.status, "ACCEPTED");
  await assert.rejects(acceptTip(coordinator, { tipId: tipA.id, categoryId: view.suggestedCategoryId, areaId: edsberg, place: "x y", date: DAY, time: "20:00" }, NOW), { code: "CONFLICT" });

  const b = await submitTip("sollentuna", tip({ areaId: edsberg, description: "Samma tunnel, samma problem." }), null, client(4), NOW);
  assert.ok(b.ok);
  const tipB = await db().tip.findFirstOrThrow({ where: { description: "Samma tunnel, samma problem." } });
  assert.ok((await getTip(coordinator, tipB.id)).candidates.some((c) => c.id === accepted.incidentId), "the accepted incident is offered for merging");
  await mergeTip(coordinator, { tipId: tipB.id, incidentId: accepted.incidentId });
  assert.equal((await getTipStatus(b.code))?.status, "MERGED");
  assert.equal(await db().incident.count({ where: { source: "RESIDENT" } }), 1, "a merge adds no incident");

  const spam = await db().tip.findMany({ where: { status: "NEW" }, select: { id: true } });
  assert.equal(ZTipClose.safeParse({ tipIds: spam.map((s) => s.id), reason: "" }).success, false, "a reason is required");
  const { closed } = await closeTips(coordinator, { tipIds: spam.map((s) => s.id), reason: "Dubbletter" });
  assert.equal(closed, spam.length);
  const events = await db().tipEvent.groupBy({ by: ["status"], _count: { _all: true } });
  const n = (s: string) => events.find((e) => e.status === s)?._count._all ?? 0;
  assert.equal(n("NEW"), await db().tip.count(), "every tip logged its arrival");
  assert.equal(n("ACCEPTED") + n("MERGED") + n("CLOSED"), await db().tip.count(), "and its one decision");
});

test("night walks count as adult presence; their observations become association incidents; all in the week's lägesbild", async () => {
  const walker = await viewerOf("nattvandrare@nattvandrarna.example");
  const category = await db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "samling" } } });
  const walk = await createNightWalk(walker, ZNightWalk.parse({
    municipalityId: sollentuna, date: DAY, startTime: "21:00", endTime: "01:00", walkers: 6, areaIds: [edsberg],
    observations: [{ text: "Stor grupp i trapphuset på Edsbergsvägen, lugnt när vi pratade med dem.", categoryId: category.id, areaId: edsberg, place: "Edsbergsvägen" }, { text: "Lugnt vid skolan." }],
  }), NOW);
  assert.equal(walk.incidents, 1);
  const w = await db().nightWalk.findUniqueOrThrow({ where: { id: walk.id } });
  assert.equal((w.endsAt.getTime() - w.startsAt.getTime()) / 3_600_000, 4, "21:00 to 01:00 the next day");
  await assert.rejects(createNightWalk(await viewerOf("rapportor@sollentunahem.example"), ZNightWalk.parse({ municipalityId: sollentuna, date: DAY, startTime: "21:00", endTime: "23:00", walkers: 2, areaIds: [edsberg] }), NOW), { code: "FORBIDDEN" });
  // All or nothing: a bad category rolls the walk back.
  const before = await db().nightWalk.count();
  await assert.rejects(createNightWalk(walker, ZNightWalk.parse({ municipalityId: sollentuna, date: DAY, startTime: "21:00", endTime: "23:00", walkers: 2, areaIds: [edsberg], observations: [{ text: "Något", categoryId: crypto.randomUUID(), areaId: edsberg, place: "Torget" }] }), NOW));
  assert.equal(await db().nightWalk.count(), before);

  const summary = await sourceSummary(sollentuna, periodRange(WEEK), [edsberg]);
  assert.deepEqual(summary, { resident: 1, association: 1, walks: 1, walkers: 6, walkerHours: 24 });
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const vecko = (await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId: sollentuna, slug: "est-vecko" } } })).id;
  const draft = await getLagesbildDraft(coordinator, vecko, WEEK);
  assert.deepEqual(draft.sources, summary, "the week's lägesbild shows the sources (its group covers every area)");
});

test("the public area page is aggregated, delayed and suppresses small counts; only published actions show", async () => {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const category = await db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "skadegorelse" } } });
  const polis = await db().organisation.findFirstOrThrow({ where: { municipalityId: sollentuna, code: "polis" } });
  // Two months back: 7 incidents of vandalism (shown) and 2 of gatherings (suppressed); last month is too recent to show.
  const shown = shiftPeriod(monthKey(NOW), -2);
  // One a day from `day` (copies of one report would be one event, ADR 018).
  const rows = (n: number, categoryId: string, day: number) =>
    Array.from({ length: n }, (_, i) => at(`${shown}-${String(day + i).padStart(2, "0")}`, "10:00")).map((occurredAt) => ({
      municipalityId: sollentuna, areaId: edsberg, categoryId, reporterOrgId: polis.id, place: "Edsbergs torg", occurredAt, isoWeek: weekKey(occurredAt),
    }));
  const samling = await db().incidentCategory.findUniqueOrThrow({ where: { municipalityId_code: { municipalityId: sollentuna, code: "samling" } } });
  await db().incident.createMany({ data: [...rows(7, category.id, 10), ...rows(2, samling.id, 20)] });
  // The police have confirmed every week for the last half year: those months are fully reported.
  const weeks = Array.from({ length: 26 }, (_, i) => shiftPeriod(weekKey(NOW), -i));
  await db().weeklyReport.createMany({ data: weeks.map((isoWeek) => ({ municipalityId: sollentuna, organisationId: polis.id, isoWeek, status: "NOTHING_TO_REPORT" as const })), skipDuplicates: true });

  const page = (await getPublicAreaPage("sollentuna", "edsberg", NOW))!;
  assert.equal(page.months.at(-1), shown, "a month's delay: the last month shown is the one before last");
  const col = page.months.indexOf(shown);
  const vandalism = page.table.find((r) => r.category === "Skadegörelse")!;
  assert.equal(vandalism.counts[col], 7);
  const gatherings = page.table.find((r) => r.category.startsWith("Otrygghetsskapande samling"))!;
  assert.equal(gatherings.counts[col], null, `fewer than ${PUBLIC_MIN_COUNT} is not shown`);
  assert.ok(page.table.every((r) => r.counts.every((n) => n === null || n === "gap" || n === 0 || n >= PUBLIC_MIN_COUNT)));
  // Months before anyone reported here are gaps, never zeros (issue 25); the month with reports is whole.
  assert.equal(page.complete[col], true);
  assert.deepEqual([page.complete[0], vandalism.counts[0]], [false, "gap"]);
  assert.equal(page.measures.length, 0);

  const measure = await db().measure.findFirstOrThrow({ where: { municipalityId: sollentuna, areaId: edsberg } });
  assert.equal(ZMeasurePublish.safeParse({ measureId: measure.id, publicText: "Kontakta 070-123 45 67" }).success, false, "no personal data on a public page");
  await publishMeasure(coordinator, { measureId: measure.id, publicText: "Ny belysning i gångtunneln vid Edsbergs centrum." }, NOW);
  await assert.rejects(publishMeasure(await viewerOf("rapportor@sollentunahem.example"), { measureId: measure.id, publicText: "x" }), { code: "NOT_FOUND" });
  const after = (await getPublicAreaPage("sollentuna", "edsberg", NOW))!;
  assert.deepEqual(after.measures.map((m) => m.publicText), ["Ny belysning i gångtunneln vid Edsbergs centrum."]);
  assert.equal(await getPublicAreaPage("sollentuna", "no-such-area", NOW), null);
});

test("a municipality takes at most its ceiling of anonymous tips an hour, however many addresses send them (issue 26)", async () => {
  const { limit } = TIP_LIMITS.municipality;
  const spread = (i: number) => ({ address: `198.51.${Math.floor(i / 250)}.${i % 250}`, device: `spread-${i}` });
  for (let i = 0; i < limit; i++) assert.ok((await submitTip("upplands-vasby", tip(), null, spread(i), NOW)).ok, `tip ${i + 1}`);
  assert.deepEqual(await submitTip("upplands-vasby", tip(), null, spread(limit), NOW), { ok: false, error: "err_rate" });
  assert.ok((await submitTip("sollentuna", tip(), null, spread(limit + 1), NOW)).ok, "another municipality is not affected");
  assert.ok((await submitTip("upplands-vasby", tip(), null, spread(limit + 2), new Date(NOW.getTime() + 3_601_000))).ok, "the next hour takes tips again");
});

test("refused tip pages and photo downloads, and refused actions, are in the access log (issue 26)", async () => {
  const reporter = await viewerOf("rapportor@sollentunahem.example");
  const { getTipPhoto } = await import("@/lib/tips/queries");
  const { withDomainErrors } = await import("@/lib/action-errors");
  const { DomainError } = await import("@/lib/errors");
  // A tip of its own, so that nothing earlier in the file has been refused for it.
  assert.ok((await submitTip("sollentuna", tip({ place: "Platsen för loggtestet" }), null, client(9), NOW)).ok);
  const someTip = await db().tip.findFirstOrThrow({ where: { municipalityId: sollentuna, place: "Platsen för loggtestet" }, select: { id: true } });
  await assert.rejects(getTip(reporter, someTip.id), { code: "NOT_FOUND" });
  assert.equal(await getTipPhoto(reporter, someTip.id), null);
  const refused = await db().auditEvent.findMany({ where: { userId: reporter.userId, entityId: someTip.id, outcome: "DENIED" }, select: { action: true }, orderBy: { id: "asc" } });
  assert.deepEqual(refused.map((r) => r.action), ["tip:view", "tip:photo"]);

  // Every action's refusal is logged where domain errors become answers – the kind only, never
  // the message; invalid input and conflicts are answers, not refusals.
  const refusals = () => db().auditEvent.count({ where: { action: "refused", outcome: "DENIED" } });
  const before = await refusals();
  assert.deepEqual(await withDomainErrors(() => Promise.reject(new DomainError("FORBIDDEN", "Inbjudan gäller kim@example.se."))), { ok: false, formError: "Inbjudan gäller kim@example.se." });
  await withDomainErrors(() => Promise.reject(new DomainError("NOT_FOUND", "Finns inte.")));
  await withDomainErrors(() => Promise.reject(new DomainError("INVALID", "Fel.", "place")));
  await withDomainErrors(() => Promise.reject(new DomainError("CONFLICT", "Ändrad.")));
  assert.equal(await refusals(), before + 2);
  const last = await db().auditEvent.findMany({ where: { action: "refused" }, select: { details: true }, orderBy: { id: "desc" }, take: 2 });
  assert.deepEqual(last.map((r) => r.details), [{ code: "NOT_FOUND" }, { code: "FORBIDDEN" }]);
});

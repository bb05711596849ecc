// A release's frozen documents, made and read by that release's own code (issue 35, "Upgrades"
// in docs/operations.md). tests/system/upgrade.test.ts runs `make` and `read` from the previous
// release's tree on a fresh database, migrates that database with the current code and runs the
// current `read`: what the release froze must read back the same, and its pages must render.
//
//   tsx --conditions=react-server scripts/release-fixture.ts make <keys.json>
//   tsx --conditions=react-server scripts/release-fixture.ts read <keys.json> <documents.json>
//
// The two commands and the shape of keys.json are the contract between releases; keep them.
// What they call inside may change with the code, as long as each release's copy works with it.
import { readFileSync, writeFileSync } from "node:fs";
import { db, disconnectDb } from "@/lib/db";
import { loadViewer } from "@/lib/auth/load-viewer";
import { approveTertial, saveTertialNarrative, submitTertialForReview } from "@/lib/analysis/tertial-mutations";
import { getTertialAnalysis } from "@/lib/analysis/tertial";
import { getMeetingPicture, publishMeetingPicture } from "@/lib/insats/meeting-picture";
import { publishLagesbild, saveJudgement } from "@/lib/lagesbild/mutations";
import { getLagesbild } from "@/lib/lagesbild/queries";
import { ZLagesbildJudgement } from "@/lib/lagesbild/schema";
import { approveLawDocument, getLawDocument, saveLawTexts } from "@/lib/law/document";
import { approveMinutes, saveMinutes, sendMinutes } from "@/lib/meetings/mutations";
import { getMeeting } from "@/lib/meetings/queries";
import { ZMinutes } from "@/lib/meetings/schema";
import { shiftPeriod, tertialKey, weekKey } from "@/lib/time/periods";
import { stockholmDay } from "@/lib/time/zone";
import { runSeed } from "@/prisma/seed/run";

const DAY = 86_400_000;

/** What `make` wrote, and `read` and the test's page checks need. */
export type ReleaseKeys = {
  now: string;
  municipalityId: string;
  lagesbild: { groupId: string; week: string };
  tertial: string;
  minutes: { meetingId: string };
  insats: { groupId: string; date: string };
  /** Each document's page and a sentence written into it, which the page must show. */
  pages: { path: string; text: string }[];
};

const viewerOf = async (email: string) => (await loadViewer((await db().user.findUniqueOrThrow({ where: { email } })).id))!;

async function make(): Promise<ReleaseKeys> {
  const now = new Date();
  // Seeded four weeks ago, so the groups have meetings behind them to keep minutes of.
  await runSeed(db(), { demoPassword: process.env.EST_DEMO_PASSWORD || "release-fixture", historyWeeks: 40, now: new Date(now.getTime() - 28 * DAY) });
  const municipalityId = (await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } })).id;
  const group = async (slug: string) => (await db().estGroup.findUniqueOrThrow({ where: { municipalityId_slug: { municipalityId, slug } } })).id;
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const ledning = await viewerOf("ledning@sollentuna.example");
  const pages: ReleaseKeys["pages"] = [];

  // Last week's lägesbild, published with a red area.
  const vecko = await group("est-vecko");
  const week = weekKey(new Date(now.getTime() - 7 * DAY));
  const area = await db().area.findFirstOrThrow({ where: { municipalityId, code: "rotebro" } });
  const judged = await saveJudgement(coordinator, ZLagesbildJudgement.parse({
    groupId: vecko, week, version: 0, assessment: "Versionstest: samlingar vid Rotebro station under veckan.", outlook: "Fortsatt förhöjt läge.",
    resourceNotes: "", focusNotes: "Stationen", areaStatuses: [{ areaId: area.id, level: "RED", reason: "Flaggad samling" }],
  }));
  await publishLagesbild(coordinator, { groupId: vecko, week, version: judged.version, confirmIncomplete: true });
  pages.push({ path: `/groups/${vecko}/lagesbild/${week}`, text: "Versionstest: samlingar vid Rotebro station under veckan." });

  // The last whole tertial: analysis approved by Ledning, and the law's document adopted.
  const tertial = shiftPeriod(tertialKey(now), -1);
  const t1 = await saveTertialNarrative(coordinator, municipalityId, { tertial, version: 0, overall: "Versionstest: ett lugnare tertial i stort.", areas: { [area.id]: "Samlingar vid stationen." }, proposal: "Ledningen fastställer analysen." });
  const t2 = await submitTertialForReview(coordinator, municipalityId, { tertial, version: t1.version });
  await approveTertial(ledning, municipalityId, { tertial, version: t2.version });
  pages.push({ path: `/tertial/${tertial}`, text: "Versionstest: ett lugnare tertial i stort." });
  const law = await saveLawTexts(coordinator, municipalityId, { period: tertial, revision: 0, otherInfo: "Trygghetsmätningen.", analysis: "Versionstest: skadegörelse kring stationen.", proposal: "Nämnden fastställer åtgärdsplanen." });
  await approveLawDocument(ledning, municipalityId, { period: tertial, revision: law.revision });
  pages.push({ path: `/lag/${tertial}`, text: "Versionstest: skadegörelse kring stationen." });

  // Minutes of the last EST Vecko meeting, sent and approved.
  const held = await db().meeting.findFirstOrThrow({ where: { groupId: vecko, startsAt: { lt: new Date(now.getTime() - DAY) } }, orderBy: { startsAt: "desc" }, select: { id: true } });
  const meeting = await getMeeting(coordinator, held.id);
  const saved = await saveMinutes(coordinator, ZMinutes.parse({
    meetingId: held.id, version: meeting.version, present: [coordinator.userId], organisations: [],
    items: [{ id: meeting.agendaItems[0]!.id, minutes: "Versionstest: lägesbilden gicks igenom." }], general: "",
  }), now);
  await sendMinutes(coordinator, { meetingId: held.id, version: saved.version });
  await approveMinutes(coordinator, { meetingId: held.id, version: saved.version + 1 }, now);
  pages.push({ path: `/moten/${held.id}`, text: "Versionstest: lägesbilden gicks igenom." });

  // The EST Insats's first meeting picture, published.
  const insats = await group("est-insats-rotebro");
  const first = await db().meeting.findFirstOrThrow({ where: { groupId: insats, startsAt: { lt: now } }, orderBy: { startsAt: "asc" }, select: { startsAt: true } });
  const date = stockholmDay(first.startsAt);
  const picture = await saveJudgement(coordinator, ZLagesbildJudgement.parse({
    groupId: insats, week: date, version: 0, assessment: "Versionstest: samlingarna har flyttat.", outlook: "", resourceNotes: "", focusNotes: "",
    areaStatuses: [{ areaId: area.id, level: "YELLOW", reason: "Färre samlingar" }],
  }));
  await publishMeetingPicture(coordinator, { groupId: insats, week: date, version: picture.version, confirmIncomplete: true }, now);
  pages.push({ path: `/groups/${insats}/moten/${date}`, text: "Versionstest: samlingarna har flyttat." });

  return { now: now.toISOString(), municipalityId, lagesbild: { groupId: vecko, week }, tertial, minutes: { meetingId: held.id }, insats: { groupId: insats, date }, pages };
}

/** Every frozen document as this release's code reads it, for the coordinator. */
async function read(keys: ReleaseKeys) {
  const coordinator = await viewerOf("samordnare@sollentuna.example");
  const now = new Date(keys.now);
  return {
    lagesbild: await getLagesbild(coordinator, keys.lagesbild.groupId, keys.lagesbild.week),
    tertial: await getTertialAnalysis(coordinator, keys.municipalityId, keys.tertial),
    law: await getLawDocument(coordinator, keys.municipalityId, keys.tertial),
    minutes: await getMeeting(coordinator, keys.minutes.meetingId),
    insats: await getMeetingPicture(coordinator, keys.insats.groupId, keys.insats.date, now),
  };
}

async function main() {
  const [command, keysFile, outFile] = process.argv.slice(2);
  if (command === "make" && keysFile) writeFileSync(keysFile, JSON.stringify(await make(), null, 1));
  else if (command === "read" && keysFile && outFile) writeFileSync(outFile, JSON.stringify(await read(JSON.parse(readFileSync(keysFile, "utf8")) as ReleaseKeys), null, 1));
  else throw new Error("usage: release-fixture.ts make <keys.json> | read <keys.json> <documents.json>");
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());

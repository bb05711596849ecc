// Idempotent seeding of one municipality's reference data (upserts on natural keys).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Prisma, type PrismaClient } from "../../lib/generated/prisma/client";
import { planMeetings } from "../../lib/meetings/cadence";
import { createMeetings } from "../../lib/meetings/create";
import { slugify } from "../../lib/text/slugify";
import { CATEGORIES, type MunicipalitySeed } from "./reference";

export type SeededMunicipality = {
  id: string;
  areaIds: Map<string, string>;
  orgIds: Map<string, string>;
  groupIds: Map<string, string>;
};

export async function seedMunicipality(db: PrismaClient, m: MunicipalitySeed, now: Date): Promise<SeededMunicipality> {
  const municipality = await db.municipality.upsert({
    where: { slug: m.slug },
    update: {},
    create: { slug: m.slug, name: m.name, population: m.population },
    select: { id: true },
  });
  const municipalityId = municipality.id;

  const areaIds = new Map<string, string>();
  for (const a of m.areas) {
    const area = await db.area.upsert({
      where: { municipalityId_code: { municipalityId, code: a.code } },
      update: {},
      create: { municipalityId, code: a.code, name: a.name, population: a.population, isFocus: a.isFocus ?? false },
      select: { id: true },
    });
    areaIds.set(a.code, area.id);
    if (a.classification && (await db.areaClassification.count({ where: { areaId: area.id } })) === 0) {
      await db.areaClassification.create({
        data: { areaId: area.id, classification: a.classification, validFrom: new Date("2023-02-01"), source: "Polisens lista (NOA), enligt förstudien feb 2023" },
      });
    }
  }

  if (m.outlines) await seedOutlines(db, municipalityId, m.outlines);

  const orgIds = new Map<string, string>();
  for (const o of m.organisations) {
    const org = await db.organisation.upsert({
      where: { municipalityId_code: { municipalityId, code: o.code } },
      update: {},
      create: { municipalityId, code: o.code, name: o.name, kind: o.kind },
      select: { id: true },
    });
    orgIds.set(o.code, org.id);
  }

  for (const [i, c] of CATEGORIES.entries()) {
    const parent = await db.incidentCategory.upsert({
      where: { municipalityId_code: { municipalityId, code: c.code } },
      update: {},
      create: { municipalityId, code: c.code, label: c.label, sortOrder: i },
      select: { id: true },
    });
    for (const [j, label] of c.sub.entries()) {
      const code = `${c.code}.${slugify(label)}`;
      await db.incidentCategory.upsert({
        where: { municipalityId_code: { municipalityId, code } },
        update: {},
        create: { municipalityId, code, label, parentId: parent.id, sortOrder: j },
      });
    }
  }

  const groupIds = new Map<string, string>();
  for (const g of m.groups) {
    const group = await db.estGroup.upsert({
      where: { municipalityId_slug: { municipalityId, slug: g.slug } },
      update: {},
      create: {
        municipalityId,
        slug: g.slug,
        name: g.name,
        kind: g.kind,
        cadence: g.cadence,
        meetingWeekday: g.weekday ?? null,
        meetingTime: g.time ?? null,
        meetingMinutes: g.minutes ?? 60,
        description: g.description,
        openedAt: g.insats ? new Date(now.getTime() - g.insats.openedDaysAgo * 86_400_000) : null,
        plannedEndDate: g.insats ? new Date(now.getTime() + g.insats.plannedEndInDays * 86_400_000) : null,
      },
      select: { id: true },
    });
    groupIds.set(g.slug, group.id);
    const areaCodes = g.areas === "all" ? m.areas.map((a) => a.code) : g.areas;
    await db.groupArea.createMany({ data: areaCodes.map((code) => ({ groupId: group.id, areaId: areaIds.get(code)! })), skipDuplicates: true });
    await db.groupOrganisation.createMany({
      data: g.organisations.map((code) => ({ groupId: group.id, organisationId: orgIds.get(code)! })),
      skipDuplicates: true,
    });
    await seedMeetings(db, municipalityId, group.id, g, now);
  }
  return { id: municipalityId, areaIds, orgIds, groupIds };
}

/** Lays out the next 12 months of meetings unless the group already has future ones. */
async function seedMeetings(db: PrismaClient, municipalityId: string, groupId: string, g: MunicipalitySeed["groups"][number], now: Date) {
  if ((await db.meeting.count({ where: { groupId, startsAt: { gte: now } } })) > 0) return;
  const until = new Date(now.getTime() + 365 * 86_400_000);
  const planned = planMeetings({ cadence: g.cadence, weekday: g.weekday ?? null, time: g.time ?? null, minutes: g.minutes ?? 60 }, now, until);
  const limited = g.insats ? planned.filter((p) => p.startsAt.getTime() <= now.getTime() + g.insats!.plannedEndInDays * 86_400_000) : planned;
  await createMeetings(db, { id: groupId, municipalityId, kind: g.kind }, limited);
}

/**
 * Approximate outlines for areas that have none: marked `approximate` (a foreign member of the
 * GeoJSON geometry, RFC 7946 §6.1) so pages can say so; an outline the municipality uploaded is
 * never replaced, and an upload replaces these.
 */
async function seedOutlines(db: PrismaClient, municipalityId: string, file: string) {
  const { features } = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), file), "utf8")) as { features: { properties: { code: string }; geometry: object }[] };
  for (const f of features) {
    await db.area.updateMany({
      where: { municipalityId, code: f.properties.code, outline: { equals: Prisma.DbNull } },
      data: { outline: { ...f.geometry, approximate: true } },
    });
  }
}

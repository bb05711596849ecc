import "server-only";
import { createHash, randomInt } from "node:crypto";
import type { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/mutations";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TipKind } from "@/lib/generated/prisma/enums";
import { allowAttempt, limitKey } from "@/lib/http/rate-limit";
import { weekKey } from "@/lib/time/periods";
import { resolveStockholmInputs } from "@/lib/time/zone";
import type { TTip, ZMeasurePublish, ZTipAccept, ZTipClose, ZTipMerge } from "./schema";

type Tx = Prisma.TransactionClient;

/** Which incident category a resident's kind of problem becomes. */
export const CATEGORY_OF_KIND: Record<TipKind, string> = { UNSAFE_PLACE: "otrygg_plats", VANDALISM: "skadegorelse", GATHERING: "samling", OTHER: "ovrigt" };

// Easy to read aloud and type: no 0/O, 1/I/L.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const hashCode = (code: string) => createHash("sha256").update(code.toUpperCase().replace(/[^A-Z0-9]/g, "")).digest("hex");
function newCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

function wall(date: string, time: string): Date | null {
  const r = resolveStockholmInputs(date, time);
  return r.kind === "nonexistent" ? null : r.instant;
}

/** Per device and per address: a few tips an hour is plenty for a person, not for a script. */
/** Tips per device and per address an hour, and a ceiling per municipality an hour, so that no
 * spread of addresses can flood a coordinator's queue (issue 26). */
export const TIP_LIMITS = { device: { limit: 5, windowSeconds: 3600 }, address: { limit: 20, windowSeconds: 3600 }, municipality: { limit: 200, windowSeconds: 3600 } };

export type TipSubmitResult = { ok: true; code: string } | { ok: false; error: "err_rate" | "not_found" | "foreign_area" };

/**
 * Stores a resident's tip (anonymous unless they gave contact details, which are kept apart) and
 * returns the tracking code, shown once. Throttled per device and per address in the database.
 */
export async function submitTip(municipalitySlug: string, input: TTip, photo: { bytes: Buffer; type: string } | null, client: { address: string; device: string }, now = new Date()): Promise<TipSubmitResult> {
  const municipality = await db().municipality.findUnique({ where: { slug: municipalitySlug }, select: { id: true } });
  if (!municipality) return { ok: false, error: "not_found" };
  const area = input.areaId ? await db().area.findFirst({ where: { id: input.areaId, municipalityId: municipality.id }, select: { id: true } }) : null;
  // The form offers only the municipality's own areas: any other id is refused, not stored (issue 26).
  if (input.areaId && !area) return { ok: false, error: "foreign_area" };
  const allowed = await allowAttempt([
    { key: limitKey("tip-device", client.device), ...TIP_LIMITS.device },
    { key: limitKey("tip-address", client.address), ...TIP_LIMITS.address },
    { key: `tip-municipality:${municipality.id}`, ...TIP_LIMITS.municipality },
  ], now);
  if (!allowed) return { ok: false, error: "err_rate" };
  const occurredAt = input.date ? wall(input.date, input.time || "12:00") : null;
  const code = newCode();
  await db().$transaction(async (tx) => {
    const tip = await tx.tip.create({
      data: {
        municipalityId: municipality.id, trackingHash: hashCode(code), kind: input.kind, areaId: area?.id ?? null, place: input.place,
        latitude: input.latitude === "" ? null : input.latitude, longitude: input.longitude === "" ? null : input.longitude,
        occurredAt: occurredAt && occurredAt <= now ? occurredAt : null, description: input.description, language: input.language,
        photo: photo ? new Uint8Array(photo.bytes) : null, photoType: photo?.type ?? null,
      },
      select: { id: true },
    });
    if (input.contactName || input.contactEmail || input.contactPhone) {
      await tx.tipContact.create({ data: { tipId: tip.id, name: input.contactName || null, email: input.contactEmail || null, phone: input.contactPhone || null } });
    }
    await tx.tipEvent.create({ data: { tipId: tip.id, status: "NEW" } });
  });
  return { ok: true, code };
}

async function triageable(viewer: Viewer, tipId: string) {
  const tip = await db().tip.findUnique({ where: { id: tipId }, select: { id: true, municipalityId: true, status: true, kind: true, latitude: true, longitude: true, description: true } });
  if (!tip || !can(viewer, "tip:triage", { municipalityId: tip.municipalityId })) throw new DomainError("NOT_FOUND", "Tipset finns inte, eller så får du inte hantera det.");
  if (tip.status !== "NEW") throw new DomainError("CONFLICT", "Tipset är redan hanterat.");
  return tip;
}

/** The municipality's own reporter for residents' tips (an organisation created when first needed). */
async function residentsOrganisation(tx: Tx, municipalityId: string) {
  return tx.organisation.upsert({
    where: { municipalityId_code: { municipalityId, code: "boende" } },
    update: {},
    create: { municipalityId, code: "boende", name: "Boende (tips från medborgare)", kind: "OTHER" },
    select: { id: true },
  });
}

/** Accepts a tip: it becomes an incident with source "resident", linked from the tip. */
export async function acceptTip(viewer: Viewer, input: z.output<typeof ZTipAccept>, now = new Date()) {
  const tip = await triageable(viewer, input.tipId);
  const [area, category] = await Promise.all([
    db().area.findFirst({ where: { id: input.areaId, municipalityId: tip.municipalityId }, select: { id: true } }),
    db().incidentCategory.findFirst({ where: { id: input.categoryId, municipalityId: tip.municipalityId, parentId: null, active: true }, select: { id: true } }),
  ]);
  if (!area) throw new DomainError("INVALID", "Välj en kommundel i kommunen.", "areaId");
  if (!category) throw new DomainError("INVALID", "Välj en kategori i listan.", "categoryId");
  const occurredAt = wall(input.date, input.time);
  if (!occurredAt) throw new DomainError("INVALID", "Den tiden finns inte i Stockholm den dagen (sommartiden börjar).", "time");
  if (occurredAt > now) throw new DomainError("INVALID", "Tidpunkten ligger i framtiden.", "date");
  const incidentId = await db().$transaction(async (tx) => {
    const org = await residentsOrganisation(tx, tip.municipalityId);
    const incident = await tx.incident.create({
      data: {
        municipalityId: tip.municipalityId, areaId: area.id, place: input.place, latitude: tip.latitude, longitude: tip.longitude, occurredAt,
        isoWeek: weekKey(occurredAt), categoryId: category.id, description: tip.description, reporterOrgId: org.id, reportedById: viewer.userId, source: "RESIDENT",
        versions: { create: { version: 1, changedById: viewer.userId, changes: { created: true, fromTip: tip.id } } },
      },
      select: { id: true },
    });
    // Only a tip that is still new moves on: two coordinators at once cannot both accept it.
    const { count } = await tx.tip.updateMany({ where: { id: tip.id, status: "NEW" }, data: { status: "ACCEPTED", incidentId: incident.id } });
    if (count === 0) throw new DomainError("CONFLICT", "Tipset är redan hanterat.");
    await tx.tipEvent.create({ data: { tipId: tip.id, status: "ACCEPTED", userId: viewer.userId } });
    return incident.id;
  });
  await recordAudit({ userId: viewer.userId, municipalityId: tip.municipalityId, action: "tip:accept", entityType: "tip", entityId: tip.id });
  return { incidentId };
}

/** Merges a tip into an incident already reported (the tip counts as that incident). */
export async function mergeTip(viewer: Viewer, input: z.output<typeof ZTipMerge>) {
  const tip = await triageable(viewer, input.tipId);
  const incident = await db().incident.findFirst({ where: { id: input.incidentId, municipalityId: tip.municipalityId, status: "ACTIVE" }, select: { id: true } });
  if (!incident) throw new DomainError("INVALID", "Välj en händelse i kommunen.", "incidentId");
  await db().$transaction(async (tx) => {
    const { count } = await tx.tip.updateMany({ where: { id: tip.id, status: "NEW" }, data: { status: "MERGED", incidentId: incident.id } });
    if (count === 0) throw new DomainError("CONFLICT", "Tipset är redan hanterat.");
    await tx.tipEvent.create({ data: { tipId: tip.id, status: "MERGED", userId: viewer.userId, note: incident.id } });
  });
  await recordAudit({ userId: viewer.userId, municipalityId: tip.municipalityId, action: "tip:merge", entityType: "tip", entityId: tip.id });
}

/** Closes one or many new tips with a reason (spam, outside the municipality, not a safety matter). */
export async function closeTips(viewer: Viewer, input: z.output<typeof ZTipClose>) {
  const tips = await db().tip.findMany({ where: { id: { in: input.tipIds } }, select: { id: true, municipalityId: true, status: true } });
  if (tips.length !== new Set(input.tipIds).size || tips.some((t) => !can(viewer, "tip:triage", { municipalityId: t.municipalityId }))) {
    throw new DomainError("NOT_FOUND", "Något av tipsen finns inte, eller så får du inte hantera det.");
  }
  if (tips.some((t) => t.status !== "NEW")) throw new DomainError("CONFLICT", "Något av tipsen är redan hanterat. Ladda om listan.");
  await db().$transaction(async (tx) => {
    const { count } = await tx.tip.updateMany({ where: { id: { in: input.tipIds }, status: "NEW" }, data: { status: "CLOSED", closeReason: input.reason } });
    if (count !== tips.length) throw new DomainError("CONFLICT", "Något av tipsen hanterades samtidigt av någon annan. Ladda om listan.");
    await tx.tipEvent.createMany({ data: input.tipIds.map((tipId) => ({ tipId, status: "CLOSED" as const, userId: viewer.userId, note: input.reason })) });
  });
  for (const t of tips) await recordAudit({ userId: viewer.userId, municipalityId: t.municipalityId, action: "tip:close", entityType: "tip", entityId: t.id });
  return { closed: tips.length };
}

/** Shows (or with an empty text, hides) an action on its area's public page, in plain language. */
export async function publishMeasure(viewer: Viewer, input: z.output<typeof ZMeasurePublish>, now = new Date()) {
  const m = await db().measure.findUnique({ where: { id: input.measureId }, select: { id: true, municipalityId: true, areaId: true } });
  if (!m || !can(viewer, "measure:publish", { municipalityId: m.municipalityId })) throw new DomainError("NOT_FOUND", "Åtgärden finns inte, eller så får du inte publicera den.");
  if (input.publicText && !m.areaId) throw new DomainError("INVALID", "Åtgärden behöver en kommundel för att kunna visas för boende.", "publicText");
  await db().measure.update({ where: { id: m.id }, data: input.publicText ? { publicText: input.publicText, publishedAt: now } : { publicText: null, publishedAt: null } });
  await recordAudit({ userId: viewer.userId, municipalityId: m.municipalityId, action: input.publicText ? "measure:publish" : "measure:unpublish", entityType: "measure", entityId: m.id });
}

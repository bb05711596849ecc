import "server-only";
// Gallring: records older than their municipality's rule are exported to a file first, then
// deleted or anonymised in one transaction, and the run is logged (append-only). Records under a
// legal hold are kept. Run nightly by the worker, or by `npm run est -- retention:run`.
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { RetentionAction, RetentionKind } from "@/lib/generated/prisma/enums";

export type RunResult = { municipality: string; kind: RetentionKind; action: RetentionAction; affected: number; held: number; exportFile: string | null };

const subtractMonths = (d: Date, months: number) => { const x = new Date(d); x.setUTCMonth(x.getUTCMonth() - months); return x; };

/** The rows a rule reaches, as exported: enough to answer for what was culled. */
async function candidates(kind: RetentionKind, municipalityId: string, cutoff: Date) {
  switch (kind) {
    case "INCIDENT":
      return db().incident.findMany({
        where: { municipalityId, occurredAt: { lt: cutoff }, NOT: { place: "[gallrad]" } },
        select: { id: true, occurredAt: true, isoWeek: true, areaId: true, categoryId: true, reporterOrgId: true, place: true, description: true, status: true },
      });
    case "TIP":
      return db().tip.findMany({
        where: { municipalityId, createdAt: { lt: cutoff }, NOT: { place: "[gallrad]" } },
        select: { id: true, createdAt: true, kind: true, status: true, place: true, description: true, incidentId: true },
      });
    case "NOTIFICATION":
      return db().notification.findMany({ where: { municipalityId, createdAt: { lt: cutoff } }, select: { id: true, createdAt: true, userId: true, title: true } });
  }
}

async function apply(kind: RetentionKind, action: RetentionAction, ids: string[]) {
  if (ids.length === 0) return;
  await db().$transaction(async (tx) => {
    if (kind === "INCIDENT") {
      // Anonymising keeps the count (and the rollups) and drops what could point at a person.
      if (action === "ANONYMISE") await tx.incident.updateMany({ where: { id: { in: ids } }, data: { place: "[gallrad]", description: "", latitude: null, longitude: null, reportedById: null, externalId: null } });
      else await tx.incident.deleteMany({ where: { id: { in: ids } } });
    } else if (kind === "TIP") {
      if (action === "ANONYMISE") {
        await tx.tipContact.deleteMany({ where: { tipId: { in: ids } } });
        await tx.tip.updateMany({ where: { id: { in: ids } }, data: { place: "[gallrad]", description: "", latitude: null, longitude: null, photo: null, photoType: null } });
      } else await tx.tip.deleteMany({ where: { id: { in: ids } } });
    } else {
      await tx.notification.deleteMany({ where: { id: { in: ids } } });
    }
  }, { timeout: 60_000 });
}

/** Runs every municipality's rules once. `dryRun` reports what would go, touching nothing. */
export async function runRetention(now = new Date(), opts: { dryRun?: boolean } = {}): Promise<RunResult[]> {
  const rules = await db().retentionRule.findMany({ select: { municipalityId: true, kind: true, months: true, action: true, municipality: { select: { slug: true } } } });
  const results: RunResult[] = [];
  for (const rule of rules) {
    const cutoff = subtractMonths(now, rule.months);
    const holds = await db().legalHold.findMany({ where: { municipalityId: rule.municipalityId, kind: rule.kind, releasedAt: null }, select: { entityId: true } });
    if (holds.some((h) => h.entityId === null)) {
      results.push({ municipality: rule.municipality.slug, kind: rule.kind, action: rule.action, affected: 0, held: -1, exportFile: null });
      continue;
    }
    const held = new Set(holds.map((h) => h.entityId));
    const rows = await candidates(rule.kind, rule.municipalityId, cutoff);
    const culled = rows.filter((r) => !held.has(r.id));
    const result: RunResult = { municipality: rule.municipality.slug, kind: rule.kind, action: rule.action, affected: culled.length, held: rows.length - culled.length, exportFile: null };
    results.push(result);
    if (opts.dryRun || culled.length === 0) continue;
    // Export first, flushed to disk; only then cull. A failed export culls nothing.
    const dir = env().RETENTION_EXPORT_DIR;
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `gallring-${rule.municipality.slug}-${rule.kind.toLowerCase()}-${now.toISOString().replace(/[:.]/g, "-")}.jsonl`);
    const out = createWriteStream(file, { flags: "wx" });
    for (const row of culled) if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, "drain");
    out.end();
    await once(out, "finish");
    await apply(rule.kind, rule.action, culled.map((r) => r.id));
    await db().retentionRun.create({ data: { municipalityId: rule.municipalityId, kind: rule.kind, action: rule.action, cutoff, affected: culled.length, held: result.held, exportFile: file } });
    result.exportFile = file;
  }
  return results;
}

import { db, disconnectDb, pool } from "@/lib/db";
import { runSeed } from "@/prisma/seed/run";
import { rollupSeries } from "@/lib/rollups/queries";
import { getCoverageOfRanges } from "@/lib/coverage/queries";
import { apiPeriod, periodsBetween } from "@/lib/rollups/periods";
import { resetDatabase } from "@/tests/helpers/db";
await resetDatabase();
await runSeed(db(), { demoPassword: "x", historyWeeks: 110 });
const m = await db().municipality.findUniqueOrThrow({ where: { slug: "sollentuna" } });
const keys = periodsBetween("2024-W49", "2026-W48")!;
const t = async (name: string, fn: () => Promise<unknown>) => { for (let i = 0; i < 5; i++) await fn(); const s = performance.now(); for (let i = 0; i < 20; i++) await fn(); console.log(name, ((performance.now() - s) / 20).toFixed(1), "ms"); };
const { rollup } = await import("@/lib/rollups/queries");
await t("one week rollup", () => rollup("sollentuna", "2026-W40", ["area","category"]));
await t("series", () => rollupSeries({ id: m.id, slug: "sollentuna" }, "2024-W49", "2026-W48", ["area", "category"]));
await t("coverage", () => getCoverageOfRanges(m.id, keys.map((k) => ({ key: k, from: apiPeriod(k).from, until: apiPeriod(k).to }))));
const { loadReporting } = await import("@/lib/coverage/queries");
const { knownWindow } = await import("@/lib/coverage/rule");
const kw = knownWindow({ from: apiPeriod(keys[0]!).from, until: apiPeriod(keys.at(-1)!).to });
await t("reporting sql", () => loadReporting(m.id, kw));
const ps = keys.map((k) => apiPeriod(k));
await t("unnest sql", () => pool().query(`SELECT b."i", r."areaId", r."categoryId", sum(r."n")::int, sum(r."events")::int FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS b("from", "to", "i") JOIN incident_day_count r ON r."municipalityId" = $1::uuid AND r.day >= b."from" AND r.day < b."to" GROUP BY 1, 2, 3 HAVING sum(r.n) <> 0`, [m.id, ps.map((p) => p.from), ps.map((p) => p.to)]));
await t("series sql", () => pool().query(`SELECT to_char(s."first", 'YYYY-MM-DD') AS "first", a."name" AS "area", a."code" AS "areaCode", c."code" AS "category", c."label" AS "categoryLabel", s."n", s."events"
       FROM (SELECT date_trunc('week', r.day)::date AS "first", r."areaId", r."categoryId", sum(r."n")::int AS "n", sum(r."events")::int AS "events"
         FROM incident_day_count r WHERE r."municipalityId" = $1::uuid AND r.day >= $2::date AND r.day < $3::date GROUP BY 1, 2, 3 HAVING sum(r."n") <> 0) s
       LEFT JOIN "area" a ON a."id" = s."areaId" LEFT JOIN "incident_category" c ON c."id" = s."categoryId"`, [m.id, ps[0]!.from, ps.at(-1)!.to]));
await t("trunc sql", () => pool().query(`SELECT date_trunc('week', day)::date, r."areaId", r."categoryId", sum(r."n")::int, sum(r."events")::int FROM incident_day_count r WHERE r."municipalityId" = $1::uuid AND r.day >= $2::date AND r.day < $3::date GROUP BY 1, 2, 3 HAVING sum(r.n) <> 0`, [m.id, ps[0]!.from, ps.at(-1)!.to]));
const plan = await pool().query(`EXPLAIN ANALYZE SELECT b."i", r."areaId", r."categoryId", sum(r."n")::int, sum(r."events")::int FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS b("from", "to", "i") JOIN incident_day_count r ON r."municipalityId" = $1::uuid AND r.day >= b."from" AND r.day < b."to" GROUP BY 1, 2, 3 HAVING sum(r.n) <> 0`, [m.id, ps.map((p) => p.from), ps.map((p) => p.to)]);
console.log(plan.rows.map((r) => r["QUERY PLAN"]).join("\n"));
await disconnectDb();

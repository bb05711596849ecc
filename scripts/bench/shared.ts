// Pieces the benchmarks share: timing in turns with a reference, the rollup query written by hand,
// and a week with ~300 incidents for the lägesbild figures.
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db";
import { periodRange, weekKey } from "@/lib/time/periods";

export type Timing = { median: number; p95: number };

export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
export const timing = (xs: number[]): Timing => ({ median: pct(xs, 50), p95: pct(xs, 95) });

/** Times functions call by call in turn, so each run of each sees the same machine. */
export async function paired(runs: number, ...fns: ((i: number) => Promise<unknown>)[]): Promise<Timing[]> {
  for (let i = 0; i < Math.min(10, runs); i++) for (const fn of fns) await fn(i);
  const out = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    // Take turns going first: the second call of a pair finds the first one's pages in cache.
    for (let k = 0; k < fns.length; k++) {
      const j = (i + k) % fns.length;
      const t = performance.now();
      await fns[j]!(i);
      out[j]!.push(performance.now() - t);
    }
  }
  return out.map(timing);
}

/** The SQL the product's rollup() sends for one municipality, area × category ($1 slug, $2/$3 days). */
export const ROLLUP_ONE_SQL = `
  SELECT m.slug, a.name AS area, a.code AS "areaCode", c.code AS category, c.label AS "categoryLabel", s.n, s.events FROM municipality m
  LEFT JOIN LATERAL (SELECT r."areaId", r."categoryId", sum(r.n)::int AS n, sum(r.events)::int AS events FROM incident_month_count r
    WHERE r."municipalityId" = m.id AND r.month >= $2::date AND r.month < $3::date GROUP BY 1, 2 HAVING sum(r.n) <> 0) s ON true
  LEFT JOIN area a ON a.id = s."areaId" LEFT JOIN incident_category c ON c.id = s."categoryId"
  WHERE m.slug = $1`;

/** Brings a municipality's week up to ~`target` incidents by copying earlier ones into it. */
export async function fillWeek(municipalityId: string, week: string, target = 300) {
  const have = await db().incident.count({ where: { municipalityId, isoWeek: week } });
  const sample = await db().incident.findMany({ where: { municipalityId, isoWeek: { lt: week } }, take: Math.max(0, target - have) });
  const start = periodRange(week).start.getTime();
  await db().incident.createMany({
    data: sample.map(({ id: _id, idempotencyKey: _k, externalId: _e, createdAt: _c, updatedAt: _u, ...rest }, i) => {
      const occurredAt = new Date(start + ((i * 7919) % (7 * 86_400_000 - 60_000)));
      return { ...rest, occurredAt, isoWeek: weekKey(occurredAt) };
    }),
  });
}

/**
 * CPU time (user + system, ms) used so far by the given processes and by PostgreSQL, read from
 * /proc (Linux; null elsewhere). Throughput alone hides where a page's time goes on a shared
 * 2-core machine; CPU per request says whether it is the server's rendering or the database.
 * `postgres` is all of PostgreSQL, ended processes included (the postmaster reaps a backend when
 * a pool closes an idle connection, and its time moves to the postmaster's children's time);
 * `postgresBackground` is the part of it in the running background processes – checkpointer,
 * WAL writer, background writer – which after a bulk load are busy writing the load out,
 * whatever the requests are.
 */
export function cpuSnapshot(pids: number[]): { server: number; postgres: number; postgresBackground: number } | null {
  const read = (pid: string) => {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // proc(5) fields 14–17, in clock ticks of 10 ms: utime and stime, then cutime and cstime (the
    // CPU of ended children).
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [number, number, number, number];
    return { name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), own: (utime + stime) * 10, children: (cutime + cstime) * 10 };
  };
  try {
    const server = pids.reduce((sum, pid) => sum + read(String(pid)).own, 0);
    let postgres = 0;
    let postgresBackground = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const t = read(entry);
        if (t.name !== "postgres") continue;
        postgres += t.own + t.children;
        const title = readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
        if (/: (checkpointer|walwriter|background writer)/.test(title)) postgresBackground += t.own;
      } catch {
        // The process ended between listing and reading.
      }
    }
    return { server, postgres, postgresBackground };
  } catch {
    return null;
  }
}

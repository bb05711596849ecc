import autocannon from "autocannon";
import pg from "pg";
import { createHash, randomBytes } from "node:crypto";
const pool = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:5432/est_dev" });
const token = `est_${randomBytes(32).toString("base64url")}`;
await pool.query(`INSERT INTO api_token ("municipalityId", "organisationId", name, "tokenHash", prefix)
  SELECT m.id, o.id, 'Bench', $1, $2 FROM municipality m JOIN organisation o ON o."municipalityId" = m.id AND o.code = 'trygghetsvardar' WHERE m.slug = 'sollentuna'`, [createHash("sha256").update(token).digest("hex"), token.slice(0, 10)]);
await pool.end();
const report = () => JSON.stringify({ occurred_at: "2026-11-20 21:30", area: "Edsberg", place: "Edsbergs torg", category: "skadegorelse", description: "Klotter på fasaden.", external_id: `bench-${randomBytes(9).toString("base64url")}` });
for (const round of [1, 2]) {
  const lat = [];
  const inst = autocannon({ url: "http://localhost:3000/api/v1/incidents", connections: 50, duration: Number(process.argv[2] ?? 10), requests: [{ method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, setupRequest: (r) => ({ ...r, body: report() }) }] });
  inst.on("response", (c, status, body, time) => lat.push(time));
  const r = await inst;
  lat.sort((a, b) => a - b);
  console.log(`round ${round}: ${r.requests.average}/s p50 ${lat[Math.floor(lat.length * 0.5)].toFixed(0)} p95 ${lat[Math.floor(lat.length * 0.95)].toFixed(0)} non2xx ${r.non2xx} errors ${r.errors}`);
}

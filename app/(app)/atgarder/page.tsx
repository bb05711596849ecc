import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { isExpectedError } from "@/lib/errors";
import { listMeasures } from "@/lib/measures/register";
import { MEASURE_STATUS_LABEL, MEASURE_STATUS_TONE, verdictLabel } from "@/lib/measures/labels";
import { ZMeasureFilter } from "@/lib/measures/schema";
import { formatDate } from "@/lib/time/format";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Åtgärder" };

const VIEWS = [["all", "Alla jag kan se"], ["mine", "Min organisations"], ["overdue", "Försenade"]] as const;

export default async function MeasuresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const filter = ZMeasureFilter.parse(raw);
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  const data = await listMeasures(viewer, active.municipalityId, filter).catch((e) => (isExpectedError(e) ? notFound() : Promise.reject(e)));
  const query = (patch: Record<string, string>) => `?${new URLSearchParams({ ...filter, ...patch })}`;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Åtgärder</h1>
          <p className="lead">{active.municipalityName} · åtgärdsregistret: vem gör vad, till när, och hjälpte det?</p>
        </div>
        <div className="toolbar no-print">
          {data.canCreate ? <Link className="btn" href="/atgarder/ny">Ny åtgärd</Link> : null}
          <a className="btn btn-secondary" href={`/atgarder/export${query({})}`}>Exportera CSV</a>
        </div>
      </div>
      <nav className="toolbar" aria-label="Urval" style={{ marginBottom: "0.75rem" }}>
        {VIEWS.map(([v, label]) => <Link key={v} className="btn btn-secondary" aria-current={filter.view === v ? "page" : undefined} href={query({ view: v })}>{label}</Link>)}
      </nav>
      <form method="get" className="filters card no-print" style={{ marginBottom: "1rem" }}>
        <input type="hidden" name="view" value={filter.view} />
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select id="f-status" name="status" defaultValue={filter.status}>
            <option value="">Alla</option><option value="OPEN">Öppna</option>
            {Object.entries(MEASURE_STATUS_LABEL).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-group">Grupp</label>
          <select id="f-group" name="groupId" defaultValue={filter.groupId}>
            <option value="">Alla</option>
            {data.groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-area">Kommundel</label>
          <select id="f-area" name="areaId" defaultValue={filter.areaId}>
            <option value="">Alla</option>
            {data.areas.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </div>
        <div className="field"><button type="submit" className="btn">Visa</button></div>
      </form>
      {data.measures.length === 0 ? (
        <p className="meta">Inga åtgärder med det urvalet. Åtgärder skapas från beslut i lägesbilder och EST Insatser.</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="measure-table">
            <thead><tr><th scope="col">Åtgärd</th><th scope="col">Ansvarig</th><th scope="col">Kommundel</th><th scope="col">Klart senast</th><th scope="col">Status</th><th scope="col">Senaste uppföljning</th></tr></thead>
            <tbody>
              {data.measures.map((m) => (
                <tr key={m.id}>
                  <td><Link href={`/atgarder/${m.id}`}>{m.title}</Link>{m.group ? <div className="meta">{m.group.name}</div> : null}</td>
                  <td>{m.ownerOrg.name}{m.responsibleName ? <div className="meta">{m.responsibleName}</div> : null}</td>
                  <td>{m.area?.name ?? "–"}</td>
                  <td>{m.dueDate ? formatDate(m.dueDate) : "–"}{m.overdue ? <> <Badge tone="danger">Försenad</Badge></> : null}</td>
                  <td><Badge tone={MEASURE_STATUS_TONE[m.status]}>{MEASURE_STATUS_LABEL[m.status]}</Badge>{m.effectVerdict ? <div className="meta">{verdictLabel(m.effectVerdict)}</div> : null}</td>
                  <td>{m.latestFollowUp ? `${formatDate(m.latestFollowUp.date)}: ${m.latestFollowUp.text}` : <span className="meta">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

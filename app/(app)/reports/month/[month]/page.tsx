import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { isExpectedError } from "@/lib/errors";
import { delta } from "@/lib/lagesbild/flags";
import { getMonthlyAreaReport } from "@/lib/reports/monthly";
import { toLocalInputs } from "@/lib/time/format";
import { isPeriodKey, periodLabel, periodRange, shiftPeriod } from "@/lib/time/periods";
import { Badge } from "@/components/ui/badge";
import { PrintButton } from "@/components/ui/print-button";
import { formatDecimal } from "@/lib/text/number";

export const metadata: Metadata = { title: "Månadsrapport" };

const LEVEL = { GREEN: ["ok", "Grön"], YELLOW: ["warn", "Gul"], RED: ["danger", "Röd"] } as const;

async function load(month: string) {
  if (!isPeriodKey(month, "month")) notFound();
  const viewer = await requireViewer();
  const active = await getActiveMembership(viewer);
  try {
    return { active, report: await getMonthlyAreaReport(viewer, active.municipalityId, month) };
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function MonthlyReportPage({ params }: { params: Promise<{ month: string }> }) {
  const { month } = await params;
  const { active, report } = await load(month);
  const { start, end } = periodRange(month);
  const from = toLocalInputs(start).date;
  const to = toLocalInputs(new Date(end.getTime() - 1)).date;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Månadsrapport {periodLabel(month)}</h1>
          <p className="lead">{active.municipalityName} · lägesbild per kommundel</p>
        </div>
        <nav className="toolbar no-print" aria-label="Byt månad">
          <PrintButton />
          <Link className="btn btn-secondary" href={`/reports/month/${shiftPeriod(month, -1)}`}>← {periodLabel(shiftPeriod(month, -1))}</Link>
          <Link className="btn btn-secondary" href={`/reports/month/${shiftPeriod(month, 1)}`}>{periodLabel(shiftPeriod(month, 1))} →</Link>
        </nav>
      </div>
      {report.areas.map((a) => (
        <section key={a.id} className="card" style={{ marginBottom: "1rem" }} aria-labelledby={`area-${a.id}`} data-testid="area-section">
          <h2 id={`area-${a.id}`}>{a.name}{a.isFocus ? " (fokusområde)" : ""}</h2>
          <p>
            <Link href={`/incidents?${new URLSearchParams({ period: "", from, to, areaId: a.id })}`}><strong>{a.total}</strong> händelser</Link>{" "}
            ({delta(a.total, a.previous)} mot {periodLabel(shiftPeriod(month, -1))}, {delta(a.total, a.lastYear)} mot samma månad i fjol
            {a.perThousand !== null ? `; ${formatDecimal(a.perThousand)} per 1 000 invånare` : ""})
          </p>
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">Kategori</th><th scope="col">Antal</th><th scope="col">Förändring</th></tr></thead>
              <tbody>
                {a.byCategory.filter((c) => c.count || c.previous).map((c) => (
                  <tr key={c.categoryId}>
                    <td>{report.categories.find((x) => x.id === c.categoryId)?.label}</td>
                    <td><Link href={`/incidents?${new URLSearchParams({ period: "", from, to, areaId: a.id, categoryId: c.categoryId })}`}>{c.count}</Link></td>
                    <td>{delta(c.count, c.previous)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {a.topPlaces.length ? <p><strong>Platser:</strong> {a.topPlaces.map((p) => `${p.place} (${p.count})`).join(", ")}</p> : null}
          {a.statuses.length ? (
            <ul className="status-list">
              {a.statuses.map((s) => (
                <li key={`${s.week}-${s.group}`}>
                  <span>{periodLabel(s.week)}, {s.group}{s.reason ? ` – ${s.reason}` : ""}</span>
                  <Badge tone={LEVEL[s.level][0]}>{LEVEL[s.level][1]}</Badge>
                </li>
              ))}
            </ul>
          ) : <p className="meta">Ingen publicerad områdesstatus under månaden.</p>}
        </section>
      ))}
    </>
  );
}

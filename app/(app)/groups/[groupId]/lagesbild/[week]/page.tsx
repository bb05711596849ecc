import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { isExpectedError } from "@/lib/errors";
import { getLagesbild, listLagesbildWeeks } from "@/lib/lagesbild/queries";
import { formatDate, toLocalInputs } from "@/lib/time/format";
import { isPeriodKey, periodLabel, periodRange, shiftPeriod, weekKey } from "@/lib/time/periods";
import { ReportingStateBadge } from "@/components/groups/reporting-state";
import { CountMatrix } from "@/components/lagesbild/count-matrix";
import { WeekdayHourTable, weekSlotHref } from "@/components/lagesbild/weekday-hour";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/time/format";
import { listReportingOrganisations } from "@/lib/incidents/queries";
import { env } from "@/lib/env";
import { IncidentMap } from "@/components/map/incident-map";
import { CATEGORY_COLOR } from "@/components/map/colors";
import { JudgementForm } from "./_components/judgement-form";
import { MeasureForm } from "./_components/measure-form";
import { PrintButton } from "@/components/ui/print-button";
import { createMeasureAction, publishAction, saveJudgementAction } from "./actions";

export const metadata: Metadata = { title: "Lägesbild" };

async function load(groupId: string, week: string) {
  if (!isPeriodKey(week, "week")) notFound();
  const viewer = await requireViewer();
  try {
    const lagesbild = await getLagesbild(viewer, groupId, week);
    const canOpenInsats = can(viewer, "insats:open", { municipalityId: lagesbild.group.municipalityId });
    const [history, organisations] = await Promise.all([listLagesbildWeeks(viewer, groupId), listReportingOrganisations(viewer, lagesbild.group.municipalityId)]);
    return { ...lagesbild, history, organisations, canOpenInsats };
  } catch (error) {
    if (isExpectedError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function LagesbildPage({ params }: { params: Promise<{ groupId: string; week: string }> }) {
  const { groupId, week } = await params;
  const d = await load(groupId, week);
  const canOpenInsats = d.canOpenInsats;
  const list = (q: Record<string, string>) => `/incidents?${new URLSearchParams({ period: week, ...q })}`;
  const base = `/groups/${groupId}/lagesbild`;
  const tileUrl = env().MAP_TILE_URL ?? null;
  const attribution = env().MAP_TILE_ATTRIBUTION;
  // The four weeks the repeat-place rule looks at, as list dates.
  const repeatFrom = toLocalInputs(periodRange(shiftPeriod(week, -3)).start).date;
  const repeatTo = toLocalInputs(new Date(periodRange(week).end.getTime() - 1)).date;
  return (
    <>
      <p className="no-print"><Link href={`/groups/${groupId}`}>← {d.group.name}</Link></p>
      <div className="page-header">
        <div>
          <h1>Lägesbild {periodLabel(week)}</h1>
          <p className="lead">
            {d.group.name} · {d.published ? <Badge tone="ok">Publicerad {d.saved?.publishedAt ? formatDateTime(d.saved.publishedAt) : ""}</Badge> : <Badge tone="warn">Utkast</Badge>} ·{" "}
            <Link href={list({})}>{d.matrix.total.count} händelser</Link> ({d.matrix.total.previousWeek} förra veckan)
          </p>
        </div>
        <nav className="toolbar no-print" aria-label="Byt vecka">
          <PrintButton />
          <Link className="btn btn-secondary" href={`${base}/${shiftPeriod(week, -1)}`}>← {periodLabel(shiftPeriod(week, -1))}</Link>
          {week < weekKey(new Date()) ? <Link className="btn btn-secondary" href={`${base}/${shiftPeriod(week, 1)}`}>{periodLabel(shiftPeriod(week, 1))} →</Link> : null}
        </nav>
      </div>

      <section aria-labelledby="flags">
        <h2 id="flags">Flaggor ({d.flags.length})</h2>
        {d.flags.length === 0 ? (
          <p className="meta">Inget ovanligt högt den här veckan enligt flaggregeln.</p>
        ) : (
          <ul className="flag-list" data-testid="flags">
            {d.flags.map((f) => (
              <li key={`${f.area.id}-${f.category.id}`}>
                <strong><Link href={list({ areaId: f.area.id, categoryId: f.category.id })}>{f.area.name}: {f.category.label}</Link></strong>
                <div>{f.cell.flag.explanation}</div>
                {f.twoWeeksRunning ? <div><Badge tone="danger">Flaggad två veckor i rad</Badge></div> : null}
                {canOpenInsats && !d.published ? (
                  <Link className={f.twoWeeksRunning ? "btn" : "btn btn-secondary"} style={{ marginTop: "0.4rem" }}
                    href={`/insats/new?${new URLSearchParams({ fromGroup: d.group.id, week, areaId: f.area.id, categoryId: f.category.id })}`}>
                    {f.twoWeeksRunning ? "Föreslaget: starta EST Insats" : "Starta EST Insats"}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <p className="meta">Flaggregel: antalet jämförs med snittet för de fyra föregående veckorna (Poisson). Flagga när minst 3 händelser och så många eller fler bara inträffar av en slump i under 1 % av veckorna.</p>
      </section>

      <section aria-labelledby="matrix">
        <h2 id="matrix">Händelser per kommundel och kategori</h2>
        <CountMatrix draft={d} />
        <p className="meta">Siffran efter antalet är förändringen mot förra veckan. Håll över en siffra för snittet av fyra veckor och samma vecka i fjol.</p>
      </section>

      <div className="grid">
        <section className="card" aria-labelledby="hotspots">
          <h2 id="hotspots">Platser med flest händelser</h2>
          <ol data-testid="hotspots">
            {d.hotspots.map((h) => (
              <li key={`${h.areaId}-${h.place}`}><Link href={list({ areaId: h.areaId, q: h.place })}>{h.place}</Link> ({h.areaName}) – {h.count}</li>
            ))}
          </ol>
        </section>
        <section className="card" aria-labelledby="repeat">
          <h2 id="repeat">Återkommande platser</h2>
          <p className="meta">Minst 3 händelser de senaste fyra veckorna.</p>
          <ul data-testid="repeat-places">
            {d.repeatPlaces.map((r) => (
              <li key={`${r.areaId}-${r.place}`}><Link href={`/incidents?${new URLSearchParams({ areaId: r.areaId, q: r.place, period: "", from: repeatFrom, to: repeatTo })}`}>{r.place}</Link> ({r.areaName}) – {r.count}</li>
            ))}
          </ul>
        </section>
      </div>

      {d.lateReports.length > 0 ? (
        <section className="card" aria-labelledby="late" style={{ marginBottom: "1rem" }}>
          <h2 id="late">Efterrapporterade händelser ({d.lateReports.length})</h2>
          <p className="meta">Rapporterade efter att deras veckas lägesbild publicerades; de publicerade siffrorna ändras inte.</p>
          <ul data-testid="late-reports">
            {d.lateReports.map((i) => (
              <li key={i.id}><Link href={`/incidents/${i.id}`}>{formatDateTime(new Date(i.occurredAt))}</Link> {i.area.name} – {i.place} ({i.category.label}) <Badge tone="warn">efterrapporterad, {periodLabel(i.isoWeek)}</Badge></li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="map">
        <h2 id="map">Veckans karta</h2>
        <IncidentMap
          points={d.points.map((p) => ({ ...p, color: CATEGORY_COLOR[p.category]?.color ?? "#555" }))}
          outlines={[]}
          center={d.points[0] ? [d.points[0].lat, d.points[0].lng] : [59.43, 17.95]}
          tileUrl={tileUrl}
          attribution={attribution}
          heat={false}
          linkPrefix="/incidents/"
        />
      </section>

      <section aria-labelledby="when">
        <h2 id="when">Veckodag och tid på dygnet</h2>
        <WeekdayHourTable table={d.weekdayHour} href={(day, hour) => weekSlotHref(week, day, hour)} />
      </section>

      <section className="card" aria-labelledby="judgement" style={{ marginTop: "1rem" }}>
        <h2 id="judgement">Gruppens bedömning</h2>
        {d.canEdit && !d.published ? (
          <JudgementForm
            groupId={d.group.id}
            week={week}
            version={d.saved?.version ?? 0}
            initial={{ assessment: d.saved?.assessment ?? "", outlook: d.saved?.outlook ?? "", resourceNotes: d.saved?.resourceNotes ?? "", focusNotes: d.saved?.focusNotes ?? "" }}
            statuses={(d.saved?.areaStatuses ?? []).map((s) => ({ areaId: s.areaId, level: s.level, reason: s.reason }))}
            areas={d.areas}
            save={saveJudgementAction}
            publish={publishAction}
          />
        ) : d.saved ? (
          <div data-testid="judgement-read">
            {[["Bedömning", d.saved.assessment], ["Händelseutveckling", d.saved.outlook], ["Resursplanering", d.saved.resourceNotes], ["Fokus nästa vecka", d.saved.focusNotes]].map(([label, text]) =>
              text ? (<div key={label}><h3>{label}</h3><p style={{ whiteSpace: "pre-wrap" }}>{text}</p></div>) : null,
            )}
            <ul className="status-list">
              {d.saved.areaStatuses.map((s) => (
                <li key={s.areaId}>
                  <span>{d.areas.find((a) => a.id === s.areaId)?.name}{s.reason ? ` – ${s.reason}` : ""}</span>
                  <Badge tone={s.level === "GREEN" ? "ok" : s.level === "YELLOW" ? "warn" : "danger"}>{{ GREEN: "Grön", YELLOW: "Gul", RED: "Röd" }[s.level]}</Badge>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="meta">Ingen bedömning ännu.</p>
        )}
      </section>

      <section className="card" aria-labelledby="measures" style={{ marginTop: "1rem" }}>
        <h2 id="measures">Åtgärder ({d.measures.length} pågående eller planerade)</h2>
        {d.measures.length ? (
          <div className="table-wrap">
            <table data-testid="measures">
              <thead><tr><th scope="col">Åtgärd</th><th scope="col">Ansvarig</th><th scope="col">Kommundel</th><th scope="col">Klart senast</th><th scope="col">Senaste uppföljning</th></tr></thead>
              <tbody>
                {d.measures.map((m) => {
                  const due = m.dueDate ? new Date(m.dueDate) : null;
                  return (
                    <tr key={m.id}>
                      <td>{m.title}{m.lagesbild ? <span className="meta"> (beslut {periodLabel(m.lagesbild.periodKey)})</span> : null}</td>
                      <td>{m.ownerOrg.name}{m.responsibleName ? `, ${m.responsibleName}` : ""}</td>
                      <td>{m.area?.name ?? "–"}</td>
                      <td>{due ? <>{formatDate(due)} {m.overdue ? <Badge tone="danger">Försenad</Badge> : null}</> : "–"}</td>
                      <td>{m.latestFollowUp ? `${formatDate(new Date(m.latestFollowUp.date))}: ${m.latestFollowUp.text}` : "–"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : <p className="meta">Inga öppna åtgärder i gruppens områden.</p>}
        {d.canEdit ? (
          <div className="no-print" style={{ marginTop: "1rem" }}>
            <h3>Beslut → ny åtgärd</h3>
            <MeasureForm groupId={d.group.id} week={week} organisations={d.organisations} areas={d.areas} action={createMeasureAction}
              defaultDue={toLocalInputs(new Date(Math.max(new Date().getTime(), periodRange(week).end.getTime()) + 14 * 86_400_000)).date} />
          </div>
        ) : null}
      </section>

      {d.sources ? (
        <section className="card" aria-labelledby="sources" style={{ marginTop: "1rem" }}>
          <h2 id="sources">Boende och föreningar</h2>
          <dl className="facts" data-testid="sources">
            <dt>Tips från boende</dt><dd>{d.sources.resident} händelser</dd>
            <dt>Rapporter från föreningar</dt><dd>{d.sources.association} händelser</dd>
            <dt>Vuxennärvaro (nattvandring)</dt><dd>{d.sources.walks} pass, {d.sources.walkers} vandrare, {d.sources.walkerHours} vandrartimmar</dd>
          </dl>
          <p className="meta">Ingår i siffrorna ovan; visas här för sig så att källorna syns.</p>
        </section>
      ) : null}

      {d.completeness ? (
        <section className="card" aria-labelledby="completeness" style={{ marginTop: "1rem" }}>
          <h2 id="completeness">Rapportering</h2>
          <ul className="status-list">
            {d.completeness.map((c) => (
              <li key={c.id}><span>{c.name}</span><ReportingStateBadge state={c.state} count={c.count} /></li>
            ))}
          </ul>
        </section>
      ) : null}
      <details className="no-print" style={{ marginTop: "1rem" }}>
        <summary>Tidigare veckor</summary>
        <ul data-testid="history">
          {d.history.map((h) => (
            <li key={h.periodKey}><Link href={`${base}/${h.periodKey}`}>{periodLabel(h.periodKey)}</Link> – {h.status === "PUBLISHED" ? "publicerad" : "utkast"}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

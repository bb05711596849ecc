import type { Metadata } from "next";
import { orNotFound, refusePage } from "@/lib/page-errors";
import { ClientMessages } from "@/components/i18n/client-messages";
import Link from "next/link";
import { runningInsatser } from "@/lib/insats/queries";
import { RowLink } from "@/components/ui/row-link";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { getLagesbild, listLagesbildWeeks } from "@/lib/lagesbild/queries";
import { fill, plural } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { delta, explainFlag } from "@/lib/lagesbild/flags";
import { toLocalInputs } from "@/lib/time/format";
import { isPeriodKey, periodRange, shiftPeriod, weekKey } from "@/lib/time/periods";
import { ReportingStateBadge } from "@/components/groups/reporting-state";
import { CountMatrix } from "@/components/lagesbild/count-matrix";
import { BarList } from "@/components/analysis/bar-list";
import { TrendChart } from "@/components/analysis/trend-chart";
import { WeekdayHourTable, weekSlotHref } from "@/components/lagesbild/weekday-hour";
import { Badge } from "@/components/ui/badge";
import { listReportingOrganisations } from "@/lib/incidents/queries";
import { env } from "@/lib/env";
import { IncidentMap } from "@/components/map/incident-map";
import { CATEGORY_COLOR } from "@/components/map/colors";
import { orderStatuses } from "@/lib/lagesbild/status-order";
import { JudgementForm } from "./_components/judgement-form";
import { MeasureForm } from "./_components/measure-form";
import { QuickStatus } from "./_components/quick-status";
import { addendumMeasures, measureStatusControls } from "@/lib/measures/queries";
import { PrintButton } from "@/components/ui/print-button";
import { ArchiveNote, PdfLink } from "@/components/documents/document-pdf";
import { lagesbildDocument } from "@/lib/documents/catalogue";
import { createMeasureAction, publishAction, saveJudgementAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.lagesbild.metaTitle };
}

async function load(groupId: string, week: string) {
  if (!isPeriodKey(week, "week")) return refusePage();
  const viewer = await requireViewer();
  return orNotFound(async () => {
    const lagesbild = await getLagesbild(viewer, groupId, week);
    const canOpenInsats = can(viewer, "insats:open", { municipalityId: lagesbild.group.municipalityId });
    const [history, organisations, pdf, running] = await Promise.all([
      listLagesbildWeeks(viewer, groupId), listReportingOrganisations(viewer, lagesbild.group.municipalityId), lagesbildDocument(viewer, groupId, week),
      canOpenInsats ? runningInsatser(lagesbild.group.municipalityId) : [],
    ]);
    const target = { municipalityId: lagesbild.group.municipalityId, groupId, groupKind: lagesbild.group.kind };
    // Decisions can be added after publishing (an addendum; the snapshot stays as it was).
    const mayDecide = can(viewer, "lagesbild:edit", target);
    const [controls, addendum] = await Promise.all([
      lagesbild.published ? new Map<string, never>() : measureStatusControls(viewer, target.municipalityId, lagesbild.measures.map((x) => x.id)),
      lagesbild.published && lagesbild.saved?.publishedAt ? addendumMeasures(lagesbild.saved.id, target.municipalityId, lagesbild.saved.publishedAt) : [],
    ]);
    return { ...lagesbild, history, organisations, canOpenInsats, pdf, running, mayDecide, controls, addendum };
  });
}

export default async function LagesbildPage({ params }: { params: Promise<{ groupId: string; week: string }> }) {
  const { groupId, week } = await params;
  const d = await load(groupId, week);
  const { locale, m: { lagesbild: m, documents }, f } = await getI18n();
  const canOpenInsats = d.canOpenInsats;
  const list = (q: Record<string, string>) => `/incidents?${new URLSearchParams({ period: week, ...q })}`;
  const base = `/groups/${groupId}/lagesbild`;
  const tileUrl = env().MAP_TILE_URL ?? null;
  const attribution = env().MAP_TILE_ATTRIBUTION;
  // The four weeks the repeat-place rule looks at, as list dates.
  const repeatFrom = toLocalInputs(periodRange(shiftPeriod(week, -3)).start).date;
  const repeatTo = toLocalInputs(new Date(periodRange(week).end.getTime() - 1)).date;
  const decisionForm = (
    <div className="no-print">
      <h3>{d.published ? m.addendum : m.decisionToMeasure}</h3>
      {d.published ? <p className="meta">{m.addendumHint}</p> : null}
      <MeasureForm groupId={d.group.id} week={week} organisations={d.organisations} areas={d.areas} action={createMeasureAction}
        defaultDue={toLocalInputs(new Date(Math.max(new Date().getTime(), periodRange(week).end.getTime()) + 14 * 86_400_000)).date} />
    </div>
  );
  // Decisions made in this week's lägesbild so far, for the checklist before publishing.
  const decidedThisWeek = d.measures.filter((ms) => ms.lagesbild?.periodKey === week).length;
  return (
    <ClientMessages ns={["judgementForm", "measureForm"]}>
      <p className="no-print"><Link href={`/groups/${groupId}`}>{`← ${d.group.name}`}</Link></p>
      <div className="page-header">
        <div>
          <h1>{fill(m.title, { week: f.period(week) })}</h1>
          <p className="lead">
            {`${d.group.name} · `}
            {d.published ? <Badge tone="ok">{fill(m.published, { time: d.saved?.publishedAt ? f.dateTime(d.saved.publishedAt) : "" })}</Badge> : <Badge tone="warn">{m.draft}</Badge>}
            {" · "}
            <Link href={list({})}>{plural(locale, m.total, d.matrix.total.count)}</Link> {fill(m.previousWeek, { count: d.matrix.total.previousWeek })}
          </p>
          <ArchiveNote pdf={d.pdf} />
        </div>
        <nav className="toolbar no-print" aria-label={m.changeWeek}>
          <PdfLink pdf={d.pdf} />
          <PrintButton />
          <Link className="btn btn-secondary" href={`${base}/${shiftPeriod(week, -1)}`}>{`← ${f.period(shiftPeriod(week, -1))}`}</Link>
          {week < weekKey(new Date()) ? <Link className="btn btn-secondary" href={`${base}/${shiftPeriod(week, 1)}`}>{`${f.period(shiftPeriod(week, 1))} →`}</Link> : null}
        </nav>
      </div>

      <section className="print-only document-summary" aria-labelledby="summary" data-testid="document-summary">
        <h2 id="summary">{documents.summary}</h2>
        <p>{`${plural(locale, m.total, d.matrix.total.count)} ${fill(m.previousWeek, { count: d.matrix.total.previousWeek })}`}</p>
        {d.completeness ? (
          <p>{`${documents.coverage}: ${fill(m.reportingSummary, { reported: d.completeness.filter((c) => c.state !== "SILENT").length, total: d.completeness.length })}`}{d.completeness.some((c) => c.state === "SILENT") ? ` (${d.completeness.filter((c) => c.state === "SILENT").map((c) => c.name).join(", ")})` : ""}</p>
        ) : null}
        <p>{fill(m.flags, { count: d.flags.length })}{d.flags.length ? `: ${d.flags.map((fl) => `${fl.area.name} – ${fl.category.label}${fl.twoWeeksRunning ? ` (${m.twoWeeks})` : ""}`).join("; ")}` : ""}</p>
        {d.repeatPlaces.length ? <p>{`${m.repeat}: ${d.repeatPlaces.map((r) => `${r.place} (${r.areaName}) ${r.count}`).join("; ")}`}</p> : null}
        <h3>{documents.judgement}</h3>
        {d.saved?.assessment ? <p className="narrative">{d.saved.assessment}</p> : <p className="meta">{m.noJudgement}</p>}
        {d.saved?.areaStatuses.length ? (
          <p data-testid="summary-statuses">{orderStatuses(d.saved.areaStatuses, d.areas).map((s) => `${s.name}: ${m.level[s.level]}`).join(" · ")}</p>
        ) : null}
      </section>

      <nav className="toc no-print" aria-label={m.tocLabel} data-testid="toc">
        <ol>
          <li><a href="#measures">{m.tocDecisions}</a></li>
          <li><a href="#flags">{m.tocFlags}</a></li>
          <li><a href="#matrix">{m.tocFigures}</a></li>
          <li><a href="#judgement">{m.tocJudgement}</a></li>
          {d.canEdit && !d.published ? <li><a href="#publish-heading">{m.tocPublish}</a></li> : null}
        </ol>
      </nav>

      <section className="card" aria-labelledby="measures" style={{ marginTop: "1rem" }}>
        <h2 id="measures">{fill(m.measures, { count: d.measures.length })}</h2>
        {d.measures.length ? (
          <div className="table-wrap">
            <table data-testid="measures">
              <thead><tr><th scope="col">{m.measure}</th><th scope="col">{m.owner}</th><th scope="col">{m.area}</th><th scope="col">{m.due}</th><th scope="col">{m.latestFollowUp}</th>{d.controls.size ? <th scope="col" className="no-print">{m.quickStatus}</th> : null}</tr></thead>
              <tbody>
                {d.measures.map((ms) => {
                  const due = ms.dueDate ? new Date(ms.dueDate) : null;
                  return (
                    <tr key={ms.id}>
                      <td>{ms.title}{ms.lagesbild ? <span className="meta">{fill(m.decidedIn, { week: f.period(ms.lagesbild.periodKey) })}</span> : null}</td>
                      <td>{ms.ownerOrg.name}{ms.responsibleName ? `, ${ms.responsibleName}` : ""}</td>
                      <td>{ms.area?.name ?? "–"}</td>
                      <td>{due ? <>{`${f.date(due)} `}{ms.overdue ? <Badge tone="danger">{m.overdue}</Badge> : null}</> : "–"}</td>
                      <td>{ms.latestFollowUp ? `${f.date(new Date(ms.latestFollowUp.date))}: ${ms.latestFollowUp.text}` : "–"}</td>
                      {d.controls.size ? <td className="no-print"><QuickStatus measure={ms} control={d.controls.get(ms.id)} /></td> : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : <p className="meta">{m.noMeasures}</p>}
      </section>

      <section aria-labelledby="flags">
        <h2 id="flags">{fill(m.flags, { count: d.flags.length })}</h2>
        {d.flags.length === 0 ? (
          <p className="meta">{m.noFlags}</p>
        ) : (
          <ul className="flag-list" data-testid="flags">
            {d.flags.map((fl) => (
              <li key={`${fl.area.id}-${fl.category.id}`}>
                <strong><Link href={list({ areaId: fl.area.id, categoryId: fl.category.id })}>{`${fl.area.name}: ${fl.category.label}`}</Link></strong>
                <div>{explainFlag(fl.cell, fl.cell.flag.probability, fl.cell.flag.flagged, m, locale)}</div>
                {(fl.reports ?? fl.cell.count) > fl.cell.count ? <div className="meta">{fill(m.flagReports, { reports: fl.reports ?? fl.cell.count, events: fl.cell.count })}</div> : null}
                {fl.twoWeeksRunning ? <div><Badge tone="danger">{m.twoWeeks}</Badge></div> : null}
                {d.running.filter((r) => r.areaIds.includes(fl.area.id)).map((r) => (
                  <div key={r.id}><Link href={`/groups/${r.id}`} data-testid="running-insats">{fill(m.openRunningInsats, { name: r.name, since: f.date(r.since) })}</Link></div>
                ))}
                {canOpenInsats && !d.published ? (
                  <Link className={fl.twoWeeksRunning ? "btn" : "btn btn-secondary"} style={{ marginTop: "0.4rem" }}
                    href={`/insats/new?${new URLSearchParams({ fromGroup: d.group.id, week, areaId: fl.area.id, categoryId: fl.category.id })}`}>
                    {fl.twoWeeksRunning ? m.suggestInsats : m.startInsats}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <p className="meta">{m.flagRule}</p>
        <p className="meta" data-testid="chance-flags">{fill(m.chanceFlags, { cells: d.matrix.chance.cells, expected: f.number(d.matrix.chance.expectedFlags, 1, 1) })}</p>
        <p className="meta" data-testid="seasonal-baseline">{d.seasonYears ? fill(m.seasonalOn, { years: d.seasonYears.join("–") }) : m.seasonalOff}</p>
        <section className="card" aria-labelledby="repeat" style={{ marginTop: "1rem" }}>
          <h2 id="repeat">{m.repeat}</h2>
          <p className="meta">{m.repeatHint}</p>
          {d.repeatPlaces.length === 0 ? <p className="meta">{m.noRepeat}</p> : (
            <ul data-testid="repeat-places">
              {d.repeatPlaces.map((r) => (
                <li key={`${r.areaId}-${r.place}`}><RowLink href={`/incidents?${new URLSearchParams({ areaId: r.areaId, q: r.place, period: "", from: repeatFrom, to: repeatTo })}`}>{r.place}</RowLink>{` (${r.areaName}) – ${r.count} `}{r.before === null ? null : <span className="meta">{fill(m.repeatTrend, { delta: delta(r.count, r.before, locale), before: r.before })}</span>}</li>
              ))}
            </ul>
          )}
        </section>
      </section>

      <section aria-labelledby="matrix" className="print-wide">
        <h2 id="matrix">{m.matrix}</h2>
        <CountMatrix draft={d} />
        <p className="meta">{m.matrixHint}</p>
      </section>

      <div className="grid">
        <section aria-labelledby="trend">
          <h2 id="trend">{m.trend}</h2>
          <TrendChart title={m.trend} periods={d.trend.weeks} series={[{ label: m.trendSeries, values: d.trend.totals }]} />
        </section>
        <section aria-labelledby="mix">
          <h2 id="mix">{m.mix}</h2>
          <BarList
            title={m.mix}
            current={f.period(week)}
            previous={f.period(shiftPeriod(week, -1))}
            rows={d.categories.map((c) => ({ label: c.label, now: d.matrix.byCategory[c.id]!.count, before: d.matrix.byCategory[c.id]!.previousWeek })).filter((r) => r.now || r.before)}
          />
        </section>
      </div>

      <div className="grid">
        <section className="card" aria-labelledby="hotspots">
          <h2 id="hotspots">{m.hotspots}</h2>
          {d.hotspots.length === 0 ? <p className="meta">{m.noHotspots}</p> : (
            <ol data-testid="hotspots">
              {d.hotspots.map((h) => (
                <li key={`${h.areaId}-${h.place}`}><RowLink href={list({ areaId: h.areaId, q: h.place })}>{h.place}</RowLink>{` (${h.areaName}) – ${h.count}`}{(h.reports ?? h.count) > h.count ? ` ${fill(m.hotspotReports, { reports: h.reports })}` : ""}</li>
              ))}
            </ol>
          )}
        </section>
      </div>

      {d.lateReports.length > 0 ? (
        <section className="card" aria-labelledby="late" style={{ marginBottom: "1rem" }}>
          <h2 id="late">{fill(m.late, { count: d.lateReports.length })}</h2>
          <p className="meta">{m.lateHint}</p>
          <ul data-testid="late-reports">
            {d.lateReports.map((i) => (
              <li key={i.id}><RowLink href={`/incidents/${i.id}`}>{f.dateTime(new Date(i.occurredAt))}</RowLink>{` ${i.area.name} – ${i.place} (${i.category.label}) `}<Badge tone="warn">{fill(m.lateBadge, { week: f.period(i.isoWeek) })}</Badge></li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="map">
        <h2 id="map">{m.map}</h2>
        <p className="print-only meta">{documents.mapLeftOut}</p>
        <IncidentMap
          label={m.mapLabel}
          points={d.points.map((p) => ({ ...p, color: CATEGORY_COLOR[p.category]?.color ?? "#555" }))}
          outlines={[]}
          center={d.points[0] ? [d.points[0].lat, d.points[0].lng] : [59.43, 17.95]}
          tileUrl={tileUrl}
          attribution={attribution}
          heat={false}
          linkPrefix="/incidents/"
        />
      </section>

      <section aria-labelledby="when" className="print-wide">
        <h2 id="when">{m.when}</h2>
        <WeekdayHourTable table={d.weekdayHour} href={(day, hour) => weekSlotHref(week, day, hour)} />
      </section>

      {d.sources ? (
        <section className="card" aria-labelledby="sources" style={{ marginTop: "1rem" }}>
          <h2 id="sources">{m.sources}</h2>
          <dl className="facts" data-testid="sources">
            <dt>{m.residentTips}</dt><dd>{plural(locale, m.total, d.sources.resident)}</dd>
            <dt>{m.associationReports}</dt><dd>{plural(locale, m.total, d.sources.association)}</dd>
            <dt>{m.adultPresence}</dt><dd>{fill(m.walks, { walks: d.sources.walks, walkers: d.sources.walkers, hours: f.number(d.sources.walkerHours) })}</dd>
          </dl>
          <p className="meta">{m.sourcesHint}</p>
        </section>
      ) : null}

      {d.completeness ? (
        <section className="card" aria-labelledby="completeness" style={{ marginTop: "1rem" }}>
          <h2 id="completeness">{m.reporting}</h2>
          <ul className="status-list">
            {d.completeness.map((c) => (
              <li key={c.id}><span>{c.name}</span><ReportingStateBadge state={c.state} count={c.count} /></li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="judgement" style={{ marginTop: "1rem" }}>
        <h2 id="judgement">{m.judgement}</h2>
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
            aside={decisionForm}
            decisions={decidedThisWeek}
          />
        ) : d.saved ? (
          <div data-testid="judgement-read">
            {[[m.assessment, d.saved.assessment], [m.outlook, d.saved.outlook], [m.resources, d.saved.resourceNotes], [m.focus, d.saved.focusNotes]].map(([label, text]) =>
              text ? (<div key={label}><h3>{label}</h3><p style={{ whiteSpace: "pre-wrap" }}>{text}</p></div>) : null,
            )}
            <ul className="status-list" data-testid="area-statuses">
              {orderStatuses(d.saved.areaStatuses, d.areas).map((s) => (
                <li key={s.areaId}>
                  <span>{s.name}{s.reason ? ` – ${s.reason}` : ""}</span>
                  <Badge tone={s.level === "GREEN" ? "ok" : s.level === "YELLOW" ? "warn" : "danger"}>{m.level[s.level]}</Badge>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="meta">{m.noJudgement}</p>
        )}
        {d.addendum.length ? (
          <div data-testid="addendum">
            <h3>{m.addendum}</h3>
            <ul>
              {d.addendum.map((x) => <li key={x.id}><Link href={`/atgarder/${x.id}`}>{x.title}</Link>{` – ${x.ownerOrg.name}`}<span className="meta">{` ${fill(m.addendumAdded, { date: f.dateTime(x.createdAt) })}`}</span></li>)}
            </ul>
          </div>
        ) : null}
        {d.mayDecide && d.published ? <div style={{ marginTop: "1rem" }}>{decisionForm}</div> : null}
      </section>

      <details className="no-print" style={{ marginTop: "1rem" }}>
        <summary>{m.earlierWeeks}</summary>
        {d.history.length === 0 ? <p className="meta">{m.noEarlierWeeks}</p> : (
          <ul data-testid="history">
            {d.history.map((h) => (
              <li key={h.periodKey}><Link href={`${base}/${h.periodKey}`}>{f.period(h.periodKey)}</Link>{` – ${h.status === "PUBLISHED" ? m.statusPublished : m.statusDraft}`}</li>
            ))}
          </ul>
        )}
      </details>
    </ClientMessages>
  );
}

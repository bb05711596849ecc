import { delta } from "@/lib/lagesbild/flags";
import type { LagesbildDraft } from "@/lib/lagesbild/queries";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n, type I18n } from "@/lib/i18n/server";

type Cell = LagesbildDraft["matrix"]["total"];

// Plain links (see weekday-hour.tsx): a matrix has one per area × category.

/** A count that links to the incidents behind it, the change from last week beside it, and the
 * four-week mean and the same week last year under it – shown with "Visa jämförelser" (and always
 * on paper for the totals), never only on hover: keyboards, phones and projectors have none. */
function CountCell({ cell, href, total = false, i18n: { m, f } }: { cell: Cell; href: string; total?: boolean; i18n: I18n }) {
  const classes = [cell.flag.flagged ? "cell-flagged" : "", total ? "total" : ""].filter(Boolean).join(" ");
  return (
    <td className={classes || undefined}>
      {cell.count > 0 ? <a href={href}>{cell.count}</a> : <span className="meta">{0}</span>}
      {cell.count > 0 || cell.previousWeek > 0 ? <span className="delta">{` ${delta(cell.count, cell.previousWeek, f.locale)}`}</span> : null}
      {cell.flag.flagged ? <span className="visually-hidden">{m.lagesbild.flagged}</span> : null}
      <span className="compare">
        <span>{fill(m.lagesbild.compareMean, { mean: f.number(cell.meanPrevious4) })}</span>{" "}
        <span>{fill(m.lagesbild.compareLastYear, { lastYear: cell.sameWeekLastYear })}</span>
      </span>
    </td>
  );
}

/**
 * The week's events by category (rows) and area (columns), with the totals. Categories are rows
 * because their names are long and areas' are short: the table fits 1280 px with every area and
 * Totalt in view, and Totalt stays in view when a group with many areas has to scroll.
 */
export async function CountMatrix({ draft }: { draft: LagesbildDraft }) {
  const i18n = await getI18n();
  const m = i18n.m.lagesbild;
  const list = (params: Record<string, string>) => `/incidents?${new URLSearchParams({ period: draft.week, ...params })}`;
  return (
    <div className="matrix-block">
      <label className="compare-switch no-print">
        <input type="checkbox" className="compare-toggle" data-testid="compare-toggle" /> {m.showComparisons}
      </label>
      <div className="table-wrap">
        <table className="matrix" data-testid="count-matrix">
          <caption className="visually-hidden">{fill(m.matrixCaption, { week: i18n.f.period(draft.week) })}</caption>
          <thead>
            <tr>
              <th scope="col">{m.category}</th>
              {draft.areas.map((a) => <th key={a.id} scope="col">{a.name}</th>)}
              <th scope="col" className="total">{m.total_}</th>
            </tr>
          </thead>
          <tbody>
            {draft.categories.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.label}</th>
                {draft.areas.map((a) => <CountCell key={a.id} i18n={i18n} cell={draft.matrix.cells[a.id]![c.id]!} href={list({ areaId: a.id, categoryId: c.id })} />)}
                <CountCell i18n={i18n} total cell={draft.matrix.byCategory[c.id]!} href={list({ categoryId: c.id })} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{m.total_}</th>
              {draft.areas.map((a) => <CountCell key={a.id} i18n={i18n} cell={draft.matrix.byArea[a.id]!} href={list({ areaId: a.id })} />)}
              <CountCell i18n={i18n} total cell={draft.matrix.total} href={list({})} />
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

import { delta } from "@/lib/lagesbild/flags";
import type { LagesbildDraft } from "@/lib/lagesbild/queries";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n, type I18n } from "@/lib/i18n/server";

type Cell = LagesbildDraft["matrix"]["total"];

// Plain links (see weekday-hour.tsx): a matrix has one per area × category.

/** A count that links to the incidents behind it, with its comparisons on hover and for readers. */
function CountCell({ cell, href, i18n: { m, f } }: { cell: Cell; href: string; i18n: I18n }) {
  const title = fill(m.lagesbild.cellTitle, { previous: cell.previousWeek, mean: f.number(cell.meanPrevious4), lastYear: cell.sameWeekLastYear });
  return (
    <td className={cell.flag.flagged ? "cell-flagged" : undefined} title={title}>
      {cell.count > 0 ? <a href={href}>{cell.count}</a> : <span className="meta">{0}</span>}
      {cell.count > 0 || cell.previousWeek > 0 ? <span className="delta">{` ${delta(cell.count, cell.previousWeek, f.locale)}`}</span> : null}
      {cell.flag.flagged ? <span className="visually-hidden">{m.lagesbild.flagged}</span> : null}
    </td>
  );
}

export async function CountMatrix({ draft }: { draft: LagesbildDraft }) {
  const i18n = await getI18n();
  const m = i18n.m.lagesbild;
  const list = (params: Record<string, string>) => `/incidents?${new URLSearchParams({ period: draft.week, ...params })}`;
  return (
    <div className="table-wrap">
      <table className="matrix" data-testid="count-matrix">
        <caption className="visually-hidden">{fill(m.matrixCaption, { week: i18n.f.period(draft.week) })}</caption>
        <thead>
          <tr>
            <th scope="col">{m.area}</th>
            {draft.categories.map((c) => <th key={c.id} scope="col">{c.label}</th>)}
            <th scope="col">{m.total_}</th>
          </tr>
        </thead>
        <tbody>
          {draft.areas.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.name}</th>
              {draft.categories.map((c) => <CountCell key={c.id} i18n={i18n} cell={draft.matrix.cells[a.id]![c.id]!} href={list({ areaId: a.id, categoryId: c.id })} />)}
              <CountCell i18n={i18n} cell={draft.matrix.byArea[a.id]!} href={list({ areaId: a.id })} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{m.total_}</th>
            {draft.categories.map((c) => <CountCell key={c.id} i18n={i18n} cell={draft.matrix.byCategory[c.id]!} href={list({ categoryId: c.id })} />)}
            <CountCell i18n={i18n} cell={draft.matrix.total} href={list({})} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

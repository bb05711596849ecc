import { delta } from "@/lib/lagesbild/flags";
import type { LagesbildDraft } from "@/lib/lagesbild/queries";
import { formatDecimal } from "@/lib/text/number";

type Cell = LagesbildDraft["matrix"]["total"];

// Plain links (see weekday-hour.tsx): a matrix has one per area × category.

/** A count that links to the incidents behind it, with its comparisons on hover and for readers. */
function CountCell({ cell, href }: { cell: Cell; href: string }) {
  const title = `Förra veckan ${cell.previousWeek}, snitt 4 veckor ${formatDecimal(cell.meanPrevious4)}, samma vecka i fjol ${cell.sameWeekLastYear}`;
  return (
    <td className={cell.flag.flagged ? "cell-flagged" : undefined} title={title}>
      {cell.count > 0 ? <a href={href}>{cell.count}</a> : <span className="meta">0</span>}
      {cell.count > 0 || cell.previousWeek > 0 ? <span className="delta"> {delta(cell.count, cell.previousWeek)}</span> : null}
      {cell.flag.flagged ? <span className="visually-hidden"> (flaggad)</span> : null}
    </td>
  );
}

export function CountMatrix({ draft }: { draft: LagesbildDraft }) {
  const list = (params: Record<string, string>) => `/incidents?${new URLSearchParams({ period: draft.week, ...params })}`;
  return (
    <div className="table-wrap">
      <table className="matrix" data-testid="count-matrix">
        <caption className="visually-hidden">Händelser per kommundel och kategori, {draft.week}, med förändring mot förra veckan</caption>
        <thead>
          <tr>
            <th scope="col">Kommundel</th>
            {draft.categories.map((c) => <th key={c.id} scope="col">{c.label}</th>)}
            <th scope="col">Totalt</th>
          </tr>
        </thead>
        <tbody>
          {draft.areas.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.name}</th>
              {draft.categories.map((c) => <CountCell key={c.id} cell={draft.matrix.cells[a.id]![c.id]!} href={list({ areaId: a.id, categoryId: c.id })} />)}
              <CountCell cell={draft.matrix.byArea[a.id]!} href={list({ areaId: a.id })} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Totalt</th>
            {draft.categories.map((c) => <CountCell key={c.id} cell={draft.matrix.byCategory[c.id]!} href={list({ categoryId: c.id })} />)}
            <CountCell cell={draft.matrix.total} href={list({})} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

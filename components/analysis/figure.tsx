import { RowLink } from "@/components/ui/row-link";
import { delta } from "@/lib/lagesbild/flags";
import type { Figure, Rate, Sides } from "@/lib/analysis/build";
import { comparable } from "@/lib/figures/text";
import { fill } from "@/lib/i18n/fill";
import { getI18n } from "@/lib/i18n/server";

/** A marker for small numbers: shown, never hidden, and explained to screen readers too. */
export async function Uncertain({ title }: { title?: string }) {
  const label = title ?? (await getI18n()).m.analysis.uncertain;
  return (
    <abbr className="uncertain" title={label} aria-label={label}>
      {"*"}
    </abbr>
  );
}

/** A count linking to the incidents behind it, with its change against the previous period. */
export async function FigureCell({ figure, href, header = false, sides }: { figure: Figure; href: string; header?: boolean; sides?: Sides | null }) {
  const { locale, m } = await getI18n();
  const title = fill(m.analysis.figureTitle, { previous: figure.previous, lastYear: figure.lastYear });
  const content = (
    <>
      {figure.count > 0 ? <RowLink href={href}>{figure.count}</RowLink> : <span className="meta">{0}</span>}
      {figure.uncertain && figure.count > 0 ? <Uncertain /> : null}
      {(figure.count > 0 || figure.previous > 0) && comparable(sides) ? <span className="delta">{` ${delta(figure.count, figure.previous, locale)}`}</span> : null}
    </>
  );
  return header ? <th scope="row" title={title}>{content}</th> : <td title={title}>{content}</td>;
}

export async function RateText({ rate }: { rate: Rate | null }) {
  const { m, f } = await getI18n();
  if (!rate) return <span className="meta">{m.analysis.noPopulation}</span>;
  return (
    <>
      {f.number(rate.value, 1, 1)}
      {rate.uncertain ? <Uncertain title={m.analysis.uncertainRate} /> : null}
    </>
  );
}

export { changeText, comparable } from "@/lib/figures/text";

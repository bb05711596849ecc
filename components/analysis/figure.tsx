import Link from "next/link";
import { delta } from "@/lib/lagesbild/flags";
import type { Figure, Rate } from "@/lib/analysis/build";
import { formatDecimal } from "@/lib/text/number";

const UNCERTAIN = "Osäker siffra: färre än 5 händelser";

/** A marker for small numbers: shown, never hidden, and explained to screen readers too. */
export function Uncertain({ title = UNCERTAIN }: { title?: string }) {
  return (
    <abbr className="uncertain" title={title} aria-label={title}>
      *
    </abbr>
  );
}

/** A count linking to the incidents behind it, with its change against the previous period. */
export function FigureCell({ figure, href, header = false }: { figure: Figure; href: string; header?: boolean }) {
  const title = `Föregående period ${figure.previous}, samma period i fjol ${figure.lastYear}`;
  const content = (
    <>
      {figure.count > 0 ? <Link href={href}>{figure.count}</Link> : <span className="meta">0</span>}
      {figure.uncertain && figure.count > 0 ? <Uncertain /> : null}
      {figure.count > 0 || figure.previous > 0 ? <span className="delta"> {delta(figure.count, figure.previous)}</span> : null}
    </>
  );
  return header ? <th scope="row" title={title}>{content}</th> : <td title={title}>{content}</td>;
}

export function RateText({ rate }: { rate: Rate | null }) {
  if (!rate) return <span className="meta">saknar befolkningsuppgift</span>;
  return (
    <>
      {formatDecimal(rate.value, 1, 1)}
      {rate.uncertain ? <Uncertain title="Osäker takt: få händelser eller under 1 000 invånare" /> : null}
    </>
  );
}

/** "+12 % (8 → 9)": a change in words people read aloud in meetings. */
export function changeText(now: number, before: number): string {
  if (before === 0) return now === 0 ? "oförändrat" : `${now} mot 0`;
  const pct = Math.round(((now - before) / before) * 100);
  return `${pct > 0 ? "+" : ""}${pct} % (${before} → ${now})`;
}

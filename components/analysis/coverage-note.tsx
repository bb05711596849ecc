import type { Analysis } from "@/lib/analysis/build";
import { fill } from "@/lib/i18n/fill";
import { getI18n } from "@/lib/i18n/server";
import { periodMarks } from "./trend-chart";

/** Under an analysis's headline figures: how whole its reporting is, whether it is still running,
 * and the rule its comparisons follow (ADR 017). */
export async function CoverageNote({ analysis: a, testId = "coverage" }: { analysis: Analysis; testId?: string }) {
  const { m: { analysis: t }, f } = await getI18n();
  const own = a.coverage?.[a.period];
  if (!own) return null;
  const share = own.share === null ? t.coverageNone : fill(t.coverageShare, { share: `${f.number(own.share * 100, 0, 0)} %` });
  return (
    <p className="meta" data-testid={testId}>
      {share}
      {a.through ? ` · ${fill(t.throughNote, { date: f.date(new Date(`${a.through}T12:00:00Z`)) })}` : null}
      {` · ${t.coverageNote}`}
    </p>
  );
}

/** The trend chart's marks for an analysis's periods. */
export async function analysisMarks(a: Analysis) {
  const { m: { analysis: t }, f } = await getI18n();
  return periodMarks(a.periods, a.coverage, t, a.through ? fill(t.through, { date: f.date(new Date(`${a.through}T12:00:00Z`)) }) : null);
}

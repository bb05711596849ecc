import type { Analysis } from "@/lib/analysis/build";
import { getI18n } from "@/lib/i18n/server";

/** An area's weekly status over the period as a row of coloured weeks, each with its reason. */
export async function StatusStrip({ statuses }: { statuses: Analysis["areas"][number]["statuses"] }) {
  const { m: { analysis: m }, f } = await getI18n();
  if (!statuses.length) return <p className="meta">{m.noStatus}</p>;
  return (
    <ol className="status-strip" aria-label={m.statusPerWeek}>
      {statuses.map((s) => (
        <li key={`${s.week}-${s.group}`} className={`level-${s.level.toLowerCase()}`} title={`${f.period(s.week)} (${s.group}): ${m.level[s.level]}${s.reason ? ` – ${s.reason}` : ""}`}>
          <span>{s.week.slice(6)}</span>
          <span className="visually-hidden">{`: ${m.level[s.level]}${s.reason ? ` – ${s.reason}` : ""}`}</span>
        </li>
      ))}
    </ol>
  );
}

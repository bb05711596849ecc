import { periodLabel } from "@/lib/time/periods";
import type { Analysis } from "@/lib/analysis/build";

const LEVEL = { GREEN: "Grön", YELLOW: "Gul", RED: "Röd" } as const;

/** An area's weekly status over the period as a row of coloured weeks, each with its reason. */
export function StatusStrip({ statuses }: { statuses: Analysis["areas"][number]["statuses"] }) {
  if (!statuses.length) return <p className="meta">Ingen publicerad områdesstatus under perioden.</p>;
  return (
    <ol className="status-strip" aria-label="Områdesstatus per vecka">
      {statuses.map((s) => (
        <li key={`${s.week}-${s.group}`} className={`level-${s.level.toLowerCase()}`} title={`${periodLabel(s.week)} (${s.group}): ${LEVEL[s.level]}${s.reason ? ` – ${s.reason}` : ""}`}>
          <span>{s.week.slice(6)}</span>
          <span className="visually-hidden">: {LEVEL[s.level]}{s.reason ? ` – ${s.reason}` : ""}</span>
        </li>
      ))}
    </ol>
  );
}

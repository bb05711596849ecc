import { periodRange } from "@/lib/time/periods";
import { fromStockholmWall, stockholmFields } from "@/lib/time/zone";
import { heatCell } from "@/lib/charts/heat";
import { getI18n } from "@/lib/i18n/server";

// A week's 7 × 24 hour boundaries (DST-aware), kept for the few weeks pages show at a time.
const hourStarts = new Map<string, Date[]>();

function weekHours(week: string): Date[] {
  let hours = hourStarts.get(week);
  if (!hours) {
    const monday = stockholmFields(periodRange(week).start);
    hours = Array.from({ length: 7 * 24 + 1 }, (_, i) => fromStockholmWall(monday.year, monday.month, monday.day + Math.floor(i / 24), i % 24));
    if (hourStarts.size > 64) hourStarts.clear();
    hourStarts.set(week, hours);
  }
  return hours;
}

/** The incidents of one hour of one weekday of a week, as a list link. */
export function weekSlotHref(week: string, day: number, hour: number): string {
  const hours = weekHours(week);
  const [start, end] = [hours[day * 24 + hour]!, hours[day * 24 + hour + 1]!];
  return `/incidents?${new URLSearchParams({ period: "", after: start.toISOString(), before: end.toISOString() })}`;
}

// Plain links, not next/link: up to 168 per table, and each Link is a client component that costs
// server rendering, payload and hydration; a full page load into the incident list is fine here.

/** Weekday × hour of day (Stockholm time) as a shaded table: darker means more incidents. Each
 * count links to its incidents through `href(dayIndex, hour)` (Monday = 0). */
export async function WeekdayHourTable({ table, href }: { table: number[][]; href?: (day: number, hour: number) => string }) {
  const m = (await getI18n()).m.heat;
  const max = Math.max(1, ...table.flat());
  return (
    <div className="table-wrap">
      <table className="heat-table" data-testid="weekday-hour">
        <caption className="visually-hidden">{m.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.day}</th>
            {Array.from({ length: 24 }, (_, h) => <th key={h} scope="col">{String(h).padStart(2, "0")}</th>)}
          </tr>
        </thead>
        <tbody>
          {table.map((row, d) => (
            <tr key={d}>
              <th scope="row">{m.days[d]}</th>
              {row.map((n, h) => (
                <td key={h} style={n ? { background: heatCell(n / max).background, color: heatCell(n / max).color } : undefined}>
                  {n ? (href ? <a href={href(d, h)} style={{ color: "inherit" }}>{n}</a> : n) : ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { runningInsatser } from "@/lib/insats/queries";
import { recentFlags, RECENT_WEEKS } from "@/lib/lagesbild/recent-flags";
import { fill } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";

/** A weekly group's flags over its last eight weeks, each with the Insats already running in its
 * area or the way to start one. Rendered in a Suspense boundary: eight weeks take a moment. */
export async function RecentFlags({ group }: { group: { id: string; municipalityId: string } }) {
  const viewer = await requireViewer();
  const { m: { group: t, lagesbild: lb }, f } = await getI18n();
  const canOpenInsats = can(viewer, "insats:open", { municipalityId: group.municipalityId });
  const [flags, running] = await Promise.all([recentFlags(viewer, group.id), canOpenInsats ? runningInsatser(group.municipalityId) : []]);
  return (
    <section className="card" aria-labelledby="recent-flags" data-testid="recent-flags" style={{ marginTop: "1rem" }}>
      <h2 id="recent-flags">{fill(t.recentFlags, { count: RECENT_WEEKS })}</h2>
      {flags.length === 0 ? <p className="meta">{fill(t.noRecentFlags, { count: RECENT_WEEKS })}</p> : (
        <ul className="flag-list">
          {flags.map((fl) => {
            const insatser = running.filter((r) => r.areaIds.includes(fl.area.id));
            return (
              <li key={`${fl.area.id}-${fl.category.id}`}>
                <strong><Link href={`/groups/${group.id}/lagesbild/${fl.weeks[0]}`}>{`${fl.area.name}: ${fl.category.label}`}</Link></strong>
                <div>
                  {fill(t.flaggedIn, { weeks: fl.weeks.map((w) => f.period(w)).join(", ") })}
                  {fl.weeks.length > 1 ? <>{" "}<Badge tone="danger">{fill(t.flaggedWeeks, { count: fl.weeks.length, of: RECENT_WEEKS })}</Badge></> : null}
                </div>
                {insatser.map((r) => (
                  <div key={r.id}><Link href={`/groups/${r.id}`}>{fill(lb.openRunningInsats, { name: r.name, since: f.date(r.since) })}</Link></div>
                ))}
                {canOpenInsats && insatser.length === 0 ? (
                  <Link className="btn btn-secondary" style={{ marginTop: "0.4rem" }}
                    href={`/insats/new?${new URLSearchParams({ fromGroup: group.id, week: fl.weeks[0]!, areaId: fl.area.id, categoryId: fl.category.id })}`}>
                    {lb.startInsats}
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export async function RecentFlagsLoading() {
  const { m: { group: t } } = await getI18n();
  return (
    <section className="card" aria-labelledby="recent-flags" style={{ marginTop: "1rem" }}>
      <h2 id="recent-flags">{fill(t.recentFlags, { count: RECENT_WEEKS })}</h2>
      <p className="meta">{t.recentFlagsLoading}</p>
    </section>
  );
}

import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { countUnread } from "@/lib/feedback/queries";
import { getViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { MunicipalitySwitcher } from "@/components/shell/municipality-switcher";
import { NavLinks, type NavItem } from "@/components/shell/nav-links";
import { SessionKeepAlive } from "@/components/shell/session-keepalive";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { RegisterServiceWorker } from "@/components/pwa/register-service-worker";
import { signOutAction, switchMunicipalityAction } from "./actions";
import { countNewTips } from "@/lib/tips/queries";

// Shell and navigation only: every page decides access itself (lib/auth).
const NAV: NavItem[] = [
  { href: "/", label: "Mina grupper" },
  { href: "/kalender", label: "Kalender" },
  { href: "/incidents/week", label: "Rapportera" },
  { href: "/incidents", label: "Händelser" },
  { href: "/incidents/map", label: "Karta" },
  { href: "/atgarder", label: "Åtgärder" },
];
const LEADERSHIP_NAV: NavItem[] = [
  { href: "/tertial", label: "Tertialanalys" },
  { href: "/reports/month", label: "Månadsrapport" },
  { href: "/insats", label: "Insatser" },
  { href: "/indikatorer", label: "Indikatorer" },
  { href: "/samverkan", label: "Samverkan" },
  { href: "/kontext", label: "Trygghetsmätningar" },
  { href: "/groups/overlapp", label: "Gruppöverlapp" },
];
const ADMIN_NAV: NavItem[] = [
  { href: "/admin/areas", label: "Kommundelar" },
  { href: "/admin/api-tokens", label: "API-nycklar" },
  { href: "/admin/audit", label: "Åtkomstlogg" },
];

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  const active = viewer && viewer.memberships.length > 0 ? await getActiveMembership(viewer) : null;
  const unread = viewer ? await countUnread(viewer) : 0;
  const newTips = viewer && active ? await countNewTips(viewer, active.municipalityId) : null;
  return (
    <>
      <a className="skip-link" href="#main">
        Hoppa till innehållet
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link href="/" className="brand">
            EST
          </Link>
          {viewer ? (
            <NavLinks
              items={[
                ...NAV,
                ...(newTips !== null ? [{ href: "/tips", label: newTips ? `Tips (${newTips})` : "Tips" }] : []),
                ...(active && can(viewer, "nightwalk:report", { municipalityId: active.municipalityId }) ? [{ href: "/nattvandring", label: "Nattvandring" }] : []),
                ...(active && can(viewer, "tertial:view", { municipalityId: active.municipalityId }) ? [{ label: "Uppföljning", items: LEADERSHIP_NAV }] : []),
                ...(viewer.memberships.filter((m) => can(viewer, "rollup:view", { municipalityId: m.municipalityId })).length > 1 ? [{ href: "/omrade", label: "Flera kommuner" }] : []),
                ...(active && can(viewer, "apiToken:manage", { municipalityId: active.municipalityId }) ? [{ label: "Administration", items: ADMIN_NAV }] : []),
              ]}
            />
          ) : null}
          {viewer ? (
            <div className="user-box">
              <MunicipalitySwitcher
                options={viewer.memberships.map((m) => ({ slug: m.municipalitySlug, name: m.municipalityName }))}
                active={active?.municipalitySlug ?? ""}
                onSwitch={switchMunicipalityAction}
              />
              <Link href="/notifications" className="topbar-link">
                Återkoppling{unread ? <span className="badge" style={{ marginLeft: "0.3rem" }}>{unread}<span className="visually-hidden"> nya</span></span> : null}
              </Link>
              <span>
                {viewer.name}
                {active ? <span className="visually-hidden">, {active.organisationName}</span> : null}
              </span>
              <SignOutButton action={signOutAction} />
            </div>
          ) : null}
        </div>
      </header>
      {viewer ? <SessionKeepAlive /> : null}
      {viewer ? <RegisterServiceWorker /> : null}
      <main id="main">{children}</main>
      <footer className="app-footer">
        <Link href="/tillganglighet">Tillgänglighetsredogörelse</Link>
      </footer>
    </>
  );
}

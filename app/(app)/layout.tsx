import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { countUnread } from "@/lib/feedback/queries";
import { getViewer } from "@/lib/auth/session";
import { getActiveMembership } from "@/lib/auth/tenant";
import { MunicipalitySwitcher } from "@/components/shell/municipality-switcher";
import { NavLinks, type NavItem } from "@/components/shell/nav-links";
import { SessionKeepAlive } from "@/components/shell/session-keepalive";
import { RowLinkNavigation } from "@/components/shell/row-link-navigation";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { RegisterServiceWorker } from "@/components/pwa/register-service-worker";
import { signOutAction, switchMunicipalityAction } from "./actions";
import { countNewTips } from "@/lib/tips/queries";
import { fill, type Messages } from "@/lib/i18n/catalogue";
import { getI18n } from "@/lib/i18n/server";
import { VALIDATION } from "@/lib/i18n/validation";
import { I18nProvider } from "@/components/i18n/i18n-provider";

// Shell and navigation only: every page decides access itself (lib/auth).
const nav = (m: Messages["nav"]) => ({
  main: [
    { href: "/", label: m.myGroups },
    { href: "/kalender", label: m.calendar },
    { href: "/incidents/week", label: m.report },
    { href: "/incidents", label: m.incidents },
    { href: "/incidents/map", label: m.map },
    { href: "/atgarder", label: m.actions },
  ],
  leadership: [
    { href: "/tertial", label: m.tertial },
    { href: "/reports/month", label: m.monthReport },
    { href: "/insats", label: m.insatser },
    { href: "/indikatorer", label: m.indicators },
    { href: "/samverkan", label: m.cooperation },
    { href: "/kontext", label: m.surveys },
    { href: "/groups/overlapp", label: m.groupOverlap },
  ],
  admin: [
    { href: "/admin/areas", label: m.areas },
    { href: "/admin/api-tokens", label: m.apiKeys },
    { href: "/admin/api", label: m.apiReference },
    { href: "/admin/audit", label: m.auditLog },
  ],
}) satisfies Record<string, NavItem[]>;

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  const active = viewer && viewer.memberships.length > 0 ? await getActiveMembership(viewer) : null;
  const [unread, newTips, { locale, m }] = await Promise.all([
    viewer ? countUnread(viewer) : 0,
    viewer && active ? countNewTips(viewer, active.municipalityId) : null,
    getI18n(),
  ]);
  const items = nav(m.nav);
  return (
    <>
      <a className="skip-link" href="#main">
        {m.common.skipToContent}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link href="/" className="brand">
            {"EST"}
          </Link>
          {viewer ? (
            <NavLinks
              label={m.common.mainMenu}
              items={[
                ...items.main,
                ...(newTips !== null ? [{ href: "/tips", label: newTips ? fill(m.nav.tipsNew, { count: newTips }) : m.nav.tips }] : []),
                ...(active && can(viewer, "nightwalk:report", { municipalityId: active.municipalityId }) ? [{ href: "/nattvandring", label: m.nav.nightWalk }] : []),
                ...(active && can(viewer, "tertial:view", { municipalityId: active.municipalityId }) ? [{ label: m.nav.followUp, items: items.leadership }] : []),
                ...(viewer.memberships.filter((ms) => can(viewer, "rollup:view", { municipalityId: ms.municipalityId })).length > 1 ? [{ href: "/omrade", label: m.nav.severalMunicipalities }] : []),
                ...(active && can(viewer, "apiToken:manage", { municipalityId: active.municipalityId }) ? [{ label: m.nav.administration, items: items.admin }] : []),
              ]}
            />
          ) : null}
          {viewer ? (
            <div className="user-box">
              <MunicipalitySwitcher
                options={viewer.memberships.map((m) => ({ slug: m.municipalitySlug, name: m.municipalityName }))}
                active={active?.municipalitySlug ?? ""}
                onSwitch={switchMunicipalityAction}
                label={m.common.municipality}
              />
              <Link href="/notifications" className="topbar-link">
                {m.common.feedback}
                {unread ? <span className="badge" style={{ marginLeft: "0.3rem" }}>{unread}<span className="visually-hidden">{m.common.unreadSuffix}</span></span> : null}
              </Link>
              <Link href="/konto" className="topbar-link" title={m.nav.account}>
                {viewer.name}
                {active ? <span className="visually-hidden">{`, ${active.organisationName}`}</span> : null}
              </Link>
              <SignOutButton action={signOutAction} label={m.common.signOut} />
            </div>
          ) : null}
        </div>
      </header>
      {viewer ? <SessionKeepAlive /> : null}
      <RowLinkNavigation />
      {viewer ? <RegisterServiceWorker /> : null}
      <main id="main">
        <I18nProvider locale={locale} messages={{ common: m.common, ...(locale === "sv" ? {} : { validation: VALIDATION[locale] }) }}>
          {children}
        </I18nProvider>
      </main>
      <footer className="app-footer">
        <Link href="/tillganglighet">{m.common.accessibility}</Link>
      </footer>
    </>
  );
}

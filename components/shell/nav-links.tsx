"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };
/** Several pages under one menu button, so the bar stays short for roles that see many. */
export type NavGroup = { label: string; items: NavItem[] };

const isGroup = (x: NavItem | NavGroup): x is NavGroup => "items" in x;

export function NavLinks({ items, label }: { items: (NavItem | NavGroup)[]; label: string }) {
  const pathname = usePathname();
  const all = items.flatMap((i) => (isGroup(i) ? i.items : [i]));
  // The most specific item that matches is the current one.
  const best = all.filter((i) => (i.href === "/" ? pathname === "/" : pathname.startsWith(i.href))).sort((a, b) => b.href.length - a.href.length)[0];
  const link = (item: NavItem) => (
    <Link
      key={item.href}
      href={item.href}
      aria-current={best?.href === item.href ? "page" : undefined}
      // Following a link in a menu closes the menu.
      onClick={(e) => e.currentTarget.closest("details")?.removeAttribute("open")}
    >
      {item.label}
    </Link>
  );
  return (
    <nav className="nav" aria-label={label}>
      {items.map((item) =>
        isGroup(item) ? (
          <details key={item.label} className="nav-group">
            <summary className={item.items.some((i) => i.href === best?.href) ? "current" : undefined}>{item.label}</summary>
            <div className="nav-menu">{item.items.map(link)}</div>
          </details>
        ) : (
          link(item)
        ),
      )}
    </nav>
  );
}

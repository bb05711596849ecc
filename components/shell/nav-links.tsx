"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Huvudmeny">
      {items.map((item) => {
        // The most specific item that matches is the current one.
        const best = items.filter((i) => (i.href === "/" ? pathname === "/" : pathname.startsWith(i.href))).sort((a, b) => b.href.length - a.href.length)[0];
        const current = best?.href === item.href;
        return (
          <Link key={item.href} href={item.href} aria-current={current ? "page" : undefined}>
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** One listener for every RowLink on the page: a plain left click becomes a client-side
 * navigation, as with next/link; a click with a modifier (new tab, download) stays the
 * browser's. Before hydration the link is an ordinary link. */
export function RowLinkNavigation() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[data-row-link]") : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download") || link.origin !== location.origin) return;
      event.preventDefault();
      router.push(link.pathname + link.search + link.hash);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return null;
}

import type { ComponentProps } from "react";

/**
 * A link from one row of a list or table (an incident, an action, a drill-down cell): a plain
 * `<a>`, not next/link. A tertial analysis has some 350 of them and each next/link is a client
 * component to serialise and hydrate – half the page's main-thread time on a phone – and would
 * prefetch its row's page on every view. The app shell's `RowLinkNavigation` turns a click on
 * one into the same client-side navigation next/link makes.
 */
export function RowLink({ href, ...props }: Omit<ComponentProps<"a">, "href"> & { href: string }) {
  return <a href={href} data-row-link="" {...props} />;
}

import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link from one row of a list or table (an incident, an action, a drill-down cell). Without
 * prefetching: a page with fifty rows would otherwise send a request per visible row to the
 * server on every view, each costing more server time together than the page itself, for routes
 * whose data is fetched on the click anyway.
 */
export function RowLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}

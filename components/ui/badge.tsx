import type { ReactNode } from "react";

export function Badge({ tone = "info", children }: { tone?: "info" | "ok" | "warn" | "danger"; children: ReactNode }) {
  return <span className={tone === "info" ? "badge" : `badge badge-${tone}`}>{children}</span>;
}

import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { listMyNotifications } from "@/lib/feedback/queries";
import { formatDateTime } from "@/lib/time/format";
import { Badge } from "@/components/ui/badge";
import { MarkAllRead } from "./_components/mark-read";
import { markAllReadAction } from "./actions";

export const metadata: Metadata = { title: "Återkoppling" };

export default async function NotificationsPage() {
  const viewer = await requireViewer();
  const notifications = await listMyNotifications(viewer);
  return (
    <>
      <div className="page-header">
        <div><h1>Återkoppling</h1><p className="lead">Vad grupperna kom fram till om det ni rapporterat</p></div>
        {notifications.some((n) => !n.readAt) ? <MarkAllRead action={markAllReadAction} /> : null}
      </div>
      {notifications.length === 0 ? <p className="meta">Ingen återkoppling ännu.</p> : null}
      <div className="stack" data-testid="notifications">
        {notifications.map((n) => (
          <article key={n.id} className="card">
            <h2 style={{ marginTop: 0 }}>{n.title} {n.readAt ? null : <Badge>Ny</Badge>}</h2>
            <p className="meta">{formatDateTime(n.createdAt)}</p>
            <p style={{ whiteSpace: "pre-wrap" }}>{n.body}</p>
            {n.link ? <Link href={n.link}>Öppna</Link> : null}
          </article>
        ))}
      </div>
    </>
  );
}

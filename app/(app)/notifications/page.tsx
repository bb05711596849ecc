import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { listMyNotifications } from "@/lib/feedback/queries";
import { getI18n } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { MarkAllRead } from "./_components/mark-read";
import { markAllReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.notifications.title };
}

export default async function NotificationsPage() {
  const viewer = await requireViewer();
  const notifications = await listMyNotifications(viewer);
  const { m: { notifications: t }, f } = await getI18n();
  return (
    <>
      <div className="page-header">
        <div><h1>{t.title}</h1><p className="lead">{t.lead}</p></div>
        {notifications.some((n) => !n.readAt) ? <MarkAllRead action={markAllReadAction} label={t.markAllRead} /> : null}
      </div>
      {notifications.length === 0 ? <p className="meta">{t.empty}</p> : null}
      <div className="stack" data-testid="notifications">
        {notifications.map((n) => (
          <article key={n.id} className="card">
            <h2 style={{ marginTop: 0 }}>{n.title} {n.readAt ? null : <Badge>{t.new}</Badge>}</h2>
            <p className="meta">{f.dateTime(n.createdAt)}</p>
            <p style={{ whiteSpace: "pre-wrap" }}>{n.body}</p>
            {n.link ? <Link href={n.link}>{t.open}</Link> : null}
          </article>
        ))}
      </div>
    </>
  );
}

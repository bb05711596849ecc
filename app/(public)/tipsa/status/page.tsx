import type { Metadata } from "next";
import Link from "next/link";
import { isLang, messagesFor } from "@/lib/tips/messages";
import { getTipStatus } from "@/lib/tips/queries";
import { formatDate } from "@/lib/time/format";
import { PublicShell } from "@/components/public/public-shell";
import { FormError } from "@/components/ui/form-error";

export const metadata: Metadata = { title: "Status för tips" };

/** The tipster looks up their tip with the code they were given. */
export default async function TipStatusPage({ searchParams }: { searchParams: Promise<{ lang?: string; code?: string }> }) {
  const { lang: asked, code = "" } = await searchParams;
  const lang = isLang(asked) ? asked : "sv";
  const t = messagesFor(lang);
  const status = code ? await getTipStatus(code) : null;
  return (
    <PublicShell lang={lang} municipality={status?.municipality.name ?? "EST"} path="/tipsa/status" query={code ? { code } : {}}>
      <h1>{t.statusTitle}</h1>
      <form method="get" action="/tipsa/status" className="card" style={{ marginBottom: "1rem" }}>
        <input type="hidden" name="lang" value={lang} />
        <div className="field">
          <label htmlFor="code">{t.statusCode}</label>
          <input id="code" name="code" defaultValue={code} autoComplete="off" dir="ltr" required />
        </div>
        <button className="btn" type="submit">{t.statusCheck}</button>
      </form>
      {code && !status ? <FormError message={t.statusNotFound} /> : null}
      {status ? (
        <section className="card" aria-labelledby="state" data-testid="tip-status">
          <h2 id="state">{t[`status_${status.status}`]}</h2>
          {status.closeReason ? <p>{t.statusReason}: {status.closeReason}</p> : null}
          <p className="meta">{t.statusSent} {formatDate(status.createdAt)}{status.area ? ` · ${status.area.name}` : ""}</p>
          {status.area ? (
            <>
              <h3>{t.doneTitle}</h3>
              {status.done.length ? <ul>{status.done.map((m) => <li key={m.id}>{m.publicText}</li>)}</ul> : <p className="meta">{t.nsvgNone}</p>}
              <p><Link href={`/ni-sa-vi-gjorde/${status.municipality.slug}/${status.area.code}?lang=${lang}`}>{t.nsvgTitle}: {status.area.name}</Link></p>
            </>
          ) : null}
        </section>
      ) : null}
    </PublicShell>
  );
}

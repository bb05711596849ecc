import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isLang, messagesFor } from "@/lib/tips/messages";
import { getPublicAreaPage } from "@/lib/tips/queries";
import { PublicShell } from "@/components/public/public-shell";

export const metadata: Metadata = { title: "Ni sa, vi gjorde" };

/** Public, aggregated and delayed: what was reported in an area and what was done about it. */
export default async function YouSaidWeDidPage({ params, searchParams }: { params: Promise<{ municipality: string; area: string }>; searchParams: Promise<{ lang?: string }> }) {
  const [{ municipality, area }, { lang: asked }] = await Promise.all([params, searchParams]);
  const lang = isLang(asked) ? asked : "sv";
  const t = messagesFor(lang);
  const page = await getPublicAreaPage(municipality, area);
  if (!page) notFound();
  const monthName = new Intl.DateTimeFormat(lang === "so" ? "en" : lang, { month: "short", year: "2-digit", timeZone: "UTC" });
  return (
    <PublicShell lang={lang} municipality={page.municipality.name} path={`/ni-sa-vi-gjorde/${municipality}/${area}`} wide>
      <h1>{t.nsvgTitle}: {page.area.name}</h1>
      <p className="lead">{t.nsvgIntro}</p>
      <section className="card" aria-labelledby="done" style={{ marginBottom: "1rem" }}>
        <h2 id="done">{t.doneTitle}</h2>
        {page.measures.length ? <ul data-testid="public-measures">{page.measures.map((m) => <li key={m.id}>{m.publicText}</li>)}</ul> : <p className="meta">{t.nsvgNone}</p>}
      </section>
      {/* Scrolls sideways on a phone: focusable so it can be scrolled by keyboard too. */}
      <div className="table-wrap" role="region" aria-label={`${t.nsvgTitle}: ${page.area.name}`} tabIndex={0}>
        <table data-testid="public-counts">
          <caption className="visually-hidden">{t.nsvgTitle}: {page.area.name}</caption>
          <thead>
            <tr>
              <th scope="col">{t.nsvgCategory}</th>
              {page.months.map((m) => <th key={m} scope="col">{monthName.format(new Date(`${m}-15T00:00:00Z`))}</th>)}
            </tr>
          </thead>
          <tbody>
            {page.table.map((r) => (
              <tr key={r.category}>
                <th scope="row">{r.category}</th>
                {r.counts.map((n, i) => <td key={i}>{n === "gap" ? <span title={t.nsvgGap}>–</span> : n === null ? <span title={t.nsvgFew}>&lt;5</span> : n}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="meta">&lt;5 = {t.nsvgFew}{page.complete.includes(false) ? `; – = ${t.nsvgGap}` : ""}</p>
      <p><Link className="btn" href={`/tipsa/${municipality}?lang=${lang}`}>{t.nsvgTip}</Link></p>
      <nav aria-label={t.nsvgOtherAreas}>
        <h2>{t.nsvgOtherAreas}</h2>
        <ul className="lang-list" style={{ color: "inherit" }}>
          {page.otherAreas.map((a) => <li key={a.id}><Link href={`/ni-sa-vi-gjorde/${municipality}/${a.code}?lang=${lang}`}>{a.name}</Link></li>)}
        </ul>
      </nav>
    </PublicShell>
  );
}

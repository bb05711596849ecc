import Link from "next/link";
import { LANGUAGES, type Lang, messagesFor } from "@/lib/tips/messages";

/** The frame of the residents' pages: who runs it, the language choice, the emergency notice. */
export function PublicShell(props: { lang: Lang; municipality: string; path: string; query?: Record<string, string>; wide?: boolean; children: React.ReactNode }) {
  const t = messagesFor(props.lang);
  return (
    <div className="public">
      <header className="public-header">
        <span className="brand">{props.municipality}</span>
        <nav aria-label={t.language}>
          <ul className="lang-list">
            {(Object.keys(LANGUAGES) as Lang[]).map((l) => (
              <li key={l}>
                <Link href={`${props.path}?${new URLSearchParams({ ...props.query, lang: l })}`} lang={l} hrefLang={l} aria-current={l === props.lang ? "true" : undefined}>
                  {LANGUAGES[l]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className={props.wide ? "public-main public-wide" : "public-main"}>
        <p className="alert alert-warn" role="note"><strong>{t.emergency}</strong></p>
        {props.children}
      </main>
      <footer className="public-footer">
        {/* The statement exists in Swedish only, so its title stays Swedish (lang="sv") in every language. */}
        <Link href="/tillganglighet" lang="sv">
          {"Tillgänglighetsredogörelse"}
        </Link>
      </footer>
    </div>
  );
}

import type { Metadata } from "next";
import { getI18nOrDefault } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18nOrDefault()).m.accessibilityStatement.title };
}

// The accessibility statement that lagen (2018:1937) om tillgänglighet till digital offentlig
// service requires, following DIGG's model. Public: it must be readable without an account
// (in Swedish then; a signed-in user reads it in their language).
export default async function AccessibilityStatementPage() {
  const t = (await getI18nOrDefault()).m.accessibilityStatement;
  return (
    <div className="public">
      <header className="public-header">
        <span className="brand">{t.brand}</span>
      </header>
      <main id="main" className="public-main">
        <h1>{t.heading}</h1>
        <p className="lead">{t.lead}</p>

        <h2>{t.howHeading}</h2>
        <p>{t.howBefore}<strong>{t.howVerdict}</strong>{t.howAfter}</p>

        <h2>{t.knownHeading}</h2>
        <ul>
          <li>{t.knownMaps}</li>
          <li>{t.knownLanguages}</li>
        </ul>

        <h2>{t.testedHeading}</h2>
        <p>{t.tested}</p>

        <h2>{t.reportHeading}</h2>
        <p>{t.report}</p>

        <h2>{t.supervisionHeading}</h2>
        <p>
          {t.supervisionBefore}
          <a href="https://www.digg.se/tdosanmalan" rel="noopener noreferrer">{t.supervisionLink}</a>
          {t.supervisionAfter}
        </p>
      </main>
    </div>
  );
}

import type { Metadata } from "next";

export const metadata: Metadata = { title: "Tillgänglighetsredogörelse" };

// The accessibility statement that lagen (2018:1937) om tillgänglighet till digital offentlig
// service requires, following DIGG's model. Public: it must be readable without an account.
export default function AccessibilityStatementPage() {
  return (
    <div className="public">
      <header className="public-header">
        <span className="brand">EST – Effektiv samordning för trygghet</span>
      </header>
      <main id="main" className="public-main">
        <h1>Tillgänglighetsredogörelse för EST</h1>
        <p className="lead">
          EST – Effektiv samordning för trygghet – används av kommuner, polis och andra aktörer för att rapportera händelser, ta fram
          lägesbilder och följa upp åtgärder. Kommunen som driver tjänsten ansvarar för den. Här beskriver vi hur tjänsten uppfyller lagen om
          tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem.
        </p>

        <h2>Hur tillgänglig är tjänsten?</h2>
        <p>
          Målet är att tjänsten uppfyller WCAG 2.1 nivå AA. Vi bedömer att tjänsten är <strong>delvis förenlig</strong> med kraven, på grund av
          bristerna som beskrivs nedan.
        </p>

        <h2>Kända brister</h2>
        <ul>
          <li>Kartor över händelser går inte att använda med tangentbord eller skärmläsare. Samma uppgifter finns ett klick bort, i tabellen under kartan (”Visa som tabell”) och i händelselistan.</li>
          <li>Inloggade sidor finns på svenska och engelska (välj under ”Mitt konto”). E-post och aviseringar skickas på mottagarens valda språk; en inbjudan till någon som ännu inte har konto skickas på svenska. Tipsformuläret och sidorna ”Ni sa, vi gjorde” finns på svenska, engelska, arabiska och somaliska.</li>
        </ul>

        <h2>Så har vi testat</h2>
        <p>
          Varje version testas automatiskt: tipsformuläret och de publika sidorna granskas med axe (WCAG 2.1 A och AA) på alla fyra språken,
          och prestandatestet kör Lighthouse tillgänglighetsgranskning på inloggning, tipsformulär, rapportformulär, lägesbild och
          tertialanalys. De tre huvudflödena (rapportera en händelse, publicera en lägesbild med åtgärder, öppna tertialanalysen och gå ned
          till händelserna) körs också med enbart tangentbord, och det kontrolleras att fokus syns vid varje steg. Varje sida som en
          roll når från sina menyer granskas med axe, och samma sidor kontrolleras i 360 pixlars bredd så att inget behöver rullas i sidled. Redogörelsen uppdaterades senast den 26 november 2026.
        </p>

        <h2>Rapportera brister</h2>
        <p>
          Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format, kontakta samordnaren för EST i din
          kommun. Boende kan också lämna synpunkter via kommunens tipsformulär.
        </p>

        <h2>Tillsyn</h2>
        <p>
          Myndigheten för digital förvaltning (Digg) ansvarar för tillsynen av lagen om tillgänglighet till digital offentlig service. Om du
          inte är nöjd med hur vi hanterar dina synpunkter kan du{" "}
          <a href="https://www.digg.se/tdosanmalan" rel="noopener noreferrer">
            anmäla det till Digg
          </a>
          .
        </p>
      </main>
    </div>
  );
}

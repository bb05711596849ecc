"use client";

// Last resort when even the root layout fails. No details, no stack traces. The message catalogue
// comes through the layout that just failed, so the few words here are written out, in both
// languages.
/* eslint-disable react/jsx-no-literals */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="sv">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>Något gick fel</h1>
        <p>Tjänsten kunde inte visa sidan. Försök igen om en stund.</p>
        <p lang="en">Something went wrong. The service could not show the page. Try again in a while.</p>
        <button onClick={() => reset()}>Försök igen / Try again</button>
      </body>
    </html>
  );
}

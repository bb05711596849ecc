"use client";

// Last resort when even the root layout fails. No details, no stack traces.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="sv">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>Något gick fel</h1>
        <p>Tjänsten kunde inte visa sidan. Försök igen om en stund.</p>
        <button onClick={() => reset()}>Försök igen</button>
      </body>
    </html>
  );
}

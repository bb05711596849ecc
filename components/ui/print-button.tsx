"use client";

// The browser's print dialog gives paper and "Spara som PDF"; the print stylesheet lays out A4.
export function PrintButton() {
  return (
    <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
      Skriv ut / PDF
    </button>
  );
}

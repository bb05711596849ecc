"use client";

import { useI18n } from "@/components/i18n/i18n-provider";

// The browser's print dialog gives paper and "Spara som PDF"; the print stylesheet lays out A4.
export function PrintButton() {
  const { m } = useI18n();
  return (
    <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
      {m.common.print}
    </button>
  );
}

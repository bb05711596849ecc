"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import type { ContextImportReport } from "@/lib/context/import";
import { useHydrated } from "@/components/ui/use-hydrated";

/** Upload of a survey CSV; every problem is listed by row and column, and nothing is saved then. */
export function ContextImportForm({ action }: { action: (form: FormData) => Promise<ActionResult<ContextImportReport>> }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ContextImportReport | null>(null);
  return (
    <form
      className="no-print"
      data-testid="context-import"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        start(async () => {
          setError(null);
          setReport(null);
          const result = await action(data);
          if (!result.ok) return setError(result.fieldErrors?.file?.[0] ?? result.formError ?? "Importen misslyckades.");
          setReport(result.data);
          if (result.data.errors.length === 0) router.refresh();
        });
      }}
    >
      <div className="field">
        <label htmlFor="context-file">CSV-fil</label>
        <span className="hint">Kolumner: kalla;serie;enhet;period;omrade;grupp;varde;svarande (omrade, grupp och svarande kan lämnas tomma)</span>
        <input id="context-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="context-file-error" />
        <span id="context-file-error" className="field-error" aria-live="polite">{error ?? ""}</span>
      </div>
      <button type="submit" className="btn" disabled={!hydrated || pending}>{pending ? "Importerar …" : "Importera"}</button>
      {report ? (
        report.errors.length ? (
          <div className="alert alert-error" role="alert" data-testid="context-errors">
            <p>Inget importerades: {report.errors.length} fel i {report.rows} rader.</p>
            <ul>{report.errors.map((x, i) => <li key={i}>Rad {x.row}, {x.column}: {x.reason}</li>)}</ul>
          </div>
        ) : <p className="alert alert-info" role="status">{report.imported} värden i {report.series} serier importerade.</p>
      ) : null}
    </form>
  );
}

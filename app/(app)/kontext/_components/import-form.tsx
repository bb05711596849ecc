"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { postFile } from "@/lib/http/post-file";
import type { ContextImportReport } from "@/lib/context/import";
import { fill } from "@/lib/i18n/fill";
import { useI18n, useTranslateMessage } from "@/components/i18n/i18n-provider";
import { FormError } from "@/components/ui/form-error";
import { FormControls } from "@/components/ui/form-controls";

/** Upload of a survey CSV to its route (../import); every problem is listed by row and column, and
 * nothing is saved then. */
export function ContextImportForm() {
  const router = useRouter();
  const m = useI18n().m.contextForm;
  const translate = useTranslateMessage();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ContextImportReport | null>(null);
  return (
    <form
      className="no-print"
      data-testid="context-import"
      onSubmit={(e) => {
        e.preventDefault();
        const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
        start(async () => {
          setError(null);
          setReport(null);
          if (!file || file.size === 0) return setError(m.choose);
          const result = await postFile<ContextImportReport>("/kontext/import", file);
          if (!result.ok) return setError(result.fieldErrors?.file?.[0] ?? result.formError ?? m.failed);
          setReport(result.data);
          if (result.data.errors.length === 0) router.refresh();
        });
      }}
    >
      <FormControls busy={pending}>
        <div className="field">
          <label htmlFor="context-file">{m.file}</label>
          <span className="hint">{m.columns}</span>
          <input id="context-file" name="file" type="file" accept=".csv,text/csv,.json,application/json" aria-describedby="context-file-error" />
          <span id="context-file-error" className="field-error" aria-live="polite">{error ? translate(error) : ""}</span>
        </div>
        <button type="submit" className="btn">{pending ? m.importing : m.import}</button>
        {report ? (
          report.errors.length ? (
            <FormError testId="context-errors" message={<>
              <p>{fill(m.nothing, { errors: report.errors.length, rows: report.rows })}</p>
              <ul>{report.errors.map((x, i) => <li key={i}>{fill(m.rowError, { row: x.row, column: x.column, reason: translate(x.reason) })}</li>)}</ul>
            </>} />
          ) : <p className="alert alert-info" role="status">{fill(m.imported, { values: report.imported, series: report.series })}</p>
        ) : null}
      </FormControls>
    </form>
  );
}

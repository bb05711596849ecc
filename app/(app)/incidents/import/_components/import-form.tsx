"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { fill } from "@/lib/i18n/fill";
import { useI18n, useTranslateMessage } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

type Issue = { row: number; column: string; reason: string };
type Report = { rows: number; valid: number; invalid: number; errors: Issue[]; warnings: Issue[]; inserted: number; updated: number; unchanged: number; committed: boolean; format: string };
type Progress = { phase: "validating" | "saving"; done: number; total?: number };

type Texts = { uploadFailed: string; interrupted: string };

async function upload(file: File, mode: "preview" | "commit", skipInvalid: boolean, onProgress: (p: Progress) => void, t: Texts): Promise<Report> {
  const res = await fetch(`/incidents/import/upload?mode=${mode}&skipInvalid=${skipInvalid ? 1 : 0}`, { method: "POST", body: file, headers: { "Content-Type": file.type || "application/octet-stream" } });
  if (!res.ok || !res.body) throw new Error((await res.text()) || t.uploadFailed);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      const msg = JSON.parse(line) as { type: string; message?: string; report?: Report } & Progress;
      if (msg.type === "progress") onProgress(msg);
      if (msg.type === "error") throw new Error(msg.message);
      if (msg.type === "report") return msg.report!;
    }
  }
  throw new Error(t.interrupted);
}

export function ImportForm() {
  const router = useRouter();
  const m = useI18n().m.importForm;
  const translate = useTranslateMessage();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(mode: "preview" | "commit") {
    if (!file) return;
    setBusy(true);
    setError(null);
    setProgress({ phase: "validating", done: 0 });
    try {
      setReport(await upload(file, mode, skipInvalid, setProgress, m));
      if (mode === "commit") router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : m.failed);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const canCommit = report && !report.committed && report.inserted + report.updated > 0 && (report.invalid === 0 || skipInvalid);
  const percent = progress?.total ? Math.round((progress.done / progress.total) * 100) : undefined;
  return (
    <FormControls busy={busy} className="stack">
      <div className="field">
        <label htmlFor="csv-file">{m.file}</label>
        <input id="csv-file" type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); }} />
      </div>
      <label className="checks"><input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />{` ${m.skipInvalid}`}</label>
      <div className="toolbar">
        <button type="button" className="btn btn-secondary" disabled={!file || busy} onClick={() => run("preview")}>{m.check}</button>
        <button type="button" className="btn" disabled={!canCommit || busy} onClick={() => run("commit")}>
          {report ? fill(m.importCount, { count: report.inserted + report.updated }) : m.import}
        </button>
      </div>
      {progress ? (
        <div>
          <label htmlFor="import-progress">{fill(progress.phase === "validating" ? m.validating : m.saving, { count: progress.done })}</label>
          <progress id="import-progress" max={100} value={percent} style={{ width: "100%" }} />
        </div>
      ) : null}
      <div aria-live="polite">
        {error ? <FormError message={translate(error)} /> : null}
        {report ? (
          <div className={report.committed ? "alert alert-info" : report.invalid ? "alert alert-error" : "alert alert-info"} data-testid="import-report">
            {report.committed
              ? fill(m.done, { inserted: report.inserted, updated: report.updated, unchanged: report.unchanged })
              : [
                  fill(m.summary, { rows: report.rows, valid: report.valid, invalid: report.invalid }),
                  fill(m.plan, { inserted: report.inserted, updated: report.updated, unchanged: report.unchanged }),
                  report.invalid && !skipInvalid ? m.nothingUntilValid : "",
                ].filter(Boolean).join(" ")}
            <span className="meta" style={{ display: "block" }}>{fill(m.readAs, { format: report.format })}</span>
          </div>
        ) : null}
      </div>
      {report && (report.errors.length > 0 || report.warnings.length > 0) ? (
        <div className="table-wrap">
          <table data-testid="import-issues">
            <thead><tr><th scope="col">{m.row}</th><th scope="col">{m.column}</th><th scope="col">{m.problem}</th></tr></thead>
            <tbody>
              {report.errors.map((e, i) => <tr key={`e${i}`}><td>{e.row}</td><td>{e.column}</td><td>{translate(e.reason)}</td></tr>)}
              {report.warnings.map((w, i) => <tr key={`w${i}`}><td>{w.row}</td><td>{w.column}</td><td>{fill(m.warning, { reason: translate(w.reason) })}</td></tr>)}
            </tbody>
          </table>
        </div>
      ) : null}
    </FormControls>
  );
}

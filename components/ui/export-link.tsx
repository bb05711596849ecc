"use client";

import { useState } from "react";
import { fill } from "@/lib/i18n/fill";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useHydrated } from "./use-hydrated";

/** An export offered in several formats: `format` is added to the link, `extension` to the file. */
export type ExportFormatChoice = { value: string; label: string; extension: string; countsLines: boolean };

/**
 * An export that shows how far it has come. It is a plain download link (works before the
 * page's JavaScript has loaded); with JavaScript it streams the file, counts the rows as they
 * arrive against the total the page already knows (a CSV's lines; a workbook's progress has no
 * lines to count and shows as running), and hands the finished file to the browser.
 */
export function ExportLink({ href: baseHref, filename: baseName, total, label, formats }: { href: string; filename: string; total: number; label: string; formats?: ExportFormatChoice[] }) {
  const { m, f } = useI18n();
  const [state, setState] = useState<{ rows: number; done: boolean; error: boolean } | null>(null);
  const [format, setFormat] = useState(formats?.[0]);
  // A choice made before hydration would not reach the link: the select waits for it.
  const hydrated = useHydrated();
  const running = state !== null && !state.done && !state.error;
  const href = format ? `${baseHref}${baseHref.includes("?") ? "&" : "?"}format=${format.value}` : baseHref;
  const filename = format ? `${baseName}.${format.extension}` : baseName;
  const countsLines = format?.countsLines ?? true;

  async function run() {
    setState({ rows: 0, done: false, error: false });
    try {
      const res = await fetch(href, { cache: "no-store" });
      if (!res.ok || !res.body) throw new Error(String(res.status));
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let lines = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (const byte of value) if (byte === 10) lines++;
        setState({ rows: Math.max(0, lines - 1), done: false, error: false });
      }
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: res.headers.get("Content-Type") ?? "application/octet-stream" }));
      const a = Object.assign(document.createElement("a"), { href: url, download: filename });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ rows: Math.max(0, lines - 1), done: true, error: false });
    } catch {
      setState((s) => ({ rows: s?.rows ?? 0, done: false, error: true }));
    }
  }

  return (
    <span className="export-link">
      {formats ? (
        <label className="export-format">
          <span className="visually-hidden">{m.common.exportFormat}</span>
          <select value={format?.value} onChange={(e) => { setFormat(formats.find((x) => x.value === e.target.value)); setState(null); }} disabled={running || !hydrated}>
            {formats.map((x) => <option key={x.value} value={x.value}>{x.label}</option>)}
          </select>
        </label>
      ) : null}
      <a
        className="btn btn-secondary"
        href={href}
        download={filename}
        aria-disabled={running || undefined}
        onClick={(e) => {
          e.preventDefault();
          if (!running) void run();
        }}
      >
        {label}
      </a>
      {state ? (
        <span className="export-progress" role="status" aria-live="polite">
          {running ? (countsLines ? <progress max={Math.max(total, 1)} value={Math.min(state.rows, total)} aria-label={m.common.exporting} /> : <progress aria-label={m.common.exporting} />) : null}
          <span className="meta">
            {state.error
              ? m.common.exportFailed
              : !countsLines
                ? (state.done ? m.common.exportReady : m.common.exporting)
              : state.done
                ? fill(m.common.exportDone, { rows: f.number(state.rows, 0) })
                : fill(m.common.exportRunning, { rows: f.number(Math.min(state.rows, total), 0), total: f.number(total, 0) })}
          </span>
        </span>
      ) : null}
    </span>
  );
}

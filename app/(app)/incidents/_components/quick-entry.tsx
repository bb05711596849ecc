"use client";

import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import type { BatchAnswer, BatchRowAnswer } from "@/lib/incidents/batch";
import { sensitiveMessage } from "@/lib/validation/sensitive";
import { fill } from "@/lib/i18n/fill";
import { useI18n, useTranslateMessage } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

type Row = { key: string; date: string; time: string; areaId: string; place: string; categoryId: string; description: string; checkDuplicate: boolean; sensitiveConfirmed: boolean };
type Field = "date" | "time" | "areaId" | "place" | "categoryId" | "description";
const FIELDS: Field[] = ["date", "time", "areaId", "place", "categoryId", "description"];

// A new row has the day only; what else it takes from the row above, it takes when used (edit).
const blank = (from?: { date: string }): Row => ({
  key: crypto.randomUUID(), date: from?.date ?? "", time: "", areaId: "", place: "", categoryId: "",
  description: "", checkDuplicate: true, sensitiveConfirmed: false,
});
// A row is left out of the save until something of its own is typed: a place or a text.
const isBlank = (r: Row) => !r.place.trim() && !r.description.trim();

/**
 * The weekly report as a table: one row per incident (date, time, kommundel, place, category,
 * optional text) and one Save for all. A row taken into use starts with the date, kommundel and
 * category of the one above, and a row is added as soon as the last one is used, so a week's
 * reports are typed straight through with Tab. Each row is checked as the single form checks it;
 * if any row needs something, nothing is saved and each row says what (lib/incidents/batch.ts).
 */
export function QuickEntry(props: {
  options: { areas: { id: string; name: string }[]; categories: { id: string; label: string }[] };
  defaults: { date: string; time: string };
  save: (input: unknown) => Promise<ActionResult<BatchAnswer>>;
}) {
  const router = useRouter();
  const translate = useTranslateMessage();
  const { m: { quickEntry: m, incidentForm }, f } = useI18n();
  const [rows, setRows] = useState<Row[]>(() => [blank(props.defaults), blank(props.defaults), blank(props.defaults)]);
  const [answers, setAnswers] = useState<Map<string, BatchRowAnswer>>(new Map());
  const [message, setMessage] = useState<{ kind: "saved" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  // Where focus goes once the fields are enabled again (they are disabled while saving): the
  // first field needing the reporter, or after a save the first row's date.
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const labels: Record<Field, string> = { date: m.date, time: m.time, areaId: m.area, place: m.place, categoryId: m.category, description: m.description };

  useEffect(() => {
    if (pending || !focusNext) return;
    document.getElementById(focusNext === "first" ? "q-0-date" : focusNext)?.focus();
  }, [pending, rows, focusNext]);

  const edit = (key: string, patch: Partial<Row>) =>
    setRows((all) => {
      const next = all.map((r, i) => {
        if (r.key !== key) return r;
        const row = { ...r, ...patch, ...("description" in patch ? { sensitiveConfirmed: false } : {}) };
        // A row taken into use takes what it lacks from the row above: the same day, area, kind.
        const above = all[i - 1];
        return above && isBlank(r) ? { ...row, date: row.date || above.date, areaId: row.areaId || above.areaId, categoryId: row.categoryId || above.categoryId } : row;
      });
      const last = next[next.length - 1]!;
      return isBlank(last) || next.length >= 30 ? next : [...next, blank(last)];
    });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setMessage(null);
    setFocusNext(null);
    const filled = rows.filter((r) => !isBlank(r));
    if (filled.length === 0) return setMessage({ kind: "error", text: m.nothingToSave });
    startTransition(async () => {
      const result = await props.save({ rows: filled.map(({ key, ...r }) => ({ ...r, idempotencyKey: key, untilTime: "", latitude: "", longitude: "", subcategoryId: "", policeReported: false, needsFollowUp: false })) });
      if (!result.ok) return setMessage({ kind: "error", text: translate(result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? m.failed) });
      if (result.data.rows.length > 0) {
        setAnswers(new Map(result.data.rows.map((a) => [filled[a.index]!.key, a])));
        setMessage({ kind: "error", text: fill(m.rowsNeedYou, { count: result.data.rows.length }) });
        const first = filled[result.data.rows[0]!.index]!;
        const field = Object.keys(result.data.rows[0]!.fieldErrors ?? {})[0] as Field | undefined;
        setFocusNext(`q-${rows.indexOf(first)}-${field && FIELDS.includes(field) ? field : "description"}`);
        return;
      }
      const last = filled[filled.length - 1]!;
      setAnswers(new Map());
      // The next batch starts where this one ended: its day, area and kind in the first row.
      setRows([{ ...blank(last), areaId: last.areaId, categoryId: last.categoryId }, blank(last), blank(last)]);
      setMessage({ kind: "saved", text: fill(m.saved, { count: result.data.saved, weeks: result.data.weeks.map((w) => f.period(w)).join(", ") }) });
      setFocusNext("first");
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="quick-entry">
      <div aria-live="polite">
        {message?.kind === "saved" ? <div className="alert alert-info" role="status">{message.text}</div> : null}
        {message?.kind === "error" ? <FormError message={message.text} /> : null}
      </div>
      <FormControls busy={pending}>
        <div className="table-wrap">
          <table className="quick-entry">
            <thead>
              <tr>{FIELDS.map((k) => <th key={k} scope="col">{labels[k]}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const a = answers.get(r.key);
                // Ids by position: a row's key is random, and the server's would not be the browser's.
                const id = (k: Field) => `q-${i}-${k}`;
                const error = (k: Field) => (a?.fieldErrors?.[k] ? translate(a.fieldErrors[k]!) : null);
                const cell = (k: Field, control: (common: { id: string; "aria-label": string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => React.ReactNode) => (
                  <td>
                    {control({ id: id(k), "aria-label": fill(m.cellLabel, { field: labels[k], row: i + 1 }), ...(error(k) ? { "aria-invalid": true, "aria-describedby": `${id(k)}-error` } : {}) })}
                    {error(k) ? <span className="field-error" id={`${id(k)}-error`}>{error(k)}</span> : null}
                  </td>
                );
                return [
                  <tr key={r.key}>
                    {cell("date", (c) => <input {...c} value={r.date} placeholder={incidentForm.datePlaceholder} maxLength={10} autoComplete="off" onChange={(e) => edit(r.key, { date: e.target.value })} />)}
                    {/* Text, not type="time": Chrome's time field takes two Tabs to leave; 1830 is read as 18:30. */}
                    {cell("time", (c) => <input {...c} value={r.time} placeholder={m.timePlaceholder} maxLength={5} autoComplete="off" inputMode="numeric" onChange={(e) => edit(r.key, { time: e.target.value })} />)}
                    {cell("areaId", (c) => (
                      <select {...c} value={r.areaId} onChange={(e) => edit(r.key, { areaId: e.target.value })}>
                        <option value="">{"–"}</option>
                        {props.options.areas.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                      </select>
                    ))}
                    {cell("place", (c) => <input {...c} value={r.place} autoComplete="off" onChange={(e) => edit(r.key, { place: e.target.value })} />)}
                    {cell("categoryId", (c) => (
                      <select {...c} value={r.categoryId} onChange={(e) => edit(r.key, { categoryId: e.target.value })}>
                        <option value="">{"–"}</option>
                        {props.options.categories.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
                      </select>
                    ))}
                    {cell("description", (c) => <input {...c} value={r.description} autoComplete="off" onChange={(e) => edit(r.key, { description: e.target.value })} />)}
                  </tr>,
                  a?.duplicate || a?.sensitive ? (
                    <tr key={`${r.key}-ask`} className="quick-entry-ask">
                      <td colSpan={FIELDS.length}>
                        {a.duplicate ? (
                          <label className="alert alert-warn">
                            <input type="checkbox" checked={!r.checkDuplicate} onChange={(e) => edit(r.key, { checkDuplicate: !e.target.checked })} />{" "}
                            {fill(m.duplicate, { row: i + 1, place: a.duplicate.place, time: f.time(new Date(a.duplicate.occurredAt)) })}
                          </label>
                        ) : null}
                        {a.sensitive ? (
                          <label className="alert alert-warn">
                            <input type="checkbox" checked={r.sensitiveConfirmed} onChange={(e) => setRows((all) => all.map((x) => (x.key === r.key ? { ...x, sensitiveConfirmed: e.target.checked } : x)))} />{" "}
                            {fill(m.sensitive, { row: i + 1, what: sensitiveMessage(r.description, incidentForm.sensitive) ?? "" })}
                          </label>
                        ) : null}
                      </td>
                    </tr>
                  ) : null,
                ];
              })}
            </tbody>
          </table>
        </div>
        <div className="toolbar" style={{ marginTop: "0.75rem" }}>
          <button type="submit" className="btn" disabled={pending}>{pending ? m.saving : fill(m.saveAll, { count: rows.filter((r) => !isBlank(r)).length })}</button>
          <button type="button" className="btn btn-secondary" onClick={() => setRows((all) => [...all, blank(all[all.length - 1])])}>{m.addRow}</button>
        </div>
      </FormControls>
    </form>
  );
}

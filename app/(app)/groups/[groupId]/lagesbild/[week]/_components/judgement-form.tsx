"use client";

import { type ReactNode, useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import type { TLagesbildJudgement } from "@/lib/lagesbild/schema";
import type { Conflict, SaveResult } from "../actions";
import { fill } from "@/lib/i18n/fill";
import { useI18n, useTranslateMessage } from "@/components/i18n/i18n-provider";
import { FormControls } from "@/components/ui/form-controls";
import { FormError } from "@/components/ui/form-error";

type Texts = Pick<TLagesbildJudgement, "assessment" | "outlook" | "resourceNotes" | "focusNotes">;
type Status = TLagesbildJudgement["areaStatuses"][number];


export function JudgementForm(props: {
  groupId: string;
  week: string;
  version: number;
  initial: Texts;
  statuses: Status[];
  areas: { id: string; name: string }[];
  save: (input: unknown) => Promise<SaveResult>;
  publish: (input: unknown) => Promise<ActionResult<{ published: boolean; missing: string[] }>>;
  /** Beside the judgement: the decision form, so judgement and decisions are made side by side. */
  aside?: ReactNode;
  /** Decisions made in this week's lägesbild so far; the checklist asks before publishing none. */
  decisions?: number;
}) {
  const router = useRouter();
  const { m: { judgementForm: m, common } } = useI18n();
  const translate = useTranslateMessage();
  const fields: [keyof Texts, string, string][] = [
    ["assessment", m.assessment, m.assessmentHint],
    ["outlook", m.outlook, m.outlookHint],
    ["resourceNotes", m.resources, m.resourcesHint],
    ["focusNotes", m.focus, ""],
  ];
  const levels = [["", m.notAssessed], ["GREEN", m.level.GREEN], ["YELLOW", m.level.YELLOW], ["RED", m.level.RED]] as const;
  const [texts, setTexts] = useState<Texts>(props.initial);
  const [statuses, setStatuses] = useState<Status[]>(() => props.areas.map((a) => props.statuses.find((s) => s.areaId === a.id) ?? { areaId: a.id, level: "", reason: "" }));
  const [version, setVersion] = useState(props.version);
  const [state, setState] = useState<"saved" | "dirty" | "saving" | "error">("saved");
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [missing, setMissing] = useState<string[] | null>(null);
  const [askNoDecisions, setAskNoDecisions] = useState(false);
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  async function save(): Promise<number | null> {
    setState("saving");
    const result = await props.save({ groupId: props.groupId, week: props.week, version, ...texts, areaStatuses: statuses });
    if (result.ok) {
      setVersion(result.data.version);
      setState("saved");
      setMessage(null);
      return result.data.version;
    }
    setState("error");
    if ("conflict" in result) {
      setConflict(result.conflict);
      setMessage(result.formError);
    } else {
      setMessage(result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? common.saveFailed);
    }
    return null;
  }

  // Drafts save themselves two seconds after the last change (unless a conflict awaits a choice).
  useEffect(() => {
    if (state !== "dirty" || conflict) return;
    timer.current = setTimeout(() => void save(), 2000);
    return () => clearTimeout(timer.current);
  });

  const edit = (patch: Partial<Texts>) => {
    setTexts((t) => ({ ...t, ...patch }));
    setState("dirty");
  };
  const editStatus = (areaId: string, patch: Partial<Status>) => {
    setStatuses((all) => all.map((s) => (s.areaId === areaId ? { ...s, ...patch } : s)));
    setState("dirty");
  };
  // "Alla gröna utom …": the chair marks the yellow and red areas, then the rest in one press.
  const restGreen = () => {
    setStatuses((all) => all.map((s) => (s.level === "" ? { ...s, level: "GREEN" } : s)));
    setState("dirty");
  };

  const publish = (confirmIncomplete: boolean, withoutDecisions = false) => {
    if (props.decisions === 0 && !withoutDecisions) return setAskNoDecisions(true);
    setAskNoDecisions(false);
    startTransition(async () => {
      const saved = state === "saved" ? version : await save();
      if (saved === null) return;
      const result = await props.publish({ groupId: props.groupId, week: props.week, version: saved, confirmIncomplete });
      if (!result.ok) return setMessage(result.formError ?? m.publishFailed);
      if (!result.data.published) return setMissing(result.data.missing);
      router.refresh();
    });
  };
  const assessed = statuses.filter((x) => x.level !== "").length;
  const checklist: [boolean, string][] = [
    [texts.assessment.trim() !== "", m.checkAssessment],
    [assessed === statuses.length, fill(m.checkStatuses, { done: assessed, total: statuses.length })],
    ...(props.decisions === undefined ? [] : [[props.decisions > 0, fill(m.checkDecisions, { count: props.decisions })] as [boolean, string]]),
  ];

  return (
    <>
    <div className={props.aside ? "judgement-layout" : undefined}>
    <FormControls className="stack" data-testid="judgement">
      {fields.map(([key, label, hint]) => (
        <div className="field" key={key}>
          <label htmlFor={`j-${key}`}>{label}</label>
          {hint ? <span className="hint">{hint}</span> : null}
          <textarea id={`j-${key}`} rows={key === "assessment" ? 5 : 3} value={texts[key]} onChange={(e) => edit({ [key]: e.target.value })} />
        </div>
      ))}
      <h3>{m.statusPerArea}</h3>
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">{m.area}</th><th scope="col">{m.status}</th><th scope="col">{m.reason}</th></tr></thead>
          <tbody>
            {props.areas.map((a) => {
              const s = statuses.find((x) => x.areaId === a.id)!;
              return (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>
                    <select aria-label={fill(m.statusFor, { area: a.name })} value={s.level} onChange={(e) => editStatus(a.id, { level: e.target.value as Status["level"] })}>
                      {levels.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                    </select>
                  </td>
                  <td><input aria-label={fill(m.reasonFor, { area: a.name })} value={s.reason} onChange={(e) => editStatus(a.id, { reason: e.target.value })} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="toolbar">
        <button type="button" className="btn btn-secondary" aria-describedby="rest-green-hint" disabled={statuses.every((s) => s.level !== "")} onClick={restGreen}>{m.restGreen}</button>
        <span className="hint" id="rest-green-hint">{m.restGreenHint}</span>
      </div>
      <p aria-live="polite" className="meta" data-testid="save-state">
        {state === "saving" ? common.saving : state === "dirty" ? common.autosaving : state === "saved" ? m.allSaved : ""}
      </p>
      {message ? <FormError message={translate(message)} /> : null}
      {conflict ? (
        <div className="card" data-testid="conflict">
          <h3>{fill(m.savedVersion, { version: conflict.version })}</h3>
          <p style={{ whiteSpace: "pre-wrap" }}>{conflict.assessment || m.noAssessment}</p>
          <div className="toolbar">
            <button type="button" className="btn" onClick={() => { setVersion(conflict.version); setConflict(null); setState("dirty"); }}>{m.keepMine}</button>
            <button type="button" className="btn btn-secondary" onClick={() => { setTexts({ assessment: conflict.assessment, outlook: conflict.outlook, resourceNotes: conflict.resourceNotes, focusNotes: conflict.focusNotes }); setVersion(conflict.version); setConflict(null); setState("saved"); router.refresh(); }}>{m.useSaved}</button>
          </div>
        </div>
      ) : null}
      <div className="toolbar">
        <button type="button" className="btn btn-secondary" disabled={state === "saving"} onClick={() => void save()}>{m.saveNow}</button>
      </div>
    </FormControls>
    {props.aside ? <div className="judgement-aside">{props.aside}</div> : null}
    </div>
    <FormControls className="stack publish-panel" data-testid="publish-panel" aria-labelledby="publish-heading">
      <h3 id="publish-heading">{m.publishHeading}</h3>
      <ul className="checklist" data-testid="publish-checklist">
        {checklist.map(([done, text]) => (
          <li key={text} className={done ? "check-done" : "check-open"}>
            <span aria-hidden="true">{done ? "✓" : "○"}</span> {text}<span className="visually-hidden">{done ? m.checkDone : m.checkOpen}</span>
          </li>
        ))}
      </ul>
      {askNoDecisions ? (
        <div className="alert alert-warn" role="alert" data-testid="no-decisions">
          <p>{m.noDecisionsAsk}</p>
          <div className="toolbar">
            <button type="button" className="btn" disabled={pending} onClick={() => publish(false, true)}>{m.publishWithoutDecisions}</button>
            <button type="button" className="btn btn-secondary" onClick={() => { setAskNoDecisions(false); document.getElementById("m-title")?.focus(); }}>{m.addDecisionFirst}</button>
          </div>
        </div>
      ) : null}
      {missing ? (
        <FormError testId="missing" message={<>
          <p>{m.incomplete}</p>
          <ul>{missing.map((x) => <li key={x}>{x}</li>)}</ul>
          <button type="button" className="btn" disabled={pending} onClick={() => publish(true, true)}>{m.publishAnyway}</button>
        </>} />
      ) : null}
      <div className="toolbar">
        <button type="button" className="btn" disabled={pending || Boolean(conflict)} onClick={() => publish(false)}>{m.publish}</button>
      </div>
    </FormControls>
    </>
  );
}

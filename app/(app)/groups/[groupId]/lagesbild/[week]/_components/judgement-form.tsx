"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action-result";
import type { TLagesbildJudgement } from "@/lib/lagesbild/schema";
import type { Conflict, SaveResult } from "../actions";

type Texts = Pick<TLagesbildJudgement, "assessment" | "outlook" | "resourceNotes" | "focusNotes">;
type Status = TLagesbildJudgement["areaStatuses"][number];

const FIELDS: [keyof Texts, string, string][] = [
  ["assessment", "Bedömning", "Vad säger veckans händelser? Vad har förändrats och var?"],
  ["outlook", "Händelseutveckling", "Vad tror gruppen händer framåt?"],
  ["resourceNotes", "Resursplanering", "Vilka resurser behövs var, och vem ansvarar?"],
  ["focusNotes", "Fokusområden och platser nästa vecka", ""],
];
const LEVELS = [["", "Ej bedömd"], ["GREEN", "Grön"], ["YELLOW", "Gul"], ["RED", "Röd"]] as const;

export function JudgementForm(props: {
  groupId: string;
  week: string;
  version: number;
  initial: Texts;
  statuses: Status[];
  areas: { id: string; name: string }[];
  save: (input: unknown) => Promise<SaveResult>;
  publish: (input: unknown) => Promise<ActionResult<{ published: boolean; missing: string[] }>>;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [texts, setTexts] = useState<Texts>(props.initial);
  const [statuses, setStatuses] = useState<Status[]>(() => props.areas.map((a) => props.statuses.find((s) => s.areaId === a.id) ?? { areaId: a.id, level: "", reason: "" }));
  const [version, setVersion] = useState(props.version);
  const [state, setState] = useState<"saved" | "dirty" | "saving" | "error">("saved");
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [missing, setMissing] = useState<string[] | null>(null);
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
      setMessage(result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? "Det gick inte att spara.");
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

  const publish = (confirmIncomplete: boolean) =>
    startTransition(async () => {
      const saved = state === "saved" ? version : await save();
      if (saved === null) return;
      const result = await props.publish({ groupId: props.groupId, week: props.week, version: saved, confirmIncomplete });
      if (!result.ok) return setMessage(result.formError ?? "Det gick inte att publicera.");
      if (!result.data.published) return setMissing(result.data.missing);
      router.refresh();
    });

  return (
    <div className="stack" data-testid="judgement">
      {FIELDS.map(([key, label, hint]) => (
        <div className="field" key={key}>
          <label htmlFor={`j-${key}`}>{label}</label>
          {hint ? <span className="hint">{hint}</span> : null}
          <textarea id={`j-${key}`} rows={key === "assessment" ? 5 : 3} value={texts[key]} onChange={(e) => edit({ [key]: e.target.value })} />
        </div>
      ))}
      <h3>Status per kommundel</h3>
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">Kommundel</th><th scope="col">Status</th><th scope="col">Motivering</th></tr></thead>
          <tbody>
            {props.areas.map((a) => {
              const s = statuses.find((x) => x.areaId === a.id)!;
              return (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>
                    <select aria-label={`Status ${a.name}`} value={s.level} onChange={(e) => editStatus(a.id, { level: e.target.value as Status["level"] })}>
                      {LEVELS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                    </select>
                  </td>
                  <td><input aria-label={`Motivering ${a.name}`} value={s.reason} onChange={(e) => editStatus(a.id, { reason: e.target.value })} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p aria-live="polite" className="meta" data-testid="save-state">
        {state === "saving" ? "Sparar …" : state === "dirty" ? "Ändringar sparas automatiskt …" : state === "saved" ? "Alla ändringar är sparade." : ""}
      </p>
      {message ? <div className="alert alert-error" role="alert">{message}</div> : null}
      {conflict ? (
        <div className="card" data-testid="conflict">
          <h3>Den sparade versionen (version {conflict.version})</h3>
          <p style={{ whiteSpace: "pre-wrap" }}>{conflict.assessment || "(ingen bedömning)"}</p>
          <div className="toolbar">
            <button type="button" className="btn" onClick={() => { setVersion(conflict.version); setConflict(null); setState("dirty"); }}>Behåll min text och spara</button>
            <button type="button" className="btn btn-secondary" onClick={() => { setTexts({ assessment: conflict.assessment, outlook: conflict.outlook, resourceNotes: conflict.resourceNotes, focusNotes: conflict.focusNotes }); setVersion(conflict.version); setConflict(null); setState("saved"); router.refresh(); }}>Använd den sparade</button>
          </div>
        </div>
      ) : null}
      {missing ? (
        <div className="alert alert-error" data-testid="missing">
          <p>Lägesbilden är inte komplett:</p>
          <ul>{missing.map((m) => <li key={m}>{m}</li>)}</ul>
          <button type="button" className="btn" disabled={pending} onClick={() => publish(true)}>Publicera ändå</button>
        </div>
      ) : null}
      <div className="toolbar">
        <button type="button" className="btn btn-secondary" disabled={!hydrated || state === "saving"} onClick={() => void save()}>Spara nu</button>
        <button type="button" className="btn" disabled={!hydrated || pending || Boolean(conflict)} onClick={() => publish(false)}>Publicera lägesbilden</button>
      </div>
    </div>
  );
}

import type { ReactNode } from "react";

// A labelled form control with its error linked through aria-describedby and announced politely.
export function Field(props: { id: string; label: string; error?: string; hint?: string; children: (a11y: FieldA11y) => ReactNode }) {
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? <span id={hintId} className="hint">{props.hint}</span> : null}
      {props.children({ id: props.id, "aria-invalid": props.error ? true : undefined, "aria-describedby": describedBy })}
      <span id={errorId} className="field-error" aria-live="polite">
        {props.error ?? ""}
      </span>
    </div>
  );
}

export type FieldA11y = { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

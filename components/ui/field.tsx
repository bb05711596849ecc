import type { ReactNode } from "react";
import { useTranslateMessage } from "@/components/i18n/i18n-provider";

// A labelled form control with its error linked through aria-describedby and announced politely.
// Used by client components only (it takes a render function), so it may use the i18n context.
export function Field(props: { id: string; label: string; error?: string; hint?: string; children: (a11y: FieldA11y) => ReactNode }) {
  const translate = useTranslateMessage();
  const error = props.error ? translate(props.error) : undefined;
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? <span id={hintId} className="hint">{props.hint}</span> : null}
      {props.children({ id: props.id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      <span id={errorId} className="field-error" aria-live="polite">
        {error ?? ""}
      </span>
    </div>
  );
}

export type FieldA11y = { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/**
 * A group of check boxes or radio buttons under one legend, with the group's error linked and
 * announced like a Field's. `scroll` caps a long list's height (e.g. "14rem").
 */
export function ChoiceGroup(props: { id: string; legend: ReactNode; error?: string; scroll?: string; testId?: string; children: ReactNode }) {
  const translate = useTranslateMessage();
  const errorId = `${props.id}-error`;
  return (
    <fieldset className="field" aria-describedby={errorId} data-testid={props.testId}>
      <legend>{props.legend}</legend>
      <div className="checks" style={props.scroll ? { maxHeight: props.scroll, overflowY: "auto" } : undefined}>
        {props.children}
      </div>
      <span id={errorId} className="field-error" aria-live="polite">
        {props.error ? translate(props.error) : ""}
      </span>
    </fieldset>
  );
}

"use client";

import { useHydrated } from "./use-hydrated";
import { type AnyAction, useActionSubmit } from "./use-action";

/** One button that runs one server action with a fixed input (after a confirmation, if given). */
export function ActionButton(props: { action: AnyAction; input: unknown; label: string; ariaLabel?: string; confirm?: string; className?: string }) {
  const hydrated = useHydrated();
  const { pending, errors, submit } = useActionSubmit(props.action);
  const error = errors.form ?? Object.values(errors)[0];
  return (
    <span className="action-button">
      <button
        type="button"
        className={props.className ?? "btn btn-secondary"}
        aria-label={props.ariaLabel}
        disabled={!hydrated || pending}
        onClick={() => {
          if (props.confirm && !window.confirm(props.confirm)) return;
          submit(props.input);
        }}
      >
        {props.label}
      </button>
      {error ? <span className="field-error" role="alert">{error}</span> : null}
    </span>
  );
}

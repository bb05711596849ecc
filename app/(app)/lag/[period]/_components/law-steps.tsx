"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useI18n, useTranslateMessage } from "@/components/i18n/i18n-provider";
import { FormError } from "@/components/ui/form-error";

type Step = (input: unknown) => Promise<ActionResult<unknown>>;

/** Adopt the draft (EST Ledning) or start the next version from an adopted one. */
export function LawSteps(props: { period: string; revision: number; may: { approve: boolean; newVersion: boolean }; approve: Step; newVersion: Step }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const { m: { lawForms: m, common } } = useI18n();
  const translate = useTranslateMessage();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (step: Step, input: Record<string, unknown>) =>
    start(async () => {
      setError(null);
      const result = await step({ period: props.period, ...input });
      if (result.ok) return router.push(`/lag/${props.period}`), router.refresh();
      setError(result.formError ?? common.saveFailed);
    });
  if (!props.may.approve && !props.may.newVersion) return null;
  return (
    <div className="toolbar no-print" style={{ marginBottom: "1rem" }}>
      {props.may.approve ? (
        <button type="button" className="btn" disabled={!hydrated || pending || props.revision === 0}
          onClick={() => { if (window.confirm(m.approveConfirm)) run(props.approve, { revision: props.revision }); }}>
          {m.approve}
        </button>
      ) : null}
      {props.may.newVersion ? <button type="button" className="btn btn-secondary" disabled={!hydrated || pending} onClick={() => run(props.newVersion, {})}>{m.newVersion}</button> : null}
      {props.may.approve && props.revision === 0 ? <span className="meta">{m.saveFirst}</span> : null}
      {error ? <FormError message={translate(error)} /> : null}
    </div>
  );
}

"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { useHydrated } from "@/components/ui/use-hydrated";

type Step = (input: unknown) => Promise<ActionResult<unknown>>;

/** Adopt the draft (EST Ledning) or start the next version from an adopted one. */
export function LawSteps(props: { period: string; revision: number; may: { approve: boolean; newVersion: boolean }; approve: Step; newVersion: Step }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (step: Step, input: Record<string, unknown>) =>
    start(async () => {
      setError(null);
      const result = await step({ period: props.period, ...input });
      if (result.ok) return router.push(`/lag/${props.period}`), router.refresh();
      setError(result.formError ?? "Det gick inte.");
    });
  if (!props.may.approve && !props.may.newVersion) return null;
  return (
    <div className="toolbar no-print" style={{ marginBottom: "1rem" }}>
      {props.may.approve ? (
        <button type="button" className="btn" disabled={!hydrated || pending || props.revision === 0}
          onClick={() => { if (window.confirm("Fastställa den här versionen? Den kan inte ändras efteråt.")) run(props.approve, { revision: props.revision }); }}>
          Fastställ versionen
        </button>
      ) : null}
      {props.may.newVersion ? <button type="button" className="btn btn-secondary" disabled={!hydrated || pending} onClick={() => run(props.newVersion, {})}>Påbörja ny version</button> : null}
      {props.may.approve && props.revision === 0 ? <span className="meta">Spara utkastet innan det kan fastställas.</span> : null}
      {error ? <p className="alert alert-error" role="alert">{error}</p> : null}
    </div>
  );
}

"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { useHydrated } from "@/components/ui/use-hydrated";

export function JoinButton({ join }: { join: () => Promise<ActionResult<{ groupId: string | null }>> }) {
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="btn" disabled={!hydrated || pending} onClick={() => start(async () => {
        const result = await join();
        if (!result.ok) return setError(result.formError ?? "Det gick inte.");
        window.location.assign(result.data.groupId ? `/groups/${result.data.groupId}` : "/");
      })}>Gå med</button>
      {error ? <p className="alert alert-error" role="alert">{error}</p> : null}
    </>
  );
}

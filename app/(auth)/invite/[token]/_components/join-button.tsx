"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useI18n, useTranslateMessage } from "@/components/i18n/i18n-provider";
import { FormError } from "@/components/ui/form-error";

export function JoinButton({ join }: { join: () => Promise<ActionResult<{ groupId: string | null }>> }) {
  const hydrated = useHydrated();
  const m = useI18n().m.auth;
  const translate = useTranslateMessage();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="btn" disabled={!hydrated || pending} onClick={() => start(async () => {
        const result = await join();
        if (!result.ok) return setError(result.formError ?? m.joinFailed);
        window.location.assign(result.data.groupId ? `/groups/${result.data.groupId}` : "/");
      })}>{m.join}</button>
      {error ? <FormError message={translate(error)} /> : null}
    </>
  );
}

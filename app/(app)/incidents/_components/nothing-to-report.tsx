"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action-result";
import { useI18n } from "@/components/i18n/i18n-provider";

// "Inget att rapportera": lets the group tell a calm week from a silent organisation.
export function NothingToReport(props: { municipalityId: string; isoWeek: string; marked: boolean; action: (input: unknown) => Promise<ActionResult<undefined>> }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const { m } = useI18n();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const toggle = () =>
    startTransition(async () => {
      const result = await props.action({ municipalityId: props.municipalityId, isoWeek: props.isoWeek, nothing: !props.marked });
      if (!result.ok) setError(result.formError ?? m.common.saveFailed);
      else router.refresh();
    });
  return (
    <div>
      <button type="button" className="btn btn-secondary" disabled={!hydrated || pending} onClick={toggle}>
        {props.marked ? m.weekReport.undoNothing : m.weekReport.markNothing}
      </button>
      <span aria-live="polite" className="field-error">{error ?? ""}</span>
    </div>
  );
}

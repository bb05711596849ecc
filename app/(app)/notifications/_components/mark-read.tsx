"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action-result";

export function MarkAllRead({ action, label }: { action: () => Promise<ActionResult<undefined>>; label: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  return (
    <button type="button" className="btn btn-secondary" disabled={!hydrated || pending} onClick={() => startTransition(async () => { await action(); router.refresh(); })}>
      {label}
    </button>
  );
}

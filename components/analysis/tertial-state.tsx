import type { TertialState } from "@/lib/analysis/tertial";
import { Badge } from "@/components/ui/badge";

const TONE = { NOT_STARTED: "info", DRAFT: "info", IN_REVIEW: "warn", APPROVED: "ok" } as const;

/** Where a tertial analysis stands, in the same words on every page. */
export function TertialStateBadge({ state, words }: { state: TertialState; words: Record<TertialState, string> }) {
  return <Badge tone={TONE[state]}>{words[state]}</Badge>;
}

// A change between two counts in words, by the one rule (rules.ts). Pure, so pages, e-mails and
// tests all say the same thing.
import type { Sides } from "@/lib/analysis/build";
import type { Messages } from "@/lib/i18n/catalogue";
import { fill } from "@/lib/i18n/fill";
import { sv } from "@/lib/i18n/messages/sv";
import { compareCounts } from "./rules";

type ChangeTexts = Pick<Messages["analysis"], "unchanged" | "counts" | "reason">;

/**
 * "+12 % (80 → 90)" when the rule allows a percentage (lib/figures/rules.ts); otherwise the two
 * counts and why: "112 → 667 (ofullständig rapportering)". Words people read aloud in meetings.
 */
export function changeText(now: number, before: number, sides?: Sides | null, m: ChangeTexts = sv.analysis): string {
  const c = compareCounts(now, before, sides ?? {});
  if (c.kind === "percent") return `${c.percent > 0 ? "+" : ""}${c.percent} % (${before} → ${now})`;
  if (c.kind === "same") return `${m.unchanged} (${now})`;
  const counts = fill(m.counts, { before, now });
  return c.reason === "small-base" ? counts : `${counts} (${m.reason[c.reason]})`;
}

/** May a change against the earlier period be drawn at all (a delta or an arrow)? Not when that
 * period – or this one, unless set against the same days – is not whole. */
export function comparable(sides?: Sides | null): boolean {
  const c = compareCounts(100, 100, sides ?? {});
  return c.kind !== "counts";
}

// How sure a survey value is. A share is given its Wilson 95 % interval, and is uncertain when that
// interval is wider than WIDE_INTERVAL percentage points – so 44 % of 38 respondents (30–60 %) is
// marked, however the respondents compare with a fixed n. Other units have no interval; they keep
// the audit's own rule of thumb (fewer than 30 respondents). Pure.
import { wilson } from "./intervals";

/** Wider than this (in percentage points), a share is marked uncertain. */
export const WIDE_INTERVAL = 20;
/** For values that are not shares: fewer respondents than this is uncertain. */
export const FEW_RESPONDENTS = 30;

export type SurveyUncertainty = { interval: { low: number; high: number } | null; uncertain: boolean };

export function surveyUncertainty(value: number, unit: string | null, respondents: number | null): SurveyUncertainty {
  if (respondents === null) return { interval: null, uncertain: false };
  const isShare = unit === "%" && value >= 0 && value <= 100;
  if (!isShare) return { interval: null, uncertain: respondents < FEW_RESPONDENTS };
  const ci = wilson(Math.round((value / 100) * respondents), respondents);
  if (!ci) return { interval: null, uncertain: true };
  const interval = { low: ci.low * 100, high: ci.high * 100 };
  return { interval, uncertain: interval.high - interval.low > WIDE_INTERVAL };
}

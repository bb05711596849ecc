import type { Messages } from "@/lib/i18n/catalogue";
import { sv } from "@/lib/i18n/messages/sv";
import type { IndicatorStatus } from "./build";

export const indicatorLabel = (s: IndicatorStatus, m: Messages["analysis"] = sv.analysis) => m.indicator[s];

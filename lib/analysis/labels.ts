import type { IndicatorStatus } from "./build";

const INDICATOR: Record<IndicatorStatus, string> = {
  "saknar-varde": "Värde saknas",
  uppnatt: "Målet nått",
  battre: "Bättre än utgångsläget",
  samre: "Sämre än utgångsläget",
  oforandrat: "Oförändrat",
};

export const indicatorLabel = (s: IndicatorStatus) => INDICATOR[s];

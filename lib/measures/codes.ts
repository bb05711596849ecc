// Codes the forms list as options, apart from the schema so a form can list them without
// loading zod with the page (ADR 013). The labels shown are in the message catalogue.
export const MEASURE_STATUS = ["PLANNED", "ONGOING", "DONE", "CANCELLED"] as const;
export const VERDICTS = { HELPED: "Gav effekt", PARTLY: "Delvis effekt", NO_EFFECT: "Ingen märkbar effekt", LATER: "Bedöms senare" } as const;

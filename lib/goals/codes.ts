// Codes the forms list as options, apart from the schema so a form can list them without
// loading zod with the page (ADR 013). The labels shown are in the message catalogue.
export const GOAL_STATUS = { ON_TRACK: "Enligt plan", AT_RISK: "Risk för avvikelse", OFF_TRACK: "Avviker" } as const;

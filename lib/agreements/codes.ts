// Codes the forms list as options, apart from the schema so a form can list them without
// loading zod with the page (ADR 013). The labels shown are in the message catalogue.
export const COMMITMENT_STATUS = { MET: "Uppfyllt", PARTLY: "Delvis uppfyllt", NOT_MET: "Inte uppfyllt" } as const;

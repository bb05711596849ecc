// Codes the forms list as options, apart from the schema so a form can list them without
// loading zod with the page (ADR 013). The labels are in lib/tips/messages.ts.
export const TIP_KINDS = ["UNSAFE_PLACE", "VANDALISM", "GATHERING", "OTHER"] as const;

// Codes the forms list as options, apart from the schema so a form can list them without
// loading zod with the page (ADR 013). The labels shown are in the message catalogue.
export const CADENCES = {
  WEEKLY: "Varje vecka",
  BIWEEKLY: "Varannan vecka",
  TWICE_WEEKLY: "Två gånger i veckan",
  QUARTERLY: "En gång per kvartal",
  TERTIAL: "En gång per tertial",
  AD_HOC: "Vid behov",
} as const;

export const REMINDER_KINDS = {
  MEETING: "Påminnelse inför möten, med länk till dagordningen",
  REPORTING: "Påminnelse på rapportdagen när min organisation inte har rapporterat veckan",
  MEASURE_DUE: "Påminnelse när en åtgärd förfaller om tre dagar eller är försenad",
} as const;

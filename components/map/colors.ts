// One colour per default EST category, chosen to stay apart for colour-blind readers.
export const CATEGORY_COLOR: Record<string, { label: string; color: string }> = {
  skadegorelse: { label: "Skadegörelse", color: "#d55e00" },
  samling: { label: "Samling", color: "#0072b2" },
  ordningsstorning: { label: "Ordningsstörning", color: "#cc79a7" },
  otrygg_plats: { label: "Otrygg plats", color: "#009e73" },
  incident_mot_anstalld: { label: "Mot anställd", color: "#e69f00" },
  arrangemang: { label: "Arrangemang", color: "#56b4e9" },
  ovrigt: { label: "Övrigt", color: "#666666" },
};

// Reference data for the first customers. Sollentuna's groups, cadences, member organisations,
// kommundelar and Edsberg's goals follow the audit in shared/seed (förstudie, February 2023).
// Populations and coordinates are rounded approximations for the demo; admins correct them.
import type { Cadence, GroupKind, GroupRole, MunicipalityRole, OrganisationKind, PoliceClassification } from "../../lib/generated/prisma/enums";

export type AreaSeed = {
  code: string;
  name: string;
  population: number;
  isFocus?: boolean;
  center: [number, number];
  places: string[];
  classification?: PoliceClassification;
};
export type OrgSeed = { code: string; name: string; kind: OrganisationKind };
export type GroupSeed = {
  slug: string;
  name: string;
  kind: GroupKind;
  cadence: Cadence;
  weekday?: number;
  time?: string;
  minutes?: number;
  description: string;
  areas: string[] | "all";
  organisations: string[];
  insats?: { openedDaysAgo: number; plannedEndInDays: number };
};
export type MunicipalitySeed = {
  slug: string;
  name: string;
  population: number;
  areas: AreaSeed[];
  /** A GeoJSON file beside this one with outlines for the areas (by `code`), all approximate. */
  outlines?: string;
  organisations: OrgSeed[];
  groups: GroupSeed[];
};

export const CATEGORIES: { code: string; label: string; sub: string[] }[] = [
  { code: "skadegorelse", label: "Skadegörelse", sub: ["Klotter", "Glaskross", "Anlagd brand", "Annan skadegörelse"] },
  { code: "samling", label: "Otrygghetsskapande samling av personer", sub: ["Trapphus", "Källare", "Garage", "Centrum", "Utomhus"] },
  {
    code: "ordningsstorning",
    label: "Annat otrygghetsskapande eller ordningsstörande",
    sub: ["Bråk", "Våld", "Hot", "Inbrott", "Misstänkt droghantering", "Olovligt boende", "Buskörning", "Nedskräpning"],
  },
  { code: "otrygg_plats", label: "Otrygg plats", sub: ["Belysning", "Insyn", "Ödslig plats"] },
  { code: "incident_mot_anstalld", label: "Incident mot anställd", sub: ["Hotad", "Hindrad", "Provocerad i tjänsten"] },
  { code: "arrangemang", label: "Arrangemang", sub: [] },
  { code: "ovrigt", label: "Övrigt", sub: [] },
];

const places = (area: string, extra: string[]) => [...extra, `${area} lekplats`, `${area} busshållplats`, `${area} gångtunnel`];

const SOLLENTUNA_ORGS: OrgSeed[] = [
  { code: "klk", name: "Kommunledningskontoret", kind: "FORVALTNING" },
  { code: "klk-sakerhet", name: "Kommunledningskontoret – säkerhetsenheten", kind: "FORVALTNING" },
  { code: "kfk", name: "Kultur- och fritidskontoret", kind: "FORVALTNING" },
  { code: "sok", name: "Socialkontoret", kind: "FORVALTNING" },
  { code: "uk", name: "Utbildningskontoret", kind: "FORVALTNING" },
  { code: "sba", name: "Samhällsbyggnadsavdelningen", kind: "FORVALTNING" },
  { code: "nla", name: "Avdelningen för näringsliv och arbetsmarknad", kind: "FORVALTNING" },
  { code: "polis", name: "Polisen – lokalpolisområde Sollentuna", kind: "POLIS" },
  { code: "sollentunahem", name: "Sollentunahem AB", kind: "BOSTADSBOLAG" },
  { code: "attunda", name: "Brandkåren Attunda", kind: "RADDNINGSTJANST" },
  { code: "trygghetsvardar", name: "Trygghetsvärdar (bevakningsföretag)", kind: "VAKTARE" },
  { code: "nattvandrare", name: "Nattvandrarna Sollentuna", kind: "FORENING" },
  { code: "bid-tureberg", name: "BID Tureberg", kind: "NARINGSLIV" },
];

const CORE = ["kfk", "sok", "uk", "klk-sakerhet", "polis", "sollentunahem"];

export const SOLLENTUNA: MunicipalitySeed = {
  slug: "sollentuna",
  name: "Sollentuna kommun",
  population: 76_000,
  areas: [
    { code: "edsberg", name: "Edsberg", population: 7_000, isFocus: true, center: [59.4455, 17.9862], classification: "UTSATT",
      places: places("Edsberg", ["Edsbergs torg", "Edsbergs centrum", "Edsbergsskolan", "Edsbergs sportfält", "Fågelsångens garage"]) },
    { code: "tureberg", name: "Tureberg", population: 8_500, isFocus: true, center: [59.4292, 17.9375], classification: "RISK",
      places: places("Tureberg", ["Sollentuna centrum", "Sollentuna station", "Turebergs torg", "Tingvallaskolan", "Turebergshallen"]) },
    { code: "rotebro", name: "Rotebro", population: 8_800, isFocus: true, center: [59.4765, 17.9142],
      places: places("Rotebro", ["Rotebro station", "Rotebro centrum", "Rotebroskolan", "Rotebro idrottsplats"]) },
    { code: "helenelund", name: "Helenelund", population: 9_900, center: [59.4094, 17.9617],
      places: places("Helenelund", ["Helenelunds station", "Helenelunds centrum", "Kvarnbackaskolan"]) },
    { code: "bagarby", name: "Bagarby", population: 3_400, center: [59.4688, 17.9035],
      places: places("Bagarby", ["Bagarbyskolan", "Bagarby gärde"]) },
    { code: "haggvik", name: "Häggvik", population: 7_000, center: [59.4437, 17.9338],
      places: places("Häggvik", ["Häggviks station", "Häggviks torg"]) },
    { code: "norrviken", name: "Norrviken", population: 6_500, center: [59.4584, 17.9261],
      places: places("Norrviken", ["Norrvikens station", "Norrvikens strandbad"]) },
    { code: "ovriga", name: "Övriga kommundelar", population: 24_900, center: [59.4335, 17.9100],
      places: ["Viby", "Vaxmora", "Landsnora", "Väsjön", "Töjnan", "Sollentunavägen"] },
  ],
  // Approximate outlines (prisma/seed/make-outlines.ts), so every map shows the kommundelar until
  // the municipality uploads its own.
  outlines: "sollentuna-kommundelar.geojson",
  organisations: SOLLENTUNA_ORGS,
  groups: [
    { slug: "est-ledning", name: "EST Ledning", kind: "LEDNING", cadence: "TERTIAL", weekday: 3, time: "13:00", minutes: 90, areas: "all",
      organisations: ["klk", "kfk", "sok", "uk", "sba", "nla", "sollentunahem"],
      description: "Förvaltningschefer och Sollentunahems VD, leds av kommunledningskontoret. Planerar långsiktiga åtgärder och tar inriktningsbeslut för EST Strategisk. Möts tertialvis." },
    { slug: "styrgrupp-2030", name: "Styrgrupp Inga utsatta områden 2030", kind: "OTHER", cadence: "TERTIAL", weekday: 3, time: "15:00", minutes: 60, areas: "all",
      organisations: ["klk", "kfk", "sok", "uk", "sba", "sollentunahem"],
      description: "Kommunledningskontorets subgrupp för trygghet; styrgrupp för utvecklingsuppdraget Inga utsatta områden 2030. Till stor del samma deltagare som EST Ledning – en sammanslagning utreds." },
    { slug: "est-strategisk", name: "EST Strategisk", kind: "STRATEGISK", cadence: "TERTIAL", weekday: 2, time: "10:00", minutes: 120, areas: "all",
      organisations: ["kfk", "sok", "uk", "klk", "klk-sakerhet", "polis", "sollentunahem", "attunda"],
      description: "Kommunövergripande lägesbilder och insatser, uppföljning av pågående arbete och samordning över förvaltningsgränser. Möts tertialvis." },
    { slug: "est-fordjupning-edsberg", name: "EST Fördjupning Edsberg", kind: "FORDJUPNING", cadence: "QUARTERLY", weekday: 4, time: "09:00", minutes: 120,
      areas: ["edsberg"], organisations: CORE,
      description: "Fördjupade analyser av Edsbergs problematik och dess orsaker; följer upp områdesmålen. Möts fyra gånger om året." },
    { slug: "est-fordjupning-tureberg", name: "EST Fördjupning Tureberg", kind: "FORDJUPNING", cadence: "QUARTERLY", weekday: 4, time: "13:00", minutes: 120,
      areas: ["tureberg"], organisations: CORE,
      description: "Fördjupade analyser av Turebergs problematik utifrån löpande problembilder. Möts fyra gånger om året." },
    { slug: "est-vecko", name: "EST Vecko", kind: "VECKO", cadence: "WEEKLY", weekday: 2, time: "09:00", minutes: 60, areas: "all", organisations: CORE,
      description: "Sammanställer varje vecka en lägesbild utifrån inrapporterade händelser och vidtagna åtgärder; diskuterar händelseutveckling och resursplanering." },
    { slug: "est-insats-rotebro", name: "EST Insats Rotebro", kind: "INSATS", cadence: "WEEKLY", weekday: 4, time: "14:00", minutes: 45,
      areas: ["rotebro", "bagarby"], organisations: ["polis", "klk-sakerhet", "sollentunahem", "trygghetsvardar", "kfk"],
      insats: { openedDaysAgo: 24, plannedEndInDays: 18 },
      description: "Sammankallad vid inkommen problembild kring Rotebro station; samordnar åtgärder och resurser under en kortare period." },
  ],
};

function neighbour(slug: string, name: string, population: number, areas: [string, string, number, [number, number]][]): MunicipalitySeed {
  return {
    slug,
    name,
    population,
    areas: areas.map(([code, areaName, pop, center]) => ({ code, name: areaName, population: pop, center, places: [`${areaName} centrum`, `${areaName} station`] })),
    organisations: [
      { code: "klk-sakerhet", name: "Kommunledningsförvaltningen – trygghet och säkerhet", kind: "FORVALTNING" },
      { code: "polis", name: "Polisen – lokalpolisområde Sollentuna", kind: "POLIS" },
    ],
    groups: [
      { slug: "est-vecko", name: "EST Vecko", kind: "VECKO", cadence: "WEEKLY", weekday: 3, time: "10:00", areas: "all",
        organisations: ["klk-sakerhet", "polis"], description: "Veckovis lägesbild." },
    ],
  };
}

// Lokalpolisområde Sollentuna also covers Upplands Väsby and Sigtuna.
export const NEIGHBOURS: MunicipalitySeed[] = [
  neighbour("upplands-vasby", "Upplands Väsby kommun", 48_000, [
    ["centrala-vasby", "Centrala Väsby", 14_000, [59.5181, 17.9113]],
    ["runby", "Runby", 9_000, [59.5095, 17.8950]],
    ["vilunda", "Vilunda", 8_000, [59.5050, 17.9300]],
  ]),
  neighbour("sigtuna", "Sigtuna kommun", 52_000, [
    ["marsta", "Märsta", 28_000, [59.6240, 17.8540]],
    ["sigtuna-stad", "Sigtuna stad", 9_000, [59.6173, 17.7236]],
    ["rosersberg", "Rosersberg", 4_000, [59.5833, 17.8833]],
  ]),
];

export type UserSeed = {
  email: string;
  name: string;
  memberships: { municipality: string; organisation: string; role: MunicipalityRole }[];
  groups: { municipality: string; group: string; role: GroupRole }[];
  title: string;
};

export const DEMO_USERS: UserSeed[] = [
  { email: "rapportor@sollentunahem.example", name: "Vera Lind", title: "EST Vecko-rapportör, Sollentunahem",
    memberships: [{ municipality: "sollentuna", organisation: "sollentunahem", role: "REPORTER" }],
    groups: [{ municipality: "sollentuna", group: "est-vecko", role: "MEMBER" }] },
  { email: "polis@polisen.example", name: "Karin Berg", title: "Kommunpolis, LPO Sollentuna (tre kommuner)",
    memberships: [
      { municipality: "sollentuna", organisation: "polis", role: "REPORTER" },
      { municipality: "upplands-vasby", organisation: "polis", role: "REPORTER" },
      { municipality: "sigtuna", organisation: "polis", role: "REPORTER" },
    ],
    groups: [
      { municipality: "sollentuna", group: "est-vecko", role: "MEMBER" },
      { municipality: "sollentuna", group: "est-strategisk", role: "MEMBER" },
      { municipality: "sollentuna", group: "est-fordjupning-edsberg", role: "MEMBER" },
      { municipality: "sollentuna", group: "est-insats-rotebro", role: "MEMBER" },
      { municipality: "upplands-vasby", group: "est-vecko", role: "MEMBER" },
      { municipality: "sigtuna", group: "est-vecko", role: "MEMBER" },
    ] },
  { email: "samordnare@sollentuna.example", name: "Sara Ek", title: "Trygghetsstrateg/samordnare, säkerhetsenheten",
    memberships: [{ municipality: "sollentuna", organisation: "klk-sakerhet", role: "COORDINATOR" }],
    groups: ["est-vecko", "est-strategisk", "est-fordjupning-edsberg", "est-fordjupning-tureberg", "est-insats-rotebro"].map((group) => ({
      municipality: "sollentuna", group, role: "COORDINATOR" as const })) },
  { email: "ledning@sollentuna.example", name: "Lars Holm", title: "Socialchef, EST Ledning",
    memberships: [{ municipality: "sollentuna", organisation: "sok", role: "REPORTER" }],
    groups: [{ municipality: "sollentuna", group: "est-ledning", role: "MEMBER" }, { municipality: "sollentuna", group: "styrgrupp-2030", role: "MEMBER" }] },
  { email: "nattvandrare@nattvandrarna.example", name: "Omar Haddad", title: "Nattvandrare, Nattvandrarna Sollentuna (förening)",
    memberships: [{ municipality: "sollentuna", organisation: "nattvandrare", role: "REPORTER" }],
    groups: [] },
  { email: "admin@sollentuna.example", name: "Anna Ström", title: "Administratör, Sollentuna kommun",
    memberships: [{ municipality: "sollentuna", organisation: "klk", role: "ADMIN" }],
    groups: [] },
  { email: "samordnare@upplandsvasby.example", name: "Nils Åberg", title: "Samordnare, Upplands Väsby",
    memberships: [{ municipality: "upplands-vasby", organisation: "klk-sakerhet", role: "COORDINATOR" }],
    groups: [{ municipality: "upplands-vasby", group: "est-vecko", role: "COORDINATOR" }] },
];

export const EDSBERG_GOALS = [
  "Narkotikafritt centrum",
  "Tryggt torg och trygga platser",
  "Stoppa missbruk och rekrytering till kriminella nätverk",
  "Aktiv och meningsfull fritid",
];

export const POLICE_AGREEMENT_GOALS = [
  "Öka tryggheten i offentliga miljöer",
  "Motverka rekrytering till kriminella nätverk",
  "Utveckla avhopparverksamheten",
  "Utveckla myndighetssamverkan på lokal nivå mot organiserad brottslighet",
];

// The indicators the audit lists per nämnd for "Inga utsatta områden 2030" (no values invented).
export const INDICATORS: { ownerBoard: string; name: string; unit: string; direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER" }[] = [
  { ownerBoard: "Utbildningsnämnden", name: "Inskrivningsgrad i förskolan", unit: "%", direction: "HIGHER_IS_BETTER" },
  { ownerBoard: "Utbildningsnämnden", name: "Elever i årskurs 9 behöriga till yrkesprogram", unit: "%", direction: "HIGHER_IS_BETTER" },
  { ownerBoard: "Vård- och omsorgsnämnden", name: "Upplevd trygghet i kommundelarna", unit: "%", direction: "HIGHER_IS_BETTER" },
  { ownerBoard: "Vård- och omsorgsnämnden", name: "Boende i Edsberg och Tureberg med stöd och hjälp från nämnden", unit: "st", direction: "LOWER_IS_BETTER" },
  { ownerBoard: "Socialnämnden", name: "Andel som känner sig trygga i sitt område kvällstid", unit: "%", direction: "HIGHER_IS_BETTER" },
  { ownerBoard: "Socialnämnden", name: "Andel hushåll med långvarigt ekonomiskt bistånd", unit: "%", direction: "LOWER_IS_BETTER" },
  { ownerBoard: "Socialnämnden", name: "Antal inledda utredningar för barn och unga", unit: "st", direction: "LOWER_IS_BETTER" },
  { ownerBoard: "Kultur- och fritidsnämnden", name: "Antal program/projekt i Tureberg och Edsberg", unit: "st", direction: "HIGHER_IS_BETTER" },
  { ownerBoard: "Kultur- och fritidsnämnden", name: "Antal projekt i samverkan med skolor i utsatta områden", unit: "st", direction: "HIGHER_IS_BETTER" },
  { ownerBoard: "Kultur- och fritidsnämnden", name: "Antal rapporterade incidenter inom EST", unit: "st", direction: "LOWER_IS_BETTER" },
  { ownerBoard: "Miljö- och byggnadsnämnden", name: "Andel upptäckt trångboddhet i flerbostadshus", unit: "%", direction: "LOWER_IS_BETTER" },
  { ownerBoard: "Miljö- och byggnadsnämnden", name: "Tillfällen då annan myndighet informeras om misstänkt brottslig verksamhet", unit: "st", direction: "HIGHER_IS_BETTER" },
  { ownerBoard: "Samhällsbyggnadsnämnden", name: "Upplevd trygghet i kommundelarna (samhällsbyggnad)", unit: "%", direction: "HIGHER_IS_BETTER" },
  { ownerBoard: "Natur- och tekniknämnden", name: "Upplevd trygghet i kommundelarna (natur och teknik)", unit: "%", direction: "HIGHER_IS_BETTER" },
  { ownerBoard: "Kompetens- och arbetsmarknadsnämnden", name: "Andel deltagare från utsatta områden som börjat arbeta eller studera", unit: "%", direction: "HIGHER_IS_BETTER" },
  { ownerBoard: "Kompetens- och arbetsmarknadsnämnden", name: "Andel godkända betyg för studerande från utsatta områden", unit: "%", direction: "HIGHER_IS_BETTER" },
  { ownerBoard: "Kompetens- och arbetsmarknadsnämnden", name: "Andel studerande från utsatta områden", unit: "%", direction: "HIGHER_IS_BETTER" },
];

// The nämnder taking part in the development mission; Stadsbyggnadsnämnden had not yet formulated
// measurable indicators at the time of the audit.
export const MISSION_PARTICIPANTS = [...new Set(INDICATORS.map((i) => i.ownerBoard)), "Stadsbyggnadsnämnden"];

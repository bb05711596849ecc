// What a migration may not do to the record (issue 35, ADR 020). Published lägesbilder, approved
// tertial analyses and law documents, approved minutes, archived PDFs and the access log are
// what a nämnd has been shown: a release may add columns and tables beside them and read old
// snapshots through upgraders (lib/lagesbild/snapshot.ts), but never rewrite, delete or retype
// the stored rows, nor lift the triggers that guard them. tests/unit/frozen-migrations.test.ts
// runs this over every committed migration.

/** Tables that hold frozen documents (drafts share them; a migration cannot tell the two apart). */
export const FROZEN_TABLES = [
  "lagesbild", "lagesbild_area_status", "tertial_analysis", "tertial_comment", "tertial_snapshot_incident", "law_document",
  "meeting", "agenda_item", "decision", "meeting_attendance", "meeting_organisation", "document_archive", "audit_event",
] as const;

/** The trigger functions that keep approved rows read-only. */
export const GUARD_FUNCTIONS = ["meeting_approved_guard", "meeting_part_approved_guard", "document_archive_unchanged", "audit_event_append_only"] as const;

export type FrozenViolation = { statement: string; reason: string };

const name = (n: string) => `(?:"?public"?\\.)?"?${n}"?(?![\\w"])`;
const tables = `(?:${FROZEN_TABLES.map(name).join("|")})`;
const guards = `(?:${GUARD_FUNCTIONS.map(name).join("|")})`;

const RULES: { pattern: RegExp; reason: string }[] = [
  { pattern: new RegExp(`\\bUPDATE\\s+(?:ONLY\\s+)?${tables}`, "i"), reason: "skriver om frysta rader (UPDATE)" },
  { pattern: new RegExp(`\\bDELETE\\s+FROM\\s+(?:ONLY\\s+)?${tables}`, "i"), reason: "tar bort frysta rader (DELETE)" },
  { pattern: new RegExp(`\\bTRUNCATE\\b[^;]*?${tables}`, "i"), reason: "tömmer en tabell med frysta rader (TRUNCATE)" },
  { pattern: new RegExp(`\\bDROP\\s+TABLE\\b[^;]*?${tables}`, "i"), reason: "tar bort en tabell med frysta rader" },
  { pattern: new RegExp(`\\bALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?${tables}[^;]*?\\b(?:DROP\\s+COLUMN|ALTER\\s+(?:COLUMN\\s+)?"?\\w+"?\\s+(?:SET\\s+DATA\\s+)?TYPE|RENAME)\\b`, "i"), reason: "tar bort, byter typ på eller döper om kolumner i frysta rader" },
  { pattern: new RegExp(`\\bALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?${tables}[^;]*?\\bDISABLE\\s+TRIGGER\\b`, "i"), reason: "stänger av skyddet för frysta rader" },
  { pattern: new RegExp(`\\bDROP\\s+TRIGGER\\b[^;]*?\\bON\\s+${tables}`, "i"), reason: "tar bort en trigger på en tabell med frysta rader" },
  { pattern: new RegExp(`\\bDROP\\s+FUNCTION\\b[^;]*?${guards}`, "i"), reason: "tar bort en skyddsfunktion för frysta rader" },
  { pattern: new RegExp(`\\bCREATE\\s+OR\\s+REPLACE\\s+FUNCTION\\s+${guards}`, "i"), reason: "skriver om en skyddsfunktion för frysta rader" },
  { pattern: /\bsession_replication_role\b/i, reason: "kringgår triggrarna som skyddar frysta rader" },
];

/** SQL without its comments, split into statements; a function body ($$ … $$) stays whole. */
function statements(sql: string): string[] {
  const out: string[] = [];
  let current = "";
  let inBody = false;
  for (const line of sql.split("\n")) {
    const code = inBody ? line : line.replace(/--.*$/, "");
    current += `${code}\n`;
    if ((code.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && /;\s*$/.test(code)) {
      out.push(current.trim());
      current = "";
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Every statement of a migration that would rewrite or unguard frozen data, with the reason. */
export function frozenDataViolations(sql: string): FrozenViolation[] {
  return statements(sql).flatMap((statement) => {
    const rule = RULES.find((r) => r.pattern.test(statement));
    return rule ? [{ statement: statement.replace(/\s+/g, " ").slice(0, 160), reason: rule.reason }] : [];
  });
}

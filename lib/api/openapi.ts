// The OpenAPI 3.1 document of /api/v1, made from the zod schemas the routes parse and answer
// with (lib/*/schema.ts, lib/incidents/api-schema.ts), so the document cannot drift from the code
// unnoticed: tests/integration/openapi.int.test.ts validates real answers against it and checks
// that every route file is in it. Changes within v1 are additive only (docs/api.md).
import { z } from "zod";
import { ZApiError, ZQueryErrors } from "./schemas";
import { ZRollup, ZRollupQuery, ZRollupSeries, ZSeriesQuery } from "@/lib/rollups/schema";
import { ZApiIncident, ZIncidentPage, ZIncidentReadQuery, ZIncidentRefused, ZIncidentWritten } from "@/lib/incidents/api-schema";

type Schema = z.ZodType;
type Answer = { description: string; schema?: Schema; csv?: boolean };
type Operation = {
  method: "get" | "post";
  path: string;
  summary: string;
  description: string;
  /** The scopes of which the token needs one; none: no token needed. */
  scopes: string[];
  query?: z.ZodObject;
  body?: Schema;
  answers: Record<number, Answer>;
};

const refused = (description: string): Answer => ({ description, schema: ZApiError });
const TOKEN_ANSWERS = { 401: refused("Nyckel saknas, är okänd eller återkallad."), 403: refused("Nyckeln saknar behörigheten.") };

/** Every operation of /api/v1. A route file without its operation here fails the contract test. */
export const API_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/incidents",
    summary: "Skicka en rapport",
    description: "En händelse från ett verksamhetssystem, med samma regler som en rad i CSV-importen. Organisationen är nyckelns. Samma `external_id` igen uppdaterar rapporten.",
    scopes: ["incidents:write"],
    body: ZApiIncident,
    answers: {
      201: { description: "Ny rapport sparad.", schema: ZIncidentWritten },
      200: { description: "Rapporten med samma external_id uppdaterades.", schema: ZIncidentWritten },
      400: { description: "Ogiltig JSON eller ogiltiga fält; inget sparades.", schema: ZIncidentRefused.or(ZApiError) },
      ...TOKEN_ANSWERS,
      413: refused("Större än 64 kB."),
      415: refused("Content-Type är inte application/json."),
    },
  },
  {
    method: "get",
    path: "/api/v1/incidents",
    summary: "Läs rapporter",
    description:
      "Rapporter i den ordning de senast ändrades, en sida i taget. En rapporteringsnyckel läser sin organisations rapporter, en BI-nyckel alla organisationers i kommunen. Utan fritext och utan rapportör. För löpande synkronisering: spara `updated_at` för den sista raden och börja nästa gång med `since` en minut tidigare (en skrivning som pågår när du läser kan få en tidigare tid); rader känns igen på `id`.",
    scopes: ["incidents:read", "incidents:read-all"],
    query: ZIncidentReadQuery,
    answers: { 200: { description: "En sida rapporter.", schema: ZIncidentPage }, 400: { description: "Ogiltig fråga.", schema: ZQueryErrors }, ...TOKEN_ANSWERS },
  },
  {
    method: "get",
    path: "/api/v1/rollups",
    summary: "Antal för en period",
    description: "Rapporter och händelser för en period i Stockholmstid, med periodens täckning, valfritt per kommundel och kategori. Samma siffror som appen visar.",
    scopes: ["rollups:read"],
    query: ZRollupQuery,
    answers: {
      200: { description: "Antalen.", schema: ZRollup, csv: true },
      400: { description: "Ogiltig fråga.", schema: ZQueryErrors },
      ...TOKEN_ANSWERS,
      404: refused("Kommunen finns inte (eller är inte nyckelns)."),
    },
  },
  {
    method: "get",
    path: "/api/v1/rollups/series",
    summary: "Antal för en följd av perioder",
    description: "Veckor, månader, kvartal, tertialer eller år från `from` till `to` i ett anrop; varje period som `/api/v1/rollups` ger den.",
    scopes: ["rollups:read"],
    query: ZSeriesQuery,
    answers: {
      200: { description: "En rad per period.", schema: ZRollupSeries, csv: true },
      400: { description: "Ogiltig fråga.", schema: ZQueryErrors },
      ...TOKEN_ANSWERS,
      404: refused("Kommunen finns inte (eller är inte nyckelns)."),
    },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "Detta dokument",
    description: "OpenAPI 3.1-beskrivningen av /api/v1.",
    scopes: [],
    answers: { 200: { description: "Dokumentet." } },
  },
];

const COMPONENTS = "#/components/schemas/";

/** A schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), named schemas (`.meta({ id })`) as
 * references to the document's components, where they are written once. */
function jsonSchema(schema: Schema, io: "input" | "output") {
  const { $schema: _, $defs: __, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', `"${COMPONENTS}`)) as Record<string, unknown>;
}

function parameters(query: z.ZodObject) {
  const whole = jsonSchema(query, "input") as { properties: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(whole.properties).map(([name, { description, ...schema }]) => ({ name, in: "query", required: whole.required?.includes(name) ?? false, description, schema }));
}

function operation(op: Operation) {
  return {
    operationId: `${op.method}${op.path.replace("/api/v1", "").replace(/[/.](\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: op.summary,
    description: op.description,
    ...(op.scopes.length ? { security: [{ bearer: op.scopes }], "x-scopes": op.scopes } : { security: [] }),
    ...(op.query ? { parameters: parameters(op.query) } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } } : {}),
    responses: Object.fromEntries(
      Object.entries(op.answers).map(([status, a]) => [
        status,
        {
          description: a.description,
          ...(a.schema
            ? { content: { "application/json": { schema: jsonSchema(a.schema, "output") }, ...(a.csv ? { "text/csv": { schema: { type: "string" } } } : {}) } }
            : { content: { "application/json": { schema: { type: "object" } } } }),
        },
      ]),
    ),
  };
}

let made: Record<string, unknown> | undefined;

/** The document, made once per process. */
export function openApiDocument(): Record<string, unknown> {
  if (made) return made;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  // The named schemas (`.meta({ id })`) once, under components; the operations refer to them.
  const { schemas } = z.toJSONSchema(z.globalRegistry, { target: "draft-2020-12", uri: (id: string) => `${COMPONENTS}${id}`, unrepresentable: "any" }) as { schemas: Record<string, Record<string, unknown>> };
  made = {
    openapi: "3.1.0",
    info: {
      title: "EST – Effektiv samordning för trygghet",
      version: "1",
      description:
        "Rapporter in och antal ut, för en kommun. Alla tider är ögonblick i UTC; perioder räknas i Stockholmstid (ISO-veckor, tertial jan–apr, maj–aug, sep–dec). Ändringar inom v1 är bara tillägg: nya fält, nya parametrar med standardvärde, nya vägar. Inget fält byter namn, typ eller betydelse.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _, $id: __, ...s }]) => [id, s])),
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description:
            "En API-nyckel (`est_…`) som en administratör skapar under Administration → API-nycklar. Behörigheter: `incidents:write` skicka rapporter, `incidents:read` läsa organisationens rapporter, `incidents:read-all` läsa alla organisationers rapporter i kommunen, `rollups:read` läsa antal.",
        },
      },
    },
  };
  return made;
}

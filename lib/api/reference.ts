import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { DomainError } from "@/lib/errors";
import { API_OPERATIONS, openApiDocument } from "./openapi";

type JsonSchema = { $ref?: string; type?: string; format?: string; enum?: unknown[]; anyOf?: JsonSchema[]; items?: JsonSchema; properties?: Record<string, JsonSchema>; required?: string[]; description?: string; example?: unknown; maximum?: number; maxLength?: number };
type Field = { name: string; type: string; required: boolean; description: string; example: string };

const refName = (ref: string) => ref.split("/").at(-1)!;

/** A schema's type as a reader wants it: `string (date-time)`, `"json" | "csv"`, `IncidentOut[]`. */
function typeOf(s: JsonSchema): string {
  if (s.$ref) return refName(s.$ref);
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.type === "array" && s.items) return `${typeOf(s.items)}[]`;
  const limit = s.maxLength ? `, ≤ ${s.maxLength} tecken` : s.type === "integer" && s.maximum && s.maximum < 1e9 ? `, ≤ ${s.maximum}` : "";
  return `${s.type ?? "valfri"}${s.format ? ` (${s.format})` : ""}${limit}`;
}

const fieldsOf = (s: JsonSchema): Field[] =>
  Object.entries(s.properties ?? {}).map(([name, p]) => ({
    name,
    type: typeOf(p),
    required: s.required?.includes(name) ?? false,
    description: p.description ?? "",
    example: p.example === undefined ? "" : String(p.example),
  }));

/**
 * The API reference for admins, read from the OpenAPI document itself (never written twice):
 * each operation with its scopes, parameters, body and answers, and the named schemas' fields.
 */
export function apiReference(viewer: Viewer, municipalityId: string) {
  if (!can(viewer, "apiToken:manage", { municipalityId })) throw new DomainError("NOT_FOUND", "Sidan finns inte.");
  const doc = openApiDocument() as {
    info: { description: string };
    paths: Record<string, Record<string, { parameters?: { name: string; required: boolean; description?: string; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }> }>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  const operations = API_OPERATIONS.map((op) => {
    const o = doc.paths[op.path]![op.method]!;
    const body = o.requestBody?.content["application/json"]?.schema;
    return {
      id: `${op.method}-${op.path}`.replace(/[^a-z0-9]+/gi, "-"),
      method: op.method.toUpperCase(),
      path: op.path,
      summary: op.summary,
      description: op.description,
      scopes: op.scopes,
      parameters: (o.parameters ?? []).map((p) => ({ name: p.name, type: typeOf(p.schema), required: p.required, description: p.description ?? "", example: p.schema.example === undefined ? "" : String(p.schema.example) })),
      body: body ? typeOf(body) : null,
      answers: Object.entries(o.responses).map(([status, r]) => ({
        status,
        description: r.description,
        types: Object.entries(r.content ?? {}).map(([type, c]) => `${type}${c.schema.$ref || c.schema.anyOf ? `: ${typeOf(c.schema)}` : ""}`),
      })),
    };
  });
  const schemas = Object.entries(doc.components.schemas).map(([name, s]) => ({ name, description: s.description ?? "", fields: fieldsOf(s) }));
  return { about: doc.info.description, operations, schemas };
}

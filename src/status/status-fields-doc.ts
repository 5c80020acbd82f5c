import { z } from "zod";
import { taskStatusSchema } from "./status-schema.js";

/** The subset of JSON Schema that `z.toJSONSchema` produces for the status document. */
interface JsonSchemaNode {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  anyOf?: JsonSchemaNode[];
  description?: string;
}

/** Enums longer than this are listed in the description instead of the type column. */
const INLINE_ENUM_MAX = 3;

function typeText(node: JsonSchemaNode): string {
  if (node.anyOf) return node.anyOf.map(typeText).join(" | ");
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum)
    return node.enum.length <= INLINE_ENUM_MAX ? node.enum.map((v) => JSON.stringify(v)).join(" | ") : "enum";
  if (node.format === "date-time") return "ISO-8601 UTC";
  if (node.format === "uri") return "URL";
  if (node.type === "array") return `${node.items ? typeText(node.items) : "unknown"}[]`;
  if (Array.isArray(node.type)) return node.type.join(" | ");
  return node.type ?? "any";
}

function enumValues(node: JsonSchemaNode): unknown[] | undefined {
  if (node.enum) return node.enum;
  return node.anyOf?.find((n) => n.enum)?.enum;
}

function rows(node: JsonSchemaNode, prefix: string): string[] {
  const out: string[] = [];
  for (const [name, raw] of Object.entries(node.properties ?? {})) {
    const field = `${prefix}${name}${node.required?.includes(name) ? "" : "?"}`;
    const objectNode = raw.properties ? raw : raw.anyOf?.find((n) => n.properties);
    const values = enumValues(raw);
    let description = raw.description ?? "";
    if (values && values.length > INLINE_ENUM_MAX) {
      description += ` One of ${values.map((v) => `\`${String(v)}\``).join(", ")}.`;
    }
    const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
    out.push(`| \`${field}\` | ${cell(typeText(raw))} | ${cell(description)} |`);
    if (objectNode) out.push(...rows(objectNode, `${prefix}${name}.`));
  }
  return out;
}

/**
 * The README's status-document table, generated from the schema's own field descriptions so the
 * documentation cannot drift from what is validated. Nested fields appear as `parent.child`; optional
 * fields end in `?`.
 */
export const STATUS_FIELDS_DOC: string = [
  "| Field | Type | Meaning |",
  "|---|---|---|",
  ...rows(z.toJSONSchema(taskStatusSchema, { io: "input", unrepresentable: "any" }) as JsonSchemaNode, ""),
].join("\n");

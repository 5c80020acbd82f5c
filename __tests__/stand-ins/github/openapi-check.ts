/**
 * Keeps the stand-in honest: every request it receives and every JSON response it sends is validated
 * with ajv against GitHub's OpenAPI description (the subset `scripts/extract-openapi.mjs` extracts).
 * Mismatches are returned as ajv errors; the server records them as violations for tests to assert on.
 */
import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: Record<string, unknown>;
}

/** One operation of the extracted subset (see scripts/extract-openapi.mjs for the format). */
export interface OperationSpec {
  method: string;
  path: string;
  documentationUrl: string;
  parameters: ParameterSpec[];
  requestBody: { required: boolean; schema: Record<string, unknown> } | null;
  /** By status code; `schema: null` declares a response without a JSON body. */
  responses: Record<string, { schema: Record<string, unknown> | null }>;
}

interface Subset {
  operations: Record<string, OperationSpec>;
  $defs: Record<string, unknown>;
}

/** The operation a request maps to, with its path parameters. */
export interface RouteMatch {
  operationId: string;
  params: Record<string, string>;
}

/** ajv's id for the shared `$defs` document; operation schemas point into it. */
const DEFS_ID = "github-openapi-defs";
/** Formats ajv-formats knows, used by GitHub's description; any other format is treated as annotation. */
const KNOWN_FORMATS = new Set(["uri", "date-time", "email", "date", "uuid", "hostname", "ipv4", "ipv6"]);

function loadSubset(): Subset {
  return JSON.parse(readFileSync(new URL("./openapi-subset.json", import.meta.url), "utf8")) as Subset;
}

function collectFormats(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) collectFormats(item, into);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "format" && typeof value === "string") into.add(value);
      else collectFormats(value, into);
    }
  }
  return into;
}

function createAjv(subset: Subset, coerceTypes: boolean): Ajv2020 {
  // Union types are how OpenAPI's `nullable` was converted; strictTypes would complain about them.
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false, allowUnionTypes: true, coerceTypes });
  addFormats.default(ajv);
  for (const format of collectFormats(subset, new Set())) {
    // GitHub's own formats (int64, repo.nwo, …) carry no checkable rule for us.
    if (!KNOWN_FORMATS.has(format)) ajv.addFormat(format, true);
  }
  ajv.addSchema({ $id: DEFS_ID, $defs: subset.$defs });
  return ajv;
}

/** Operation schemas say `#/$defs/x` (relative to the subset file); compile them against the defs document. */
function pointAtDefs(schema: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', `"${DEFS_ID}#/$defs/`)) as Record<
    string,
    unknown
  >;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface CompiledRoute {
  operationId: string;
  method: string;
  pattern: RegExp;
  names: string[];
  literalSegments: number;
}

/** Routes requests to OpenAPI operations and validates what crosses the wire. */
export class OpenApiCheck {
  readonly operations: ReadonlyMap<string, OperationSpec>;
  private readonly ajv: Ajv2020;
  private readonly queryAjv: Ajv2020;
  private readonly routes: CompiledRoute[];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    const subset = loadSubset();
    this.operations = new Map(Object.entries(subset.operations));
    this.ajv = createAjv(subset, false);
    // Query values arrive as strings; coercion lets `per_page=100` satisfy `type: integer`.
    this.queryAjv = createAjv(subset, true);
    this.routes = [...this.operations].map(([operationId, op]) => compileRoute(operationId, op));
    // More literal segments first, so `/issues/comments/{id}` wins over `/issues/{n}/…` lookalikes.
    this.routes.sort((a, b) => b.literalSegments - a.literalSegments);
  }

  operation(operationId: string): OperationSpec {
    const op = this.operations.get(operationId);
    if (!op) throw new Error(`operation ${operationId} is not in openapi-subset.json; re-run the extractor`);
    return op;
  }

  /** Finds the operation for a method and path; integer path parameters only match digits. */
  match(method: string, pathname: string): RouteMatch | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? "");
      });
      return { operationId: route.operationId, params };
    }
    return undefined;
  }

  /** Validates the query string and JSON body of a request; returns ajv errors (empty when valid). */
  checkRequest(operationId: string, query: URLSearchParams, body: unknown): ErrorObject[] {
    const op = this.operation(operationId);
    const errors: ErrorObject[] = [];
    const queryValidate = this.compile(`${operationId} query`, this.queryAjv, querySchema(op));
    const queryObject = Object.fromEntries(query.entries());
    if (!queryValidate(queryObject)) errors.push(...prefix(queryValidate.errors, "/query"));
    if (op.requestBody === null) {
      if (body !== undefined) errors.push(customError("/body", "operation takes no request body"));
    } else if (body === undefined) {
      if (op.requestBody.required) errors.push(customError("/body", "request body is required"));
    } else {
      const validate = this.compile(`${operationId} request`, this.ajv, op.requestBody.schema);
      if (!validate(body)) errors.push(...(validate.errors ?? []));
    }
    return errors;
  }

  /**
   * Validates a response body against the schema for its status. Error statuses the operation does not
   * declare (401, 403 rate limits, 5xx) are checked against GitHub's generic error schemas, since the
   * description omits them from most operations although GitHub sends them everywhere.
   */
  checkResponse(operationId: string, status: number, body: unknown): ErrorObject[] {
    const op = this.operation(operationId);
    const declared = op.responses[String(status)];
    let schema: Record<string, unknown> | null;
    if (declared) schema = declared.schema;
    else if (status >= 400)
      schema = { $ref: `#/$defs/${status === 422 ? "validation-error" : "basic-error"}` };
    else return [customError("", `status ${status} is not declared for ${operationId}`)];
    if (schema === null) {
      return body === undefined ? [] : [customError("", `status ${status} of ${operationId} has no body`)];
    }
    if (body === undefined) return [customError("", `status ${status} of ${operationId} needs a JSON body`)];
    const validate = this.compile(`${operationId} ${status}`, this.ajv, schema);
    return validate(body) ? [] : [...(validate.errors ?? [])];
  }

  private compile(key: string, ajv: Ajv2020, schema: Record<string, unknown>): ValidateFunction {
    let validate = this.cache.get(key);
    if (!validate) {
      validate = ajv.compile(pointAtDefs(schema));
      this.cache.set(key, validate);
    }
    return validate;
  }
}

function compileRoute(operationId: string, op: OperationSpec): CompiledRoute {
  const names: string[] = [];
  let literalSegments = 0;
  const source = op.path
    .split("/")
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param?.[1]) {
        if (segment !== "") literalSegments++;
        return escapeRegExp(segment);
      }
      const name = param[1];
      names.push(name);
      const spec = op.parameters.find((p) => p.in === "path" && p.name === name);
      return spec?.schema.type === "integer" ? "(\\d+)" : "([^/]+)";
    })
    .join("/");
  return { operationId, method: op.method, pattern: new RegExp(`^${source}$`), names, literalSegments };
}

/** Query parameters as an object schema; unknown names are violations (GitHub would silently ignore a typo). */
function querySchema(op: OperationSpec): Record<string, unknown> {
  const query = op.parameters.filter((p) => p.in === "query");
  return {
    type: "object",
    properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
    required: query.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
}

function prefix(errors: ErrorObject[] | null | undefined, path: string): ErrorObject[] {
  return (errors ?? []).map((e) => ({ ...e, instancePath: `${path}${e.instancePath}` }));
}

function customError(instancePath: string, message: string): ErrorObject {
  return { instancePath, schemaPath: "", keyword: "stand-in", params: {}, message };
}

/**
 * Renders the first request-body error the way GitHub's schema validation words it, e.g.
 * `Invalid request.\n\n"title" wasn't supplied.` or `For 'properties/sub_issue_id', "1" is not an integer.`
 */
export function describeRequestErrors(errors: ErrorObject[], body: unknown): string {
  const first = errors[0];
  if (!first) return "Invalid request.";
  if (first.keyword === "required") {
    return `Invalid request.\n\n"${String(first.params.missingProperty)}" wasn't supplied.`;
  }
  const pointer = first.instancePath.split("/").filter(Boolean);
  const where = pointer.map((p) => `properties/${p}`).join("/") || "body";
  const value = pointer.reduce<unknown>(
    (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
    body,
  );
  if (first.keyword === "type") {
    const type = String(first.params.type);
    const article = /^[aeiou]/.test(type) ? "an" : "a";
    return `Invalid request.\n\nFor '${where}', ${JSON.stringify(value)} is not ${article} ${type}.`;
  }
  return `Invalid request.\n\nFor '${where}', ${JSON.stringify(value)} ${first.message ?? "is invalid"}.`;
}

import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Contract checks against Microsoft's OpenAPI description of the Graph v1.0 subset the product
 * calls (`../shared/graph/graph-v1-subset.openapi.json`, relative to the project root).
 *
 * - `validateResponse(method, concretePath, status, body)` and `validateRequestBody(method,
 *   concretePath, body)` return readable error strings; an empty array means valid.
 * - A concrete path ("/v1.0/sites/host,guid,guid/lists/People/items?$top=5") is matched to the
 *   document's templates ("/sites/{site-id}/lists/{list-id}/items"); the literal-richest match wins.
 * - The document writes success responses as `2XX`: any 2xx status uses it; other statuses use
 *   their own entry or `default` (Graph's OData error).
 * - `@odata.*` annotations are removed before validation (the document declares few of them,
 *   though Graph sends them); unknown properties are allowed (the schemas say
 *   `additionalProperties: true`).
 * - Schemas compile lazily, once each: the document is about 900 KB.
 *
 * Where the document is absent (a clone without ../shared), `openApiAvailable` is false and
 * `describeContract` skips its tests with a message saying why.
 */

export const OPENAPI_FILE = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  'shared',
  'graph',
  'graph-v1-subset.openapi.json',
);
export const openApiAvailable: boolean = fs.existsSync(OPENAPI_FILE);
export const openApiSkipReason = `OpenAPI contract tests skipped: ${path.join('..', 'shared', 'graph', path.basename(OPENAPI_FILE))} is absent (it is not part of the project; see the README's test section).`;

type Json = Record<string, unknown>;
interface OpenApiDoc {
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
}
interface Operation {
  requestBody?: Json;
  responses?: Record<string, Json>;
}
export interface MatchedOperation {
  template: string;
  method: string;
  operation: Operation;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const DOC_ID = 'graph-v1-subset';

let doc: OpenApiDoc | undefined;
let ajv: Ajv | undefined;
let templates: { template: string; segments: string[]; literals: number }[] | undefined;
const compiled = new Map<string, ValidateFunction>();

function load(): { doc: OpenApiDoc; ajv: Ajv } {
  if (!openApiAvailable) throw new Error(openApiSkipReason);
  if (!doc || !ajv) {
    doc = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8')) as OpenApiDoc;
    // optimize: false compiles about a fifth faster; these validators run a few times each.
    ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false,
      validateFormats: true,
      code: { optimize: false },
    });
    addFormats(ajv);
    // OpenAPI numeric formats that ajv-formats does not define: the JSON type already checks them.
    for (const f of ['int16', 'int32', 'int64', 'double', 'float', 'decimal', 'byte', 'binary', 'sbyte'])
      ajv.addFormat(f, true);
    ajv.addFormat('base64url', /^[A-Za-z0-9_=-]*$/);
    // ISO 8601 durations (PT1H, P1D...) and Edm.TimeOfDay ("09:00:00.0000000", no offset).
    ajv.addFormat('duration', /^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?!$)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/);
    ajv.addFormat('time', /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,7})?)?$/);
    // The whole document is registered once; each $ref below compiles only what it reaches.
    ajv.addSchema(doc as unknown as Json, DOC_ID);
  }
  return { doc, ajv };
}

/** The path below the Graph version, without query string: "/sites/x/lists". */
export function graphPath(concretePath: string): string {
  let p = concretePath.replace(/^https?:\/\/[^/]+/i, '');
  p = p.split('?')[0] ?? p;
  p = p.replace(/^\/(v1\.0|beta)(?=\/|$)/i, '');
  if (!p.startsWith('/')) p = `/${p}`;
  return p.length > 1 ? p.replace(/\/$/, '') : p;
}

function splitSegments(p: string): string[] {
  return p.split('/').slice(1);
}

/** The documented operation for a concrete request, or undefined when the subset does not describe it. */
export function findOperation(method: string, concretePath: string): MatchedOperation | undefined {
  const { doc } = load();
  templates ??= Object.keys(doc.paths).map((template) => {
    const segments = splitSegments(template);
    return { template, segments, literals: segments.filter((s) => !/^\{.+\}$/.test(s)).length };
  });
  const segments = splitSegments(graphPath(concretePath)).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const m = method.toLowerCase();
  const candidates = templates
    .filter(
      (t) =>
        t.segments.length === segments.length &&
        t.segments.every((s, i) => /^\{.+\}$/.test(s) || s.toLowerCase() === segments[i]!.toLowerCase()),
    )
    .sort((a, b) => b.literals - a.literals);
  for (const c of candidates) {
    const item = doc.paths[c.template]!;
    const op = item[m];
    if (HTTP_METHODS.has(m) && op && typeof op === 'object')
      return { template: c.template, method: m, operation: op as Operation };
  }
  return undefined;
}

export const hasOperation = (method: string, concretePath: string): boolean =>
  findOperation(method, concretePath) !== undefined;

/** Follows a "#/components/..." $ref inside the document (responses, requestBodies). */
function deref(node: Json): Json {
  const { doc } = load();
  let current = node;
  for (let guard = 0; typeof current.$ref === 'string' && guard < 10; guard++) {
    const parts = current.$ref.replace(/^#\//, '').split('/');
    let target: unknown = doc;
    for (const part of parts)
      target = (target as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!target || typeof target !== 'object') throw new Error(`Unresolvable $ref ${current.$ref}`);
    current = target as Json;
  }
  return current;
}

function jsonSchemaOf(node: Json | undefined): Json | undefined {
  if (!node) return undefined;
  const content = deref(node).content as Record<string, Json> | undefined;
  if (!content) return undefined;
  const json =
    content['application/json'] ??
    Object.entries(content).find(([type]) => type.toLowerCase().startsWith('application/json'))?.[1];
  return json?.schema as Json | undefined;
}

/** Compiles a schema node from the document once; `key` identifies it (its JSON pointer). */
function validatorFor(key: string, schema: Json): ValidateFunction {
  const { ajv } = load();
  let v = compiled.get(key);
  if (!v) {
    // Local "#/components/..." refs inside the node must resolve against the document.
    const rebased = JSON.parse(
      JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${DOC_ID}#/`),
    ) as Json;
    v = ajv.compile(rebased);
    compiled.set(key, v);
  }
  return v;
}

/** A copy without "@odata.*" annotations, at any depth. */
export function withoutAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAnnotations);
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json))
      if (!k.startsWith('@odata.')) out[k] = withoutAnnotations(v);
    return out;
  }
  return value;
}

function describeErrors(errors: ErrorObject[] | null | undefined, where: string): string[] {
  if (!errors?.length) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of errors) {
    const params =
      e.keyword === 'enum'
        ? ` (allowed: ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)})`
        : e.keyword === 'additionalProperties'
          ? ` (${String((e.params as { additionalProperty: string }).additionalProperty)})`
          : '';
    const line = `${where}${e.instancePath || ''} ${e.message ?? e.keyword}${params} [schema ${e.schemaPath}]`;
    if (!seen.has(line)) {
      seen.add(line);
      out.push(line);
    }
  }
  return out;
}

function responseFor(op: Operation, status: number): { key: string; response: Json } | undefined {
  const responses = op.responses ?? {};
  const exact = responses[String(status)];
  if (exact) return { key: String(status), response: exact };
  const klass = `${String(status)[0]}XX`;
  const range = responses[klass] ?? responses[klass.toLowerCase()];
  if (range) return { key: klass, response: range };
  if (responses.default) return { key: 'default', response: responses.default };
  return undefined;
}

/**
 * Checks a response body against the documented response for this status.
 * Returns readable errors; empty when valid.
 */
export function validateResponse(
  method: string,
  concretePath: string,
  status: number,
  body: unknown,
): string[] {
  const match = findOperation(method, concretePath);
  const label = `${method.toUpperCase()} ${graphPath(concretePath)}`;
  if (!match) return [`${label}: no such operation in the OpenAPI subset`];
  const r = responseFor(match.operation, status);
  if (!r) return [`${label}: status ${status} is not documented for ${match.template}`];
  const schema = jsonSchemaOf(r.response);
  if (!schema) {
    // e.g. "204 No Content": the document describes no body.
    return body === undefined || body === null || body === ''
      ? []
      : [`${label} ${status}: no body is documented, got one`];
  }
  const v = validatorFor(`${match.template} ${match.method} response ${r.key}`, schema);
  v(withoutAnnotations(body));
  return describeErrors(v.errors, `${label} ${status} body`);
}

/**
 * Checks a value against one of the document's component schemas (e.g. "microsoft.graph.calendar"),
 * for answers whose operation is outside the subset but whose type is in it. Empty when valid.
 */
export function validateSchema(componentName: string, body: unknown): string[] {
  const { doc } = load();
  if (!doc.components.schemas?.[componentName])
    return [`${componentName}: no such schema in the OpenAPI subset`];
  const v = validatorFor(`schema ${componentName}`, {
    $ref: `#/components/schemas/${componentName.replace(/~/g, '~0').replace(/\//g, '~1')}`,
  });
  v(withoutAnnotations(body));
  return describeErrors(v.errors, componentName);
}

export interface RequestValidationOptions {
  /**
   * Match top-level property names without regard to case. The document spells action parameters
   * with the casing of Graph's data model (`Schedules`, `StartTime`) while Microsoft's docs and SDK
   * send camelCase, which Graph accepts.
   */
  ignorePropertyCase?: boolean;
}

/** Checks a request body against the documented request body. Returns readable errors; empty when valid. */
export function validateRequestBody(
  method: string,
  concretePath: string,
  body: unknown,
  options: RequestValidationOptions = {},
): string[] {
  const match = findOperation(method, concretePath);
  const label = `${method.toUpperCase()} ${graphPath(concretePath)}`;
  if (!match) return [`${label}: no such operation in the OpenAPI subset`];
  const schema = jsonSchemaOf(match.operation.requestBody);
  if (!schema) return [`${label}: no JSON request body is documented for ${match.template}`];
  let value = withoutAnnotations(body);
  if (options.ignorePropertyCase && value && typeof value === 'object' && !Array.isArray(value)) {
    const declared = Object.keys((deref(schema).properties as Json | undefined) ?? {});
    const byLower = new Map(declared.map((k) => [k.toLowerCase(), k]));
    value = Object.fromEntries(
      Object.entries(value as Json).map(([k, v]) => [byLower.get(k.toLowerCase()) ?? k, v]),
    );
  }
  const v = validatorFor(`${match.template} ${match.method} request`, schema);
  v(value);
  return describeErrors(v.errors, `${label} request body`);
}

let skipNoticeShown = false;
/**
 * `describe` for contract tests: when ../shared/graph is absent the block is skipped, and jest
 * reports one skipped test whose name says why.
 */
export function describeContract(name: string, fn: () => void): void {
  if (openApiAvailable) {
    // The first check of a large entity (a site reaches drives, lists, items...) compiles for
    // seconds on a busy machine: give the file's hooks and tests room.
    jest.setTimeout(60_000);
    describe(name, fn);
    return;
  }
  if (!skipNoticeShown) {
    skipNoticeShown = true;
    console.warn(openApiSkipReason);
  }
  describe(name, () => {
    it.skip(openApiSkipReason, () => undefined);
  });
}

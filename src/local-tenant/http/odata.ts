import { GraphError, badRequest } from './errors';
import { GRAPH_PROPERTIES, type GraphTypeName } from './properties';
import type { RouteRequest, TenantResponse } from './types';

/** "@odata.context" as Graph writes it, e.g. `${graphBase}/$metadata#users/$entity`. */
export const contextUrl = (req: RouteRequest, fragment: string) =>
  `${req.ctx.graphBase}/$metadata#${fragment}`;

/**
 * Applies $select to one entity. Kept: the selected properties (with their own annotations,
 * "name@odata.type"), those named in `keep` (expanded navigation properties, e.g. "fields"),
 * "@odata.*" annotations, and the id, which Graph always returns. Other instance annotations
 * only when selected by name ("content.downloadUrl" selects "@microsoft.graph.downloadUrl").
 * With a `type`, a name the type does not have is Graph's 400.
 */
export function applySelect<T extends object>(
  entity: T,
  $select: string | null | undefined,
  options: { keep?: string[]; type?: GraphTypeName } = {},
): Partial<T> {
  const terms = selectTerms($select, options.type);
  if (!terms) return entity;
  const wanted = new Set([...terms, ...(options.keep ?? [])].map((s) => s.toLowerCase()));
  if (wanted.has('*')) return entity;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entity)) {
    const lower = k.toLowerCase();
    const owner = lower.split('@')[0]!;
    if (lower.startsWith('@odata.') || wanted.has(lower) || (owner !== '' && wanted.has(owner))) out[k] = v;
    else if (lower === '@microsoft.graph.downloadurl' && wanted.has('content.downloadurl')) out[k] = v;
  }
  if ('id' in entity) out.id = (entity as { id: unknown }).id;
  return out as Partial<T>;
}

/**
 * The names a $select lists (undefined: none given). With a type, each must be one of its
 * properties ("*", instance annotations and qualified names such as "content.downloadUrl" pass).
 */
export function selectTerms($select: string | null | undefined, type?: GraphTypeName): string[] | undefined {
  if (!$select) return undefined;
  const terms = $select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (type) {
    const known = new Set<string>(GRAPH_PROPERTIES[type].map((p) => p.toLowerCase()));
    for (const term of terms)
      if (term !== '*' && !term.includes('.') && !term.startsWith('@') && !known.has(term.toLowerCase()))
        throw unknownProperty(term, type);
  }
  return terms;
}

/** Graph's answer to a $select or $expand naming a property the type does not have. */
export const unknownProperty = (name: string, type: string) =>
  badRequest(
    `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type '${type.includes('.') ? type : `microsoft.graph.${type}`}'.`,
    'BadRequest',
  );

/** $select from the request's query, applied to one entity (see applySelect). */
export function select<T extends object>(
  req: RouteRequest,
  entity: T,
  options: { keep?: string[]; type?: GraphTypeName } = {},
): Partial<T> {
  return applySelect(entity, req.query.get('$select'), options);
}

export function entityResponse(
  req: RouteRequest,
  fragment: string,
  entity: object,
  status = 200,
  type?: GraphTypeName,
): TenantResponse {
  return { status, body: { '@odata.context': contextUrl(req, fragment), ...select(req, entity, { type }) } };
}

/**
 * `$top` as OData reads it: a non-negative decimal integer ("0x10", "1e2", "5.0", "" are 400).
 * `code` is the error code the API in question sends.
 */
export function parseTop(text: string | null, code = 'BadRequest'): number | undefined {
  if (text === null) return undefined;
  if (!/^\d{1,9}$/.test(text))
    throw badRequest(
      `Invalid value '${text}' for $top query option found. The $top query option requires a non-negative integer value.`,
      code,
    );
  return Number(text);
}

/** How a collection addresses its next page in `@odata.nextLink`. */
export type PageAddressing =
  /** Directory and list APIs: an opaque `$skiptoken`, option names written literally ("?$top=5&$skiptoken=..."). */
  | 'skiptoken'
  /** SharePoint-backed drives: a `$skiptoken` holding SharePoint's paging position, the query percent-encoded. */
  | 'sharepoint'
  /** Outlook: `$skip=N` ("@odata.nextLink": ".../me/calendar/events?$skip=10": microsoft-graph-docs issue #4282). */
  | 'skip';

export interface PageOptions {
  defaultTop: number;
  maxTop: number;
  /** The smallest $top the API takes (0 or 1). Default 0. */
  minTop?: number;
  /** Above maxTop the page is capped, unless this gives the error the API sends instead. */
  tooLarge?: (top: number) => GraphError;
  /** Error code for an invalid $top, $skip or $skiptoken. Default 'BadRequest'. */
  errorCode?: string;
  addressing?: PageAddressing;
  /** $select applied to each value (keep: expanded navigation properties); false when the values are already shaped. */
  select?: { keep?: string[]; type?: GraphTypeName } | false;
  headers?: Record<string, string>;
}

/**
 * The one pager: a page of a collection with Graph's server-driven paging, `$top` (minTop..maxTop),
 * `$count=true`, and `@odata.nextLink` repeating the caller's other query options.
 */
export function pagedResponse(
  req: RouteRequest,
  fragment: string,
  items: object[],
  opts: PageOptions,
): TenantResponse {
  const code = opts.errorCode ?? 'BadRequest';
  const addressing = opts.addressing ?? 'skiptoken';
  const selectOptions = opts.select === false ? undefined : (opts.select ?? {});
  // Checked even when the page is empty: a wrong name is an error whatever the data.
  if (selectOptions) selectTerms(req.query.get('$select'), selectOptions.type);
  let top = parseTop(req.query.get('$top'), code) ?? opts.defaultTop;
  if (top < (opts.minTop ?? 0)) throw badRequest(`Invalid value '${top}' for $top query option found.`, code);
  if (top > opts.maxTop && opts.tooLarge) throw opts.tooLarge(top);
  top = Math.min(top, opts.maxTop);
  const skip = pagePosition(req, addressing, code);
  const page = items.slice(skip, skip + top);
  const body: Record<string, unknown> = { '@odata.context': contextUrl(req, fragment) };
  if (req.query.get('$count') === 'true') body['@odata.count'] = items.length;
  if (top > 0 && skip + top < items.length) {
    const next = new URLSearchParams(req.query);
    if (addressing === 'skip') next.set('$skip', String(skip + top));
    else
      next.set(
        '$skiptoken',
        Buffer.from(`${SKIP_TOKEN_PREFIX[addressing]}${skip + top}`).toString('base64url'),
      );
    const query = addressing === 'sharepoint' ? next.toString() : next.toString().replace(/%24/g, '$');
    body['@odata.nextLink'] = `${req.ctx.graphBase}${req.path}?${query}`;
  }
  body.value = selectOptions ? page.map((e) => select(req, e, selectOptions)) : page;
  return { status: 200, ...(opts.headers ? { headers: opts.headers } : {}), body };
}

const SKIP_TOKEN_PREFIX = { skiptoken: 'skip:', sharepoint: 'Paged=TRUE&p_ID=' } as const;

function pagePosition(req: RouteRequest, addressing: PageAddressing, code: string): number {
  if (addressing === 'skip') {
    const text = req.query.get('$skip');
    if (text === null) return 0;
    if (!/^\d{1,9}$/.test(text)) throw badRequest(`Invalid value '${text}' for $skip query option.`, code);
    return Number(text);
  }
  const token = req.query.get('$skiptoken');
  if (!token) return 0;
  const prefix = SKIP_TOKEN_PREFIX[addressing];
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  const m = decoded.startsWith(prefix) ? /^(\d+)$/.exec(decoded.slice(prefix.length)) : null;
  if (!m) throw badRequest('The $skiptoken is invalid or has expired.', code);
  return Number(m[1]);
}

// ---------------------------------------------------------------------------------------------
// $filter: the subset Graph's list item and directory queries use.
//   comparisons  eq ne lt gt le ge          logical  and or not, parentheses
//   functions    startswith(property, 'text')
//   literals     'text' (a quote doubled inside), numbers, true, false, null,
//                unquoted date-times (2026-03-01T09:00:00Z)
//   properties   name or a path: fields/PersonRole
// Anything else is a 400 as Graph sends it ("Invalid filter clause").
// ---------------------------------------------------------------------------------------------

export type FilterLiteral = string | number | boolean | null;
export type FilterOperand = { kind: 'property'; path: string[] } | { kind: 'literal'; value: FilterLiteral };
export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';
export type FilterExpression =
  | { kind: 'compare'; op: ComparisonOperator; left: FilterOperand; right: FilterOperand }
  | { kind: 'startswith'; target: FilterOperand; prefix: FilterOperand }
  | { kind: 'and' | 'or'; left: FilterExpression; right: FilterExpression }
  | { kind: 'not'; operand: FilterExpression };

type Token =
  | { t: 'ident'; v: string }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'datetime'; v: string }
  | { t: '(' | ')' | ',' };

const COMPARISONS = new Set(['eq', 'ne', 'lt', 'gt', 'le', 'ge']);
const invalidFilter = (detail: string, code = 'BadRequest') =>
  new GraphError(400, code, `Invalid filter clause: ${detail}`);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c });
      i++;
    } else if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= text.length) throw invalidFilter('unterminated string literal.');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += text[i++];
      }
      tokens.push({ t: 'string', v });
    } else {
      const rest = text.slice(i);
      const dt = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/.exec(rest);
      const num = /^-?\d+(\.\d+)?(?![\w-])/.exec(rest);
      const ident = /^[A-Za-z_@$][\w./@$-]*/.exec(rest);
      if (dt) {
        tokens.push({ t: 'datetime', v: dt[0] });
        i += dt[0].length;
      } else if (num) {
        tokens.push({ t: 'number', v: Number(num[0]) });
        i += num[0].length;
      } else if (ident) {
        tokens.push({ t: 'ident', v: ident[0] });
        i += ident[0].length;
      } else {
        throw invalidFilter(`syntax error at position ${i} in '${text}'.`);
      }
    }
  }
  return tokens;
}

/** The most nodes (comparisons, functions, and/or/not, parentheses) one $filter may hold. */
export const MAX_FILTER_NODES = 100;

/** Parses a $filter expression; throws Graph's 400 for syntax outside the subset. */
export function parseFilter(text: string, errorCode = 'BadRequest'): FilterExpression {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (err) {
    if (err instanceof GraphError)
      throw invalidFilter(err.message.replace(/^Invalid filter clause: /, ''), errorCode);
    throw err;
  }
  let pos = 0;
  // Graph's OData validation caps a query's nodes (MaxNodeCount, 100 by default); the cap also keeps
  // a deeply nested filter from overflowing this recursive parser and the evaluator's stack.
  let nodes = 0;
  const node = () => {
    if (++nodes > MAX_FILTER_NODES) fail(`the node count limit of '${MAX_FILTER_NODES}' has been exceeded.`);
  };
  const peek = () => tokens[pos];
  const isWord = (tok: Token | undefined, word: string) => tok?.t === 'ident' && tok.v.toLowerCase() === word;
  const fail = (detail: string): never => {
    throw invalidFilter(detail, errorCode);
  };

  function operand(): FilterOperand {
    const tok = tokens[pos++];
    if (!tok) return fail(`unexpected end of '${text}'.`);
    switch (tok.t) {
      case 'string':
      case 'datetime':
        return { kind: 'literal', value: tok.v };
      case 'number':
        return { kind: 'literal', value: tok.v };
      case 'ident': {
        const lower = tok.v.toLowerCase();
        if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
        if (lower === 'null') return { kind: 'literal', value: null };
        if (tokens[pos]?.t === '(') return fail(`the function '${tok.v}' is not supported here.`);
        return { kind: 'property', path: tok.v.split('/') };
      }
      default:
        return fail(`unexpected '${tok.t}' in '${text}'.`);
    }
  }

  function primary(): FilterExpression {
    node();
    const tok = peek();
    if (tok?.t === '(') {
      pos++;
      const inner = orExpr();
      if (peek()?.t !== ')') fail(`missing ')' in '${text}'.`);
      pos++;
      return inner;
    }
    if (tok?.t === 'ident' && tokens[pos + 1]?.t === '(') {
      const name = tok.v.toLowerCase();
      if (name !== 'startswith') fail(`the function '${tok.v}' is not supported.`);
      pos += 2;
      const target = operand();
      if (peek()?.t !== ',') fail(`startswith takes two arguments.`);
      pos++;
      const prefix = operand();
      if (peek()?.t !== ')') fail(`startswith takes two arguments.`);
      pos++;
      if (prefix.kind !== 'literal' || typeof prefix.value !== 'string')
        fail(`the second argument of startswith must be a string.`);
      return { kind: 'startswith', target, prefix };
    }
    const left = operand();
    const opTok = peek();
    if (opTok?.t !== 'ident' || !COMPARISONS.has(opTok.v.toLowerCase()))
      return fail(`expected a comparison operator after '${describe(left)}'.`);
    pos++;
    const right = operand();
    return { kind: 'compare', op: opTok.v.toLowerCase() as ComparisonOperator, left, right };
  }

  function unary(): FilterExpression {
    if (isWord(peek(), 'not')) {
      node();
      pos++;
      return { kind: 'not', operand: unary() };
    }
    return primary();
  }

  function andExpr(): FilterExpression {
    let left = unary();
    while (isWord(peek(), 'and')) {
      node();
      pos++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  }

  function orExpr(): FilterExpression {
    let left = andExpr();
    while (isWord(peek(), 'or')) {
      node();
      pos++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  }

  if (tokens.length === 0) fail('the expression is empty.');
  const expr = orExpr();
  if (pos < tokens.length) fail(`unexpected text after position ${pos} in '${text}'.`);
  return expr;
}

const describe = (o: FilterOperand) => (o.kind === 'property' ? o.path.join('/') : JSON.stringify(o.value));

/** Property paths a filter reads, e.g. [["fields","PersonRole"]]. */
export function filterProperties(expr: FilterExpression): string[][] {
  switch (expr.kind) {
    case 'compare':
      return [expr.left, expr.right].flatMap((o) => (o.kind === 'property' ? [o.path] : []));
    case 'startswith':
      return expr.target.kind === 'property' ? [expr.target.path] : [];
    case 'and':
    case 'or':
      return [...filterProperties(expr.left), ...filterProperties(expr.right)];
    case 'not':
      return filterProperties(expr.operand);
  }
}

/**
 * A value as text for ordering. Stored values are JSON, so an object is compared by its JSON (never
 * by its own `toString`, which stored data may shadow with anything).
 */
function comparableText(value: unknown): string {
  if (value !== null && typeof value === 'object') {
    try {
      return (JSON.stringify(value) ?? '').toLowerCase();
    } catch {
      return '';
    }
  }
  return String(value).toLowerCase();
}

/** Compares two values as Graph does for filters and ordering: strings without regard to case. */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = comparableText(a);
  const sb = comparableText(b);
  if (typeof a === 'string' && typeof b === 'string') {
    const da = Date.parse(a);
    const db = Date.parse(b);
    if (/^\d{4}-\d{2}-\d{2}T/.test(a) && /^\d{4}-\d{2}-\d{2}T/.test(b) && !isNaN(da) && !isNaN(db))
      return da - db;
  }
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Evaluates a filter against one entity; `resolve` reads a property path (undefined when absent). */
export function evaluateFilter(expr: FilterExpression, resolve: (path: string[]) => unknown): boolean {
  const value = (o: FilterOperand) => (o.kind === 'literal' ? o.value : (resolve(o.path) ?? null));
  switch (expr.kind) {
    case 'and':
      return evaluateFilter(expr.left, resolve) && evaluateFilter(expr.right, resolve);
    case 'or':
      return evaluateFilter(expr.left, resolve) || evaluateFilter(expr.right, resolve);
    case 'not':
      return !evaluateFilter(expr.operand, resolve);
    case 'startswith': {
      const v = value(expr.target);
      return typeof v === 'string' && v.toLowerCase().startsWith(String(value(expr.prefix)).toLowerCase());
    }
    case 'compare': {
      const l = value(expr.left);
      const r = value(expr.right);
      if (expr.op === 'eq') return compareValues(l, r) === 0 && (l === null) === (r === null);
      if (expr.op === 'ne') return !(compareValues(l, r) === 0 && (l === null) === (r === null));
      if (l === null || r === null) return false;
      const c = compareValues(l, r);
      return expr.op === 'lt' ? c < 0 : expr.op === 'gt' ? c > 0 : expr.op === 'le' ? c <= 0 : c >= 0;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// $expand and $orderby
// ---------------------------------------------------------------------------------------------

export interface ExpandOption {
  /** The navigation property, as the resource names it (e.g. "fields"). */
  name: string;
  /** Nested $select, e.g. fields($select=Title,Color) (Graph also accepts "select=" without $). */
  select?: string;
  /** Nested $expand, e.g. listItem($expand=fields($select=Title)). */
  expand?: ExpandOption[];
}

/** Splits on `sep` outside parentheses (OData's nested options: "fields($select=a,b),columns"). */
export function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * The one $expand parser: "fields($select=Title,Color),columns", "listItem($expand=fields($select=Title))".
 * `allowed` lists the resource's navigation properties (with, for each, those it can expand in
 * turn); another name is the 400 Graph sends for an unknown property.
 */
export function parseExpand(
  text: string | null | undefined,
  allowed: string[] | Record<string, string[]>,
  typeName: string,
): ExpandOption[] {
  if (!text) return [];
  const navigation: Record<string, string[]> = Array.isArray(allowed)
    ? Object.fromEntries(allowed.map((a) => [a, []]))
    : allowed;
  return splitTopLevel(text, ',').map((part) => {
    const m = /^([A-Za-z_]\w*)\s*(?:\((.*)\))?$/s.exec(part);
    if (!m)
      throw badRequest(
        `Parsing OData Select and Expand failed: Term '${part}' is not valid in a $select or $expand expression.`,
        'BadRequest',
      );
    const name = Object.keys(navigation).find((a) => a.toLowerCase() === m[1]!.toLowerCase());
    if (!name) throw unknownProperty(m[1]!, typeName);
    const option: ExpandOption = { name };
    for (const opt of m[2] ? splitTopLevel(m[2], ';') : []) {
      const om = /^\$?(select|expand)\s*=\s*(.*)$/is.exec(opt);
      if (!om) throw badRequest(`The query option '${opt}' is not supported inside $expand.`, 'BadRequest');
      if (om[1]!.toLowerCase() === 'select') option.select = om[2]!.trim();
      else option.expand = parseExpand(om[2]!.trim(), navigation[name] ?? [], name);
    }
    return option;
  });
}

export interface OrderByTerm {
  path: string[];
  descending: boolean;
}

export function parseOrderBy(text: string | null): OrderByTerm[] {
  if (!text) return [];
  return splitTopLevel(text, ',').map((term) => {
    const m = /^([A-Za-z_][\w./]*)(?:\s+(asc|desc))?$/i.exec(term);
    if (!m) throw badRequest(`Invalid $orderby expression: '${term}'.`, 'BadRequest');
    return { path: m[1]!.split('/'), descending: m[2]?.toLowerCase() === 'desc' };
  });
}

/** A stable sort by $orderby terms; `resolve` reads a property path of an item. */
export function orderBy<T>(
  items: T[],
  terms: OrderByTerm[],
  resolve: (item: T, path: string[]) => unknown,
): T[] {
  if (!terms.length) return items;
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      for (const t of terms) {
        const c = compareValues(resolve(a.item, t.path), resolve(b.item, t.path));
        if (c !== 0) return t.descending ? -c : c;
      }
      return a.index - b.index;
    })
    .map((x) => x.item);
}

import { GraphError, badRequest } from './errors';
import type { RouteRequest, TenantResponse } from './types';

/** "@odata.context" as Graph writes it, e.g. `${graphBase}/$metadata#users/$entity`. */
export const contextUrl = (req: RouteRequest, fragment: string) =>
  `${req.ctx.graphBase}/$metadata#${fragment}`;

/**
 * Applies $select to one entity: Graph keeps the selected properties and the @odata annotations.
 * `alwaysKeep` names properties kept regardless (expanded navigation properties, e.g. "fields").
 */
export function select<T extends object>(
  req: RouteRequest,
  entity: T,
  alwaysKeep: string[] = [],
): Partial<T> {
  return selectProperties(entity, req.query.get('$select'), alwaysKeep);
}

/** $select on one object, from the option's text (null: everything). */
export function selectProperties<T extends object>(
  entity: T,
  $select: string | null | undefined,
  alwaysKeep: string[] = [],
): Partial<T> {
  if (!$select) return entity;
  const wanted = new Set(
    [...$select.split(','), ...alwaysKeep].map((s) => s.trim().toLowerCase()).filter(Boolean),
  );
  if (wanted.has('*')) return entity;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entity))
    if (k.startsWith('@') || wanted.has(k.toLowerCase()) || wanted.has(k.split('@')[0]!.toLowerCase()))
      out[k] = v;
  // Graph always returns the id of an entity, selected or not.
  if ('id' in entity) out.id = (entity as { id: unknown }).id;
  return out as Partial<T>;
}

export function entityResponse(
  req: RouteRequest,
  fragment: string,
  entity: object,
  status = 200,
): TenantResponse {
  return { status, body: { '@odata.context': contextUrl(req, fragment), ...select(req, entity) } };
}

/**
 * A page of a collection with Graph's server-driven paging: `$top` (1..maxTop) and an opaque
 * `$skiptoken` in `@odata.nextLink`, which repeats the caller's other query options.
 * Above maxTop the page is capped, unless `tooLarge` gives the error the API sends instead.
 */
export function pagedResponse(
  req: RouteRequest,
  fragment: string,
  items: object[],
  opts: {
    defaultTop: number;
    maxTop: number;
    tooLarge?: (top: number) => GraphError;
    /** Properties kept whatever $select says (expanded navigation properties). */
    alwaysKeep?: string[];
  },
): TenantResponse {
  const topParam = req.query.get('$top');
  let top = opts.defaultTop;
  if (topParam !== null) {
    top = Number(topParam);
    if (topParam.trim() === '' || !Number.isInteger(top) || top < 0)
      throw badRequest(`Invalid value '${topParam}' for $top query option.`, 'BadRequest');
    if (top > opts.maxTop && opts.tooLarge) throw opts.tooLarge(top);
    top = Math.min(top, opts.maxTop);
  }
  const skipToken = req.query.get('$skiptoken');
  const skip = skipToken ? decodeSkipToken(skipToken) : 0;
  const page = items.slice(skip, skip + top);
  const body: Record<string, unknown> = {
    '@odata.context': contextUrl(req, fragment),
    value: page.map((e) => select(req, e, opts.alwaysKeep)),
  };
  if (req.query.get('$count') === 'true') body['@odata.count'] = items.length;
  if (top > 0 && skip + top < items.length) {
    const next = new URLSearchParams(req.query);
    next.set('$skiptoken', Buffer.from(`skip:${skip + top}`).toString('base64url'));
    // Graph writes the option names literally: ?$top=5&$skiptoken=... ('$' is valid in a query).
    body['@odata.nextLink'] = `${req.ctx.graphBase}${req.path}?${next.toString().replace(/%24/g, '$')}`;
  }
  return { status: 200, body };
}

function decodeSkipToken(token: string): number {
  const m = /^skip:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw badRequest('The $skiptoken is invalid or has expired.', 'BadRequest');
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
      pos++;
      return { kind: 'not', operand: unary() };
    }
    return primary();
  }

  function andExpr(): FilterExpression {
    let left = unary();
    while (isWord(peek(), 'and')) {
      pos++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  }

  function orExpr(): FilterExpression {
    let left = andExpr();
    while (isWord(peek(), 'or')) {
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

/** Compares two values as Graph does for filters and ordering: strings without regard to case. */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = String(a).toLowerCase();
  const sb = String(b).toLowerCase();
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
  /** The navigation property, as written (e.g. "fields"). */
  name: string;
  /** Nested $select, e.g. fields($select=Title,Color) (Graph also accepts "select=" without $). */
  select?: string;
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
 * Parses $expand ("fields($select=Title,Color),columns"). `allowed` lists the navigation
 * properties of the resource; another name is the 400 Graph sends for an unknown property.
 */
export function parseExpand(text: string | null, allowed: string[], typeName: string): ExpandOption[] {
  if (!text) return [];
  return splitTopLevel(text, ',').map((part) => {
    const m = /^([A-Za-z_][\w]*)\s*(?:\((.*)\))?$/s.exec(part);
    const parseError = () =>
      badRequest(
        `Parsing OData Select and Expand failed: Term '${part}' is not valid in a $select or $expand expression.`,
        'BadRequest',
      );
    if (!m) throw parseError();
    const name = m[1]!;
    if (!allowed.some((a) => a.toLowerCase() === name.toLowerCase()))
      throw badRequest(
        `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type '${typeName}'.`,
        'BadRequest',
      );
    const option: ExpandOption = { name };
    if (m[2] !== undefined) {
      for (const opt of splitTopLevel(m[2], ';')) {
        const om = /^\$?select\s*=\s*(.*)$/is.exec(opt);
        if (!om) throw parseError();
        option.select = om[1]!.trim();
      }
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

/**
 * Querying list items: binds a parsed $filter and $orderby to the list's columns (types, indexes),
 * applies SharePoint's indexed-only rule and list view threshold, sorts, and pages by keyset tokens.
 */

import { createHash } from 'node:crypto';
import type { Column } from './columns';
import { GraphHttpError, invalidRequest } from './errors';
import type { FieldValue, ItemContext } from './field-values';
import { comparableValue, findColumnByName, parseIsoInstant } from './field-values';
import type { FilterNode, Literal, Operand } from './odata-filter';
import { FilterSyntaxError, parseFilter } from './odata-filter';
import type { OrderTerm } from './odata-query';
import { decodeSkipToken, encodeSkipToken, parseOrderBy } from './odata-query';
import type { SpItem, SpList, SpSite } from './sharepoint-data';

export const HONOR_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export interface ItemQueryInput {
  filter?: string;
  orderby?: string;
  top: number;
  skiptoken?: string;
  /** The request carried Prefer: HonorNonIndexedQueriesWarningMayFailRandomly. */
  honorNonIndexed: boolean;
  listViewThreshold: number;
}

export interface ItemPage {
  items: SpItem[];
  nextToken?: string;
}

/** A comparable value: text is compared case-insensitively, dates as instants. */
type Comparable = string | number | boolean | null;

type Predicate = (ctx: ItemContext) => boolean;

interface BoundOrder {
  column: Column;
  descending: boolean;
}

const notIndexed = (name: string) =>
  invalidRequest(
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${HONOR_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`,
  );

function columnForPath(list: SpList, path: string[], where: string): Column {
  if (path.length !== 2 || path[0] !== 'fields') {
    throw invalidRequest(
      `${where} can only reference list columns as fields/<name>; got '${path.join('/')}'.`,
    );
  }
  const column = findColumnByName(list, path[1]);
  if (!column) {
    const near = list.columns.find((c) => c.name.toLowerCase() === path[1].toLowerCase());
    throw invalidRequest(
      `Field '${path[1]}' is not recognized${near ? ` (column names are case-sensitive: did you mean '${near.name}'?)` : ''}.`,
    );
  }
  if (column.kind === 'computed' || column.kind === 'person') {
    throw invalidRequest(`Field '${column.name}' cannot be used in ${where}.`);
  }
  return column;
}

/** Turns a stored value into its comparable form for the column. */
function comparable(column: Column, value: FieldValue | undefined): Comparable {
  if (value === undefined) return null;
  if (column.kind === 'dateTime') return parseIsoInstant(String(value)) ?? null;
  if (typeof value === 'string') return value.toLowerCase();
  return value;
}

/** Checks a literal against the column type and returns its comparable form. */
function literalFor(column: Column, literal: Literal): Comparable {
  const mismatch = (expected: string) =>
    invalidRequest(
      `Field '${column.name}' is a ${column.facetName} column: compare it with ${expected}, not ${literal.kind === 'string' ? `'${literal.value}'` : literal.kind}.`,
    );
  if (literal.kind === 'null') return null;
  switch (column.kind) {
    case 'text':
    case 'choice':
      if (literal.kind !== 'string') throw mismatch('a quoted string');
      return literal.value.toLowerCase();
    case 'number':
    case 'currency':
    case 'counter':
      if (literal.kind !== 'number') throw mismatch('a number');
      return literal.value;
    case 'boolean':
      if (literal.kind !== 'boolean') throw mismatch('true or false');
      return literal.value;
    case 'dateTime': {
      const text =
        literal.kind === 'dateTime' ? literal.text : literal.kind === 'string' ? literal.value : undefined;
      const ms = text === undefined ? undefined : parseIsoInstant(text);
      if (ms === undefined) throw mismatch('an ISO 8601 date-time such as 2024-05-01T00:00:00Z');
      return ms;
    }
    default:
      throw invalidRequest(`Field '${column.name}' cannot be used in $filter.`);
  }
}

function compareComparable(a: Comparable, b: Comparable): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  return a < b ? -1 : 1;
}

class FilterBinder {
  readonly referenced: Column[] = [];

  constructor(private readonly list: SpList) {}

  bind(node: FilterNode): Predicate {
    switch (node.kind) {
      case 'and': {
        const left = this.bind(node.left);
        const right = this.bind(node.right);
        return (ctx) => left(ctx) && right(ctx);
      }
      case 'or': {
        const left = this.bind(node.left);
        const right = this.bind(node.right);
        return (ctx) => left(ctx) || right(ctx);
      }
      case 'not': {
        const operand = this.bind(node.operand);
        return (ctx) => !operand(ctx);
      }
      case 'startswith': {
        const column = this.column(node.property.path);
        if (column.kind !== 'text' && column.kind !== 'choice') {
          throw invalidRequest(
            `startswith needs a text or choice column; '${column.name}' is ${column.facetName}.`,
          );
        }
        const prefix = node.prefix.toLowerCase();
        return (ctx) => {
          const value = comparable(column, comparableValue(ctx, column));
          return typeof value === 'string' && value.startsWith(prefix);
        };
      }
      case 'compare': {
        const { left, right, op } = node;
        if (left.kind !== 'property' || right.kind !== 'literal') {
          throw invalidRequest(
            `In '${describeOperand(left)} ${op} ${describeOperand(right)}' the left side must be a field and the right side a value, e.g. fields/Status eq 'Open'.`,
          );
        }
        const column = this.column(left.path);
        const expected = literalFor(column, right.literal);
        if (expected === null && op !== 'eq' && op !== 'ne') {
          throw invalidRequest(`null can only be compared with eq or ne.`);
        }
        if (column.kind === 'boolean' && op !== 'eq' && op !== 'ne') {
          throw invalidRequest(`Boolean field '${column.name}' can only be compared with eq or ne.`);
        }
        return (ctx) => {
          const actual = comparable(column, comparableValue(ctx, column));
          if (op === 'eq') return actual === expected;
          if (op === 'ne') return actual !== expected;
          if (actual === null) return false;
          const order = compareComparable(actual, expected);
          return op === 'gt' ? order > 0 : op === 'ge' ? order >= 0 : op === 'lt' ? order < 0 : order <= 0;
        };
      }
    }
  }

  private column(path: string[]): Column {
    const column = columnForPath(this.list, path, '$filter');
    this.referenced.push(column);
    return column;
  }
}

function describeOperand(operand: Operand): string {
  if (operand.kind === 'property') return operand.path.join('/');
  const literal = operand.literal;
  switch (literal.kind) {
    case 'string':
      return `'${literal.value}'`;
    case 'number':
      return literal.text;
    case 'dateTime':
      return literal.text;
    case 'boolean':
      return String(literal.value);
    case 'null':
      return 'null';
  }
}

function bindOrder(list: SpList, terms: OrderTerm[]): BoundOrder[] {
  return terms.map((term) => ({
    column: columnForPath(list, term.path, '$orderby'),
    descending: term.descending,
  }));
}

interface Cursor {
  f: string;
  v: Comparable[];
  i: number;
}

function compareKeys(
  order: BoundOrder[],
  aKeys: Comparable[],
  aId: number,
  bKeys: Comparable[],
  bId: number,
): number {
  for (let k = 0; k < order.length; k += 1) {
    const c = compareComparable(aKeys[k], bKeys[k]);
    if (c !== 0) return order[k].descending ? -c : c;
  }
  return aId - bId;
}

function isCursor(value: unknown, fingerprint: string, width: number): value is Cursor {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<Cursor>;
  return c.f === fingerprint && Array.isArray(c.v) && c.v.length === width && Number.isInteger(c.i);
}

/** Runs a query on one list and returns one page. */
export function queryItems(site: SpSite, list: SpList, input: ItemQueryInput): ItemPage {
  let predicate: Predicate = () => true;
  const referenced: Column[] = [];
  if (input.filter !== undefined) {
    let ast: FilterNode;
    try {
      ast = parseFilter(input.filter);
    } catch (err) {
      if (err instanceof FilterSyntaxError) throw invalidRequest(`Invalid $filter: ${err.message}`);
      throw err;
    }
    const binder = new FilterBinder(list);
    predicate = binder.bind(ast);
    referenced.push(...binder.referenced);
  }
  const order = input.orderby === undefined ? [] : bindOrder(list, parseOrderBy(input.orderby));
  referenced.push(...order.map((o) => o.column));

  const unindexed = referenced.find((column) => !column.indexed);
  if (unindexed) {
    if (!input.honorNonIndexed) throw notIndexed(unindexed.name);
    if (list.items.length > input.listViewThreshold) {
      throw new GraphHttpError(
        400,
        'notSupported',
        'The request is unprocessable because it uses too many resources',
      );
    }
  }

  const fingerprint = createHash('sha1')
    .update(`${input.filter ?? ''}\u0000${input.orderby ?? ''}`)
    .digest('hex')
    .slice(0, 12);
  const keysOf = (item: SpItem): Comparable[] =>
    order.map((o) => comparable(o.column, comparableValue({ site, list, item }, o.column)));

  let rows = list.items
    .filter((item) => predicate({ site, list, item }))
    .map((item) => ({ item, keys: keysOf(item) }))
    .sort((a, b) => compareKeys(order, a.keys, a.item.id, b.keys, b.item.id));

  if (input.skiptoken !== undefined) {
    const cursor = decodeSkipToken(input.skiptoken);
    if (!isCursor(cursor, fingerprint, order.length)) {
      throw invalidRequest(
        `The $skiptoken does not belong to this query: follow @odata.nextLink exactly, without changing $filter or $orderby.`,
      );
    }
    rows = rows.filter((row) => compareKeys(order, row.keys, row.item.id, cursor.v, cursor.i) > 0);
  }

  const page = rows.slice(0, input.top);
  if (rows.length <= input.top) return { items: page.map((r) => r.item) };
  const last = page[page.length - 1];
  const cursor: Cursor = { f: fingerprint, v: last.keys, i: last.item.id };
  return { items: page.map((r) => r.item), nextToken: encodeSkipToken(cursor) };
}

/**
 * List item field values: validation of writes (as SharePoint does it, strictly typed) and the
 * fieldValueSet Graph shows, including SharePoint's computed built-in fields.
 */

import type { Column } from './columns';
import { invalidRequest } from './errors';
import type { SpItem, SpList, SpSite } from './sharepoint-data';

export type FieldValue = string | number | boolean;

/** App-only writes are recorded as the "SharePoint App" system account. */
export const SHAREPOINT_APP_USER = { lookupId: '1073741822', displayName: 'SharePoint App' };
export const FAKE_APP = {
  id: 'a0c1d2e3-0f00-4a5b-9c6d-7e8f90a1b2c3',
  displayName: 'PMO Hub (fake Graph caller)',
};
const APP_LOOKUP_ID = '2';

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Parses an ISO 8601 date or date-time to epoch ms; a date-time without an offset is UTC.
 * Returns undefined for anything else (including impossible dates such as 2024-02-30).
 */
export function parseIsoInstant(text: string): number | undefined {
  const m = ISO_INSTANT.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone = 'Z'] = m;
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(base);
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    check.getUTCHours() !== Number(h) ||
    check.getUTCMinutes() !== Number(mi) ||
    check.getUTCSeconds() !== Number(s)
  ) {
    return undefined;
  }
  if (zone === 'Z') return base;
  const sign = zone[0] === '+' ? 1 : -1;
  const offsetMinutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
  return base - sign * offsetMinutes * 60_000;
}

const asSharePointTime = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Checks one value against its column and returns what SharePoint stores. */
function normalizeValue(column: Column, value: unknown): FieldValue {
  const wrongType = (expected: string) =>
    invalidRequest(
      `Field '${column.name}' is a ${column.facetName} column and needs ${expected}; got ${describe(value)}.`,
    );
  switch (column.kind) {
    case 'text': {
      if (typeof value !== 'string') throw wrongType('a string');
      const maxLength = column.facet.maxLength as number;
      if (value.length > maxLength) {
        throw invalidRequest(
          `Field '${column.name}' holds at most ${maxLength} characters; the value has ${value.length}.`,
        );
      }
      return value;
    }
    case 'number':
    case 'currency': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType('a JSON number');
      if (column.kind === 'number') {
        const { minimum, maximum } = column.facet as { minimum: number; maximum: number };
        if (value < minimum || value > maximum) {
          throw invalidRequest(
            `Field '${column.name}' must be between ${minimum} and ${maximum}; got ${value}.`,
          );
        }
      }
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType('true or false');
      return value;
    case 'dateTime': {
      if (typeof value !== 'string') throw wrongType('an ISO 8601 date-time string');
      const ms = parseIsoInstant(value);
      if (ms === undefined) {
        throw invalidRequest(
          `Field '${column.name}' needs an ISO 8601 date-time such as '2024-05-01T09:30:00Z'; got '${value}'.`,
        );
      }
      if (column.facet.format === 'dateOnly') return `${new Date(ms).toISOString().slice(0, 10)}T00:00:00Z`;
      return asSharePointTime(ms);
    }
    case 'choice': {
      if (typeof value !== 'string') throw wrongType('a string');
      const { choices, allowTextEntry } = column.facet as { choices: string[]; allowTextEntry: boolean };
      if (!allowTextEntry && !choices.includes(value)) {
        throw invalidRequest(
          `Field '${column.name}' accepts only ${choices.map((c) => `'${c}'`).join(', ')}; got '${value}'.`,
        );
      }
      if (value.length > 255) throw invalidRequest(`Field '${column.name}' holds at most 255 characters.`);
      return value;
    }
    default:
      throw invalidRequest(`Field '${column.name}' is read-only.`);
  }
}

export function findColumnByName(list: SpList, name: string): Column | undefined {
  return list.columns.find((c) => c.name === name);
}

function notRecognized(list: SpList, name: string) {
  const near = list.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  return invalidRequest(
    `Field '${name}' is not recognized${near ? ` (column names are case-sensitive: did you mean '${near.name}'?)` : ''}.`,
  );
}

/**
 * Validates a fieldValueSet write. `null` clears a field. On create, required columns must be given.
 * Returns the changes to apply (null = clear).
 */
export function parseFieldWrites(
  list: SpList,
  input: unknown,
  mode: 'create' | 'update',
): Map<string, FieldValue | null> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidRequest('The field values must be a JSON object of column names to values.');
  }
  const changes = new Map<string, FieldValue | null>();
  for (const [name, value] of Object.entries(input)) {
    const column = findColumnByName(list, name);
    if (!column) throw notRecognized(list, name);
    if (column.readOnly) throw invalidRequest(`Field '${name}' is read-only.`);
    if (value === null) {
      if (column.required) throw invalidRequest(`Field '${name}' is required and cannot be cleared.`);
      changes.set(name, null);
      continue;
    }
    changes.set(name, normalizeValue(column, value));
  }
  if (mode === 'create') {
    const missing = list.columns.filter((c) => c.required && (changes.get(c.name) ?? null) === null);
    if (missing.length > 0) {
      throw invalidRequest(`Field '${missing[0].name}' is required: give it a value when creating the item.`);
    }
  }
  return changes;
}

export interface ItemContext {
  site: SpSite;
  list: SpList;
  item: SpItem;
}

type Getter = (ctx: ItemContext) => unknown;

const titleOf = ({ item }: ItemContext) => item.values.get('Title');

/** SharePoint's computed and system fields, by the name Graph uses in a fieldValueSet. */
const BUILT_IN_VALUES: Record<string, Getter> = {
  id: ({ item }) => String(item.id),
  ID: ({ item }) => item.id,
  ContentType: () => 'Item',
  Modified: ({ item }) => item.modified,
  Created: ({ item }) => item.created,
  Author: () => SHAREPOINT_APP_USER.displayName,
  AuthorLookupId: () => SHAREPOINT_APP_USER.lookupId,
  Editor: () => SHAREPOINT_APP_USER.displayName,
  EditorLookupId: () => SHAREPOINT_APP_USER.lookupId,
  _UIVersionString: ({ item }) => `${item.version}.0`,
  Attachments: () => false,
  Edit: () => '',
  LinkTitleNoMenu: titleOf,
  LinkTitle: titleOf,
  DocIcon: () => undefined,
  ItemChildCount: () => '0',
  FolderChildCount: () => '0',
  _ComplianceFlags: () => '',
  _ComplianceTag: () => '',
  _ComplianceTagWrittenTime: () => '',
  _ComplianceTagUserId: () => '',
  AppAuthor: () => FAKE_APP.displayName,
  AppAuthorLookupId: () => APP_LOOKUP_ID,
  AppEditor: () => FAKE_APP.displayName,
  AppEditorLookupId: () => APP_LOOKUP_ID,
  owshiddenversion: ({ item }) => item.version,
  GUID: ({ item }) => item.uniqueId,
  FileRef: ({ site, list, item }) => `${site.path}/Lists/${list.name}/${item.id}_.000`,
  _ModerationStatus: () => 0,
};

/** Built-in fields in a full fieldValueSet, in the order SharePoint sends them. */
const DEFAULT_BUILT_INS = [
  'id',
  'ContentType',
  'Modified',
  'Created',
  'AuthorLookupId',
  'EditorLookupId',
  '_UIVersionString',
  'Attachments',
  'Edit',
  'LinkTitleNoMenu',
  'LinkTitle',
  'ItemChildCount',
  'FolderChildCount',
  '_ComplianceFlags',
  '_ComplianceTag',
  '_ComplianceTagWrittenTime',
  '_ComplianceTagUserId',
  'AppAuthorLookupId',
  'AppEditorLookupId',
];

/** Checks the names of a fields($select=…) list before any item is read. */
export function checkFieldSelect(list: SpList, names: string[]): void {
  for (const name of names) {
    if (!(name in BUILT_IN_VALUES) && !findColumnByName(list, name)) throw notRecognized(list, name);
  }
}

function valueOf(ctx: ItemContext, name: string): unknown {
  const column = findColumnByName(ctx.list, name);
  if (column && !column.builtIn) return ctx.item.values.get(name);
  if (name === 'Title') return ctx.item.values.get('Title');
  const getter = BUILT_IN_VALUES[name];
  return getter ? getter(ctx) : undefined;
}

/**
 * The fieldValueSet of an item. Null values are left out, as Graph does; hidden columns only appear
 * when selected by name. With `select`, only '@odata.etag' and the selected fields come back.
 */
export function fieldValueSet(ctx: ItemContext, eTag: string, select?: string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = { '@odata.etag': eTag };
  const names = select ?? [
    ...ctx.list.columns.filter((c) => c.name === 'Title' || (!c.builtIn && !c.hidden)).map((c) => c.name),
    ...DEFAULT_BUILT_INS,
  ];
  for (const name of names) {
    const value = valueOf(ctx, name);
    if (value !== undefined && value !== null) fields[name] = value;
  }
  return fields;
}

/** A stored value for filtering and sorting (undefined = null). */
export function comparableValue(ctx: ItemContext, column: Column): FieldValue | undefined {
  if (!column.builtIn || column.name === 'Title') return ctx.item.values.get(column.name);
  switch (column.name) {
    case 'ID':
      return ctx.item.id;
    case 'Created':
      return ctx.item.created;
    case 'Modified':
      return ctx.item.modified;
    default:
      return undefined;
  }
}

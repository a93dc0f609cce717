/**
 * SharePoint list columns (Graph columnDefinition): the genericList built-ins, validation of
 * columnDefinition bodies for create and update, and their JSON.
 */

import { randomUUID } from 'node:crypto';
import { invalidRequest } from './errors';

/** The type facets the fake implements for custom columns. */
export const WRITABLE_FACETS = ['text', 'number', 'currency', 'dateTime', 'choice', 'boolean'] as const;
export type WritableFacet = (typeof WRITABLE_FACETS)[number];

/** Facets documented on columnDefinition that the fake refuses for custom columns (it fails loudly instead). */
const OTHER_FACETS = [
  'calculated',
  'contentApprovalStatus',
  'geolocation',
  'hyperlinkOrPicture',
  'lookup',
  'personOrGroup',
  'term',
  'thumbnail',
] as const;

/** How a column's values behave in writes, filters and sorting. */
export type ValueKind = WritableFacet | 'counter' | 'person' | 'computed';

export interface Column {
  id: string;
  name: string;
  displayName: string;
  description: string;
  columnGroup: string;
  enforceUniqueValues: boolean;
  hidden: boolean;
  indexed: boolean;
  readOnly: boolean;
  required: boolean;
  /** The facet property name shown in JSON (e.g. 'text'), or undefined when Graph shows none. */
  facetName?: WritableFacet | 'personOrGroup' | 'lookup';
  facet: Record<string, unknown>;
  kind: ValueKind;
  builtIn: boolean;
}

/** SharePoint's multiple-lines-of-text limit (characters). */
export const MULTI_LINE_TEXT_MAX = 63_999;
/** Single line of text: 255 characters at most. */
export const SINGLE_LINE_TEXT_MAX = 255;
/** SharePoint allows at most 20 indexed columns per list. */
const MAX_INDEXES = 20;

const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMBER_LIMIT = Number.MAX_VALUE;

const COLUMN_PROPERTIES = [
  'name',
  'displayName',
  'description',
  'columnGroup',
  'enforceUniqueValues',
  'hidden',
  'indexed',
  'readOnly',
  'required',
] as const;

interface BuiltInSpec {
  name: string;
  displayName: string;
  kind: ValueKind;
  facetName?: Column['facetName'];
  facet?: Record<string, unknown>;
  readOnly: boolean;
  hidden?: boolean;
  indexed?: boolean;
}

const SINGLE_LINE_FACET = {
  allowMultipleLines: false,
  appendChangesToExistingText: false,
  linesForEditing: 0,
  maxLength: SINGLE_LINE_TEXT_MAX,
};
const PERSON_FACET = {
  allowMultipleSelection: false,
  chooseFromType: 'peopleOnly',
  displayAs: 'nameWithPresence',
};
const DATE_TIME_FACET = { displayAs: 'default', format: 'dateTime' };

/** The columns every genericList gets; read-only ones must be skipped by clients that copy fields. */
const GENERIC_LIST_BUILT_INS: BuiltInSpec[] = [
  {
    name: 'Title',
    displayName: 'Title',
    kind: 'text',
    facetName: 'text',
    facet: SINGLE_LINE_FACET,
    readOnly: false,
  },
  {
    name: 'ID',
    displayName: 'ID',
    kind: 'counter',
    facetName: 'number',
    facet: { decimalPlaces: 'none', displayAs: 'number', maximum: NUMBER_LIMIT, minimum: -NUMBER_LIMIT },
    readOnly: true,
    indexed: true,
  },
  { name: 'ContentType', displayName: 'Content Type', kind: 'computed', readOnly: true },
  {
    name: 'Modified',
    displayName: 'Modified',
    kind: 'dateTime',
    facetName: 'dateTime',
    facet: DATE_TIME_FACET,
    readOnly: true,
  },
  {
    name: 'Created',
    displayName: 'Created',
    kind: 'dateTime',
    facetName: 'dateTime',
    facet: DATE_TIME_FACET,
    readOnly: true,
  },
  {
    name: 'Author',
    displayName: 'Created By',
    kind: 'person',
    facetName: 'personOrGroup',
    facet: PERSON_FACET,
    readOnly: true,
  },
  {
    name: 'Editor',
    displayName: 'Modified By',
    kind: 'person',
    facetName: 'personOrGroup',
    facet: PERSON_FACET,
    readOnly: true,
  },
  { name: '_UIVersionString', displayName: 'Version', kind: 'computed', readOnly: true },
  {
    name: 'Attachments',
    displayName: 'Attachments',
    kind: 'boolean',
    facetName: 'boolean',
    facet: {},
    readOnly: true,
  },
  { name: 'Edit', displayName: 'Edit', kind: 'computed', readOnly: true },
  { name: 'LinkTitleNoMenu', displayName: 'Title', kind: 'computed', readOnly: true },
  { name: 'LinkTitle', displayName: 'Title', kind: 'computed', readOnly: true },
  { name: 'DocIcon', displayName: 'Type', kind: 'computed', readOnly: true },
  { name: 'ItemChildCount', displayName: 'Item Child Count', kind: 'computed', readOnly: true },
  { name: 'FolderChildCount', displayName: 'Folder Child Count', kind: 'computed', readOnly: true },
  { name: '_ComplianceFlags', displayName: 'Label setting', kind: 'computed', readOnly: true },
  { name: '_ComplianceTag', displayName: 'Retention label', kind: 'computed', readOnly: true },
  {
    name: '_ComplianceTagWrittenTime',
    displayName: 'Retention label Applied',
    kind: 'computed',
    readOnly: true,
  },
  { name: '_ComplianceTagUserId', displayName: 'Label applied by', kind: 'computed', readOnly: true },
  {
    name: 'AppAuthor',
    displayName: 'App Created By',
    kind: 'person',
    facetName: 'lookup',
    facet: lookupFacet(),
    readOnly: true,
  },
  {
    name: 'AppEditor',
    displayName: 'App Modified By',
    kind: 'person',
    facetName: 'lookup',
    facet: lookupFacet(),
    readOnly: true,
  },
  {
    name: 'owshiddenversion',
    displayName: 'owshiddenversion',
    kind: 'computed',
    readOnly: true,
    hidden: true,
  },
  { name: 'GUID', displayName: 'GUID', kind: 'computed', readOnly: true, hidden: true },
  { name: 'FileRef', displayName: 'URL Path', kind: 'computed', readOnly: true, hidden: true },
  {
    name: '_ModerationStatus',
    displayName: 'Approval Status',
    kind: 'computed',
    readOnly: true,
    hidden: true,
  },
];

function lookupFacet(): Record<string, unknown> {
  return { allowMultipleValues: false, allowUnlimitedLength: false, columnName: 'Title', listId: '' };
}

export function builtInColumns(): Column[] {
  return GENERIC_LIST_BUILT_INS.map((spec) => ({
    id: randomUUID(),
    name: spec.name,
    displayName: spec.displayName,
    description: '',
    columnGroup: spec.name === 'Title' ? 'Custom Columns' : '_Hidden',
    enforceUniqueValues: false,
    hidden: spec.hidden ?? false,
    indexed: spec.indexed ?? false,
    readOnly: spec.readOnly,
    required: false,
    facetName: spec.facetName,
    facet: structuredClone(spec.facet ?? {}),
    kind: spec.kind,
    builtIn: true,
  }));
}

export function columnJson(column: Column): Record<string, unknown> {
  const json: Record<string, unknown> = {
    columnGroup: column.columnGroup,
    description: column.description,
    displayName: column.displayName,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: column.hidden,
    id: column.id,
    indexed: column.indexed,
    name: column.name,
    readOnly: column.readOnly,
    required: column.required,
  };
  if (column.facetName) json[column.facetName] = structuredClone(column.facet);
  return json;
}

const unknownProperty = (property: string, type: string) =>
  invalidRequest(
    `The property '${property}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type.`,
  );

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectBoolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') throw invalidRequest(`'${where}' must be a boolean.`);
  return value;
}

function expectString(value: unknown, where: string): string {
  if (typeof value !== 'string') throw invalidRequest(`'${where}' must be a string.`);
  return value;
}

function expectEnum<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw invalidRequest(`'${where}' must be one of ${allowed.map((a) => `'${a}'`).join(', ')}.`);
  }
  return value as T;
}

/** Finds the single type facet in a columnDefinition body; zero or two are refused. */
function facetOf(body: Record<string, unknown>): WritableFacet {
  const unsupported = OTHER_FACETS.filter((facet) => facet in body);
  if (unsupported.length > 0) {
    throw invalidRequest(
      `The fake Graph does not implement '${unsupported[0]}' columns; use one of ${WRITABLE_FACETS.join(', ')}.`,
    );
  }
  const present = WRITABLE_FACETS.filter((facet) => facet in body);
  if (present.length !== 1) {
    throw invalidRequest(
      present.length === 0
        ? `A column needs exactly one type facet (${WRITABLE_FACETS.join(', ')}); none was given.`
        : `A column can have only one type facet; got ${present.join(' and ')}.`,
    );
  }
  return present[0];
}

/** Validates a facet body (merged onto `base` for updates) and returns the normalized facet. */
function normalizeFacet(
  facetName: WritableFacet,
  raw: unknown,
  base?: Record<string, unknown>,
): Record<string, unknown> {
  if (!isPlainObject(raw)) throw invalidRequest(`'${facetName}' must be an object.`);
  const typeName = `${facetName}Column`;
  switch (facetName) {
    case 'text': {
      const allowed = [
        'allowMultipleLines',
        'appendChangesToExistingText',
        'linesForEditing',
        'maxLength',
        'textType',
      ];
      for (const key of Object.keys(raw)) if (!allowed.includes(key)) throw unknownProperty(key, typeName);
      const multi =
        raw.allowMultipleLines === undefined
          ? ((base?.allowMultipleLines as boolean | undefined) ?? false)
          : expectBoolean(raw.allowMultipleLines, 'text.allowMultipleLines');
      const limit = multi ? MULTI_LINE_TEXT_MAX : SINGLE_LINE_TEXT_MAX;
      const maxLength = raw.maxLength ?? (base && base.allowMultipleLines === multi ? base.maxLength : limit);
      if (!Number.isInteger(maxLength) || (maxLength as number) < 1 || (maxLength as number) > limit) {
        throw invalidRequest(
          `'text.maxLength' must be an integer from 1 to ${limit} for ${multi ? 'multiple lines' : 'a single line'} of text.`,
        );
      }
      const linesForEditing = raw.linesForEditing ?? (multi ? (base?.linesForEditing ?? 6) : 0);
      if (!Number.isInteger(linesForEditing) || (linesForEditing as number) < 0) {
        throw invalidRequest(`'text.linesForEditing' must be a non-negative integer.`);
      }
      const facet: Record<string, unknown> = {
        allowMultipleLines: multi,
        appendChangesToExistingText:
          raw.appendChangesToExistingText === undefined
            ? ((base?.appendChangesToExistingText as boolean | undefined) ?? false)
            : expectBoolean(raw.appendChangesToExistingText, 'text.appendChangesToExistingText'),
        linesForEditing,
        maxLength,
      };
      if (multi) {
        facet.textType =
          raw.textType === undefined
            ? (base?.textType ?? 'plain')
            : expectEnum(raw.textType, ['plain', 'richText'], 'text.textType');
      } else if (raw.textType !== undefined && raw.textType !== 'plain') {
        throw invalidRequest(`'text.textType' '${String(raw.textType)}' needs allowMultipleLines: true.`);
      }
      return facet;
    }
    case 'number': {
      const allowed = ['decimalPlaces', 'displayAs', 'maximum', 'minimum'];
      for (const key of Object.keys(raw)) if (!allowed.includes(key)) throw unknownProperty(key, typeName);
      const places = ['automatic', 'none', 'one', 'two', 'three', 'four', 'five'] as const;
      const facet = {
        decimalPlaces:
          raw.decimalPlaces === undefined
            ? (base?.decimalPlaces ?? 'automatic')
            : expectEnum(raw.decimalPlaces, places, 'number.decimalPlaces'),
        displayAs:
          raw.displayAs === undefined
            ? (base?.displayAs ?? 'number')
            : expectEnum(raw.displayAs, ['number', 'percentage'], 'number.displayAs'),
        maximum: raw.maximum ?? base?.maximum ?? NUMBER_LIMIT,
        minimum: raw.minimum ?? base?.minimum ?? -NUMBER_LIMIT,
      };
      if (typeof facet.maximum !== 'number' || typeof facet.minimum !== 'number') {
        throw invalidRequest(`'number.maximum' and 'number.minimum' must be numbers.`);
      }
      if (facet.minimum > facet.maximum)
        throw invalidRequest(`'number.minimum' is greater than 'number.maximum'.`);
      return facet;
    }
    case 'currency': {
      for (const key of Object.keys(raw)) if (key !== 'locale') throw unknownProperty(key, typeName);
      const locale =
        raw.locale === undefined ? (base?.locale ?? 'en-us') : expectString(raw.locale, 'currency.locale');
      if (typeof locale !== 'string' || !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(locale)) {
        throw invalidRequest(`'currency.locale' must be a culture name such as 'en-us'.`);
      }
      return { locale: locale.toLowerCase() };
    }
    case 'dateTime': {
      const allowed = ['displayAs', 'format'];
      for (const key of Object.keys(raw)) if (!allowed.includes(key)) throw unknownProperty(key, typeName);
      return {
        displayAs:
          raw.displayAs === undefined
            ? (base?.displayAs ?? 'default')
            : expectEnum(raw.displayAs, ['default', 'friendly', 'standard'], 'dateTime.displayAs'),
        format:
          raw.format === undefined
            ? (base?.format ?? 'dateTime')
            : expectEnum(raw.format, ['dateOnly', 'dateTime'], 'dateTime.format'),
      };
    }
    case 'choice': {
      const allowed = ['allowTextEntry', 'choices', 'displayAs'];
      for (const key of Object.keys(raw)) if (!allowed.includes(key)) throw unknownProperty(key, typeName);
      const choices = raw.choices ?? base?.choices;
      if (!Array.isArray(choices) || choices.length === 0) {
        throw invalidRequest(`'choice.choices' must be a non-empty array of strings.`);
      }
      for (const choice of choices) {
        if (typeof choice !== 'string' || choice === '' || choice.length > SINGLE_LINE_TEXT_MAX) {
          throw invalidRequest(`Every entry of 'choice.choices' must be a string of 1 to 255 characters.`);
        }
      }
      if (new Set(choices).size !== choices.length) throw invalidRequest(`'choice.choices' has duplicates.`);
      return {
        allowTextEntry:
          raw.allowTextEntry === undefined
            ? (base?.allowTextEntry ?? false)
            : expectBoolean(raw.allowTextEntry, 'choice.allowTextEntry'),
        choices: [...choices],
        displayAs:
          raw.displayAs === undefined
            ? (base?.displayAs ?? 'dropDownMenu')
            : expectEnum(raw.displayAs, ['checkBoxes', 'dropDownMenu', 'radioButtons'], 'choice.displayAs'),
      };
    }
    case 'boolean': {
      for (const key of Object.keys(raw)) throw unknownProperty(key, typeName);
      return {};
    }
  }
}

/** Builds a new custom column from a columnDefinition body; the caller checks name uniqueness. */
export function columnFromDefinition(body: unknown): Column {
  if (!isPlainObject(body)) throw invalidRequest('A columnDefinition must be a JSON object.');
  const facetName = facetOf(body);
  for (const key of Object.keys(body)) {
    if (key !== facetName && !(COLUMN_PROPERTIES as readonly string[]).includes(key)) {
      throw unknownProperty(key, 'columnDefinition');
    }
  }
  if (typeof body.name !== 'string' || !NAME_PATTERN.test(body.name)) {
    throw invalidRequest(
      `The column name '${String(body.name)}' is not valid: it must start with a letter or '_' and hold only letters, digits and '_'.`,
    );
  }
  const column: Column = {
    id: randomUUID(),
    name: body.name,
    displayName: body.displayName === undefined ? body.name : expectString(body.displayName, 'displayName'),
    description: body.description === undefined ? '' : expectString(body.description, 'description'),
    columnGroup:
      body.columnGroup === undefined ? 'Custom Columns' : expectString(body.columnGroup, 'columnGroup'),
    enforceUniqueValues:
      body.enforceUniqueValues === undefined
        ? false
        : expectBoolean(body.enforceUniqueValues, 'enforceUniqueValues'),
    hidden: body.hidden === undefined ? false : expectBoolean(body.hidden, 'hidden'),
    indexed: body.indexed === undefined ? false : expectBoolean(body.indexed, 'indexed'),
    readOnly: body.readOnly === undefined ? false : expectBoolean(body.readOnly, 'readOnly'),
    required: body.required === undefined ? false : expectBoolean(body.required, 'required'),
    facetName,
    facet: normalizeFacet(facetName, body[facetName]),
    kind: facetName,
    builtIn: false,
  };
  if (column.displayName.trim() === '') throw invalidRequest(`'displayName' must not be empty.`);
  checkUniqueNeedsIndex(column);
  return column;
}

/** Applies a columnDefinition update body; returns the updated copy (the caller stores it). */
export function updatedColumn(column: Column, body: unknown): Column {
  if (!isPlainObject(body)) throw invalidRequest('A columnDefinition update must be a JSON object.');
  const next: Column = structuredClone(column);
  for (const [key, value] of Object.entries(body)) {
    if (key === 'id' || key === 'name') {
      throw invalidRequest(`The column's '${key}' cannot be changed.`);
    }
    if (column.readOnly && column.builtIn && key !== 'indexed' && key !== 'description') {
      throw invalidRequest(`Column '${column.name}' is a read-only built-in: only 'indexed' can be changed.`);
    }
    switch (key) {
      case 'displayName':
      case 'description':
      case 'columnGroup':
        next[key] = expectString(value, key);
        break;
      case 'enforceUniqueValues':
      case 'hidden':
      case 'indexed':
      case 'readOnly':
      case 'required':
        next[key] = expectBoolean(value, key);
        break;
      default: {
        if (
          (WRITABLE_FACETS as readonly string[]).includes(key) ||
          (OTHER_FACETS as readonly string[]).includes(key)
        ) {
          if (key !== column.facetName) {
            throw invalidRequest(
              `Column '${column.name}' is a ${column.facetName ?? 'computed'} column; its type cannot be changed to ${key}.`,
            );
          }
          next.facet = normalizeFacet(key as WritableFacet, value, column.facet);
          break;
        }
        throw unknownProperty(key, 'columnDefinition');
      }
    }
  }
  if (next.displayName.trim() === '') throw invalidRequest(`'displayName' must not be empty.`);
  checkUniqueNeedsIndex(next);
  return next;
}

function checkUniqueNeedsIndex(column: Column): void {
  if (column.enforceUniqueValues && !column.indexed) {
    throw invalidRequest(
      `Column '${column.name}' enforces unique values, so it must be indexed ('indexed': true).`,
    );
  }
}

/** Refuses a column set with more than 20 indexed columns (the ID counter does not count). */
export function checkIndexLimit(columns: Column[]): void {
  const indexed = columns.filter((c) => c.indexed && c.kind !== 'counter').length;
  if (indexed > MAX_INDEXES) {
    throw invalidRequest(`A list can have at most ${MAX_INDEXES} indexed columns.`);
  }
}

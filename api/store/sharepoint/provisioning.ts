import type { GraphCall } from './graph-errors';
import type { GraphExecutor } from './graph-executor';
import { expectOk, getAll, listsOf, resolveSiteId } from './graph-lists';
import type { ColumnSpec, ListSpec } from './list-schema';
import { columnDefinition, LISTS, listSpec, SCHEMA_VERSION } from './list-schema';

/**
 * Creates the lists and columns of list-schema on a site, idempotently: what exists is left alone, what
 * is missing is added, columns that queries filter on are made indexed, and the schema version is
 * recorded in the settings list. A second run changes nothing and says so.
 */
export interface ProvisionReport {
  siteId: string;
  listsCreated: string[];
  columnsAdded: string[];
  columnsIndexed: string[];
  schemaVersion: { before: number | undefined; after: number };
  unchanged: boolean;
}

const SCHEMA_SETTING = 'schemaVersion';

interface ColumnInfo {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  text?: unknown;
  number?: unknown;
  currency?: unknown;
  dateTime?: unknown;
  choice?: unknown;
  boolean?: unknown;
}

export async function provisionSharePoint(
  executor: GraphExecutor,
  site: { id: string } | { url: string },
  options: { currencyLocale: string; log?: (line: string) => void },
): Promise<ProvisionReport> {
  const log = options.log ?? (() => undefined);
  const siteId = await resolveSiteId(executor, site);
  const report: ProvisionReport = {
    siteId,
    listsCreated: [],
    columnsAdded: [],
    columnsIndexed: [],
    schemaVersion: { before: undefined, after: SCHEMA_VERSION },
    unchanged: true,
  };
  const existing = await listsOf(executor, siteId);
  const settings = existing.find((l) => l.displayName === listSpec('settings').displayName);
  report.schemaVersion.before = settings ? await readSchemaVersion(executor, siteId, settings.id) : undefined;
  if (report.schemaVersion.before !== undefined && report.schemaVersion.before > SCHEMA_VERSION) {
    throw new Error(
      `The site is at schema version ${report.schemaVersion.before}, newer than this build (${SCHEMA_VERSION}); provision with the newer build.`,
    );
  }

  const listIds = new Map<string, string>();
  for (const spec of LISTS) {
    const found = existing.find((l) => l.displayName === spec.displayName);
    if (found) {
      listIds.set(spec.key, found.id);
      await reconcileColumns(executor, siteId, found.id, spec, options.currencyLocale, report);
    } else {
      listIds.set(spec.key, await createList(executor, siteId, spec, options.currencyLocale));
      report.listsCreated.push(spec.displayName);
      log(`created list ${spec.displayName} (${spec.columns.length} columns)`);
      // Some tenants ignore `indexed` in a list-creation body: check, and index what is not.
      await reconcileColumns(executor, siteId, listIds.get(spec.key)!, spec, options.currencyLocale, report);
    }
  }
  for (const c of report.columnsAdded) log(`added column ${c}`);
  for (const c of report.columnsIndexed) log(`indexed column ${c}`);

  if (report.schemaVersion.before !== SCHEMA_VERSION) {
    await writeSchemaVersion(executor, siteId, listIds.get('settings')!);
    log(`schema version ${report.schemaVersion.before ?? 'none'} → ${SCHEMA_VERSION}`);
  }
  report.unchanged =
    report.listsCreated.length === 0 &&
    report.columnsAdded.length === 0 &&
    report.columnsIndexed.length === 0 &&
    report.schemaVersion.before === SCHEMA_VERSION;
  return report;
}

async function createList(
  executor: GraphExecutor,
  siteId: string,
  spec: ListSpec,
  currencyLocale: string,
): Promise<string> {
  const call: GraphCall = {
    method: 'POST',
    url: `/sites/${siteId}/lists`,
    body: {
      displayName: spec.displayName,
      description: spec.description,
      columns: spec.columns.map((c) => columnDefinition(c, currencyLocale)),
      list: { template: 'genericList' },
    },
  };
  const body = expectOk(call, await executor.send(call)) as { id: string };
  return body.id;
}

const TYPE_FACETS = ['text', 'number', 'currency', 'dateTime', 'choice', 'boolean'] as const;

function facetOf(column: ColumnSpec): (typeof TYPE_FACETS)[number] {
  switch (column.kind) {
    case 'multilineText':
      return 'text';
    case 'dateOnly':
      return 'dateTime';
    default:
      return column.kind;
  }
}

async function reconcileColumns(
  executor: GraphExecutor,
  siteId: string,
  listId: string,
  spec: ListSpec,
  currencyLocale: string,
  report: ProvisionReport,
): Promise<void> {
  const columnsUrl = `/sites/${siteId}/lists/${listId}/columns`;
  const columns = await getAll<ColumnInfo>(executor, columnsUrl);
  for (const column of spec.columns) {
    const found = columns.find((c) => c.name === column.name);
    const label = `${spec.displayName}.${column.name}`;
    if (!found) {
      const call: GraphCall = {
        method: 'POST',
        url: columnsUrl,
        body: columnDefinition(column, currencyLocale),
      };
      expectOk(call, await executor.send(call));
      report.columnsAdded.push(label);
      continue;
    }
    const facet = TYPE_FACETS.find((t) => found[t] !== undefined);
    if (facet !== facetOf(column)) {
      // Retyping a column could lose a PMO's data: a person decides, not provisioning.
      throw new Error(
        `Column ${label} is of type ${facet ?? 'unknown'} but PMO Hub needs ${facetOf(column)}: rename or remove it, then provision again.`,
      );
    }
    if ((column.indexed || column.unique) && !found.indexed) {
      const call: GraphCall = { method: 'PATCH', url: `${columnsUrl}/${found.id}`, body: { indexed: true } };
      expectOk(call, await executor.send(call));
      report.columnsIndexed.push(label);
    }
  }
}

/** The schema version recorded on the site, or undefined before the first provisioning. */
export async function readSchemaVersion(
  executor: GraphExecutor,
  siteId: string,
  settingsListId: string,
): Promise<number | undefined> {
  const item = await schemaItem(executor, siteId, settingsListId);
  if (!item) return undefined;
  const value = Number(item.fields.SettingValue);
  return Number.isInteger(value) ? value : undefined;
}

async function schemaItem(
  executor: GraphExecutor,
  siteId: string,
  settingsListId: string,
): Promise<{ id: string; fields: Record<string, unknown> } | undefined> {
  // The settings list holds a handful of items: read them all rather than index Title.
  const items = await getAll<{ id: string; fields: Record<string, unknown> }>(
    executor,
    `/sites/${siteId}/lists/${settingsListId}/items?$expand=${encodeURIComponent('fields($select=Title,SettingValue)')}&$top=100`,
  );
  return items.find((i) => i.fields.Title === SCHEMA_SETTING);
}

async function writeSchemaVersion(
  executor: GraphExecutor,
  siteId: string,
  settingsListId: string,
): Promise<void> {
  const item = await schemaItem(executor, siteId, settingsListId);
  const fields = { Title: SCHEMA_SETTING, SettingValue: String(SCHEMA_VERSION) };
  const call: GraphCall = item
    ? {
        method: 'PATCH',
        url: `/sites/${siteId}/lists/${settingsListId}/items/${item.id}/fields`,
        body: fields,
      }
    : { method: 'POST', url: `/sites/${siteId}/lists/${settingsListId}/items`, body: { fields } };
  expectOk(call, await executor.send(call));
}

import type { Fields } from './list-codecs';
import type { GraphCall, GraphResult } from './graph-errors';
import { errorFor, isSuccess } from './graph-errors';
import type { GraphExecutor } from './graph-executor';

/**
 * Reading SharePoint through Graph: sites, lists, and list items page by page. Every query names the
 * fields it wants (`$expand=fields($select=…)`), asks for the largest page SharePoint serves, and
 * follows `@odata.nextLink` to the end.
 */

/** SharePoint serves at most 5,000 list items per page, whatever `$top` asks for. */
export const MAX_PAGE_SIZE = 5000;

export interface ListItem {
  /** SharePoint's item id (an integer, as a string). */
  itemId: string;
  /** For `If-Match`: the item's version as SharePoint counts it. */
  eTag: string;
  fields: Fields;
}

/** An OData string literal: quotes doubled, so no value can end the literal and become syntax. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `fields/Column eq 'value'`: the column name comes from our schema, never from input. */
export function fieldEquals(column: string, value: string): string {
  return `fields/${column} eq ${odataString(value)}`;
}

/** Any of several values, one `eq` each (SharePoint has no `in` for list items). */
export function fieldIn(column: string, values: readonly string[]): string {
  const terms = values.map((v) => fieldEquals(column, v));
  return terms.length === 1 ? terms[0] : `(${terms.join(' or ')})`;
}

/** Text that cannot be sent in a URL (a lone UTF-16 surrogate) and so cannot match a stored value. */
export function isSendable(value: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}

export function itemsQuery(
  listPath: string,
  options: { select: readonly string[]; filter?: string; top?: number },
): string {
  const params = [
    `$expand=${encodeURIComponent(`fields($select=${options.select.join(',')})`)}`,
    ...(options.filter ? [`$filter=${encodeURIComponent(options.filter)}`] : []),
    `$top=${options.top ?? MAX_PAGE_SIZE}`,
  ];
  return `${listPath}/items?${params.join('&')}`;
}

export function itemFrom(raw: unknown): ListItem {
  const item = raw as { id?: unknown; eTag?: unknown; fields?: Fields };
  return {
    itemId: String(item.id),
    eTag: typeof item.eTag === 'string' ? item.eTag : String(item.fields?.['@odata.etag'] ?? ''),
    fields: item.fields ?? {},
  };
}

/** The body of a successful result, or the typed error for a failed one. */
export function expectOk(call: GraphCall, result: GraphResult): unknown {
  if (!isSuccess(result)) throw errorFor(call, result);
  return result.body;
}

/** Every page of a collection, following `@odata.nextLink`. */
export async function getAll<T>(executor: GraphExecutor, url: string): Promise<T[]> {
  const all: T[] = [];
  let next: string | undefined = url;
  while (next) {
    const call: GraphCall = { method: 'GET', url: next };
    const body = expectOk(call, await executor.send(call)) as { value?: T[]; '@odata.nextLink'?: string };
    all.push(...(body.value ?? []));
    const link = body['@odata.nextLink'];
    next = link ? executor.relativeUrl(link) : undefined;
  }
  return all;
}

/** A site by id, or by its URL (`https://contoso.sharepoint.com/sites/pmo`) resolved through Graph. */
export async function resolveSiteId(
  executor: GraphExecutor,
  site: { id: string } | { url: string },
): Promise<string> {
  let url: string;
  if ('id' in site) url = `/sites/${site.id}`;
  else {
    const parsed = new URL(site.url);
    const path = parsed.pathname.replace(/\/+$/, '');
    url = path ? `/sites/${parsed.hostname}:${path}` : `/sites/${parsed.hostname}`;
  }
  const call: GraphCall = { method: 'GET', url: `${url}?$select=id,displayName,webUrl` };
  const result = await executor.send(call);
  if (result.status === 404) {
    throw new Error(
      `SharePoint site ${'id' in site ? site.id : site.url} was not found (or the app may not read it).`,
    );
  }
  const body = expectOk(call, result) as { id: string };
  return body.id;
}

export interface ListInfo {
  id: string;
  displayName: string;
}

export async function listsOf(executor: GraphExecutor, siteId: string): Promise<ListInfo[]> {
  return getAll<ListInfo>(executor, `/sites/${siteId}/lists?$select=id,displayName&$top=999`);
}

/** The JSON Graph shows for sites, lists and list items, with their @odata.context URLs. */

import { badRequest } from './errors';
import type { ItemContext } from './field-values';
import { FAKE_APP, SHAREPOINT_APP_USER, fieldValueSet } from './field-values';
import type { SpItem, SpList, SpSite } from './sharepoint-data';
import { itemETag, listETag } from './sharepoint-data';

/** Who the fake says wrote things: app-only calls show the app and the "SharePoint App" user. */
export const appIdentity = (): Record<string, unknown> => ({
  application: { ...FAKE_APP },
  user: { displayName: SHAREPOINT_APP_USER.displayName },
});

export const siteRef = (site: SpSite): string => `sites('${encodeURIComponent(site.id)}')`;

export const listContext = (root: string, site: SpSite, list: SpList): string =>
  `${root}/$metadata#${siteRef(site)}/lists('${list.id}')`;

export function siteJson(root: string, site: SpSite): Record<string, unknown> {
  return {
    '@odata.context': `${root}/$metadata#sites/$entity`,
    createdDateTime: site.created,
    description: '',
    id: site.id,
    lastModifiedDateTime: site.created,
    name: site.name,
    webUrl: site.webUrl,
    displayName: site.displayName,
    siteCollection: { hostname: site.hostname },
  };
}

export function listWebUrl(site: SpSite, list: SpList): string {
  const base = list.template === 'documentLibrary' ? site.webUrl : `${site.webUrl}/Lists`;
  return `${base}/${encodeURIComponent(list.name)}`;
}

export const LIST_PROPERTIES = [
  'createdDateTime',
  'description',
  'eTag',
  'id',
  'lastModifiedDateTime',
  'name',
  'webUrl',
  'displayName',
  'createdBy',
  'lastModifiedBy',
  'parentReference',
  'list',
];

export function listJson(site: SpSite, list: SpList): Record<string, unknown> {
  return {
    '@odata.etag': listETag(list),
    createdDateTime: list.created,
    description: list.description,
    eTag: listETag(list),
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.name,
    webUrl: listWebUrl(site, list),
    displayName: list.displayName,
    createdBy: appIdentity(),
    lastModifiedBy: appIdentity(),
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: list.contentTypesEnabled, hidden: list.hidden, template: list.template },
  };
}

export const ITEM_PROPERTIES = [
  'createdDateTime',
  'eTag',
  'id',
  'lastModifiedDateTime',
  'webUrl',
  'createdBy',
  'lastModifiedBy',
  'parentReference',
  'contentType',
  'fields',
];

export interface ItemShape {
  /** Expand fields, optionally only these. */
  fields?: { select?: string[] };
  /** Top-level $select. */
  select?: string[];
}

export function itemJson(root: string, ctx: ItemContext, shape: ItemShape): Record<string, unknown> {
  const { site, list, item } = ctx;
  const eTag = itemETag(item);
  const json: Record<string, unknown> = {
    '@odata.etag': eTag,
    createdDateTime: item.created,
    eTag,
    id: String(item.id),
    lastModifiedDateTime: item.modified,
    webUrl: `${listWebUrl(site, list)}/${item.id}_.000`,
    createdBy: appIdentity(),
    lastModifiedBy: appIdentity(),
    parentReference: { id: list.rootFolderId, siteId: site.id },
    contentType: { id: list.contentTypeId, name: 'Item' },
  };
  if (shape.fields) {
    json['fields@odata.context'] = fieldsContext(root, site, list, item);
    json.fields = fieldValueSet(ctx, eTag, shape.fields.select);
  }
  return shape.select ? pick(json, shape.select) : json;
}

export const fieldsContext = (root: string, site: SpSite, list: SpList, item: SpItem): string =>
  `${listContext(root, site, list)}/items('${item.id}')/fields/$entity`;

/** Applies a top-level $select: the annotations stay, other properties only when selected. */
export function pick(json: Record<string, unknown>, select: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    const base = key.includes('@') && !key.startsWith('@') ? key.slice(0, key.indexOf('@')) : key;
    if (key.startsWith('@') || select.includes(base)) out[key] = value;
  }
  return out;
}

/** Refuses $select names that are not properties of the type. */
export function checkSelect(select: string[], allowed: string[], typeName: string): void {
  for (const name of select) {
    if (!allowed.includes(name)) {
      throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.${typeName}'.`);
    }
  }
}

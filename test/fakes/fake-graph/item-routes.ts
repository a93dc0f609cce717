/** Routes for list items and their field values. */

import { invalidRequest, methodNotAllowed } from './errors';
import type { FieldValue } from './field-values';
import { checkFieldSelect, fieldValueSet, parseFieldWrites } from './field-values';
import { HONOR_NON_INDEXED, queryItems } from './item-query';
import { buildNextLink, parseExpand, parseSelect, parseTop } from './odata-query';
import type { ItemShape } from './representations';
import { ITEM_PROPERTIES, checkSelect, fieldsContext, itemJson, listContext } from './representations';
import type { RouteContext, RouteRequest } from './route-context';
import { DEFAULT_PAGE_SIZE, checkIfMatch, noContent, ok, prefers, requireObjectBody } from './route-context';
import type { SpItem, SpList, SpSite } from './sharepoint-data';
import { itemETag } from './sharepoint-data';
import type { GraphResponse } from './types';

/** Reads $expand=fields(…) and $select into an item shape, checking every name. */
function itemShape(r: RouteRequest, list: SpList): ItemShape {
  const shape: ItemShape = {};
  const expand = r.query.get('$expand');
  if (expand !== undefined) {
    for (const expansion of parseExpand(expand, ['fields'], 'listItem')) {
      if (expansion.select) checkFieldSelect(list, expansion.select);
      shape.fields = { select: expansion.select };
    }
  }
  const select = r.query.get('$select');
  if (select !== undefined) {
    shape.select = parseSelect(select);
    checkSelect(shape.select, ITEM_PROPERTIES, 'listItem');
  }
  return shape;
}

function itemBody(body: Record<string, unknown>, action: string): unknown {
  for (const key of Object.keys(body)) {
    if (key !== 'fields') {
      throw invalidRequest(
        `The property '${key}' is not supported when ${action} a listItem; send { "fields": { … } }.`,
      );
    }
  }
  return body.fields ?? {};
}

/** GET/POST /sites/{site}/lists/{list}/items */
export function itemsRoute(ctx: RouteContext, r: RouteRequest, site: SpSite, list: SpList): GraphResponse {
  if (r.req.method === 'POST') {
    r.query.allowOnly([]);
    if (list.template === 'documentLibrary') {
      throw invalidRequest(
        'Files and folders should only be added to a DocumentLibrary via the OneDrive API',
      );
    }
    const changes = parseFieldWrites(list, itemBody(requireObjectBody(r.req), 'creating'), 'create');
    const values = new Map<string, FieldValue>();
    for (const [name, value] of changes) if (value !== null) values.set(name, value);
    const item = ctx.data.createItem(list, values);
    return ok(
      {
        '@odata.context': `${listContext(ctx.graphRoot, site, list)}/items/$entity`,
        ...itemJson(ctx.graphRoot, { site, list, item }, { fields: {} }),
      },
      201,
    );
  }
  if (r.req.method !== 'GET') throw methodNotAllowed();
  r.query.allowOnly(['$expand', '$select', '$top', '$filter', '$orderby', '$skiptoken']);
  const shape = itemShape(r, list);
  const page = queryItems(site, list, {
    filter: r.query.get('$filter'),
    orderby: r.query.get('$orderby'),
    top: parseTop(r.query.get('$top'), DEFAULT_PAGE_SIZE, ctx.maxPageSize),
    skiptoken: r.query.get('$skiptoken'),
    honorNonIndexed: prefers(r.req, HONOR_NON_INDEXED),
    listViewThreshold: ctx.listViewThreshold,
  });
  const body: Record<string, unknown> = {
    '@odata.context': `${listContext(ctx.graphRoot, site, list)}/items`,
  };
  if (page.nextToken)
    body['@odata.nextLink'] = buildNextLink(ctx.graphRoot, r.rawPath, r.query, page.nextToken);
  body.value = page.items.map((item) => itemJson(ctx.graphRoot, { site, list, item }, shape));
  return ok(body);
}

/** GET/PATCH/DELETE /sites/{site}/lists/{list}/items/{item-id} */
export function itemRoute(
  ctx: RouteContext,
  r: RouteRequest,
  site: SpSite,
  list: SpList,
  itemId: string,
): GraphResponse {
  const item = ctx.data.getItem(list, itemId);
  const entity = `${listContext(ctx.graphRoot, site, list)}/items/$entity`;
  switch (r.req.method) {
    case 'GET':
      r.query.allowOnly(['$expand', '$select']);
      return ok({
        '@odata.context': entity,
        ...itemJson(ctx.graphRoot, { site, list, item }, itemShape(r, list)),
      });
    case 'PATCH': {
      r.query.allowOnly([]);
      const fields = itemBody(requireObjectBody(r.req), 'updating');
      update(ctx, r, list, item, fields);
      return ok({
        '@odata.context': entity,
        ...itemJson(ctx.graphRoot, { site, list, item }, { fields: {} }),
      });
    }
    case 'DELETE':
      r.query.allowOnly([]);
      checkIfMatch(r.req, itemETag(item));
      ctx.data.deleteItem(list, item);
      return noContent();
    default:
      throw methodNotAllowed();
  }
}

function update(ctx: RouteContext, r: RouteRequest, list: SpList, item: SpItem, fields: unknown): void {
  checkIfMatch(r.req, itemETag(item));
  const changes = parseFieldWrites(list, fields, 'update');
  ctx.data.updateItem(list, item, changes);
}

/** GET/PATCH /sites/{site}/lists/{list}/items/{item-id}/fields */
export function fieldsRoute(
  ctx: RouteContext,
  r: RouteRequest,
  site: SpSite,
  list: SpList,
  itemId: string,
): GraphResponse {
  const item = ctx.data.getItem(list, itemId);
  const context = fieldsContext(ctx.graphRoot, site, list, item);
  switch (r.req.method) {
    case 'GET': {
      r.query.allowOnly(['$select']);
      const selectText = r.query.get('$select');
      const select = selectText === undefined ? undefined : parseSelect(selectText);
      if (select) checkFieldSelect(list, select);
      return ok({
        '@odata.context': context,
        ...fieldValueSet({ site, list, item }, itemETag(item), select),
      });
    }
    case 'PATCH':
      r.query.allowOnly([]);
      update(ctx, r, list, item, requireObjectBody(r.req));
      return ok({ '@odata.context': context, ...fieldValueSet({ site, list, item }, itemETag(item)) });
    default:
      throw methodNotAllowed();
  }
}

/** Routes for a site, its lists and their columns. */

import type { Column } from './columns';
import { columnFromDefinition, columnJson, updatedColumn } from './columns';
import { invalidRequest, itemNotFound, methodNotAllowed } from './errors';
import type { FilterNode } from './odata-filter';
import { FilterSyntaxError, parseFilter } from './odata-filter';
import {
  buildNextLink,
  decodeSkipToken,
  encodeSkipToken,
  parseExpand,
  parseSelect,
  parseTop,
} from './odata-query';
import {
  LIST_PROPERTIES,
  checkSelect,
  listContext,
  listJson,
  pick,
  siteJson,
  siteRef,
} from './representations';
import type { RouteContext, RouteRequest } from './route-context';
import { DEFAULT_PAGE_SIZE, noContent, ok, requireObjectBody } from './route-context';
import type { SpList, SpSite } from './sharepoint-data';
import type { GraphResponse } from './types';

export function siteRoute(ctx: RouteContext, r: RouteRequest, site: SpSite): GraphResponse {
  if (r.req.method !== 'GET') throw methodNotAllowed();
  r.query.allowOnly(['$select']);
  const json = siteJson(ctx.graphRoot, site);
  const select = r.query.get('$select');
  if (select === undefined) return ok(json);
  const names = parseSelect(select);
  checkSelect(
    names,
    Object.keys(json).filter((k) => !k.startsWith('@')),
    'site',
  );
  return ok(pick(json, names));
}

const COLUMN_PROPERTIES = [
  'columnGroup',
  'description',
  'displayName',
  'enforceUniqueValues',
  'hidden',
  'id',
  'indexed',
  'name',
  'readOnly',
  'required',
  'text',
  'number',
  'currency',
  'dateTime',
  'choice',
  'boolean',
  'personOrGroup',
  'lookup',
];

/** Columns as Graph lists them: hidden ones only when 'hidden' is in $select. */
function columnsJson(list: SpList, select?: string[]): Array<Record<string, unknown>> {
  if (select) checkSelect(select, COLUMN_PROPERTIES, 'columnDefinition');
  return list.columns
    .filter((c) => !c.hidden || select?.includes('hidden'))
    .map((c) => (select ? pick(columnJson(c), select) : columnJson(c)));
}

function listWithExpansions(site: SpSite, list: SpList, r: RouteRequest): Record<string, unknown> {
  let json = listJson(site, list);
  const select = r.query.get('$select');
  const expand = r.query.get('$expand');
  const expansions = expand === undefined ? [] : parseExpand(expand, ['columns'], 'list');
  if (select !== undefined) {
    const names = parseSelect(select);
    checkSelect(names, LIST_PROPERTIES, 'list');
    json = pick(json, names);
  }
  for (const expansion of expansions) json.columns = columnsJson(list, expansion.select);
  return json;
}

/** GET/POST /sites/{site}/lists */
export function listsRoute(ctx: RouteContext, r: RouteRequest, site: SpSite): GraphResponse {
  if (r.req.method === 'POST') return createList(ctx, r, site);
  if (r.req.method !== 'GET') throw methodNotAllowed();
  r.query.allowOnly(['$select', '$expand', '$top', '$filter', '$skiptoken']);
  const top = parseTop(r.query.get('$top'), DEFAULT_PAGE_SIZE, ctx.maxPageSize);
  const filterText = r.query.get('$filter');
  const predicate = filterText === undefined ? () => true : listPredicate(filterText);
  const matching = site.lists.filter(predicate);
  let offset = 0;
  const token = r.query.get('$skiptoken');
  if (token !== undefined) {
    const cursor = decodeSkipToken(token) as { lists?: unknown };
    if (typeof cursor?.lists !== 'number' || !Number.isInteger(cursor.lists) || cursor.lists < 0) {
      throw invalidRequest('The $skiptoken is not valid for this collection.');
    }
    offset = cursor.lists;
  }
  const page = matching.slice(offset, offset + top);
  const select = r.query.get('$select');
  const body: Record<string, unknown> = {
    '@odata.context': `${ctx.graphRoot}/$metadata#${siteRef(site)}/lists${select ? `(${select})` : ''}`,
  };
  if (offset + top < matching.length) {
    body['@odata.nextLink'] = buildNextLink(
      ctx.graphRoot,
      r.rawPath,
      r.query,
      encodeSkipToken({ lists: offset + top }),
    );
  }
  body.value = page.map((list) => listWithExpansions(site, list, r));
  return ok(body);
}

/** $filter on lists: displayName, name and id with eq/ne/startswith, combined with and/or/not. */
function listPredicate(text: string): (list: SpList) => boolean {
  let ast: FilterNode;
  try {
    ast = parseFilter(text);
  } catch (err) {
    if (err instanceof FilterSyntaxError) throw invalidRequest(`Invalid $filter: ${err.message}`);
    throw err;
  }
  const property = (path: string[]): 'displayName' | 'name' | 'id' => {
    const name = path.join('/');
    if (name === 'displayName' || name === 'name' || name === 'id') return name;
    throw invalidRequest(`Lists can be filtered on displayName, name or id only; got '${name}'.`);
  };
  const bind = (node: FilterNode): ((list: SpList) => boolean) => {
    switch (node.kind) {
      case 'and': {
        const [a, b] = [bind(node.left), bind(node.right)];
        return (list) => a(list) && b(list);
      }
      case 'or': {
        const [a, b] = [bind(node.left), bind(node.right)];
        return (list) => a(list) || b(list);
      }
      case 'not': {
        const a = bind(node.operand);
        return (list) => !a(list);
      }
      case 'startswith': {
        const key = property(node.property.path);
        const prefix = node.prefix.toLowerCase();
        return (list) => list[key].toLowerCase().startsWith(prefix);
      }
      case 'compare': {
        if (
          node.left.kind !== 'property' ||
          node.right.kind !== 'literal' ||
          node.right.literal.kind !== 'string'
        ) {
          throw invalidRequest(
            `Compare a list property with a quoted string, e.g. displayName eq 'Projects'.`,
          );
        }
        if (node.op !== 'eq' && node.op !== 'ne')
          throw invalidRequest(`Lists can be filtered with eq or ne only.`);
        const key = property(node.left.path);
        const value = node.right.literal.value.toLowerCase();
        const eq = node.op === 'eq';
        return (list) => (list[key].toLowerCase() === value) === eq;
      }
    }
  };
  return bind(ast);
}

const LIST_CREATE_KEYS = ['displayName', 'description', 'columns', 'list'];

function createList(ctx: RouteContext, r: RouteRequest, site: SpSite): GraphResponse {
  r.query.allowOnly([]);
  const body = requireObjectBody(r.req);
  for (const key of Object.keys(body)) {
    if (!LIST_CREATE_KEYS.includes(key)) {
      throw invalidRequest(`The property '${key}' is not supported when creating a list.`);
    }
  }
  if (typeof body.displayName !== 'string' || body.displayName.trim() === '') {
    throw invalidRequest(`'displayName' is required and must be a non-empty string.`);
  }
  if (body.displayName.length > 255) throw invalidRequest(`'displayName' holds at most 255 characters.`);
  if (body.description !== undefined && typeof body.description !== 'string') {
    throw invalidRequest(`'description' must be a string.`);
  }
  const facet = (body.list ?? {}) as Record<string, unknown>;
  if (typeof facet !== 'object' || facet === null || Array.isArray(facet)) {
    throw invalidRequest(`'list' must be an object such as { "template": "genericList" }.`);
  }
  for (const key of Object.keys(facet)) {
    if (!['template', 'hidden', 'contentTypesEnabled'].includes(key)) {
      throw invalidRequest(`The property '${key}' does not exist on type 'microsoft.graph.listInfo'.`);
    }
  }
  if (facet.template !== undefined && facet.template !== 'genericList') {
    throw invalidRequest(
      `The fake Graph creates only 'genericList' lists; got template '${String(facet.template)}'.`,
    );
  }
  for (const key of ['hidden', 'contentTypesEnabled'] as const) {
    if (facet[key] !== undefined && typeof facet[key] !== 'boolean')
      throw invalidRequest(`'list.${key}' must be a boolean.`);
  }
  if (body.columns !== undefined && !Array.isArray(body.columns))
    throw invalidRequest(`'columns' must be an array.`);
  const columns: Column[] = ((body.columns as unknown[] | undefined) ?? []).map(columnFromDefinition);
  const list = ctx.data.createList(
    site,
    body.displayName,
    (body.description as string | undefined) ?? '',
    columns,
    {
      hidden: (facet.hidden as boolean | undefined) ?? false,
      contentTypesEnabled: (facet.contentTypesEnabled as boolean | undefined) ?? false,
    },
  );
  const json: Record<string, unknown> = {
    '@odata.context': `${ctx.graphRoot}/$metadata#${siteRef(site)}/lists/$entity`,
    ...listJson(site, list),
  };
  // The created custom columns come back when columns were sent.
  if (body.columns !== undefined) json.columns = columns.map(columnJson);
  return ok(json, 201);
}

/** GET/DELETE /sites/{site}/lists/{list} */
export function listRoute(ctx: RouteContext, r: RouteRequest, site: SpSite, list: SpList): GraphResponse {
  if (r.req.method === 'DELETE') {
    r.query.allowOnly([]);
    if (list.template !== 'genericList')
      throw invalidRequest(`The fake Graph does not delete '${list.template}' lists.`);
    ctx.data.deleteList(site, list);
    return noContent();
  }
  if (r.req.method !== 'GET') throw methodNotAllowed();
  r.query.allowOnly(['$select', '$expand']);
  return ok({
    '@odata.context': `${ctx.graphRoot}/$metadata#${siteRef(site)}/lists/$entity`,
    ...listWithExpansions(site, list, r),
  });
}

/** GET/POST /sites/{site}/lists/{list}/columns */
export function columnsRoute(ctx: RouteContext, r: RouteRequest, site: SpSite, list: SpList): GraphResponse {
  if (r.req.method === 'POST') {
    r.query.allowOnly([]);
    const column = columnFromDefinition(requireObjectBody(r.req));
    ctx.data.addColumnTo(list, column);
    return ok(
      {
        '@odata.context': `${listContext(ctx.graphRoot, site, list)}/columns/$entity`,
        ...columnJson(column),
      },
      201,
    );
  }
  if (r.req.method !== 'GET') throw methodNotAllowed();
  r.query.allowOnly(['$select']);
  const selectText = r.query.get('$select');
  const select = selectText === undefined ? undefined : parseSelect(selectText);
  return ok({
    '@odata.context': `${listContext(ctx.graphRoot, site, list)}/columns`,
    value: columnsJson(list, select),
  });
}

/** GET/PATCH/DELETE /sites/{site}/lists/{list}/columns/{column-id} */
export function columnRoute(
  ctx: RouteContext,
  r: RouteRequest,
  site: SpSite,
  list: SpList,
  columnId: string,
): GraphResponse {
  const column = ctx.data.findColumnById(list, columnId);
  if (!column) throw itemNotFound(`Column '${columnId}' was not found in list '${list.displayName}'.`);
  const context = `${listContext(ctx.graphRoot, site, list)}/columns/$entity`;
  switch (r.req.method) {
    case 'GET':
      r.query.allowOnly([]);
      return ok({ '@odata.context': context, ...columnJson(column) });
    case 'PATCH': {
      r.query.allowOnly([]);
      const next = updatedColumn(column, requireObjectBody(r.req));
      ctx.data.replaceColumn(list, next);
      return ok({ '@odata.context': context, ...columnJson(next) });
    }
    case 'DELETE':
      r.query.allowOnly([]);
      ctx.data.deleteColumn(list, column);
      return noContent();
    default:
      throw methodNotAllowed();
  }
}

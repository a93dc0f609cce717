/**
 * Resolves a request path (relative to /v1.0) to a site, list, column or item and calls its route.
 * Sites are addressed by id ('{hostname},{guid},{guid}') or by path ('{hostname}:/sites/x' with an
 * optional ':' and further segments after it).
 */

import type { RequestIds } from './errors';
import { GraphHttpError, badRequest, itemNotFound, responseFromError, segmentNotFound } from './errors';
import { itemRoute, itemsRoute, fieldsRoute } from './item-routes';
import { columnRoute, columnsRoute, listRoute, listsRoute, siteRoute } from './list-routes';
import { parseQueryOptions } from './odata-query';
import type { RouteContext, RouteRequest } from './route-context';
import type { SpSite } from './sharepoint-data';
import type { GraphRequest, GraphResponse } from './types';

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badRequest(`The URL segment '${raw}' is not valid percent-encoding.`);
  }
}

const siteNotFound = () => itemNotFound('Requested site could not be found');

/** Finds the site and returns the path segments after it. */
function resolveSite(ctx: RouteContext, afterSites: string): { site: SpSite; rest: string[] } {
  const firstSegment = afterSites.split('/')[0];
  const colon = afterSites.indexOf(':');
  if (colon !== -1 && colon < (firstSegment.length || Infinity)) {
    // {hostname}:/{server-relative-path}[:[/more]]
    const hostname = decodeSegment(afterSites.slice(0, colon));
    const remainder = afterSites.slice(colon + 1);
    if (!remainder.startsWith('/'))
      throw badRequest(`Expected '{hostname}:/{server-relative-path}' after /sites/.`);
    const end = remainder.indexOf(':');
    const rawPath = end === -1 ? remainder : remainder.slice(0, end);
    const after = end === -1 ? '' : remainder.slice(end + 1);
    if (after !== '' && !after.startsWith('/'))
      throw badRequest(`Expected '/' after the site path's closing ':'.`);
    if (hostname.toLowerCase() !== ctx.data.hostname.toLowerCase()) throw siteNotFound();
    const site = ctx.data.findSiteByPath(decodeSegment(rawPath));
    if (!site) throw siteNotFound();
    return { site, rest: after === '' ? [] : after.slice(1).split('/') };
  }
  const [rawId, ...rest] = afterSites.split('/');
  const site = ctx.data.findSite(decodeSegment(rawId));
  if (!site) throw siteNotFound();
  return { site, rest };
}

/** Routes one request; throws GraphHttpError for Graph errors. */
export function route(ctx: RouteContext, req: GraphRequest): GraphResponse {
  const queryAt = req.target.indexOf('?');
  const rawPath = queryAt === -1 ? req.target : req.target.slice(0, queryAt);
  const r: RouteRequest = {
    req,
    query: parseQueryOptions(queryAt === -1 ? '' : req.target.slice(queryAt + 1)),
    rawPath,
  };
  if (!rawPath.startsWith('/')) throw segmentNotFound(rawPath);
  const [first, ...others] = rawPath.slice(1).split('/');
  if (first === '$batch') throw badRequest('A $batch request cannot be nested in a $batch request.');
  if (decodeSegment(first) !== 'sites') throw segmentNotFound(decodeSegment(first));
  if (others.length === 0 || others[0] === '') {
    throw badRequest(
      'The fake Graph does not list or search sites: address one by id or by {hostname}:/{path}.',
    );
  }
  const { site, rest } = resolveSite(ctx, rawPath.slice('/sites/'.length));
  const segments = rest.map(decodeSegment);
  if (segments.length === 0) return siteRoute(ctx, r, site);
  if (segments[0] !== 'lists') throw segmentNotFound(segments[0]);
  if (segments.length === 1) return listsRoute(ctx, r, site);
  const list = ctx.data.getList(site, segments[1]);
  if (segments.length === 2) return listRoute(ctx, r, site, list);
  switch (segments[2]) {
    case 'columns':
      if (segments.length === 3) return columnsRoute(ctx, r, site, list);
      if (segments.length === 4) return columnRoute(ctx, r, site, list, segments[3]);
      throw segmentNotFound(segments[4]);
    case 'items':
      if (segments.length === 3) return itemsRoute(ctx, r, site, list);
      if (segments.length === 4) return itemRoute(ctx, r, site, list, segments[3]);
      if (segments[4] !== 'fields') throw segmentNotFound(segments[4]);
      if (segments.length === 5) return fieldsRoute(ctx, r, site, list, segments[3]);
      throw segmentNotFound(segments[5]);
    default:
      throw segmentNotFound(segments[2]);
  }
}

/** Routes one request and turns any failure into Graph's error response. */
export function dispatch(ctx: RouteContext, req: GraphRequest, ids: RequestIds): GraphResponse {
  try {
    return route(ctx, req);
  } catch (err) {
    if (err instanceof GraphHttpError) return responseFromError(err, ids);
    const message = err instanceof Error ? err.message : String(err);
    return responseFromError(new GraphHttpError(500, 'generalException', `Fake Graph bug: ${message}`), ids);
  }
}

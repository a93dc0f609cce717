/**
 * Where a Teams deep link's sub-entity id points. The app writes them as `project:<id>` or a page name
 * (`compliance`, `approvals`, `raid`); anything else opens the portfolio.
 */
export function routeForSubPage(subPageId: string): string | null {
  const colon = subPageId.indexOf(':');
  const kind = colon < 0 ? subPageId : subPageId.slice(0, colon);
  const id = colon < 0 ? '' : subPageId.slice(colon + 1);
  if (kind === 'project' && id) return `/projects/${encodeURIComponent(id)}`;
  if (kind === 'compliance' || kind === 'approvals' || kind === 'raid') return `/${kind}`;
  return null;
}

/** The sub-entity id for a project, as a deep link to it carries it. */
export function subPageForProject(projectId: string): string {
  return `project:${projectId}`;
}

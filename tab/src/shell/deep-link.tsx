import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../session/session-context';

/** Where a Teams deep link's sub-entity id points: `project:<id>` or a page name. */
export function routeForSubPage(subPageId: string): string | null {
  const [kind, id] = subPageId.split(':', 2);
  if (kind === 'project' && id) return `/projects/${encodeURIComponent(id)}`;
  if (kind === 'compliance' || kind === 'approvals' || kind === 'raid') return `/${kind}`;
  return null;
}

/**
 * Teams opens a deep link (https://teams.microsoft.com/l/entity/<app>/<tab>?context={"subEntityId":…})
 * by loading the tab's content URL and handing the sub-entity id to the page: route to it once.
 */
export function DeepLink() {
  const { host } = useSession();
  const navigate = useNavigate();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || host.kind !== 'teams' || !host.subPageId) return;
    done.current = true;
    const route = routeForSubPage(host.subPageId);
    if (route) void navigate(route, { replace: true });
  }, [host, navigate]);
  return null;
}

import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../session/session-context';
import { routeForSubPage } from './sub-page-route';

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

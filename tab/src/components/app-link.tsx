import { Link } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { useHref, useLinkClickHandler, useNavigate } from 'react-router';

/**
 * A Fluent link to a page of the tab: a real href (open in a new tab, copy the address, reads as a link),
 * while a plain click navigates inside the app without reloading it. `state` travels with the navigation
 * (e.g. where "Back" returns to).
 */
export function AppLink({
  to,
  state,
  historyBack,
  className,
  children,
}: {
  to: string;
  state?: unknown;
  /** Go back in history instead (it restores the previous page's URL, filters included). */
  historyBack?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const href = useHref(to);
  const navigate = useNavigate();
  const navigateTo = useLinkClickHandler<HTMLAnchorElement>(to, { state });
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!historyBack) return navigateTo(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void navigate(-1);
  };
  return (
    <Link as="a" href={href} onClick={onClick} className={className}>
      {children}
    </Link>
  );
}

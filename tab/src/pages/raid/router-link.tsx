import { Link } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { useHref, useNavigate } from 'react-router';

/**
 * A Fluent link that navigates inside the tab (no page load), with a real href so it opens in a new
 * tab, copies, and reads as a link. `state` travels with the navigation (e.g. where "Back" returns to).
 */
export function RouterLink({
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
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (historyBack) void navigate(-1);
    else void navigate(to, { state });
  };
  return (
    <Link href={href} className={className} onClick={onClick}>
      {children}
    </Link>
  );
}

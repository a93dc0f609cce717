import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

/**
 * A Fluent link to a page of the tab: a real href (open in a new tab, copy the address), while a plain
 * click navigates inside the app without reloading it.
 */
export function AppLink({
  to,
  children,
  className,
}: {
  to: string;
  children: ReactNode;
  className?: string;
}) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Link as="a" href={href} onClick={onClick} className={className}>
      {children}
    </Link>
  );
}

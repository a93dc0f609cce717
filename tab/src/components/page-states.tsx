import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Text,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-client';
import { usePageStateStyles } from './page-states.styles';

/** Placeholder rows while a page loads; announced once to screen readers. */
export function LoadingSkeleton({ label, rows = 6 }: { label: string; rows?: number }) {
  const styles = usePageStateStyles();
  return (
    <div role="status" aria-live="polite" aria-label={label} className={styles.skeleton}>
      <Skeleton aria-hidden>
        {Array.from({ length: rows }, (_, i) => (
          <SkeletonItem key={i} size={24} className={styles.skeletonRow} />
        ))}
      </Skeleton>
    </div>
  );
}

/** What went wrong, in words, with a retry. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{error.problem.title}</MessageBarTitle>
        {error.problem.detail}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button icon={<ArrowClockwiseRegular />} onClick={onRetry}>
            Retry
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** Nothing to show yet, and what to do about it. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  const styles = usePageStateStyles();
  return (
    <div className={styles.empty} role="status">
      <Text as="h2" size={500} weight="semibold">
        {title}
      </Text>
      {children && <Text as="p">{children}</Text>}
      {action}
    </div>
  );
}

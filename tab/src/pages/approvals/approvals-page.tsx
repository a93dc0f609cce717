import { Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ChangeRequestJson } from '../../api/types';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/page-states';
import { useResource } from '../../components/use-resource';
import { useApi } from '../../session/session-context';
import { useApprovalsStyles } from './approvals-page.styles';
import { DecidedCard, PendingCard } from './change-request-card';
import type { DecisionOutcome } from './decision-form';
import { RecentChangeRequests } from './recent-change-requests';

/**
 * Approvals: the change requests waiting for my decision (approve or reject with a comment, through the
 * same service as the bot's card), then the recent ones I can see with their decision trail.
 */
export default function ApprovalsPage() {
  const styles = useApprovalsStyles();
  const api = useApi();
  const headingId = useId();
  // Bumped after each decision: both lists load again.
  const [refreshKey, setRefreshKey] = useState(0);
  // Decided here, this visit: their cards stay to show the outcome once they leave the pending list.
  const [decided, setDecided] = useState<Array<{ cr: ChangeRequestJson; decision: DecisionOutcome }>>([]);
  const pending = useResource(`change-requests:to-approve:${refreshKey}`, (signal) =>
    api.get<{ changeRequests: ChangeRequestJson[] }>('/change-requests', { mine: 'to-approve' }, signal),
  );
  const decidedIds = new Set(decided.map((d) => d.cr.id));
  const waiting = (pending.data?.changeRequests ?? [])
    .filter((cr) => !decidedIds.has(cr.id))
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));

  const onDecided = (cr: ChangeRequestJson, decision: DecisionOutcome) => {
    setDecided((list) => [{ cr, decision }, ...list.filter((d) => d.cr.id !== cr.id)]);
    setRefreshKey((n) => n + 1);
  };

  return (
    <div className={styles.root}>
      <div className={styles.titleBlock}>
        <h1 className={styles.title}>Approvals</h1>
        <p className={styles.intro}>
          Change requests waiting for your decision, oldest first, and the recent ones on your projects.
          Deciding here is the same as deciding on the card in Teams chat.
        </p>
      </div>

      <section className={styles.section} aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.sectionHeading}>
          Waiting for your decision{pending.data ? ` (${waiting.length})` : ''}
        </h2>
        {pending.state === 'error' && <ErrorState error={pending.error} onRetry={pending.reload} />}
        {pending.state === 'loading' && !pending.data && (
          <LoadingSkeleton label="Loading the change requests waiting for you" rows={4} />
        )}
        <div className={styles.cards}>
          {decided.map(({ cr, decision }) => (
            <DecidedCard key={cr.id} cr={cr} decision={decision} />
          ))}
          {waiting.map((cr) => (
            <PendingCard key={cr.id} cr={cr} onDecided={onDecided} />
          ))}
        </div>
        {pending.data && waiting.length === 0 && decided.length === 0 && (
          <EmptyState title="Nothing waiting for your decision">
            When a project manager raises a change request that you approve, it appears here and in Teams
            chat. The recent change requests on your projects are below.
          </EmptyState>
        )}
        {pending.data && waiting.length === 0 && decided.length > 0 && (
          <Text className={styles.muted}>Nothing else is waiting for your decision.</Text>
        )}
      </section>

      <RecentChangeRequests refreshKey={refreshKey} />
    </div>
  );
}

import { Text } from '@fluentui/react-components';
import {
  CheckmarkCircleFilled,
  CircleRegular,
  ClockDismissRegular,
  DismissCircleFilled,
  HourglassHalfRegular,
  MoneyRegular,
  PersonSwapRegular,
} from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { ChangeRequestJson } from '../../api/types';
import { useFormat } from '../../components/format';
import { useSession } from '../../session/session-context';
import { useApprovalsStyles } from './approvals-page.styles';
import { CHANNEL_LABEL } from './change-request-labels';

type Person = ChangeRequestJson['approvers'][number];

/**
 * Who approves, in order, and what each has done: decided (when, where, with their comment), awaited
 * now, waiting for their turn, or not needed any more; then what else happened to the request
 * (an approver replaced, the approval applied to the project, expiry). Icons come with words.
 */
export function DecisionTrail({ cr }: { cr: ChangeRequestJson }) {
  const styles = useApprovalsStyles();
  const format = useFormat();
  const { me } = useSession();
  const awaited = new Set(cr.currentApprovers.map((a) => a.id));
  const decidedBy = new Map(cr.decisions.map((d) => [d.approver.id, d]));

  const waiting = (approver: Person, index: number): ReactNode => {
    if (awaited.has(approver.id))
      return <strong>{approver.id === me.id ? 'Awaiting your decision' : 'Awaiting their decision'}</strong>;
    if (cr.state !== 'submitted') return 'Not needed: the request was settled without them';
    const before = cr.approvers[index - 1];
    return before ? `Decides after ${before.name}` : 'Waiting for their turn';
  };

  return (
    <ol className={styles.trail}>
      {cr.approvers.map((approver, index) => {
        const decision = decidedBy.get(approver.id);
        return (
          <li key={approver.id} className={styles.trailItem}>
            <span className={decision ? styles[`mark_${decision.decision}`] : styles.markWaiting} aria-hidden>
              {decision?.decision === 'approved' ? (
                <CheckmarkCircleFilled />
              ) : decision?.decision === 'rejected' ? (
                <DismissCircleFilled />
              ) : awaited.has(approver.id) ? (
                <HourglassHalfRegular />
              ) : (
                <CircleRegular />
              )}
            </span>
            <div className={styles.trailText}>
              <Text weight="semibold">
                {approver.name}
                {approver.id === me.id ? ' (you)' : ''}
              </Text>
              {decision ? (
                <>
                  <Text>
                    {decision.decision === 'approved' ? 'Approved' : 'Rejected'} on{' '}
                    {format.dateTime(decision.at)} {CHANNEL_LABEL[decision.channel]}
                  </Text>
                  {decision.comment && <q className={styles.comment}>{decision.comment}</q>}
                </>
              ) : (
                <Text className={styles.muted}>{waiting(approver, index)}</Text>
              )}
            </div>
          </li>
        );
      })}
      {cr.history.map((event, i) => (
        <li key={`event-${i}`} className={styles.trailItem}>
          <span className={styles.markWaiting} aria-hidden>
            {event.kind === 'reassigned' ? (
              <PersonSwapRegular />
            ) : event.kind === 'applied' ? (
              <MoneyRegular />
            ) : (
              <ClockDismissRegular />
            )}
          </span>
          <Text className={styles.trailText}>
            {event.kind === 'reassigned' &&
              `${event.to.name} replaced ${event.from.name} as approver (by ${event.by.name}, ${format.dateTime(event.at)})`}
            {event.kind === 'applied' &&
              `Applied to the project on ${format.dateTime(event.at)}: approved budget ${format.money(
                event.approvedBudget.from,
              )} → ${format.money(event.approvedBudget.to)}, forecast finish ${format.date(
                event.forecastFinish.from,
              )} → ${format.date(event.forecastFinish.to)}`}
            {event.kind === 'expired' && `Expired on ${format.dateTime(event.at)}: nobody settled it in time`}
          </Text>
        </li>
      ))}
    </ol>
  );
}

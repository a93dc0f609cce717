import { Text } from '@fluentui/react-components';
import type { ChangeRequestJson } from '../../api/types';
import { useFormat } from '../../components/format';
import { useApprovalsStyles } from './approvals-page.styles';

/** A whole-day shift of a YYYY-MM-DD date. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * What the change does: budget and schedule deltas (with the project's figures before and after while
 * the request is open), scope and benefits, why and what.
 */
export function ChangeRequestImpact({ cr }: { cr: ChangeRequestJson }) {
  const styles = useApprovalsStyles();
  const format = useFormat();
  // Once approved, the project already carries the change: before/after only reads right while open.
  const open = cr.state === 'submitted';
  const { project } = cr;
  const days = cr.scheduleDeltaDays;
  return (
    <dl className={styles.facts}>
      <dt className={styles.factTerm}>Budget</dt>
      <dd className={styles.factValue}>
        <Text weight="semibold">{cr.costDelta === 0 ? 'No change' : format.moneyDelta(cr.costDelta)}</Text>
        {open && cr.costDelta !== 0 && (
          <Text className={styles.muted}>
            {' '}
            (approved budget {format.money(project.approvedBudget)} →{' '}
            {format.money(project.approvedBudget + cr.costDelta)})
          </Text>
        )}
      </dd>
      <dt className={styles.factTerm}>Schedule</dt>
      <dd className={styles.factValue}>
        <Text weight="semibold">
          {days === 0 ? 'No change' : `${days > 0 ? `${days} days later` : `${-days} days earlier`}`}
        </Text>
        {open && days !== 0 && (
          <Text className={styles.muted}>
            {' '}
            (forecast finish {format.date(project.forecastFinish)} →{' '}
            {format.date(addDays(project.forecastFinish, days))})
          </Text>
        )}
      </dd>
      {cr.scopeChange && (
        <>
          <dt className={styles.factTerm}>Scope</dt>
          <dd className={styles.factValue}>{cr.scopeChange}</dd>
        </>
      )}
      {cr.benefitImpact && (
        <>
          <dt className={styles.factTerm}>Benefits</dt>
          <dd className={styles.factValue}>{cr.benefitImpact}</dd>
        </>
      )}
      {cr.description && (
        <>
          <dt className={styles.factTerm}>What</dt>
          <dd className={styles.factValue}>{cr.description}</dd>
        </>
      )}
      <dt className={styles.factTerm}>Why</dt>
      <dd className={styles.factValue}>{cr.justification}</dd>
    </dl>
  );
}

import { Card, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import type { ChangeRequestJson } from '../../api/types';
import { AppLink } from '../../components/app-link';
import { useFormat } from '../../components/format';
import { useSession } from '../../session/session-context';
import { useApprovalsStyles } from './approvals-page.styles';
import { POLICY_TEXT } from './change-request-labels';
import { ChangeRequestImpact } from './change-request-impact';
import type { DecisionOutcome } from './decision-form';
import { DecisionForm } from './decision-form';
import { DecisionTrail } from './decision-trail';

/** "5 days ago", in the person's language. */
function useAgo(): (iso: string) => string {
  const { host } = useSession();
  const rtf = new Intl.RelativeTimeFormat(host.locale, { numeric: 'auto' });
  return (iso) => {
    const hours = Math.round((Date.parse(iso) - Date.now()) / 3_600_000);
    return Math.abs(hours) < 24 ? rtf.format(hours, 'hour') : rtf.format(Math.round(hours / 24), 'day');
  };
}

/** The project a change request is for, as the change request carries it. */
export function ProjectLine({ project }: { project: ChangeRequestJson['project'] }) {
  const styles = useApprovalsStyles();
  return (
    <span className={styles.projectLine}>
      <AppLink to={`/projects/${encodeURIComponent(project.id)}`}>
        {project.code} {project.title}
      </AppLink>
      <Text size={200}>{project.program}</Text>
    </span>
  );
}

function Raised({ cr }: { cr: ChangeRequestJson }) {
  const styles = useApprovalsStyles();
  const format = useFormat();
  const ago = useAgo();
  return (
    <Text className={styles.muted}>
      Raised by {cr.requestedBy.name} on {format.dateTime(cr.requestedAt)} ({ago(cr.requestedAt)})
    </Text>
  );
}

/** How the approvers combine and where each stands. */
export function ApprovalBlock({ cr }: { cr: ChangeRequestJson }) {
  const styles = useApprovalsStyles();
  const id = useId();
  return (
    <section className={styles.column} aria-labelledby={id}>
      <h4 id={id} className={styles.subHeading}>
        Approval
      </h4>
      <Text className={styles.muted}>{POLICY_TEXT[cr.policy]}</Text>
      <DecisionTrail cr={cr} />
    </section>
  );
}

/** A change request waiting for this person: what it is, what it does, who decides, and the decision. */
export function PendingCard({
  cr,
  onDecided,
}: {
  cr: ChangeRequestJson;
  onDecided: (view: ChangeRequestJson, decision: DecisionOutcome) => void;
}) {
  const styles = useApprovalsStyles();
  const id = useId();
  return (
    <Card className={styles.card} role="article" aria-labelledby={id} focusMode="off">
      <div className={styles.cardTop}>
        <ProjectLine project={cr.project} />
        <h3 id={id} className={styles.cardTitle}>
          {cr.title}
        </h3>
        <Raised cr={cr} />
      </div>
      <div className={styles.cardColumns}>
        <section className={styles.column} aria-label="Impact">
          <ChangeRequestImpact cr={cr} />
        </section>
        <ApprovalBlock cr={cr} />
      </div>
      <DecisionForm cr={cr} onDecided={onDecided} />
    </Card>
  );
}

/** What a decision just did: announced, focused (the form that had focus is gone), with the new trail. */
export function DecidedCard({ cr, decision }: { cr: ChangeRequestJson; decision: DecisionOutcome }) {
  const styles = useApprovalsStyles();
  const id = useId();
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => outcomeRef.current?.focus(), []);
  const next =
    cr.state === 'approved'
      ? "It is approved: the project's approved budget and forecast finish now include it."
      : cr.state === 'rejected'
        ? `It is rejected; ${cr.requestedBy.name} is told why.`
        : cr.currentApprovers.length > 0
          ? `It now waits for ${cr.currentApprovers.map((a) => a.name).join(', ')}.`
          : `It is now ${cr.state}.`;
  return (
    <Card className={styles.card} role="article" aria-labelledby={id} focusMode="off">
      <div className={styles.cardTop}>
        <ProjectLine project={cr.project} />
        <h3 id={id} className={styles.cardTitle}>
          {cr.title}
        </h3>
      </div>
      <div ref={outcomeRef} tabIndex={-1} role="status" className={styles.outcome}>
        <MessageBar intent={decision === 'approved' ? 'success' : 'info'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              You {decision === 'approved' ? 'approved' : 'rejected'} this change request.
            </MessageBarTitle>
            {next}
          </MessageBarBody>
        </MessageBar>
      </div>
      <ApprovalBlock cr={cr} />
    </Card>
  );
}

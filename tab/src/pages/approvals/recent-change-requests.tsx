import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Select,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ChangeRequestJson, ChangeRequestState } from '../../api/types';
import { useFormat } from '../../components/format';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/page-states';
import { useResource } from '../../components/use-resource';
import { useApi } from '../../session/session-context';
import { useApprovalsStyles } from './approvals-page.styles';
import { ApprovalBlock, ProjectLine } from './change-request-card';
import { ChangeRequestImpact } from './change-request-impact';
import { ChangeStateBadge } from './change-request-labels';

type Show = 'decided' | 'open' | 'all';
const SHOW: Record<Show, { label: string; states?: ChangeRequestState[] }> = {
  decided: { label: 'Decided', states: ['approved', 'rejected', 'withdrawn', 'expired'] },
  open: { label: 'Awaiting a decision', states: ['submitted'] },
  all: { label: 'All' },
};
const PAGE = 10;

/** When anything last happened to it: newest first. */
function lastActivity(cr: ChangeRequestJson): string {
  return cr.decidedAt ?? cr.decisions.at(-1)?.at ?? cr.requestedAt;
}

/**
 * The change requests this person can see (their projects' and those they approve), newest activity
 * first, each with its state and, opened, its impact and decision trail.
 */
export function RecentChangeRequests({ refreshKey }: { refreshKey: number }) {
  const styles = useApprovalsStyles();
  const api = useApi();
  const format = useFormat();
  const headingId = useId();
  const [show, setShow] = useState<Show>('decided');
  const [limit, setLimit] = useState(PAGE);
  const resource = useResource(`change-requests:${show}:${refreshKey}`, (signal) =>
    api.get<{ changeRequests: ChangeRequestJson[] }>(
      '/change-requests',
      { state: SHOW[show].states },
      signal,
    ),
  );
  const all = [...(resource.data?.changeRequests ?? [])].sort((a, b) =>
    lastActivity(b).localeCompare(lastActivity(a)),
  );
  const shown = all.slice(0, limit);

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.sectionHeader}>
        <h2 id={headingId} className={styles.sectionHeading}>
          Recent change requests
        </h2>
        <Field label="Show">
          <Select
            className={styles.filter}
            value={show}
            onChange={(_e, data) => {
              setShow(data.value as Show);
              setLimit(PAGE);
            }}
          >
            {(Object.keys(SHOW) as Show[]).map((key) => (
              <option key={key} value={key}>
                {SHOW[key].label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {resource.state === 'error' && <ErrorState error={resource.error} onRetry={resource.reload} />}
      {resource.state === 'loading' && !resource.data && (
        <LoadingSkeleton label="Loading change requests" rows={4} />
      )}
      {resource.data && all.length === 0 && (
        <EmptyState title="No change requests to show">
          Change requests on the projects you sponsor or manage, and those you approve, appear here. Try
          showing all of them.
        </EmptyState>
      )}
      {all.length > 0 && (
        <>
          <Text className={styles.muted} aria-live="polite">
            {resource.state === 'loading' ? (
              <Spinner size="tiny" label="Refreshing" labelPosition="after" />
            ) : (
              `Showing ${shown.length} of ${all.length}, latest activity first.`
            )}
          </Text>
          <Accordion multiple collapsible>
            {shown.map((cr) => {
              return (
                <AccordionItem key={cr.id} value={cr.id} className={styles.accordionItem}>
                  <AccordionHeader as="h3" expandIconPosition="end">
                    <span className={styles.accordionHeader}>
                      <span className={styles.accordionTitle}>{cr.title}</span>
                      <ChangeStateBadge state={cr.state} />
                      <Text size={200} className={styles.muted}>
                        {`${cr.project.code} · `}
                        {cr.decidedAt
                          ? `decided ${format.date(cr.decidedAt)}`
                          : `raised ${format.date(cr.requestedAt)} by ${cr.requestedBy.name}`}
                      </Text>
                    </span>
                  </AccordionHeader>
                  <AccordionPanel className={styles.accordionPanel}>
                    <ProjectLine project={cr.project} />
                    <Text className={styles.muted}>
                      Raised by {cr.requestedBy.name} on {format.dateTime(cr.requestedAt)}
                    </Text>
                    <div className={styles.cardColumns}>
                      <section className={styles.column} aria-label="Impact">
                        <ChangeRequestImpact cr={cr} />
                      </section>
                      <ApprovalBlock cr={cr} />
                    </div>
                  </AccordionPanel>
                </AccordionItem>
              );
            })}
          </Accordion>
          {all.length > shown.length && (
            <Button onClick={() => setLimit((n) => n + PAGE)}>
              Show {Math.min(PAGE, all.length - shown.length)} more
            </Button>
          )}
        </>
      )}
    </section>
  );
}

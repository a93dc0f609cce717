import { Badge, Card, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ChangeRequestJson, ChangeRequestState, ProjectJson } from '../../api/types';
import type { Formatters } from '../../components/format';
import { useFormat } from '../../components/format';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/page-states';
import type { Resource } from '../../components/use-resource';
import { useProjectPageStyles } from './project-page.styles';
import { useChangeRequestStyles } from './change-requests-panel.styles';
import { CHANGE_STATE_LABEL } from './project-labels';

const STATE_COLOR: Record<ChangeRequestState, 'brand' | 'success' | 'danger' | 'informative' | 'warning'> = {
  draft: 'informative',
  submitted: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'informative',
  expired: 'informative',
};

const POLICY_LABEL: Record<ChangeRequestJson['policy'], string> = {
  sequential: 'Each approver in turn',
  all: 'All approvers',
  any: 'Any one approver',
};

const CHANNEL_LABEL = { bot: 'in Teams chat', tab: 'in the PMO Hub tab', api: 'through the API' } as const;

/** The project's change requests, newest first, each with who decided what and who is awaited now. */
export function ChangeRequestsPanel({
  project,
  requests,
}: {
  project: ProjectJson;
  requests: Resource<{ changeRequests: ChangeRequestJson[] }>;
}) {
  const styles = useProjectPageStyles();
  const cr = useChangeRequestStyles();
  const list = requests.data?.changeRequests;

  return (
    <section className={styles.section} aria-labelledby="changes-heading">
      <h2 id="changes-heading" className={styles.sectionHeading}>
        Change requests
      </h2>
      {requests.state === 'error' && <ErrorState error={requests.error} onRetry={requests.reload} />}
      {!list && requests.state === 'loading' && <LoadingSkeleton label="Loading change requests" rows={4} />}
      {list && list.length === 0 && (
        <EmptyState title="No change requests">
          Changes to {project.code}'s budget, schedule or scope are raised by the project manager in Teams;
          they show here with their approval trail.
        </EmptyState>
      )}
      {list && list.length > 0 && (
        <ul className={cr.list}>
          {[...list]
            .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
            .map((c) => (
              <li key={c.id}>
                <ChangeRequestCard request={c} />
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

function ChangeRequestCard({ request: c }: { request: ChangeRequestJson }) {
  const styles = useChangeRequestStyles();
  const f = useFormat();
  const headingId = `cr-${c.id}`;
  const decisionOf = new Map(c.decisions.map((d) => [d.approver.id, d]));
  const awaited = new Set(c.currentApprovers.map((a) => a.id));

  return (
    <Card className={styles.card} role="article" aria-labelledby={headingId}>
      <div className={styles.header}>
        <h3 id={headingId} className={styles.heading}>
          {c.title}
        </h3>
        <Badge appearance="filled" color={STATE_COLOR[c.state]}>
          {CHANGE_STATE_LABEL[c.state]}
        </Badge>
      </div>
      <Text className={styles.muted}>
        Raised by {c.requestedBy.name} on {f.dateTime(c.requestedAt)}
        {c.decidedAt ? ` · settled ${f.dateTime(c.decidedAt)}` : ''}
      </Text>

      <dl className={styles.facts}>
        <Fact term="Budget change">{c.costDelta === 0 ? 'None' : f.moneyDelta(c.costDelta)}</Fact>
        <Fact term="Schedule change">
          {c.scheduleDeltaDays === 0
            ? 'None'
            : `${f.days(c.scheduleDeltaDays)} (${c.scheduleDeltaDays > 0 ? 'later' : 'earlier'})`}
        </Fact>
        <Fact term="Approval">{POLICY_LABEL[c.policy]}</Fact>
      </dl>
      <dl className={styles.texts}>
        {c.description && <Fact term="Description">{c.description}</Fact>}
        {c.scopeChange && <Fact term="Scope change">{c.scopeChange}</Fact>}
        {c.benefitImpact && <Fact term="Benefit impact">{c.benefitImpact}</Fact>}
        {c.justification && <Fact term="Justification">{c.justification}</Fact>}
      </dl>

      <div className={styles.columns}>
        <div>
          <h4 className={styles.subHeading}>Approvers</h4>
          <ol className={styles.approvers}>
            {c.approvers.map((a) => {
              const decision = decisionOf.get(a.id);
              return (
                <li key={a.id}>
                  <span className={styles.approver}>
                    {a.name}
                    {decision ? (
                      <Badge
                        appearance="tint"
                        color={decision.decision === 'approved' ? 'success' : 'danger'}
                      >
                        {decision.decision === 'approved' ? 'Approved' : 'Rejected'}
                      </Badge>
                    ) : awaited.has(a.id) ? (
                      <Badge appearance="filled" color="warning">
                        Awaited now
                      </Badge>
                    ) : c.state === 'submitted' ? (
                      <Badge appearance="outline" color="informative">
                        Waiting their turn
                      </Badge>
                    ) : (
                      <Badge appearance="outline" color="informative">
                        No decision
                      </Badge>
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
        </div>
        <div>
          <h4 className={styles.subHeading}>Decision trail</h4>
          <ol className={styles.trail}>
            {trail(c, f, styles.comment).map((e) => (
              <li key={e.key} className={styles.event}>
                {e.body}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </Card>
  );
}

/** Everything that happened to the request, oldest first: raised, each decision, reassignments, effects. */
function trail(
  c: ChangeRequestJson,
  f: Formatters,
  commentClass: string,
): Array<{ key: string; at: string; body: ReactNode }> {
  const events: Array<{ key: string; at: string; body: ReactNode }> = [
    {
      key: 'raised',
      at: c.requestedAt,
      body: (
        <>
          <Text weight="semibold">Raised by {c.requestedBy.name}</Text>
          <Muted>{f.dateTime(c.requestedAt)}</Muted>
        </>
      ),
    },
  ];
  for (const d of c.decisions) {
    events.push({
      key: d.id,
      at: d.at,
      body: (
        <>
          <Text weight="semibold">
            {d.approver.name} {d.decision === 'approved' ? 'approved' : 'rejected'}
          </Text>
          <Muted>
            {f.dateTime(d.at)} {CHANNEL_LABEL[d.channel]}
          </Muted>
          {d.comment && <blockquote className={commentClass}>{d.comment}</blockquote>}
        </>
      ),
    });
  }
  c.history.forEach((h, i) => {
    const key = `h${i}`;
    if (h.kind === 'reassigned') {
      events.push({
        key,
        at: h.at,
        body: (
          <>
            <Text weight="semibold">
              {h.by.name} reassigned {h.from.name}'s approval to {h.to.name}
            </Text>
            <Muted>{f.dateTime(h.at)}</Muted>
          </>
        ),
      });
    } else if (h.kind === 'applied') {
      events.push({
        key,
        at: h.at,
        body: (
          <>
            <Text weight="semibold">Applied to the project</Text>
            <Muted>
              Approved budget {f.money(h.approvedBudget.from)} → {f.money(h.approvedBudget.to)}; forecast
              finish {f.date(h.forecastFinish.from)} → {f.date(h.forecastFinish.to)}. {f.dateTime(h.at)}
            </Muted>
          </>
        ),
      });
    } else {
      events.push({
        key,
        at: h.at,
        body: (
          <>
            <Text weight="semibold">Expired without a decision</Text>
            <Muted>{f.dateTime(h.at)}</Muted>
          </>
        ),
      });
    }
  });
  if (c.state === 'withdrawn' && c.decidedAt) {
    events.push({
      key: 'withdrawn',
      at: c.decidedAt,
      body: (
        <>
          <Text weight="semibold">Withdrawn</Text>
          <Muted>{f.dateTime(c.decidedAt)}</Muted>
        </>
      ),
    });
  }
  if (c.currentApprovers.length > 0) {
    events.push({
      key: 'awaiting',
      at: '9999',
      body: (
        <>
          <Text weight="semibold">Awaiting {c.currentApprovers.map((a) => a.name).join(', ')}</Text>
        </>
      ),
    });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

function Muted({ children }: { children: ReactNode }) {
  return <Text size={200}>{children}</Text>;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  const styles = useChangeRequestStyles();
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{children}</dd>
    </div>
  );
}

import { Badge, Card, Field, ProgressBar, Text } from '@fluentui/react-components';
import { ClockAlarmRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { PersonRef, ProjectJson } from '../../api/types';
import type { Formatters } from '../../components/format';
import { useFormat } from '../../components/format';
import { RagBadge } from '../../components/rag-badge';
import { useProjectPageStyles } from './project-page.styles';
import { METHODOLOGY_LABEL, PHASE_LABEL, STATE_LABEL } from './project-labels';
import { weekLong } from '../../components/iso-week';

/** Title, code and the facts a PMO head asks about first: who, where in its life, when, how much. */
export function ProjectHeader({ project }: { project: ProjectJson }) {
  const styles = useProjectPageStyles();
  const f = useFormat();
  const latest = project.latestStatus;

  return (
    <>
      <div className={styles.titleBlock}>
        <h1 className={styles.title}>{project.title}</h1>
        <div className={styles.subtitle}>
          <Text weight="semibold">{project.code}</Text>
          <Badge appearance="tint" color="brand">
            {PHASE_LABEL[project.phase]}
          </Badge>
          <Badge appearance="outline" color={project.state === 'active' ? 'success' : 'informative'}>
            {STATE_LABEL[project.state]}
          </Badge>
        </div>
        {project.description && <p className={styles.description}>{project.description}</p>}
      </div>

      <div className={styles.summary}>
        <div className={styles.summaryItem}>
          <Text size={200} className={styles.muted}>
            Overall status
          </Text>
          <span>
            <RagBadge rag={project.overallRag} size="large" />
          </span>
        </div>
        <Field className={styles.progress} label={`${f.percent(project.percentComplete)} complete`}>
          <ProgressBar value={project.percentComplete} max={100} thickness="large" />
        </Field>
        <div className={styles.summaryItem}>
          <Text size={200} className={styles.muted}>
            Last status
          </Text>
          <Text>
            {latest ? (
              <>
                {f.date(latest.reportedAt)} <span className={styles.muted}>({weekLong(latest.week)})</span>
              </>
            ) : (
              'No report yet'
            )}{' '}
            {project.stale && (
              <Badge appearance="filled" color="warning" icon={<ClockAlarmRegular />}>
                Stale
              </Badge>
            )}
          </Text>
        </div>
      </div>

      <div className={styles.cards}>
        <FactCard title="People and organisation">
          <Fact term="Program">{project.program}</Fact>
          <Fact term="Department">{project.department}</Fact>
          <Fact term="Project manager">{project.projectManager.name}</Fact>
          <Fact term={project.sponsors.length === 1 ? 'Sponsor' : 'Sponsors'}>{names(project.sponsors)}</Fact>
          <Fact term={project.delegates.length === 1 ? 'Delegate' : 'Delegates'}>
            {names(project.delegates)}
          </Fact>
          <Fact term="Methodology">{METHODOLOGY_LABEL[project.methodology]}</Fact>
        </FactCard>
        <FactCard title="Schedule">
          <Fact term="Start">{f.date(project.startDate)}</Fact>
          <Fact term="Baseline finish">{f.date(project.baselineFinish)}</Fact>
          <Fact term="Forecast finish">{f.date(project.forecastFinish)}</Fact>
          <Fact term="Schedule variance">{scheduleVariance(project.scheduleVarianceDays, f)}</Fact>
        </FactCard>
        <FactCard title="Budget">
          <Fact term="Baseline">{f.money(project.budget.baseline)}</Fact>
          <Fact term="Approved">{f.money(project.budget.approved)}</Fact>
          <Fact term="Actual to date">{f.money(project.budget.actualCost)}</Fact>
          <Fact term="Forecast at completion">{f.money(project.budget.forecastAtCompletion)}</Fact>
          <Fact term="Variance">{budgetVariance(project.budgetVariance, f, styles.over)}</Fact>
        </FactCard>
      </div>
    </>
  );
}

function FactCard({ title, children }: { title: string; children: ReactNode }) {
  const styles = useProjectPageStyles();
  return (
    <Card className={styles.card}>
      <h2 className={styles.cardHeading}>{title}</h2>
      <dl className={styles.facts}>{children}</dl>
    </Card>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  const styles = useProjectPageStyles();
  return (
    <>
      <dt className={styles.factTerm}>{term}</dt>
      <dd className={styles.factValue}>{children}</dd>
    </>
  );
}

function names(people: readonly PersonRef[]): string {
  return people.length ? people.map((p) => p.name).join(', ') : 'None';
}

/** Positive days are late; the words say so, so the sign is not the only cue. */
function scheduleVariance(days: number, f: Formatters): string {
  if (days === 0) return 'On baseline';
  return `${f.days(days)} (${days > 0 ? 'late' : 'early'})`;
}

function budgetVariance(amount: number, f: Formatters, overClass: string): ReactNode {
  if (amount === 0) return 'On budget';
  return amount > 0 ? (
    <span className={overClass}>{f.moneyDelta(amount)} (over approved)</span>
  ) : (
    `${f.moneyDelta(amount)} (under approved)`
  );
}

import { Badge, Card, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { StatusReportJson } from '../../api/types';
import { useFormat } from '../../components/format';
import { RagBadge, ragLabel } from '../../components/rag-badge';
import { weekLong } from '../../components/iso-week';
import { DIMENSION_LABEL, RAG_DIMENSIONS } from './project-labels';
import { useStatusReportStyles } from './status-report-view.styles';

const SOURCE_LABEL: Record<StatusReportJson['source'], string> = {
  bot: 'Teams status card',
  tab: 'PMO Hub tab',
  api: 'API',
};

/** One weekly report in full: the five RAGs, the figures, the PM's own words and who sent it. */
export function StatusReportView({ report, latest }: { report: StatusReportJson; latest: boolean }) {
  const styles = useStatusReportStyles();
  const f = useFormat();
  const headingId = `report-${report.week}`;

  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <div className={styles.header}>
        <h3 id={headingId} className={styles.heading}>
          Report for {weekLong(report.week)}
        </h3>
        {latest && (
          <Badge appearance="tint" color="brand">
            Latest
          </Badge>
        )}
      </div>

      <dl className={styles.rags}>
        {RAG_DIMENSIONS.map((d) => (
          <div key={d} className={styles.rag}>
            <dt className={styles.term}>{DIMENSION_LABEL[d]}</dt>
            <dd className={styles.value}>
              <RagBadge rag={report.rag[d]} />
            </dd>
          </div>
        ))}
      </dl>

      {report.overallOverrideReason && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Overall set to {ragLabel(report.rag.overall)} where the dimensions suggest{' '}
            {ragLabel(report.suggestedOverall)}. Reason: {report.overallOverrideReason}
          </MessageBarBody>
        </MessageBar>
      )}

      <dl className={styles.figures}>
        <Figure term="Percent complete">{f.percent(report.percentComplete)}</Figure>
        <Figure term="Cost to date">{f.money(report.actualCostToDate)}</Figure>
        <Figure term="Forecast finish">{f.date(report.forecastFinish)}</Figure>
        <Figure term="Submitted by">{report.submittedBy.name}</Figure>
        <Figure term="Submitted">{f.dateTime(report.submittedAt)}</Figure>
        <Figure term="Source">
          {SOURCE_LABEL[report.source]}
          {report.version > 1 ? ` (revised, version ${report.version})` : ''}
        </Figure>
      </dl>

      <dl className={styles.texts}>
        <Figure term="Accomplishments" long>
          {report.accomplishments}
        </Figure>
        <Figure term="Next steps" long>
          {report.nextSteps}
        </Figure>
        <Figure term="Risks and issues" long>
          {report.risksAndIssues || 'None reported.'}
        </Figure>
        <Figure term="Decisions needed" long>
          {report.decisionsNeeded || 'None.'}
        </Figure>
      </dl>
    </Card>
  );
}

function Figure({ term, children, long }: { term: string; children: ReactNode; long?: boolean }) {
  const styles = useStatusReportStyles();
  return (
    <div className={styles.rag}>
      <dt className={styles.term}>{term}</dt>
      <dd className={long ? styles.text : styles.value}>{long ? <Text>{children}</Text> : children}</dd>
    </div>
  );
}

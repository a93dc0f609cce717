import { mergeClasses } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import type { IsoWeek, StatusReportJson } from '../../api/types';
import { useSession } from '../../session/session-context';
import { mondayOf, weekLong, weekShort } from '../../components/iso-week';
import { DIMENSION_LABEL, RAG_DIMENSIONS } from './project-labels';
import { ragLabel } from '../../components/rag-badge';
import { RagMark } from './rag-mark';
import { useStatusTimelineStyles } from './status-timeline.styles';

/**
 * One column per ISO week (oldest left, as the trend chart reads), one row per RAG dimension. Weeks
 * without a report show "No report". The week headers are toggle buttons that pick the report shown below.
 */
export function StatusTimeline({
  weeks,
  reports,
  selected,
  onSelect,
}: {
  weeks: readonly IsoWeek[];
  reports: ReadonlyMap<string, StatusReportJson>;
  selected: string | null;
  onSelect: (week: IsoWeek) => void;
}) {
  const styles = useStatusTimelineStyles();
  const { locale } = useSession().host;
  const dayMonth = useMemo(
    () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    [locale],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const last = weeks[weeks.length - 1];

  // Start scrolled to the newest weeks: on a phone only a few columns fit.
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, [last]);

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="region"
      aria-label="Status history by week"
      tabIndex={0}
    >
      <table className={styles.table}>
        <caption className={styles.caption}>
          RAG by week, oldest first. Choose a week to read its report.
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.corner}>
              <span className={styles.hidden}>Dimension</span>
            </th>
            {weeks.map((week) => {
              const isSelected = week === selected;
              const report = reports.get(week);
              return (
                <th key={week} scope="col" className={styles.colHeader}>
                  <button
                    type="button"
                    className={mergeClasses(styles.weekButton, isSelected && styles.weekButtonSelected)}
                    aria-pressed={isSelected}
                    disabled={!report}
                    title={`${weekLong(week)}${report ? '' : ': no report'}`}
                    onClick={() => onSelect(week)}
                  >
                    <span>{weekShort(week)}</span>
                    <span className={styles.weekDate}>{dayMonth.format(mondayOf(week))}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {RAG_DIMENSIONS.map((dimension) => (
            <tr key={dimension}>
              <th scope="row" className={styles.rowHeader}>
                {DIMENSION_LABEL[dimension]}
              </th>
              {weeks.map((week) => (
                <td
                  key={week}
                  className={mergeClasses(styles.cell, week === selected && styles.cellSelected)}
                >
                  <RagMark rag={reports.get(week)?.rag[dimension] ?? 'notReported'} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the marks mean, in words. */
export function RagLegend() {
  const styles = useStatusTimelineStyles();
  return (
    <ul className={styles.legend} aria-label="Legend">
      {(['green', 'amber', 'red', 'notReported'] as const).map((rag) => (
        <li key={rag} className={styles.legendItem}>
          <RagMark rag={rag} />
          <span aria-hidden>{ragLabel(rag)}</span>
        </li>
      ))}
    </ul>
  );
}

import { mergeClasses } from '@fluentui/react-components';
import { memo } from 'react';
import type { Rag } from '../api/types';
import { useTrendSparklineStyles } from './trend-sparkline.styles';

const WORD: Record<Rag | 'none', string> = { green: 'green', amber: 'amber', red: 'red', none: 'no report' };

/** What the marks say, in words: "Last 8 weeks: green, green, amber, no report". */
export function trendLabel(values: ReadonlyArray<Rag | null>): string {
  return `Last ${values.length} weeks: ${values.map((v) => WORD[v ?? 'none']).join(', ')}`;
}

export interface TrendSparklineProps {
  /** One value per week, oldest first; null when no report was filed that week. */
  values: ReadonlyArray<Rag | null>;
  /** The weeks the values belong to (same order), shown on hover. */
  weeks?: readonly string[];
}

/**
 * A project's overall RAG over recent weeks as a row of small marks, oldest on the left. One image to
 * assistive technology, named with the words; cheap enough to draw in thousands of grid rows.
 */
export const TrendSparkline = memo(function TrendSparkline({ values, weeks }: TrendSparklineProps) {
  const styles = useTrendSparklineStyles();
  const label = trendLabel(values);
  const title = weeks
    ? values.map((v, i) => `${weeks[i] ?? ''} ${WORD[v ?? 'none']}`.trim()).join('\n')
    : label;
  return (
    <span role="img" aria-label={label} title={title} className={styles.root}>
      {values.map((v, i) => (
        <span key={i} aria-hidden className={mergeClasses(styles.mark, styles[v ?? 'none'])} />
      ))}
    </span>
  );
});

import { mergeClasses } from '@fluentui/react-components';
import {
  CheckmarkCircleFilled,
  ErrorCircleFilled,
  QuestionCircleRegular,
  WarningFilled,
} from '@fluentui/react-icons';
import type { RagOrNone } from '../../api/types';
import { ragLabel } from '../../components/rag-badge';
import { useStatusTimelineStyles } from './status-timeline.styles';

const ICON = {
  green: <CheckmarkCircleFilled aria-hidden />,
  amber: <WarningFilled aria-hidden />,
  red: <ErrorCircleFilled aria-hidden />,
  notReported: <QuestionCircleRegular aria-hidden />,
} as const;

/** A compact RAG cell for the timeline: colour, a distinct icon shape, and the word for screen readers. */
export function RagMark({ rag }: { rag: RagOrNone }) {
  const styles = useStatusTimelineStyles();
  return (
    <span className={mergeClasses(styles.mark, styles[rag])} title={ragLabel(rag)}>
      {ICON[rag]}
      <span className={styles.hidden}>{ragLabel(rag)}</span>
    </span>
  );
}

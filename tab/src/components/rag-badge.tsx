import { Badge } from '@fluentui/react-components';
import {
  CheckmarkCircleFilled,
  ErrorCircleFilled,
  QuestionCircleRegular,
  WarningFilled,
} from '@fluentui/react-icons';
import type { RagOrNone } from '../api/types';

const LABEL: Record<RagOrNone, string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  notReported: 'No report',
};

const LOOK = {
  green: { color: 'success', icon: <CheckmarkCircleFilled /> },
  amber: { color: 'warning', icon: <WarningFilled /> },
  red: { color: 'danger', icon: <ErrorCircleFilled /> },
  notReported: { color: 'informative', icon: <QuestionCircleRegular /> },
} as const;

export function ragLabel(rag: RagOrNone): string {
  return LABEL[rag];
}

/**
 * A RAG status as a badge: colour, icon and word, so it reads without colour (high contrast, colour
 * blindness) and to a screen reader.
 */
export function RagBadge({
  rag,
  label,
  size = 'medium',
}: {
  rag: RagOrNone;
  label?: string;
  size?: 'small' | 'medium' | 'large';
}) {
  const look = LOOK[rag];
  return (
    <Badge
      appearance={rag === 'notReported' ? 'outline' : 'filled'}
      color={look.color}
      icon={look.icon}
      size={size}
      aria-label={label ? `${label}: ${LABEL[rag]}` : undefined}
    >
      {LABEL[rag]}
    </Badge>
  );
}

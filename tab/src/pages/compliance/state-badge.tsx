import { Badge } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import {
  CalendarCancelFilled,
  ChatWarningFilled,
  CheckmarkCircleFilled,
  ClockFilled,
  ErrorCircleFilled,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { StatusRequestState } from './status-requests-api';

export const STATE_LABEL: Record<StatusRequestState, string> = {
  submitted: 'Submitted',
  pending: 'Pending',
  overdue: 'Overdue',
  excused: 'Excused',
  undeliverable: 'Undeliverable',
};

/** What each state means, for the tiles' descriptions and the empty filtered view. */
export const STATE_HINT: Record<StatusRequestState, string> = {
  submitted: 'the status is in',
  pending: 'sent, not answered yet',
  overdue: 'past the deadline; the PMO was told',
  excused: 'no status needed (on hold, closed, PM away)',
  undeliverable: 'the bot could not reach the PM',
};

const LOOK: Record<
  StatusRequestState,
  { color: BadgeProps['color']; appearance: BadgeProps['appearance']; icon: ReactElement }
> = {
  submitted: { color: 'success', appearance: 'filled', icon: <CheckmarkCircleFilled /> },
  pending: { color: 'brand', appearance: 'tint', icon: <ClockFilled /> },
  overdue: { color: 'danger', appearance: 'filled', icon: <ErrorCircleFilled /> },
  excused: { color: 'informative', appearance: 'outline', icon: <CalendarCancelFilled /> },
  undeliverable: { color: 'warning', appearance: 'filled', icon: <ChatWarningFilled /> },
};

/** A request's state as icon and word, so it reads without colour and to a screen reader. */
export function StateBadge({ state }: { state: StatusRequestState }) {
  const look = LOOK[state];
  return (
    <Badge appearance={look.appearance} color={look.color} icon={look.icon}>
      {STATE_LABEL[state]}
    </Badge>
  );
}

/** The state's icon alone, for the count tiles (the tile says the word). */
export function StateIcon({ state }: { state: StatusRequestState }) {
  return LOOK[state].icon;
}

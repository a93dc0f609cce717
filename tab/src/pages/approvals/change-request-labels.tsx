import { Badge } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import {
  ArrowUndoFilled,
  CheckmarkCircleFilled,
  ClockDismissFilled,
  DismissCircleFilled,
  DraftsFilled,
  HourglassHalfFilled,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { ChangeRequestJson, ChangeRequestState } from '../../api/types';

export const CHANGE_STATE_LABEL: Record<ChangeRequestState, string> = {
  draft: 'Draft',
  submitted: 'Awaiting decision',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

const LOOK: Record<
  ChangeRequestState,
  { color: BadgeProps['color']; appearance: BadgeProps['appearance']; icon: ReactElement }
> = {
  draft: { color: 'informative', appearance: 'outline', icon: <DraftsFilled /> },
  submitted: { color: 'brand', appearance: 'tint', icon: <HourglassHalfFilled /> },
  approved: { color: 'success', appearance: 'filled', icon: <CheckmarkCircleFilled /> },
  rejected: { color: 'danger', appearance: 'filled', icon: <DismissCircleFilled /> },
  withdrawn: { color: 'informative', appearance: 'outline', icon: <ArrowUndoFilled /> },
  expired: { color: 'informative', appearance: 'outline', icon: <ClockDismissFilled /> },
};

/** A change request's state as icon and word (never colour alone). */
export function ChangeStateBadge({ state }: { state: ChangeRequestState }) {
  const look = LOOK[state];
  return (
    <Badge appearance={look.appearance} color={look.color} icon={look.icon}>
      {CHANGE_STATE_LABEL[state]}
    </Badge>
  );
}

/** How the approvers' decisions combine, in a sentence for the sponsor. */
export const POLICY_TEXT: Record<ChangeRequestJson['policy'], string> = {
  sequential: 'In turn: each approver decides in the order listed; one rejection rejects it.',
  all: 'All approvers must approve, in any order; one rejection rejects it.',
  any: 'Any one approver decides: the first decision settles it.',
};

export const CHANNEL_LABEL: Record<ChangeRequestJson['decisions'][number]['channel'], string> = {
  bot: 'in Teams chat',
  tab: 'in the PMO Hub tab',
  api: 'through the API',
};

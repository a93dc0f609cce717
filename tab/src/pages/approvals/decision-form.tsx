import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Textarea,
} from '@fluentui/react-components';
import { CheckmarkRegular, DismissRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { ApiError } from '../../api/api-client';
import type { ChangeRequestJson } from '../../api/types';
import { useApi } from '../../session/session-context';
import { useApprovalsStyles } from './approvals-page.styles';

export type DecisionOutcome = ChangeRequestJson['decisions'][number]['decision'];

/** The server's limit on a decision comment (LIMITS.reason). */
const COMMENT_LIMIT = 1000;

/**
 * Approve or reject with a comment, through the same service as the bot's card. The server judges
 * (a rejection needs a reason; out of turn; already settled): its message shows beside the comment or
 * above the buttons, and the comment typed so far stays.
 */
export function DecisionForm({
  cr,
  onDecided,
}: {
  cr: ChangeRequestJson;
  onDecided: (view: ChangeRequestJson, decision: DecisionOutcome) => void;
}) {
  const styles = useApprovalsStyles();
  const api = useApi();
  const id = useId();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<DecisionOutcome | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const commentError = error?.fieldError('comment');

  const decide = async (decision: DecisionOutcome) => {
    if (busy) return;
    setBusy(decision);
    setError(null);
    try {
      const view = await api.post<ChangeRequestJson>(
        `/change-requests/${encodeURIComponent(cr.id)}/decisions`,
        {
          decision,
          comment,
        },
      );
      onDecided(view, decision);
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err
          : new ApiError({ title: 'Your decision was not recorded', status: 0, detail: String(err) }),
      );
      setBusy(null);
    }
  };

  return (
    <form
      className={styles.form}
      aria-labelledby={`${id}-heading`}
      onSubmit={(e) => e.preventDefault()}
      noValidate
    >
      <h4 id={`${id}-heading`} className={styles.subHeading}>
        Your decision
      </h4>
      <Field
        label="Comment"
        hint="Optional when you approve; say why when you reject. The requester and the PMO read it."
        validationState={commentError ? 'error' : 'none'}
        validationMessage={commentError}
      >
        <Textarea
          value={comment}
          onChange={(_e, data) => setComment(data.value)}
          maxLength={COMMENT_LIMIT}
          resize="vertical"
          rows={3}
        />
      </Field>
      {error && !commentError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {error.status === 403 ? 'You cannot decide on this' : error.problem.title}
            </MessageBarTitle>
            {error.problem.detail}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={busy === 'approved' ? <Spinner size="tiny" /> : <CheckmarkRegular />}
          disabledFocusable={busy !== null}
          onClick={() => void decide('approved')}
        >
          Approve
        </Button>
        <Button
          icon={busy === 'rejected' ? <Spinner size="tiny" /> : <DismissRegular />}
          disabledFocusable={busy !== null}
          onClick={() => void decide('rejected')}
        >
          Reject
        </Button>
      </div>
    </form>
  );
}

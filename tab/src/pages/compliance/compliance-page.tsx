import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  ToggleButton,
  mergeClasses,
} from '@fluentui/react-components';
import {
  CalendarTodayRegular,
  ChevronLeftRegular,
  ChevronRightRegular,
  SendRegular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-client';
import { useFormat } from '../../components/format';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/page-states';
import { useResource } from '../../components/use-resource';
import { useApi, useSession } from '../../session/session-context';
import { AppLink } from '../../components/app-link';
import { useCompliancePageStyles } from './compliance-page.styles';
import { addWeeks, isIsoWeek, localIsoWeek, weekDates } from '../../components/iso-week';
import type { ReminderSummary } from './reminder-summary';
import { summarizeReminders } from './reminder-summary';
import type { Sort, SortColumn } from './requests-table';
import { RequestsTable, sortRows } from './requests-table';
import { STATE_HINT, STATE_LABEL, StateIcon } from './state-badge';
import type { ReminderResults, StatusRequestState, StatusRequestsOfWeek } from './status-requests-api';
import { STATES, canRemind } from './status-requests-api';

/** Status compliance: a week's status requests by state, per PM and project, with "send reminder now". */
export default function CompliancePage() {
  const styles = useCompliancePageStyles();
  const { me } = useSession();
  if (!me.isPmoStaff) {
    return (
      <div className={styles.root}>
        <h1 className={styles.title}>Status compliance</h1>
        <EmptyState
          title="Only the PMO sees status compliance"
          action={<AppLink to="/">Go to your projects</AppLink>}
        >
          This page follows every project&apos;s weekly status request, for PMO staff. Your own projects and
          their status are on the Portfolio page.
        </EmptyState>
      </div>
    );
  }
  return <ComplianceView />;
}

function ComplianceView() {
  const styles = useCompliancePageStyles();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const weekParam = params.get('week');
  const requestedWeek = isIsoWeek(weekParam) ? weekParam : null;
  const stateParam = params.get('state') as StatusRequestState | null;
  const filter = stateParam && STATES.includes(stateParam) ? stateParam : null;

  const resource = useResource(`status-requests:${requestedWeek ?? 'current'}`, (signal) =>
    api.get<StatusRequestsOfWeek>(
      '/status-requests',
      requestedWeek ? { week: requestedWeek } : undefined,
      signal,
    ),
  );
  // "This week" is the PMO's, as the server counts it; until it has said, the browser's own week.
  const [serverWeek, setServerWeek] = useState<string | null>(null);
  useEffect(() => {
    if (!requestedWeek && resource.state === 'ready') setServerWeek(resource.data.week);
  }, [requestedWeek, resource.state, resource.data?.week]);
  const thisWeek = serverWeek ?? localIsoWeek();
  // While another week loads, the previous week's data must not show under the new week's name.
  const expectedWeek = requestedWeek ?? serverWeek;
  const data =
    resource.data && (!expectedWeek || resource.data.week === expectedWeek) ? resource.data : undefined;
  const week = requestedWeek ?? data?.week ?? null;

  const setQuery = useCallback(
    (changes: Record<string, string | null>) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      }),
    [setParams],
  );
  const goToWeek = (target: string | null) => setQuery({ week: target === thisWeek ? null : target });

  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <h1 className={styles.title}>Status compliance</h1>
        {week && <WeekPicker week={week} thisWeek={thisWeek} onWeek={goToWeek} />}
      </div>
      {resource.state === 'error' && <ErrorState error={resource.error} onRetry={resource.reload} />}
      {!data && resource.state !== 'error' && <LoadingSkeleton label="Loading the status requests" />}
      {data && (
        <WeekView
          key={data.week}
          data={data}
          filter={filter}
          onFilter={(state) => setQuery({ state })}
          reloading={resource.state === 'loading'}
          reload={resource.reload}
          onPreviousWeek={() => goToWeek(addWeeks(data.week, -1))}
        />
      )}
    </div>
  );
}

function WeekPicker({
  week,
  thisWeek,
  onWeek,
}: {
  week: string;
  thisWeek: string;
  onWeek: (week: string | null) => void;
}) {
  const styles = useCompliancePageStyles();
  const format = useFormat();
  const { monday, sunday } = weekDates(week);
  const atThisWeek = week >= thisWeek;
  return (
    <div className={styles.weekPicker} role="group" aria-label="Week">
      <Button
        icon={<ChevronLeftRegular />}
        aria-label={`Previous week, ${addWeeks(week, -1)}`}
        onClick={() => onWeek(addWeeks(week, -1))}
      />
      <div className={styles.weekLabel} aria-live="polite">
        <Text weight="semibold">
          {week === thisWeek ? 'This week' : 'Week'} {week}
        </Text>
        <Text size={200} className={styles.weekDates}>
          {format.date(monday)} – {format.date(sunday)}
        </Text>
      </div>
      <Button
        icon={<ChevronRightRegular />}
        aria-label={`Next week, ${addWeeks(week, 1)}`}
        disabledFocusable={atThisWeek}
        title={atThisWeek ? 'Requests for later weeks have not gone out yet' : undefined}
        onClick={() => onWeek(addWeeks(week, 1))}
      />
      {week !== thisWeek && (
        <Button icon={<CalendarTodayRegular />} onClick={() => onWeek(null)}>
          This week
        </Button>
      )}
    </div>
  );
}

interface WeekViewProps {
  data: StatusRequestsOfWeek;
  filter: StatusRequestState | null;
  onFilter: (state: StatusRequestState | null) => void;
  reloading: boolean;
  reload: () => void;
  onPreviousWeek: () => void;
}

/** One week: the tiles, the reminder toolbar and the table (its selection lives as long as the week shown). */
function WeekView({ data, filter, onFilter, reloading, reload, onPreviousWeek }: WeekViewProps) {
  const styles = useCompliancePageStyles();
  const api = useApi();
  const hintId = useId();
  const [sort, setSort] = useState<Sort>({ column: 'projectManager', direction: 'ascending' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<ReminderSummary | { error: ApiError } | null>(null);

  const byId = useMemo(() => new Map(data.requests.map((r) => [r.id, r])), [data.requests]);
  const rows = useMemo(
    () => sortRows(filter ? data.requests.filter((r) => r.state === filter) : data.requests, sort),
    [data.requests, filter, sort],
  );
  // Only what can still be chased counts: a request answered since it was ticked drops out.
  const chosen = [...selected].filter((id) => {
    const row = byId.get(id);
    return row !== undefined && canRemind(row);
  });
  const eligibleInWeek = data.requests.filter(canRemind).length;

  const onSort = (column: SortColumn) =>
    setSort((s) => ({
      column,
      direction: s.column === column && s.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  const onSelect = (ids: readonly string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const send = async () => {
    if (chosen.length === 0 || sending) return;
    setSending(true);
    setOutcome(null);
    try {
      const { results } = await api.post<ReminderResults>('/status-requests/reminders', {
        requestIds: chosen,
      });
      setOutcome(summarizeReminders(results, byId));
      setSelected(new Set());
      reload();
    } catch (err) {
      setOutcome({
        error:
          err instanceof ApiError
            ? err
            : new ApiError({ title: 'The reminders were not sent', status: 0, detail: String(err) }),
      });
    } finally {
      setSending(false);
    }
  };

  if (data.requests.length === 0) {
    return (
      <EmptyState
        title={`No status requests for week ${data.week} yet`}
        action={<Button onClick={onPreviousWeek}>Show the previous week</Button>}
      >
        Requests go out at each project&apos;s cadence (its weekday and time in the project&apos;s time zone),
        so a week fills up as its days go by.
      </EmptyState>
    );
  }

  const hint =
    chosen.length > 0
      ? `${chosen.length} selected: their project managers get the status card again now.`
      : eligibleInWeek === 0
        ? 'Nothing to chase: no request this week is pending or overdue.'
        : 'Select pending or overdue requests to remind their project managers.';

  return (
    <>
      <section aria-labelledby={`${hintId}-tiles`}>
        <h2 id={`${hintId}-tiles`} className={styles.visuallyHidden}>
          Requests by state
        </h2>
        <div className={styles.tiles} role="group" aria-label="Show requests by state">
          <Tile
            label="All requests"
            count={data.requests.length}
            hint="every project asked this week"
            pressed={filter === null}
            onClick={() => onFilter(null)}
          />
          {STATES.map((state) => (
            <Tile
              key={state}
              state={state}
              label={STATE_LABEL[state]}
              count={data.counts[state]}
              hint={STATE_HINT[state]}
              pressed={filter === state}
              onClick={() => onFilter(filter === state ? null : state)}
            />
          ))}
        </div>
      </section>

      <section className={styles.section} aria-labelledby={`${hintId}-table`}>
        <h2 id={`${hintId}-table`} className={styles.sectionHeading}>
          {filter ? `${STATE_LABEL[filter]} requests` : 'All requests'}, week {data.week}
        </h2>
        <div className={styles.toolbar}>
          <Button
            appearance="primary"
            icon={sending ? <Spinner size="tiny" /> : <SendRegular />}
            disabledFocusable={chosen.length === 0 || sending}
            aria-describedby={hintId}
            onClick={() => void send()}
          >
            {sending ? 'Sending reminders…' : 'Send reminder now'}
          </Button>
          <Text id={hintId} className={styles.toolbarHint}>
            {hint}
          </Text>
          {reloading && (
            <span className={styles.busy}>
              <Spinner size="tiny" label="Refreshing" />
            </span>
          )}
        </div>
        <div aria-live="polite">{outcome && <ReminderOutcome outcome={outcome} />}</div>
        {rows.length === 0 ? (
          <EmptyState
            title={`No ${STATE_LABEL[filter ?? 'submitted'].toLowerCase()} requests in week ${data.week}`}
            action={<Button onClick={() => onFilter(null)}>Show all requests</Button>}
          >
            {filter ? `${STATE_LABEL[filter]} means ${STATE_HINT[filter]}.` : null}
          </EmptyState>
        ) : (
          <RequestsTable
            week={data.week}
            rows={rows}
            sort={sort}
            onSort={onSort}
            selected={selected}
            onSelect={onSelect}
          />
        )}
      </section>
    </>
  );
}

function Tile({
  state,
  label,
  count,
  hint,
  pressed,
  onClick,
}: {
  state?: StatusRequestState;
  label: string;
  count: number;
  hint: string;
  pressed: boolean;
  onClick: () => void;
}) {
  const styles = useCompliancePageStyles();
  return (
    <ToggleButton
      className={styles.tile}
      appearance={pressed ? 'primary' : 'secondary'}
      checked={pressed}
      onClick={onClick}
    >
      <span className={styles.tileTop}>
        {state && (
          <span className={pressed ? undefined : styles[`icon_${state}`]}>
            <StateIcon state={state} />
          </span>
        )}
        <span>{label}</span>
      </span>
      <span className={styles.tileCount}>{count}</span>
      <span className={mergeClasses(pressed ? styles.tileHintSelected : styles.tileHint)}>{hint}</span>
    </ToggleButton>
  );
}

function ReminderOutcome({ outcome }: { outcome: ReminderSummary | { error: ApiError } }) {
  const styles = useCompliancePageStyles();
  if ('error' in outcome) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{outcome.error.problem.title}</MessageBarTitle>
          {outcome.error.problem.detail}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent={outcome.intent} layout="multiline">
      <MessageBarBody>
        {outcome.text}
        {outcome.problems.length > 0 && (
          <ul className={styles.problems}>
            {outcome.problems.map((p) => (
              <li key={p.id}>
                {p.project}: {p.reason}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

import {
  Checkbox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useFormat } from '../../components/format';
import { AppLink } from '../../components/app-link';
import { useCompliancePageStyles } from './compliance-page.styles';
import { StateBadge } from './state-badge';
import type { StatusRequestRow } from './status-requests-api';
import { canRemind } from './status-requests-api';

export type SortColumn = 'projectManager' | 'project' | 'state' | 'due';
export interface Sort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

const COLUMN_LABEL: Record<SortColumn, string> = {
  projectManager: 'Project manager',
  project: 'Project',
  state: 'State',
  due: 'Due',
};

/** Needs the PMO first: overdue, then pending, then what cannot be chased. */
const STATE_ORDER = { overdue: 0, pending: 1, undeliverable: 2, submitted: 3, excused: 4 } as const;

export function sortRows(rows: readonly StatusRequestRow[], sort: Sort): StatusRequestRow[] {
  const byProject = (a: StatusRequestRow, b: StatusRequestRow) =>
    a.project.code.localeCompare(b.project.code);
  const compare: Record<SortColumn, (a: StatusRequestRow, b: StatusRequestRow) => number> = {
    projectManager: (a, b) => a.projectManager.name.localeCompare(b.projectManager.name) || byProject(a, b),
    project: byProject,
    state: (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || byProject(a, b),
    due: (a, b) => a.dueAt.localeCompare(b.dueAt) || byProject(a, b),
  };
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare[sort.column](a, b));
}

interface RequestsTableProps {
  week: string;
  rows: readonly StatusRequestRow[];
  sort: Sort;
  onSort: (column: SortColumn) => void;
  selected: ReadonlySet<string>;
  onSelect: (ids: readonly string[], selected: boolean) => void;
}

/**
 * One row per project's request: who, which project, its state in icon and word, when it was due, sent,
 * reminded and escalated, and why (excused, undeliverable). Pending and overdue rows can be selected for
 * a reminder; each checkbox names its project.
 */
export function RequestsTable({ week, rows, sort, onSort, selected, onSelect }: RequestsTableProps) {
  const styles = useCompliancePageStyles();
  const format = useFormat();
  const eligible = rows.filter(canRemind).map((r) => r.id);
  const chosen = eligible.filter((id) => selected.has(id)).length;
  const allState = chosen === 0 ? false : chosen === eligible.length ? true : 'mixed';

  const header = (column: SortColumn, className?: string) => (
    <TableHeaderCell
      className={className}
      sortable
      sortDirection={sort.column === column ? sort.direction : undefined}
      aria-sort={sort.column === column ? sort.direction : 'none'}
      onClick={() => onSort(column)}
    >
      {COLUMN_LABEL[column]}
    </TableHeaderCell>
  );

  return (
    // Scrolls sideways on a phone; focusable so the keyboard can scroll it too.
    <div
      className={styles.tableScroll}
      role="region"
      aria-label={`Status requests, week ${week}`}
      tabIndex={0}
    >
      {/* aria-label, not <caption>: Chromium ignores fixed column widths when a table has a hidden caption. */}
      <Table
        className={styles.table}
        size="small"
        aria-label={`Status requests for week ${week}, sorted by ${COLUMN_LABEL[sort.column].toLowerCase()}`}
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.selectColumn}>
              <Checkbox
                aria-label={
                  eligible.length === 0
                    ? 'No pending or overdue request to select'
                    : `Select all ${eligible.length} pending and overdue requests shown`
                }
                checked={allState}
                disabled={eligible.length === 0}
                onChange={() => onSelect(eligible, allState !== true)}
              />
            </TableHeaderCell>
            {header('projectManager', styles.managerColumn)}
            {header('project')}
            {header('state', styles.stateColumn)}
            {header('due', styles.dateColumn)}
            <TableHeaderCell className={styles.dateColumn}>Sent</TableHeaderCell>
            <TableHeaderCell className={styles.dateColumn}>Reminded</TableHeaderCell>
            <TableHeaderCell className={styles.reasonColumn}>Reason</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>
                {canRemind(row) && (
                  <Checkbox
                    aria-label={`Select ${row.project.code} ${row.project.title} for a reminder`}
                    checked={selected.has(row.id)}
                    onChange={(_e, data) => onSelect([row.id], data.checked === true)}
                  />
                )}
              </TableCell>
              <TableCell>
                <Text>{row.projectManager.name}</Text>
              </TableCell>
              <TableCell>
                <div className={styles.projectCell}>
                  <AppLink to={`/projects/${encodeURIComponent(row.project.id)}`}>
                    {row.project.code} {row.project.title}
                  </AppLink>
                  <Text className={styles.secondary}>{row.project.program}</Text>
                </div>
              </TableCell>
              <TableCell>
                <StateBadge state={row.state} />
              </TableCell>
              <TableCell>{format.dateTime(row.dueAt)}</TableCell>
              <TableCell>{row.sentAt ? format.dateTime(row.sentAt) : <None />}</TableCell>
              <TableCell>
                <div className={styles.projectCell}>
                  <span>{row.remindedAt ? format.dateTime(row.remindedAt) : <None />}</span>
                  {row.escalatedAt && (
                    <Text className={styles.secondary}>Escalated {format.dateTime(row.escalatedAt)}</Text>
                  )}
                </div>
              </TableCell>
              <TableCell>
                <Text className={styles.reason}>{row.reason ?? ''}</Text>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** An empty date: a dash to the eye, "none" to a screen reader. */
function None() {
  const styles = useCompliancePageStyles();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className={styles.visuallyHidden}>none</span>
    </>
  );
}

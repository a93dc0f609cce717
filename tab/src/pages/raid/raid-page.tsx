import {
  Badge,
  Button,
  Switch,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { RaidItemJson, RaidKind } from '../../api/types';
import type { Formatters } from '../../components/format';
import { useFormat } from '../../components/format';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/page-states';
import { useResource } from '../../components/use-resource';
import { useApi, useSession } from '../../session/session-context';
import {
  DECISION_STATUS_LABEL,
  isIssueOpen,
  isRiskOpen,
  ISSUE_STATUS_LABEL,
  RISK_STATUS_LABEL,
  riskZone,
  SEVERITY_LABEL,
  SEVERITY_RANK,
  ZONE_LABEL,
} from './raid-labels';
import type { DecisionJson, IssueJson, RiskJson } from './raid-labels';
import { useRaidPageStyles } from './raid-page.styles';
import { parseHeatCell, RiskHeatMap } from './risk-heat-map';
import type { HeatCell } from './risk-heat-map';
import { AppLink } from '../../components/app-link';

/** GET /api/raid: each item carries the project it belongs to. */
type RaidListing = RaidItemJson & { project: { id: string; code: string; title: string } };

const KINDS: ReadonlyArray<{ value: RaidKind; label: string; noun: string; tab: string }> = [
  { value: 'risk', label: 'Risks', noun: 'risks', tab: 'risks' },
  { value: 'issue', label: 'Issues', noun: 'issues', tab: 'issues' },
  { value: 'decision', label: 'Decisions', noun: 'decisions', tab: 'decisions' },
];

/** Rows drawn at first; "Show more" adds as many again (a big portfolio can hold thousands of items). */
const PAGE_ROWS = 200;

type SortDirection = 'ascending' | 'descending';
interface Column {
  id: string;
  label: string;
  /** Width hint: the title and project need room, the rest fit their content. */
  className?: string;
  cell: (item: RaidListing) => ReactNode;
  compare?: (a: RaidListing, b: RaidListing) => number;
}

const byText = (f: (i: RaidListing) => string | null | undefined) => (a: RaidListing, b: RaidListing) =>
  (f(a) ?? '').localeCompare(f(b) ?? '');
/** Missing dates sort last either way round. */
const byDate = (f: (i: RaidListing) => string | null) => (a: RaidListing, b: RaidListing) =>
  (f(a) ?? '9999-12-31').localeCompare(f(b) ?? '9999-12-31');

/** Risks, issues and decisions across every project the caller may see, with the portfolio's risk heat map. */
export default function RaidPage() {
  const styles = useRaidPageStyles();
  const api = useApi();
  const { me } = useSession();
  const f = useFormat();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const [rows, setRows] = useState(PAGE_ROWS);

  const kind: RaidKind =
    (['risk', 'issue', 'decision'] as const).find((k) => k === params.get('kind')) ?? 'risk';
  const openOnly = params.get('open') !== 'any';
  const highOnly = kind !== 'decision' && params.get('high') === 'true';
  const cell = kind === 'risk' ? parseHeatCell(params.get('p'), params.get('i')) : null;
  const sortColumn = params.get('sort');
  const sortDirection: SortDirection = params.get('dir') === 'desc' ? 'descending' : 'ascending';
  const meta = KINDS.find((k) => k.value === kind) ?? KINDS[0];

  const resource = useResource(`raid:${kind}:${openOnly}:${highOnly}`, (signal) =>
    api
      .get<{ items: RaidListing[] }>(
        '/raid',
        { kind, open: openOnly ? 'true' : undefined, high: highOnly ? 'true' : undefined },
        signal,
      )
      .then((r) => ({ kind, items: r.items })),
  );
  // While another kind loads, the previous kind's rows would not fit the new columns: show the skeleton.
  const data = resource.data?.kind === kind ? resource.data : undefined;

  /** Changes some URL values and keeps the rest; undefined removes one. */
  const update = (changes: Record<string, string | undefined>) => {
    setRows(PAGE_ROWS);
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  };

  const from = `${location.pathname}${location.search}`;
  const columns = useMemo(() => columnsFor(kind, f, from, styles), [kind, f, from, styles]);
  const items = useMemo(() => data?.items ?? [], [data]);
  const openRisks = useMemo(
    () => (kind === 'risk' ? (items as Array<RiskJson & RaidListing>).filter(isRiskOpen) : []),
    [items, kind],
  );
  const shown = useMemo(() => {
    const filtered = cell
      ? items.filter(
          (i) => i.kind === 'risk' && i.probability === cell.probability && i.impact === cell.impact,
        )
      : items;
    const column = columns.find((c) => c.id === sortColumn);
    if (!column?.compare) return filtered; // the server's order: most severe first
    const sorted = [...filtered].sort(column.compare);
    return sortDirection === 'descending' ? sorted.reverse() : sorted;
  }, [items, cell, columns, sortColumn, sortDirection]);

  const selectCell = (next: HeatCell | null) =>
    update({ p: next ? String(next.probability) : undefined, i: next ? String(next.impact) : undefined });

  const sortBy = (id: string) => {
    const dir = sortColumn === id && sortDirection === 'ascending' ? 'desc' : undefined;
    update({ sort: id, dir });
  };

  return (
    <div className={styles.root}>
      <h1 className={styles.title}>Risks, issues and decisions</h1>
      <p className={styles.intro}>
        {me.isPmoStaff
          ? 'Across the whole portfolio.'
          : 'Across the projects you manage, deputise on or sponsor.'}{' '}
        Choose an item to open its project.
      </p>

      <div className={styles.tabs}>
        <TabList
          selectedValue={kind}
          aria-label="Kind of item"
          onTabSelect={(_e, d) =>
            update({ kind: String(d.value), p: undefined, i: undefined, sort: undefined, dir: undefined })
          }
        >
          {KINDS.map((k) => (
            <Tab key={k.value} value={k.value}>
              {k.label}
            </Tab>
          ))}
        </TabList>
      </div>

      <div className={styles.filters} role="group" aria-label="Filters">
        <Switch
          checked={openOnly}
          label="Open only"
          onChange={(_e, d) => update({ open: d.checked ? undefined : 'any' })}
        />
        {kind !== 'decision' && (
          <Switch
            checked={highOnly}
            label={kind === 'risk' ? 'High risks only (score 15 or more)' : 'High and critical issues only'}
            onChange={(_e, d) => update({ high: d.checked ? 'true' : undefined })}
          />
        )}
      </div>

      {resource.state === 'error' && <ErrorState error={resource.error} onRetry={resource.reload} />}
      {!data && resource.state === 'loading' && <LoadingSkeleton label={`Loading ${meta.noun}`} />}

      {data && items.length === 0 && (
        <EmptyState title={`No ${openOnly ? 'open ' : ''}${highOnly ? 'high ' : ''}${meta.noun}`}>
          {openOnly || highOnly
            ? `Nothing matches these filters. Turn off ${highOnly ? '“High only”' : '“Open only”'} to see more.`
            : `None of your projects has recorded ${meta.noun} yet. Project managers add them on each project's page.`}
        </EmptyState>
      )}

      {data && items.length > 0 && (
        <div className={kind === 'risk' ? styles.layout : styles.column}>
          {kind === 'risk' && (
            <section className={styles.column} aria-labelledby="heat-heading">
              <h2 id="heat-heading" className={styles.sectionHeading}>
                Heat map
              </h2>
              <RiskHeatMap
                risks={openRisks}
                caption={`Open risks in view (${openRisks.length}) by probability and impact. Choose a cell to list its risks.`}
                selected={cell}
                onSelect={selectCell}
              />
            </section>
          )}
          <section className={styles.column} aria-labelledby="list-heading">
            <h2 id="list-heading" className={styles.sectionHeading}>
              {meta.label}{' '}
              <Text className={styles.count} size={400}>
                ({shown.length})
              </Text>
            </h2>
            {shown.length === 0 ? (
              <Text className={styles.secondary}>
                No risks in this cell. Choose another cell or “Show all”.
              </Text>
            ) : (
              <div className={styles.scroller} role="region" aria-label={`${meta.label} table`} tabIndex={0}>
                <Table sortable aria-label={meta.label} size="small" className={styles.table}>
                  <TableHeader>
                    <TableRow>
                      {columns.map((c) =>
                        c.compare ? (
                          <TableHeaderCell
                            key={c.id}
                            className={c.className}
                            sortDirection={sortColumn === c.id ? sortDirection : undefined}
                            onClick={() => sortBy(c.id)}
                          >
                            {c.label}
                          </TableHeaderCell>
                        ) : (
                          <TableHeaderCell key={c.id} className={c.className}>
                            {c.label}
                          </TableHeaderCell>
                        ),
                      )}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {shown.slice(0, rows).map((item) => (
                      <TableRow key={item.id}>
                        {columns.map((c) => (
                          <TableCell key={c.id}>{c.cell(item)}</TableCell>
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
            {shown.length > rows && (
              <Button className={styles.more} onClick={() => setRows((n) => n + PAGE_ROWS)}>
                Show {Math.min(PAGE_ROWS, shown.length - rows)} more of {shown.length - rows}
              </Button>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

/** The table's columns for one kind; `from` is where the project page's "Back" returns to. */
function columnsFor(
  kind: RaidKind,
  f: Formatters,
  from: string,
  styles: ReturnType<typeof useRaidPageStyles>,
): Column[] {
  const tab = KINDS.find((k) => k.value === kind)?.tab ?? 'risks';
  const title: Column = {
    id: 'title',
    className: styles.wideColumn,
    label: kind === 'risk' ? 'Risk' : kind === 'issue' ? 'Issue' : 'Decision',
    compare: byText((i) => i.title),
    cell: (i) => (
      <span className={styles.titleCell}>
        <AppLink to={`/projects/${encodeURIComponent(i.project.id)}?tab=${tab}`} state={{ from }}>
          {i.title}
        </AppLink>
      </span>
    ),
  };
  const project: Column = {
    id: 'project',
    className: styles.projectColumn,
    label: 'Project',
    compare: byText((i) => i.project.code),
    cell: (i) => (
      <span className={styles.titleCell}>
        <span>{i.project.code}</span>
        <span className={styles.secondary}>{i.project.title}</span>
      </span>
    ),
  };
  const owner: Column = {
    id: 'owner',
    label: 'Owner',
    compare: byText((i) => i.owner?.name),
    cell: (i) => i.owner?.name ?? '—',
  };
  const due = (label: string): Column => ({
    id: 'due',
    label,
    compare: byDate((i) => i.dueDate),
    cell: (i) => <span className={styles.nowrap}>{i.dueDate ? f.date(i.dueDate) : '—'}</span>,
  });
  const statusBadge = (open: boolean, label: string) => (
    <Badge appearance={open ? 'tint' : 'outline'} color={open ? 'brand' : 'informative'}>
      {label}
    </Badge>
  );

  if (kind === 'risk') {
    const risk = (i: RaidListing) => i as RiskJson & RaidListing;
    return [
      title,
      project,
      {
        id: 'score',
        label: 'Score',
        compare: (a, b) => risk(a).score - risk(b).score,
        cell: (i) => (
          <span className={styles.titleCell}>
            <span className={styles.nowrap}>
              <strong>{risk(i).score}</strong> {ZONE_LABEL[riskZone(risk(i).score)]}
            </span>
            <span className={styles.secondary}>
              {risk(i).probability} × {risk(i).impact}
            </span>
          </span>
        ),
      },
      {
        id: 'status',
        label: 'Status',
        compare: byText((i) => RISK_STATUS_LABEL[risk(i).status]),
        cell: (i) => statusBadge(isRiskOpen(risk(i)), RISK_STATUS_LABEL[risk(i).status]),
      },
      owner,
      due('Review by'),
    ];
  }
  if (kind === 'issue') {
    const issue = (i: RaidListing) => i as IssueJson & RaidListing;
    return [
      title,
      project,
      {
        id: 'severity',
        label: 'Severity',
        compare: (a, b) => SEVERITY_RANK[issue(a).severity] - SEVERITY_RANK[issue(b).severity],
        cell: (i) => (
          <Badge
            appearance={issue(i).severity === 'critical' ? 'filled' : 'tint'}
            color={
              issue(i).severity === 'low'
                ? 'informative'
                : issue(i).severity === 'medium'
                  ? 'warning'
                  : 'danger'
            }
          >
            {SEVERITY_LABEL[issue(i).severity]}
          </Badge>
        ),
      },
      {
        id: 'status',
        label: 'Status',
        compare: byText((i) => ISSUE_STATUS_LABEL[issue(i).status]),
        cell: (i) => statusBadge(isIssueOpen(issue(i)), ISSUE_STATUS_LABEL[issue(i).status]),
      },
      owner,
      due('Due'),
    ];
  }
  const decision = (i: RaidListing) => i as DecisionJson & RaidListing;
  return [
    title,
    project,
    {
      id: 'status',
      label: 'Status',
      compare: byText((i) => DECISION_STATUS_LABEL[decision(i).status]),
      cell: (i) => statusBadge(decision(i).status === 'proposed', DECISION_STATUS_LABEL[decision(i).status]),
    },
    {
      id: 'decidedBy',
      label: 'Decided by',
      compare: byText((i) => decision(i).decidedBy?.name),
      cell: (i) => decision(i).decidedBy?.name ?? '—',
    },
    {
      id: 'decidedOn',
      label: 'Decided on',
      compare: byDate((i) => decision(i).decidedOn),
      cell: (i) => (
        <span className={styles.nowrap}>
          {decision(i).decidedOn ? f.date(decision(i).decidedOn ?? '') : '—'}
        </span>
      ),
    },
    due('Decide by'),
  ];
}

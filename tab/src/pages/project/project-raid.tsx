import {
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { AddRegular, DismissRegular, EditRegular } from '@fluentui/react-icons';
import { useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { ProjectJson, RaidItemJson, RaidKind } from '../../api/types';
import { useFormat } from '../../components/format';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/page-states';
import { useResource } from '../../components/use-resource';
import { useApi } from '../../session/session-context';
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
} from '../raid/raid-labels';
import type { DecisionJson, IssueJson, RiskJson } from '../raid/raid-labels';
import { parseHeatCell, RiskHeatMap } from '../raid/risk-heat-map';
import type { HeatCell } from '../raid/risk-heat-map';
import { useProjectPageStyles } from './project-page.styles';
import { useRaidStyles } from './project-raid.styles';
import { KIND_NOUN, RAID_PATH, RaidItemDialog } from './raid-item-dialog';
import type { SaveOutcome } from './raid-item-dialog';

const HEADING: Record<RaidKind, string> = { risk: 'Risks', issue: 'Issues', decision: 'Decision log' };

type Notice = { intent: 'success' | 'warning'; text: string } | null;
type Editing = { item: RaidItemJson | null } | null;

/**
 * One RAID list of a project with Add and Edit for those allowed. `canEdit` only hides the buttons from
 * people the server would refuse; the server still decides.
 */
export function RaidPanel({
  project,
  kind,
  canEdit,
}: {
  project: ProjectJson;
  kind: RaidKind;
  canEdit: boolean;
}) {
  const styles = useProjectPageStyles();
  const api = useApi();
  const resource = useResource(`raid:${project.id}:${kind}`, (signal) =>
    api.get<{ items: RaidItemJson[] }>(
      `/projects/${encodeURIComponent(project.id)}/${RAID_PATH[kind]}`,
      undefined,
      signal,
    ),
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<Notice>(null);
  // The dialog is unmounted on close, so focus goes back by hand to the button that opened it.
  const opener = useRef<HTMLElement | null>(null);
  const open = (next: Editing) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setNotice(null);
    setEditing(next);
  };
  const close = () => {
    setEditing(null);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const noun = KIND_NOUN[kind];
  const headingId = `${kind}-heading`;

  function done(outcome: SaveOutcome) {
    close();
    setNotice(
      outcome.kind === 'saved'
        ? { intent: 'success', text: `Saved “${outcome.item.title}”.` }
        : {
            intent: 'warning',
            text: `Someone else changed “${outcome.title}” while you were editing, so your changes were not saved. The list now shows the latest version: edit it again.`,
          },
    );
    resource.reload();
  }

  const edit = (item: RaidItemJson) => open({ item });
  const items = resource.data?.items;

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.sectionHeader}>
        <h2 id={headingId} className={styles.sectionHeading}>
          {HEADING[kind]}
        </h2>
        {canEdit && (
          <Button appearance="primary" icon={<AddRegular />} onClick={() => open({ item: null })}>
            Add {noun}
          </Button>
        )}
      </div>
      {notice && (
        <MessageBar intent={notice.intent} role="status" layout="multiline">
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                icon={<DismissRegular />}
                aria-label="Dismiss"
                onClick={() => setNotice(null)}
              />
            }
          />
        </MessageBar>
      )}
      {resource.state === 'error' && <ErrorState error={resource.error} onRetry={resource.reload} />}
      {!items && resource.state === 'loading' && (
        <LoadingSkeleton label={`Loading ${HEADING[kind].toLowerCase()}`} rows={4} />
      )}
      {items && items.length === 0 && (
        <EmptyState title={`No ${kind === 'decision' ? 'decisions' : `${noun}s`} recorded`}>
          {canEdit
            ? `Record the first one with “Add ${noun}”.`
            : `${project.projectManager.name} (the project manager), their delegates and PMO staff record them here.`}
        </EmptyState>
      )}
      {items && items.length > 0 && kind === 'risk' && (
        <RiskList risks={items as RiskJson[]} canEdit={canEdit} onEdit={edit} />
      )}
      {items && items.length > 0 && kind === 'issue' && (
        <IssueList issues={items as IssueJson[]} canEdit={canEdit} onEdit={edit} />
      )}
      {items && items.length > 0 && kind === 'decision' && (
        <DecisionList decisions={items as DecisionJson[]} canEdit={canEdit} onEdit={edit} />
      )}
      {editing && (
        <RaidItemDialog
          kind={kind}
          projectId={project.id}
          item={editing.item}
          onClose={close}
          onDone={done}
        />
      )}
    </section>
  );
}

interface ListProps {
  canEdit: boolean;
  onEdit: (item: RaidItemJson) => void;
}

function RiskList({ risks, canEdit, onEdit }: ListProps & { risks: RiskJson[] }) {
  const styles = useRaidStyles();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const [includeClosed, setIncludeClosed] = useState(false);
  const cell = parseHeatCell(params.get('p'), params.get('i'));
  const open = useMemo(() => risks.filter(isRiskOpen), [risks]);
  const shown = useMemo(
    () =>
      risks
        .filter((r) => includeClosed || isRiskOpen(r))
        .filter((r) => !cell || (r.probability === cell.probability && r.impact === cell.impact))
        .sort(
          (a, b) =>
            Number(isRiskOpen(b)) - Number(isRiskOpen(a)) ||
            b.score - a.score ||
            a.title.localeCompare(b.title),
        ),
    [risks, includeClosed, cell],
  );

  const selectCell = (next: HeatCell | null) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        if (next) {
          out.set('p', String(next.probability));
          out.set('i', String(next.impact));
        } else {
          out.delete('p');
          out.delete('i');
        }
        return out;
      },
      { replace: true },
    );

  return (
    <div className={styles.riskLayout}>
      <RiskHeatMap
        risks={open}
        caption={`Open risks (${open.length}) by probability and impact. Choose a cell to list its risks.`}
        selected={cell}
        onSelect={selectCell}
      />
      <div className={styles.listColumn}>
        <Switch
          checked={includeClosed}
          onChange={(_e, d) => setIncludeClosed(d.checked)}
          label={`Include closed and occurred risks (${risks.length - open.length})`}
        />
        <RaidTable
          label="Risks"
          canEdit={canEdit}
          headers={['Risk', 'Score', 'Status', 'Owner', 'Review by']}
          empty={
            cell
              ? 'No risks in this cell match the filter.'
              : 'No open risks. Switch on “Include closed” to see the rest.'
          }
          rows={shown.map((r) => ({
            item: r,
            cells: [
              <TitleCell
                key="t"
                title={r.title}
                detail={r.mitigation ? `Mitigation: ${r.mitigation}` : r.description}
              />,
              <span key="s" className={styles.titleCell}>
                <span className={styles.nowrap}>
                  <strong>{r.score}</strong> {ZONE_LABEL[riskZone(r.score)]}
                </span>
                <span className={styles.secondary}>
                  {r.probability} × {r.impact}
                </span>
              </span>,
              <StatusBadge key="st" open={isRiskOpen(r)} label={RISK_STATUS_LABEL[r.status]} />,
              r.owner?.name ?? '—',
              <span key="d" className={styles.nowrap}>
                {r.dueDate ? f.date(r.dueDate) : '—'}
              </span>,
            ],
          }))}
          onEdit={onEdit}
        />
      </div>
    </div>
  );
}

function IssueList({ issues, canEdit, onEdit }: ListProps & { issues: IssueJson[] }) {
  const styles = useRaidStyles();
  const f = useFormat();
  const [includeClosed, setIncludeClosed] = useState(false);
  const openCount = issues.filter(isIssueOpen).length;
  const shown = issues
    .filter((i) => includeClosed || isIssueOpen(i))
    .sort(
      (a, b) =>
        Number(isIssueOpen(b)) - Number(isIssueOpen(a)) ||
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
    );
  return (
    <>
      <Switch
        checked={includeClosed}
        onChange={(_e, d) => setIncludeClosed(d.checked)}
        label={`Include resolved and closed issues (${issues.length - openCount})`}
      />
      <RaidTable
        label="Issues"
        canEdit={canEdit}
        headers={['Issue', 'Severity', 'Status', 'Owner', 'Due']}
        empty="No open issues. Switch on “Include resolved and closed” to see the rest."
        rows={shown.map((i) => ({
          item: i,
          cells: [
            <TitleCell
              key="t"
              title={i.title}
              detail={i.resolution ? `Resolution: ${i.resolution}` : i.description}
            />,
            <SeverityBadge key="sv" severity={i.severity} />,
            <StatusBadge key="st" open={isIssueOpen(i)} label={ISSUE_STATUS_LABEL[i.status]} />,
            i.owner?.name ?? '—',
            <span key="d" className={styles.nowrap}>
              {i.dueDate ? f.date(i.dueDate) : '—'}
            </span>,
          ],
        }))}
        onEdit={onEdit}
      />
    </>
  );
}

function DecisionList({ decisions, canEdit, onEdit }: ListProps & { decisions: DecisionJson[] }) {
  const styles = useRaidStyles();
  const f = useFormat();
  const shown = [...decisions].sort(
    (a, b) =>
      Number(b.status === 'proposed') - Number(a.status === 'proposed') ||
      (b.decidedOn ?? b.createdAt).localeCompare(a.decidedOn ?? a.createdAt),
  );
  return (
    <RaidTable
      label="Decision log"
      canEdit={canEdit}
      headers={['Decision', 'Status', 'Decided by', 'Decided on', 'Decide by']}
      empty="No decisions."
      rows={shown.map((d) => ({
        item: d,
        cells: [
          <TitleCell
            key="t"
            title={d.title}
            detail={d.rationale ? `Rationale: ${d.rationale}` : d.description}
          />,
          <StatusBadge key="st" open={d.status === 'proposed'} label={DECISION_STATUS_LABEL[d.status]} />,
          d.decidedBy?.name ?? '—',
          <span key="on" className={styles.nowrap}>
            {d.decidedOn ? f.date(d.decidedOn) : '—'}
          </span>,
          <span key="by" className={styles.nowrap}>
            {d.dueDate ? f.date(d.dueDate) : '—'}
          </span>,
        ],
      }))}
      onEdit={onEdit}
    />
  );
}

/** A RAID list as a table that scrolls sideways on a phone, with an Edit button per row for editors. */
function RaidTable({
  label,
  headers,
  rows,
  canEdit,
  onEdit,
  empty,
}: {
  label: string;
  headers: string[];
  rows: Array<{ item: RaidItemJson; cells: ReactNode[] }>;
  canEdit: boolean;
  onEdit: (item: RaidItemJson) => void;
  empty: string;
}) {
  const styles = useRaidStyles();
  if (rows.length === 0) return <p className={styles.secondary}>{empty}</p>;
  return (
    <div className={styles.tableScroller} role="region" aria-label={`${label} list`} tabIndex={0}>
      <Table aria-label={label} size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            {headers.map((h, i) => (
              <TableHeaderCell key={h} className={i === 0 ? styles.titleColumn : undefined}>
                {h}
              </TableHeaderCell>
            ))}
            {canEdit && (
              <TableHeaderCell className={styles.actionsCell}>
                <span className={styles.secondary}>Edit</span>
              </TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ item, cells }) => (
            <TableRow key={item.id}>
              {cells.map((c, i) => (
                <TableCell key={i}>{c}</TableCell>
              ))}
              {canEdit && (
                <TableCell className={styles.actionsCell}>
                  <Button
                    appearance="subtle"
                    icon={<EditRegular />}
                    aria-label={`Edit “${item.title}”`}
                    onClick={() => onEdit(item)}
                  />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function TitleCell({ title, detail }: { title: string; detail: string }) {
  const styles = useRaidStyles();
  return (
    <div className={styles.titleCell}>
      <span>{title}</span>
      {detail && <span className={styles.clamp}>{detail}</span>}
    </div>
  );
}

function StatusBadge({ open, label }: { open: boolean; label: string }) {
  return (
    <Badge appearance={open ? 'tint' : 'outline'} color={open ? 'brand' : 'informative'}>
      {label}
    </Badge>
  );
}

const SEVERITY_COLOR = { low: 'informative', medium: 'warning', high: 'danger', critical: 'danger' } as const;

function SeverityBadge({ severity }: { severity: IssueJson['severity'] }) {
  return (
    <Badge appearance={severity === 'critical' ? 'filled' : 'tint'} color={SEVERITY_COLOR[severity]}>
      {SEVERITY_LABEL[severity]}
    </Badge>
  );
}

import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, DismissRegular, EditRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/api-client';
import type { ChangeRequestJson, PersonRef, ProjectJson, StakeholderJson } from '../../api/types';
import type { Resource } from '../../components/use-resource';
import { useResource } from '../../components/use-resource';
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/page-states';
import { useApi } from '../../session/session-context';
import { StakeholderDialog } from './stakeholder-dialog';
import type { StakeholderOutcome } from './stakeholder-dialog';
import { CHANNEL_LABEL, FREQUENCY_LABEL, ROLE_LABEL, stakeholderName } from './stakeholder-labels';
import { useProjectPageStyles } from './project-page.styles';
import { useRaidStyles } from './project-raid.styles';

interface PersonOnRecord {
  person: PersonRef;
  roles: string[];
}

/**
 * The project's stakeholder register (who hears about it, by which channel, how often) with Add, Edit
 * and Remove for those allowed, then the people the project record names (PM, delegates, sponsors) and
 * the approvers of its change requests, each once with all their roles.
 */
export function StakeholdersPanel({
  project,
  requests,
  canEdit,
}: {
  project: ProjectJson;
  requests: Resource<{ changeRequests: ChangeRequestJson[] }>;
  canEdit: boolean;
}) {
  const styles = useProjectPageStyles();
  return (
    <>
      <StakeholderRegister project={project} canEdit={canEdit} />
      <section className={styles.section} aria-labelledby="stakeholders-heading">
        <PeopleOnRecord project={project} requests={requests} />
      </section>
    </>
  );
}

type Notice = { intent: 'success' | 'warning' | 'error'; text: string } | null;
type Editing = { entry: StakeholderJson | null } | null;

/** `canEdit` only hides the buttons from people the server would refuse; the server still decides. */
function StakeholderRegister({ project, canEdit }: { project: ProjectJson; canEdit: boolean }) {
  const styles = useProjectPageStyles();
  const table = useRaidStyles();
  const api = useApi();
  const resource = useResource(`stakeholders:${project.id}`, (signal) =>
    api.get<{ items: StakeholderJson[] }>('/stakeholders', { project: project.id }, signal),
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<StakeholderJson | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  // Dialogs unmount on close, so focus goes back by hand to the button that opened them.
  const opener = useRef<HTMLElement | null>(null);
  const remember = () => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setNotice(null);
  };
  const refocus = () => requestAnimationFrame(() => opener.current?.focus());
  const close = () => {
    setEditing(null);
    setRemoving(null);
    refocus();
  };

  function done(outcome: StakeholderOutcome) {
    close();
    setNotice(
      outcome.kind === 'saved'
        ? { intent: 'success', text: `Saved ${stakeholderName(outcome.entry)}.` }
        : {
            intent: 'warning',
            text: `Someone else changed ${outcome.name} while you were editing, so your changes were not saved. The list now shows the latest version: edit it again.`,
          },
    );
    resource.reload();
  }

  async function remove(entry: StakeholderJson) {
    try {
      await api.delete(`/stakeholders/${encodeURIComponent(entry.id)}`, { version: entry.version });
      setNotice({ intent: 'success', text: `Removed ${stakeholderName(entry)}.` });
    } catch (err) {
      const e = err instanceof ApiError ? err : null;
      setNotice({
        intent: e?.status === 409 || e?.status === 404 ? 'warning' : 'error',
        text:
          e?.status === 409
            ? `Someone else changed ${stakeholderName(entry)} meanwhile, so it was not removed. The list now shows the latest version.`
            : e?.status === 404
              ? `${stakeholderName(entry)} had already been removed.`
              : `${stakeholderName(entry)} was not removed: ${e?.problem.detail ?? String(err)}`,
      });
    }
    close();
    resource.reload();
  }

  const items = resource.data?.items;
  return (
    <section className={styles.section} aria-labelledby="register-heading">
      <div className={styles.sectionHeader}>
        <h2 id="register-heading" className={styles.sectionHeading}>
          Stakeholder register
        </h2>
        {canEdit && (
          <Button
            appearance="primary"
            icon={<AddRegular />}
            onClick={() => {
              remember();
              setEditing({ entry: null });
            }}
          >
            Add stakeholder
          </Button>
        )}
      </div>
      <Text className={styles.muted}>Who hears about the project, by which channel and how often.</Text>
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
      {!items && resource.state === 'loading' && <LoadingSkeleton label="Loading the register" rows={3} />}
      {items && items.length === 0 && (
        <EmptyState title="No one in the register yet">
          {canEdit
            ? 'Add the sponsors, the steering group, the team channel and customers with “Add stakeholder”.'
            : `${project.projectManager.name} (the project manager), their delegates and PMO staff keep it.`}
        </EmptyState>
      )}
      {items && items.length > 0 && (
        <div className={table.tableScroller} role="region" aria-label="Stakeholder register" tabIndex={0}>
          <Table aria-label="Stakeholder register" size="small" className={table.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Who or where</TableHeaderCell>
                <TableHeaderCell>Role</TableHeaderCell>
                <TableHeaderCell>Channel</TableHeaderCell>
                <TableHeaderCell>Frequency</TableHeaderCell>
                {canEdit && <TableHeaderCell>Actions</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>
                    <span className={table.titleCell}>{stakeholderName(s)}</span>
                    {s.person && <span className={table.secondary}>{s.person.email}</span>}
                  </TableCell>
                  <TableCell>{ROLE_LABEL[s.role]}</TableCell>
                  <TableCell>{CHANNEL_LABEL[s.channel]}</TableCell>
                  <TableCell>{FREQUENCY_LABEL[s.frequency]}</TableCell>
                  {canEdit && (
                    <TableCell className={table.nowrap}>
                      <Button
                        appearance="subtle"
                        icon={<EditRegular />}
                        aria-label={`Edit ${stakeholderName(s)}`}
                        onClick={() => {
                          remember();
                          setEditing({ entry: s });
                        }}
                      />
                      <Button
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        aria-label={`Remove ${stakeholderName(s)}`}
                        onClick={() => {
                          remember();
                          setRemoving(s);
                        }}
                      />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {editing && (
        <StakeholderDialog projectId={project.id} entry={editing.entry} onClose={close} onDone={done} />
      )}
      {removing && (
        <Dialog open onOpenChange={(_e, data) => !data.open && close()}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Remove {stakeholderName(removing)}?</DialogTitle>
              <DialogContent>
                They will no longer hear about {project.code} by {CHANNEL_LABEL[removing.channel]}.
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={close}>
                  Cancel
                </Button>
                <Button appearance="primary" onClick={() => void remove(removing)}>
                  Remove
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
}

function PeopleOnRecord({
  project,
  requests,
}: {
  project: ProjectJson;
  requests: Resource<{ changeRequests: ChangeRequestJson[] }>;
}) {
  const styles = useProjectPageStyles();
  const table = useRaidStyles();
  const byId = new Map<string, PersonOnRecord>();
  const add = (person: PersonRef, role: string) => {
    const entry = byId.get(person.id) ?? { person, roles: [] };
    if (!entry.roles.includes(role)) entry.roles.push(role);
    byId.set(person.id, entry);
  };
  add(project.projectManager, 'Project manager');
  for (const d of project.delegates) add(d, 'Delegate of the project manager');
  for (const s of project.sponsors) add(s, 'Sponsor');
  for (const c of requests.data?.changeRequests ?? []) {
    for (const a of c.approvers) add(a, 'Change approver');
    add(c.requestedBy, 'Change requester');
  }
  const rows = [...byId.values()];

  return (
    <>
      <h2 id="stakeholders-heading" className={styles.sectionHeading}>
        People on record
      </h2>
      <Text className={styles.muted}>The people named on the project and on its change requests.</Text>
      {requests.state === 'error' && <ErrorState error={requests.error} onRetry={requests.reload} />}
      <div className={table.tableScroller} role="region" aria-label="People on record list" tabIndex={0}>
        <Table aria-label="People on record" size="small" className={table.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Roles</TableHeaderCell>
              <TableHeaderCell>Email</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(({ person, roles }) => (
              <TableRow key={person.id}>
                <TableCell>{person.name}</TableCell>
                <TableCell>
                  <span className={table.toolbar}>
                    {roles.map((r) => (
                      <Badge key={r} appearance="tint" color="informative">
                        {r}
                      </Badge>
                    ))}
                  </span>
                </TableCell>
                <TableCell>
                  <Link href={`mailto:${person.email}`}>{person.email}</Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

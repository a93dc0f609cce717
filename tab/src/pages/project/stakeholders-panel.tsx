import {
  Badge,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { ChangeRequestJson, PersonRef, ProjectJson } from '../../api/types';
import type { Resource } from '../../components/use-resource';
import { ErrorState } from '../../components/page-states';
import { useProjectPageStyles } from './project-page.styles';
import { useRaidStyles } from './project-raid.styles';

interface Stakeholder {
  person: PersonRef;
  roles: string[];
}

/**
 * The people the project record names (PM, delegates, sponsors) and the approvers of its change
 * requests, each once with all their roles. Nothing invented: a fuller stakeholder register (channel,
 * frequency) belongs to the communications feature.
 */
export function StakeholdersPanel({
  project,
  requests,
}: {
  project: ProjectJson;
  requests: Resource<{ changeRequests: ChangeRequestJson[] }>;
}) {
  const styles = useProjectPageStyles();
  const table = useRaidStyles();
  const byId = new Map<string, Stakeholder>();
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
    <section className={styles.section} aria-labelledby="stakeholders-heading">
      <h2 id="stakeholders-heading" className={styles.sectionHeading}>
        Stakeholders
      </h2>
      <Text className={styles.muted}>The people named on the project and on its change requests.</Text>
      {requests.state === 'error' && <ErrorState error={requests.error} onRetry={requests.reload} />}
      <div className={table.tableScroller} role="region" aria-label="Stakeholders list" tabIndex={0}>
        <Table aria-label="Stakeholders" size="small" className={table.table}>
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
    </section>
  );
}

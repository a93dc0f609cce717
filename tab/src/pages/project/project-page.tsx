import { Tab, TabList, Text } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useLocation, useParams, useSearchParams } from 'react-router';
import type { ChangeRequestJson, ProjectJson, RaidKind } from '../../api/types';
import { ErrorState, LoadingSkeleton } from '../../components/page-states';
import { useResource } from '../../components/use-resource';
import { useApi, useSession } from '../../session/session-context';
import { AppLink } from '../../components/app-link';
import { ChangeRequestsPanel } from './change-requests-panel';
import { ProjectHeader } from './project-header';
import { useProjectPageStyles } from './project-page.styles';
import { RaidPanel } from './project-raid';
import { StakeholdersPanel } from './stakeholders-panel';
import { StatusPanel } from './status-panel';

const SECTIONS = [
  { value: 'status', label: 'Status' },
  { value: 'risks', label: 'Risks' },
  { value: 'issues', label: 'Issues' },
  { value: 'decisions', label: 'Decisions' },
  { value: 'changes', label: 'Change requests' },
  { value: 'stakeholders', label: 'Stakeholders' },
] as const;
type Section = (typeof SECTIONS)[number]['value'];
const RAID_SECTION: Partial<Record<Section, RaidKind>> = {
  risks: 'risk',
  issues: 'issue',
  decisions: 'decision',
};

/**
 * Where "Back" goes: the page named by `from` (URL or navigation state: a filtered portfolio, the RAID
 * list), else the previous page in this tab's history (its URL keeps its filters), else the portfolio.
 */
function useBackTarget(): { to: string; label: string; historyBack: boolean; state?: { from: string } } {
  const [params] = useSearchParams();
  const location = useLocation();
  const fromState = (location.state as { from?: unknown } | null)?.from;
  const from = params.get('from') ?? (typeof fromState === 'string' ? fromState : null);
  // Only paths inside the tab: a `from` pointing elsewhere is ignored.
  if (from && from.startsWith('/') && !from.startsWith('//')) {
    const state = params.get('from') ? undefined : { from };
    if (from.startsWith('/raid'))
      return { to: from, label: 'Back to risks, issues and decisions', historyBack: false, state };
    if (from.startsWith('/approvals'))
      return { to: from, label: 'Back to approvals', historyBack: false, state };
    if (from.startsWith('/compliance'))
      return { to: from, label: 'Back to status compliance', historyBack: false, state };
    return { to: from, label: 'Back to the portfolio', historyBack: false, state };
  }
  // React Router numbers its history entries (`idx`, 0 for the page the tab opened on; replacing keeps
  // it): above 0 there is an in-app page to return to, with its filters in its URL.
  const idx = (window.history.state as { idx?: unknown } | null)?.idx;
  if (typeof idx === 'number' && idx > 0) return { to: '/', label: 'Back', historyBack: true };
  return { to: '/', label: 'Back to the portfolio', historyBack: false };
}

/** One project: the facts, its weekly status history, RAID, change requests and people. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  // A new project is a new page: nothing of the previous one (data, dialogs, selection) carries over.
  return <ProjectView key={id} id={id} />;
}

function ProjectView({ id }: { id: string }) {
  const api = useApi();
  const { me } = useSession();
  const styles = useProjectPageStyles();
  const back = useBackTarget();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const project = useResource(`project:${id}`, (signal) =>
    api.get<ProjectJson>(`/projects/${encodeURIComponent(id)}`, undefined, signal),
  );
  const requests = useResource(`change-requests:${id}`, (signal) =>
    api.get<{ changeRequests: ChangeRequestJson[] }>('/change-requests', { project: id }, signal),
  );
  const asked = params.get('tab');
  const section: Section = SECTIONS.some((s) => s.value === asked) ? (asked as Section) : 'status';

  const backLink = (
    <AppLink to={back.to} historyBack={back.historyBack} className={styles.backLink}>
      <ArrowLeftRegular aria-hidden />
      {back.label}
    </AppLink>
  );

  if (project.state === 'error' && (project.error.status === 404 || !project.data)) {
    const notFound = project.error.status === 404;
    return (
      <div className={styles.root}>
        {notFound ? (
          <div className={styles.notFound} role="status">
            <h1 className={styles.title}>Project not found</h1>
            <Text>There is no project at this link: it may have been removed, or the link is mistyped.</Text>
            {backLink}
          </div>
        ) : (
          <>
            {backLink}
            <h1 className={styles.title}>{project.error.status === 403 ? 'Not allowed' : 'Project'}</h1>
            <ErrorState
              error={project.error}
              onRetry={project.error.status === 403 ? undefined : project.reload}
            />
          </>
        )}
      </div>
    );
  }
  if (!project.data) return <LoadingSkeleton label="Loading the project" />;

  const p = project.data;
  // Mirrors the server's rule (PMO staff, the PM, delegates) to hide buttons it would refuse anyway.
  const canEdit = me.isPmoStaff || p.projectManager.id === me.id || p.delegates.some((d) => d.id === me.id);
  const raidKind = RAID_SECTION[section];

  const selectSection = (next: Section) =>
    setParams(
      (old) => {
        const out = new URLSearchParams();
        const from = old.get('from');
        if (from) out.set('from', from);
        if (next !== 'status') out.set('tab', next);
        return out;
      },
      { replace: true, state: back.state ?? location.state },
    );

  return (
    <div className={styles.root}>
      {backLink}
      <ProjectHeader project={p} />
      {project.state === 'error' && <ErrorState error={project.error} onRetry={project.reload} />}
      <div className={styles.tabs}>
        <TabList
          selectedValue={section}
          onTabSelect={(_e, data) => selectSection(data.value as Section)}
          aria-label="Project sections"
        >
          {SECTIONS.map((s) => (
            <Tab key={s.value} value={s.value} id={`project-tab-${s.value}`} aria-controls="project-panel">
              {s.label}
            </Tab>
          ))}
        </TabList>
      </div>
      <div id="project-panel" role="tabpanel" aria-labelledby={`project-tab-${section}`}>
        {section === 'status' && <StatusPanel project={p} />}
        {raidKind && <RaidPanel key={raidKind} project={p} kind={raidKind} canEdit={canEdit} />}
        {section === 'changes' && <ChangeRequestsPanel project={p} requests={requests} />}
        {section === 'stakeholders' && (
          <StakeholdersPanel project={p} requests={requests} canEdit={canEdit} />
        )}
      </div>
    </div>
  );
}

import type { Project } from '../../../api/domain/project';
import type { StatusReport } from '../../../api/domain/status-report';
import type { Fields } from '../../../api/store/sharepoint/list-codecs';
import {
  changeRequestFromFields,
  changeRequestToFields,
  decisionFromFields,
  decisionToFields,
  personFromFields,
  personToFields,
  projectFromFields,
  projectToFields,
  raidFromFields,
  raidToFields,
  reportFromFields,
  reportToFields,
  revisionFromFields,
  revisionToFields,
} from '../../../api/store/sharepoint/list-codecs';
import type { ListKey } from '../../../api/store/sharepoint/list-schema';
import { LISTS, listSpec } from '../../../api/store/sharepoint/list-schema';
import {
  changeRequest,
  decision,
  decisionLogEntry,
  issue,
  person,
  projectInput,
  risk,
  statusSave,
} from '../../store-contract/contract-fixtures';

/** Only columns the schema declares (plus the built-in Title) may be written: the service refuses others. */
function expectSchemaColumns(list: ListKey, fields: Fields): void {
  const known = new Set(['Title', ...listSpec(list).columns.map((c) => c.name)]);
  expect(Object.keys(fields).filter((k) => !known.has(k))).toEqual([]);
}

/** What SharePoint sends back: unset values are absent, not null. */
function asStored(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
}

const project = (): Project => ({
  ...projectInput({ code: 'CODEC-1' }),
  latestStatus: {
    week: '2026-W11',
    reportedAt: '2026-03-13T09:30:00.000Z',
    overall: 'amber',
    schedule: 'amber',
    budget: 'green',
    scope: 'green',
    resources: 'red',
  },
  createdAt: '2026-01-05T08:00:00.000Z',
  updatedAt: '2026-03-13T09:30:00.000Z',
  version: 4,
});

describe('SharePoint list codecs', () => {
  it('should round-trip a project through its list fields', () => {
    const p = project();
    const fields = projectToFields(p);
    expectSchemaColumns('projects', fields);
    expect(projectFromFields(asStored(fields))).toEqual(p);
    expect(fields).toMatchObject({
      OverallRag: 'amber',
      LatestWeek: '2026-W11',
      StartDate: `${p.startDate}T00:00:00Z`,
    });
  });

  it('should keep a project that never reported as "not reported", with no latest status', () => {
    const p: Project = { ...project(), latestStatus: null };
    const fields = projectToFields(p);
    expect(fields.OverallRag).toBe('notReported');
    expect(projectFromFields(asStored(fields))).toEqual(p);
  });

  it('should store instants to the second, as SharePoint does, and read them back in ISO form', () => {
    const p: Project = { ...project(), createdAt: '2026-01-05T08:00:00.789Z' };
    const fields = projectToFields(p);
    expect(fields.CreatedAt).toBe('2026-01-05T08:00:00Z');
    expect(projectFromFields(fields).createdAt).toBe('2026-01-05T08:00:00.000Z');
  });

  it('should round-trip a status report and a revision', () => {
    const { report } = statusSave('p-1', '2026-W11', { overallOverrideReason: null });
    const stored: StatusReport = { ...report, version: 2 };
    const fields = reportToFields(stored);
    expectSchemaColumns('statusReports', fields);
    expect(reportFromFields(asStored(fields))).toEqual(stored);
    expect(fields.ReportKey).toBe('p-1|2026-W11');

    const revision = {
      reportId: stored.id,
      version: 1,
      snapshot: { ...stored, version: 1 },
      replacedAt: '2026-03-13T10:00:00.000Z',
      replacedBy: stored.submittedBy,
    };
    const revisionFields = revisionToFields(revision);
    expectSchemaColumns('statusReportRevisions', revisionFields);
    expect(revisionFromFields(asStored(revisionFields))).toEqual(revision);
  });

  it('should mark a report whose overall is better than its worst dimension', () => {
    const { report } = statusSave('p-1', '2026-W11', {
      rag: { overall: 'green', schedule: 'red', budget: 'green', scope: 'green', resources: 'green' },
      overallOverrideReason: 'Recovery plan agreed',
    });
    expect(reportToFields({ ...report, version: 1 }).OverallOverridden).toBe(true);
  });

  it.each([
    ['risks', risk('p-1')],
    ['issues', issue('p-1')],
    ['decisionLog', decisionLogEntry('p-1')],
  ] as const)('should round-trip a RAID item in %s', (list, item) => {
    const fields = raidToFields(item);
    expectSchemaColumns(list, fields);
    expect(raidFromFields(item.kind, asStored(fields))).toEqual(item);
  });

  it('should round-trip a change request, a decision and a person', () => {
    const cr = changeRequest('p-1', 'submitted', '2026-03-10T12:00:00.000Z');
    expectSchemaColumns('changeRequests', changeRequestToFields(cr));
    expect(changeRequestFromFields(asStored(changeRequestToFields(cr)))).toEqual(cr);

    const d = decision(cr.id, '2026-03-11T12:00:00.000Z');
    expectSchemaColumns('decisions', decisionToFields(d));
    expect(decisionFromFields(asStored(decisionToFields(d)))).toEqual(d);

    const someone = person(7, 'Zoë O’Brien', { department: 'Finance', timeZone: 'Europe/Paris' });
    const fields = personToFields(someone, '2026-03-11T12:00:00.000Z');
    expectSchemaColumns('people', fields);
    expect(fields.EmailKey).toBe(someone.email.toLowerCase());
    expect(personFromFields(asStored(fields))).toEqual(someone);
  });

  it('should give every list unique column names, each a valid SharePoint internal name', () => {
    for (const list of LISTS) {
      const names = list.columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
    }
  });
});

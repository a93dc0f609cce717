import { ForbiddenError } from '../../../api/domain/errors';
import type { Actor } from '../../../api/domain/people';
import type { Project } from '../../../api/domain/project';
import type { Identity, PmoRoleAssignments } from '../../../api/services/actors';
import { actorFor, pmoRoleOf } from '../../../api/services/actors';
import { assertCan, can } from '../../../api/services/authorization';
import type { ServiceHarness } from './service-fixtures';
import { actors, projectInput, serviceHarness, statusAnswers } from './service-fixtures';

type Who = keyof typeof actors;

describe('pmoRoleOf', () => {
  const assignments: PmoRoleAssignments = {
    pmoHead: ['11111111-1111-1111-1111-111111111111'],
    projectSpecialist: ['22222222-2222-2222-2222-222222222222', 'aaaaaaaa-0000-0000-0000-00000000000a'],
    projectOfficer: ['bbbbbbbb-0000-0000-0000-00000000000b'],
  };
  const identity = (id: string, groups?: string[]): Identity => ({
    id,
    name: 'Someone',
    email: 'someone@contoso.example',
    groups,
  });

  it.each<[string, Identity, Actor['pmoRole']]>([
    ['an object id listed as PMO head', identity('11111111-1111-1111-1111-111111111111'), 'pmoHead'],
    [
      'an object id listed as specialist',
      identity('22222222-2222-2222-2222-222222222222'),
      'projectSpecialist',
    ],
    [
      'an object id in another letter case',
      identity('AAAAAAAA-0000-0000-0000-00000000000A'),
      'projectSpecialist',
    ],
    [
      'a group listed as officers',
      identity('99999999-0000-0000-0000-000000000000', ['bbbbbbbb-0000-0000-0000-00000000000b']),
      'projectOfficer',
    ],
    [
      'a group in upper case',
      identity('99999999-0000-0000-0000-000000000000', ['BBBBBBBB-0000-0000-0000-00000000000B']),
      'projectOfficer',
    ],
    [
      'an officer group and a head object id (the senior role wins)',
      identity('11111111-1111-1111-1111-111111111111', ['bbbbbbbb-0000-0000-0000-00000000000b']),
      'pmoHead',
    ],
    [
      'two groups (the senior role wins)',
      identity('99999999-0000-0000-0000-000000000000', [
        'bbbbbbbb-0000-0000-0000-00000000000b',
        'aaaaaaaa-0000-0000-0000-00000000000a',
      ]),
      'projectSpecialist',
    ],
    ['someone not listed', identity('99999999-0000-0000-0000-000000000000'), null],
    [
      'someone with unrelated groups',
      identity('99999999-0000-0000-0000-000000000000', ['cccccccc-0000-0000-0000-00000000000c']),
      null,
    ],
  ])('should resolve %s', (_label, id, role) => {
    expect(pmoRoleOf(id, assignments)).toBe(role);
  });

  it('should give nobody a role when nothing is configured', () => {
    const none: PmoRoleAssignments = { pmoHead: [], projectSpecialist: [], projectOfficer: [] };
    expect(pmoRoleOf(identity('11111111-1111-1111-1111-111111111111', ['x']), none)).toBeNull();
  });

  it('should build an actor from the identity and its role', () => {
    expect(actorFor(identity('11111111-1111-1111-1111-111111111111', ['g']), assignments)).toEqual({
      id: '11111111-1111-1111-1111-111111111111',
      name: 'Someone',
      email: 'someone@contoso.example',
      pmoRole: 'pmoHead',
    });
  });
});

describe('can', () => {
  let h: ServiceHarness;
  let project: Project;

  beforeAll(async () => {
    h = serviceHarness();
    project = await h.createProject();
  });
  afterAll(() => h.store.close());

  // who, readProject, submitStatus, editRaid, manageProjects (and manageStatusRequests), seeWholePortfolio
  it.each<[Who, boolean, boolean, boolean, boolean, boolean]>([
    ['pmoHead', true, true, true, true, true],
    ['specialist', true, true, true, true, true],
    ['officer', true, true, true, true, true],
    ['pm', true, true, true, false, false],
    ['delegate', true, true, true, false, false],
    ['sponsor', true, false, false, false, false],
    ['outsider', false, false, false, false, false],
    ['otherPm', false, false, false, false, false],
  ])(
    'should give %s read=%s submit=%s raid=%s manage=%s portfolio=%s',
    (who, read, submit, raid, manage, whole) => {
      const a = actors[who];
      expect(can.readProject(a, project)).toBe(read);
      expect(can.submitStatus(a, project)).toBe(submit);
      expect(can.editRaid(a, project)).toBe(raid);
      expect(can.manageProjects(a)).toBe(manage);
      expect(can.manageStatusRequests(a)).toBe(manage);
      expect(can.seeWholePortfolio(a)).toBe(whole);
    },
  );

  it('should decide from the stored project, not from the name on it', () => {
    const impostor: Actor = { ...actors.outsider, name: actors.pm.name, email: actors.pm.email };
    expect(can.readProject(impostor, project)).toBe(false);
    expect(can.submitStatus(impostor, project)).toBe(false);
  });

  it('should throw ForbiddenError from assertCan only when not allowed', () => {
    expect(() => assertCan(true, 'no')).not.toThrow();
    expect(() => assertCan(false, 'You may not.')).toThrow(new ForbiddenError('You may not.'));
  });
});

describe('services enforce the permissions', () => {
  let h: ServiceHarness;
  let project: Project;

  beforeEach(async () => {
    h = serviceHarness();
    project = await h.createProject();
  });
  afterEach(() => h.store.close());

  describe('reading a project', () => {
    it.each<Who>(['pmoHead', 'officer', 'pm', 'delegate', 'sponsor'])(
      'should let %s read it',
      async (who) => {
        await expect(h.projects.get(actors[who], project.id)).resolves.toMatchObject({ id: project.id });
        await expect(h.status.list(actors[who], project.id)).resolves.toEqual([]);
        await expect(h.raid.list(actors[who], 'risk', project.id)).resolves.toEqual([]);
      },
    );

    it.each<Who>(['outsider', 'otherPm'])('should refuse %s', async (who) => {
      await expect(h.projects.get(actors[who], project.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(h.status.list(actors[who], project.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(h.raid.list(actors[who], 'issue', project.id)).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  describe('submitting status', () => {
    it.each<Who>(['pmoHead', 'specialist', 'officer', 'pm', 'delegate'])(
      'should let %s submit',
      async (who) => {
        const result = await h.status.submit(actors[who], project.id, {
          answers: statusAnswers(),
          source: 'tab',
        });
        expect(result.created).toBe(true);
        expect(result.report.submittedBy.id).toBe(actors[who].id);
      },
    );

    it.each<Who>(['sponsor', 'outsider', 'otherPm'])('should refuse %s and store nothing', async (who) => {
      await expect(
        h.status.submit(actors[who], project.id, { answers: statusAnswers(), source: 'bot' }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(await h.store.listStatusReports(project.id)).toEqual([]);
      expect((await h.store.getProject(project.id))?.version).toBe(project.version);
    });
  });

  describe('editing the RAID log', () => {
    it.each<Who>(['pmoHead', 'officer', 'pm', 'delegate'])('should let %s add a risk', async (who) => {
      const risk = await h.raid.create(actors[who], 'risk', project.id, {
        title: 'Vendor late',
        probability: 4,
        impact: 4,
      });
      expect(risk.createdBy.id).toBe(actors[who].id);
    });

    it.each<Who>(['sponsor', 'outsider'])('should refuse %s and store nothing', async (who) => {
      await expect(
        h.raid.create(actors[who], 'risk', project.id, { title: 'Vendor late', probability: 4, impact: 4 }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(await h.store.listRaidItems('risk', project.id)).toEqual([]);
    });

    it('should refuse a sponsor editing an existing item', async () => {
      const issue = await h.raid.create(actors.pm, 'issue', project.id, {
        title: 'Test rig broken',
        severity: 'high',
      });
      await expect(
        h.raid.update(actors.sponsor, 'issue', project.id, issue.id, { status: 'resolved' }, issue.version),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect((await h.store.getRaidItem('issue', issue.id))?.status).toBe('open');
    });
  });

  describe('managing projects', () => {
    it.each<Who>(['pmoHead', 'specialist', 'officer'])(
      'should let %s create and change projects',
      async (who) => {
        const created = await h.projects.create(
          actors[who],
          projectInput({ code: `NEW-${who}`.slice(0, 20) }),
        );
        const updated = await h.projects.update(
          actors[who],
          created.id,
          { title: 'Renamed' },
          created.version,
        );
        expect(updated.title).toBe('Renamed');
      },
    );

    it.each<Who>(['pm', 'delegate', 'sponsor', 'outsider'])('should refuse %s', async (who) => {
      await expect(h.projects.create(actors[who], projectInput({ code: 'NOPE-1' }))).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(
        h.projects.update(actors[who], project.id, { title: 'Mine now' }, project.version),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(await h.store.getProjectByCode('NOPE-1')).toBeUndefined();
      expect((await h.store.getProject(project.id))?.title).toBe(project.title);
    });
  });
});

import { ConflictError, NotFoundError, ValidationError } from '../../../api/domain/errors';
import type { Project } from '../../../api/domain/project';
import type { ServiceHarness } from './service-fixtures';
import { actors, NOW, ref, serviceHarness } from './service-fixtures';

describe('RaidService', () => {
  let h: ServiceHarness;
  let project: Project;
  let other: Project;

  beforeEach(async () => {
    h = serviceHarness();
    project = await h.createProject({ code: 'RAID-1' });
    other = await h.createProject({ code: 'RAID-2' });
  });
  afterEach(() => h.store.close());

  it('should create a risk with the defaults, the author and the clock', async () => {
    const risk = await h.raid.create(actors.pm, 'risk', project.id, {
      title: 'Key supplier may fold',
      probability: 2,
      impact: 5,
    });
    expect(risk).toEqual({
      kind: 'risk',
      id: expect.any(String),
      projectId: project.id,
      title: 'Key supplier may fold',
      description: '',
      owner: null,
      dueDate: null,
      probability: 2,
      impact: 5,
      mitigation: '',
      status: 'open',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      createdBy: ref(actors.pm),
      version: 1,
    });
    expect(await h.store.getRaidItem('risk', risk.id)).toEqual(risk);
  });

  it('should keep each kind and each project apart', async () => {
    const risk = await h.raid.create(actors.pm, 'risk', project.id, {
      title: 'R',
      probability: 3,
      impact: 3,
    });
    const issue = await h.raid.create(actors.pm, 'issue', project.id, { title: 'I', severity: 'critical' });
    const decision = await h.raid.create(actors.pm, 'decision', project.id, {
      title: 'D',
      rationale: 'cheaper',
    });
    await h.raid.create(actors.pm, 'risk', other.id, { title: 'Other', probability: 1, impact: 1 });

    expect((await h.raid.list(actors.sponsor, 'risk', project.id)).map((x) => x.id)).toEqual([risk.id]);
    expect((await h.raid.list(actors.sponsor, 'issue', project.id)).map((x) => x.id)).toEqual([issue.id]);
    expect(await h.raid.list(actors.sponsor, 'decision', project.id)).toEqual([decision]);
    expect(decision).toMatchObject({
      kind: 'decision',
      status: 'proposed',
      decidedBy: null,
      decidedOn: null,
    });
  });

  it('should update with the version read and bump it', async () => {
    const issue = await h.raid.create(actors.pm, 'issue', project.id, {
      title: 'Build broken',
      severity: 'high',
    });
    h.clock.advance(5_000);
    const updated = await h.raid.update(
      actors.delegate,
      'issue',
      project.id,
      issue.id,
      { status: 'resolved', resolution: 'Fixed' },
      1,
    );
    expect(updated).toMatchObject({
      status: 'resolved',
      resolution: 'Fixed',
      version: 2,
      createdAt: issue.createdAt,
      updatedAt: new Date(NOW.getTime() + 5_000).toISOString(),
      createdBy: ref(actors.pm),
    });
    expect(await h.store.getRaidItem('issue', issue.id)).toEqual(updated);
  });

  it('should refuse a stale version with ConflictError', async () => {
    const risk = await h.raid.create(actors.pm, 'risk', project.id, {
      title: 'R',
      probability: 3,
      impact: 3,
    });
    await h.raid.update(actors.pm, 'risk', project.id, risk.id, { status: 'mitigating' }, 1);
    await expect(
      h.raid.update(actors.pm, 'risk', project.id, risk.id, { status: 'closed' }, 1),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await h.store.getRaidItem('risk', risk.id))?.status).toBe('mitigating');
  });

  it("should not reach another project's item through this project", async () => {
    const risk = await h.raid.create(actors.pm, 'risk', other.id, {
      title: 'Theirs',
      probability: 3,
      impact: 3,
    });
    await expect(
      h.raid.update(actors.pm, 'risk', project.id, risk.id, { title: 'Mine' }, 1),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      h.raid.update(actors.pm, 'issue', other.id, risk.id, { title: 'Wrong kind' }, 1),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await h.store.getRaidItem('risk', risk.id))?.title).toBe('Theirs');
  });

  it.each([
    ['an impossible due date', { dueDate: '2026-02-30' }, 'dueDate'],
    ['a malformed decision date', { decidedOn: '1 March' }, 'decidedOn'],
  ])('should refuse %s with ValidationError', async (_label, changes, field) => {
    const attempt = h.raid.create(actors.pm, 'decision', project.id, { title: 'D', ...changes });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await attempt.catch((e: ValidationError) => expect(e.errors[0].field).toBe(field));
    expect(await h.store.listRaidItems('decision', project.id)).toEqual([]);
  });

  it('should report an unknown project as NotFoundError', async () => {
    await expect(h.raid.list(actors.pmoHead, 'risk', 'missing')).rejects.toBeInstanceOf(NotFoundError);
  });
});

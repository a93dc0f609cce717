import { ConflictError, NotFoundError, ValidationError } from '../../../api/domain/errors';
import type { ServiceHarness } from './service-fixtures';
import { actors, NOW, projectInput, ref, serviceHarness } from './service-fixtures';

describe('ProjectsService', () => {
  let h: ServiceHarness;

  beforeEach(() => {
    h = serviceHarness('Europe/Paris');
  });
  afterEach(() => h.store.close());

  describe('create', () => {
    it('should fill the defaults, the id and the creation time', async () => {
      const project = await h.projects.create(
        actors.officer,
        projectInput({ cadence: undefined, delegates: undefined }),
      );
      expect(project).toMatchObject({
        id: 'id-0001',
        code: 'FIN-001',
        description: '',
        delegates: [],
        state: 'active',
        forecastFinish: '2026-09-30', // the baseline finish
        budget: { baseline: 500_000, approved: 500_000, actualCost: 0, forecastAtCompletion: 500_000 },
        percentComplete: 0,
        cadence: { weekday: 5, localTime: '10:00', timeZone: 'Europe/Paris' }, // the PMO zone
        latestStatus: null,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
        version: 1,
      });
      expect(await h.store.getProject(project.id)).toEqual(project);
    });

    it("should take the cadence time zone from the PM's directory entry", async () => {
      await h.store.upsertPerson({ ...ref(actors.pm), timeZone: 'Asia/Tokyo' });
      const project = await h.projects.create(actors.officer, projectInput({ cadence: { weekday: 1 } }));
      expect(project.cadence).toEqual({ weekday: 1, localTime: '10:00', timeZone: 'Asia/Tokyo' });
    });

    it('should add the people it names to the directory', async () => {
      await h.createProject();
      for (const a of [actors.pm, actors.sponsor, actors.delegate]) {
        expect(await h.store.getPerson(a.id)).toMatchObject(ref(a));
      }
    });

    it('should refuse a duplicate code with ConflictError', async () => {
      const first = await h.createProject({ code: 'DUP-1' });
      await expect(h.createProject({ code: 'DUP-1', title: 'Another' })).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect(await h.store.getProjectByCode('DUP-1')).toEqual(first);
    });

    it('should add no one to the directory when the project is refused', async () => {
      await h.createProject({ code: 'DUP-2' });
      const newcomer = {
        id: '99999999-0000-4000-8000-000000000099',
        name: 'Nia New',
        email: 'nia.new@contoso.test',
      };
      await expect(h.createProject({ code: 'DUP-2', projectManager: newcomer })).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect(await h.store.getPerson(newcomer.id)).toBeUndefined();
    });

    it.each([
      [
        'a baseline finish before the start',
        { startDate: '2026-05-01', baselineFinish: '2026-04-30' },
        ['baselineFinish', 'forecastFinish'],
      ],
      [
        'a forecast finish before the start',
        { startDate: '2026-05-01', baselineFinish: '2026-06-30', forecastFinish: '2026-04-01' },
        ['forecastFinish'],
      ],
    ])('should refuse %s with ValidationError', async (_label, dates, fields) => {
      const attempt = h.createProject({ code: 'BAD-1', ...dates });
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      await attempt.catch((e: ValidationError) => expect(e.errors.map((x) => x.field)).toEqual(fields));
      expect(await h.store.isEmpty()).toBe(true);
    });
  });

  describe('update', () => {
    it('should apply the changes, merge a partial budget and bump the version', async () => {
      const project = await h.createProject({
        budget: { baseline: 100, approved: 120, actualCost: 10, forecastAtCompletion: 130 },
      });
      h.clock.advance(60_000);
      const updated = await h.projects.update(
        actors.specialist,
        project.id,
        { title: 'Renamed', budget: { approved: 150 } },
        1,
      );
      expect(updated).toMatchObject({
        title: 'Renamed',
        budget: { baseline: 100, approved: 150, actualCost: 10, forecastAtCompletion: 130 },
        version: 2,
        updatedAt: new Date(NOW.getTime() + 60_000).toISOString(),
        createdAt: project.createdAt,
      });
      expect(await h.store.getProject(project.id)).toEqual(updated);
    });

    it('should merge a partial cadence', async () => {
      const project = await h.createProject();
      const updated = await h.projects.update(
        actors.pmoHead,
        project.id,
        { cadence: { localTime: '08:30' } },
        1,
      );
      expect(updated.cadence).toEqual({ ...project.cadence, localTime: '08:30' });
    });

    it('should refuse a stale version with ConflictError and change nothing', async () => {
      const project = await h.createProject();
      await h.projects.update(actors.pmoHead, project.id, { title: 'First edit' }, 1);
      await expect(
        h.projects.update(actors.officer, project.id, { title: 'Lost edit' }, 1),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await h.store.getProject(project.id)).toMatchObject({ title: 'First edit', version: 2 });
    });

    it('should add no one to the directory when a stale update is refused', async () => {
      const project = await h.createProject();
      await h.projects.update(actors.pmoHead, project.id, { title: 'First edit' }, 1);
      const newcomer = {
        id: '99999999-0000-4000-8000-000000000098',
        name: 'Ola Late',
        email: 'ola.late@contoso.test',
      };
      await expect(
        h.projects.update(actors.officer, project.id, { sponsors: [newcomer] }, 1),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await h.store.getPerson(newcomer.id)).toBeUndefined();
    });

    it('should check dates against the stored values it does not change', async () => {
      const project = await h.createProject({ startDate: '2026-01-05', baselineFinish: '2026-09-30' });
      const attempt = h.projects.update(actors.pmoHead, project.id, { startDate: '2026-10-01' }, 1);
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      expect(await h.store.getProject(project.id)).toEqual(project);
    });

    it('should report an unknown project as NotFoundError', async () => {
      await expect(h.projects.update(actors.pmoHead, 'missing', { title: 'x' }, 1)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });

  describe('get', () => {
    it('should report an unknown project as NotFoundError', async () => {
      await expect(h.projects.get(actors.pmoHead, 'missing')).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});

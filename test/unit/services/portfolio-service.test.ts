import type { IsoWeek } from '../../../api/domain/iso-week';
import type { Actor } from '../../../api/domain/people';
import type { PortfolioRequest } from '../../../api/services/portfolio-service';
import type { ServiceHarness } from './service-fixtures';
import { actors, ref, serviceHarness, statusAnswers } from './service-fixtures';

const request = (overrides: Partial<PortfolioRequest> = {}): PortfolioRequest => ({
  filter: {},
  sort: 'code',
  order: 'asc',
  page: 1,
  pageSize: 50,
  ...overrides,
});

describe('PortfolioService', () => {
  let h: ServiceHarness;

  beforeAll(async () => {
    h = serviceHarness();
    // pm manages P-1 and P-2; delegate helps on P-2; sponsor sponsors P-2 and P-3; otherPm manages P-3 and P-4.
    const p1 = await h.createProject({ code: 'P-1', delegates: [], sponsors: [] });
    await h.createProject({ code: 'P-2', program: 'Borealis' });
    await h.createProject({ code: 'P-3', projectManager: ref(actors.otherPm), delegates: [] });
    await h.createProject({
      code: 'P-4',
      projectManager: ref(actors.otherPm),
      delegates: [],
      sponsors: [],
      state: 'onHold',
    });
    await h.status.submit(actors.pm, p1.id, {
      answers: statusAnswers(),
      source: 'bot',
      week: '2026-W10' as IsoWeek,
    });
  });
  afterAll(() => h.store.close());

  const codes = async (a: Actor, r = request()) =>
    (await h.portfolio.query(a, r)).rows.map((row) => row.project.code);

  it.each<[keyof typeof actors, string[]]>([
    ['pmoHead', ['P-1', 'P-2', 'P-3', 'P-4']],
    ['officer', ['P-1', 'P-2', 'P-3', 'P-4']],
    ['pm', ['P-1', 'P-2']],
    ['delegate', ['P-2']],
    ['sponsor', ['P-2', 'P-3']],
    ['otherPm', ['P-3', 'P-4']],
    ['outsider', []],
  ])('should show %s %j', async (who, expected) => {
    expect(await codes(actors[who])).toEqual(expected);
  });

  it('should keep the scope when the caller adds filters, and count only what they may see', async () => {
    const result = await h.portfolio.query(
      actors.pm,
      request({ filter: { program: ['Apollo', 'Borealis'] } }),
    );
    expect(result.rows.map((r) => r.project.code)).toEqual(['P-1', 'P-2']);
    expect(result.total).toBe(2);
    expect(result.summary.projects).toBe(2);
    expect(result.summary.byProgram.map((g) => [g.program, g.projects])).toEqual([
      ['Apollo', 1],
      ['Borealis', 1],
    ]);
  });

  it('should ignore an involving filter smuggled in by a non-PMO caller', async () => {
    const smuggled = { filter: { involving: actors.otherPm.id } } as unknown as Partial<PortfolioRequest>;
    expect(await codes(actors.pm, request(smuggled))).toEqual(['P-1', 'P-2']);
  });

  it("should judge staleness against the PMO's current week", async () => {
    const result = await h.portfolio.query(actors.pmoHead, request());
    expect(result.currentWeek).toBe('2026-W11');
    const stale = Object.fromEntries(result.rows.map((r) => [r.project.code, r.stale]));
    // P-1 reported last week (fresh); P-2 and P-3 never reported; P-4 is on hold.
    expect(stale).toEqual({ 'P-1': false, 'P-2': true, 'P-3': true, 'P-4': false });
    expect(result.summary.stale).toBe(2);
    expect(result.summary.byOverallRag).toEqual({ green: 1, amber: 0, red: 0, notReported: 3 });
    expect(result.summary.bySponsor.map((g) => [g.sponsor.id, g.projects])).toEqual([[actors.sponsor.id, 2]]);
  });

  it('should page', async () => {
    const page2 = await h.portfolio.query(actors.pmoHead, request({ page: 2, pageSize: 3 }));
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.rows.map((r) => r.project.code)).toEqual(['P-4']);
  });
});

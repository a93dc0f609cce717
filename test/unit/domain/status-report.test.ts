import { RuleViolation } from '../../../api/domain/errors';
import type { IsoWeek } from '../../../api/domain/iso-week';
import { LIMITS } from '../../../api/domain/limits';
import type { LatestStatus, ProjectState } from '../../../api/domain/project';
import type { StatusAnswers } from '../../../api/domain/status-report';
import {
  assertProjectAcceptsStatus,
  checkStatusAnswers,
  normaliseAnswers,
  projectUpdateFromReport,
  validateStatusAnswers,
} from '../../../api/domain/status-report';
import { ValidationError } from '../../../api/domain/errors';

const GREEN = {
  overall: 'green',
  schedule: 'green',
  budget: 'green',
  scope: 'green',
  resources: 'green',
} as const;

function answers(overrides: Partial<StatusAnswers> = {}): StatusAnswers {
  return {
    rag: { ...GREEN },
    overallOverrideReason: null,
    percentComplete: 40,
    accomplishments: 'Finished the data migration rehearsal.',
    nextSteps: 'Cut-over planning.',
    risksAndIssues: 'Vendor availability in April.',
    decisionsNeeded: '',
    actualCostToDate: 125_000.5,
    forecastFinish: '2026-09-30',
    ...overrides,
  };
}

const fieldsOf = (a: StatusAnswers) => checkStatusAnswers(a).map((e) => e.field);

describe('checkStatusAnswers', () => {
  it('should accept a well-formed answer', () => {
    expect(checkStatusAnswers(answers())).toEqual([]);
  });

  it.each<[string, Partial<StatusAnswers>, string]>([
    ['percent below 0', { percentComplete: -1 }, 'percentComplete'],
    ['percent above 100', { percentComplete: 100.5 }, 'percentComplete'],
    ['percent not a number', { percentComplete: Number.NaN }, 'percentComplete'],
    ['negative cost', { actualCostToDate: -0.01 }, 'actualCostToDate'],
    ['infinite cost', { actualCostToDate: Number.POSITIVE_INFINITY }, 'actualCostToDate'],
    ['cost above the money limit', { actualCostToDate: LIMITS.money + 1 }, 'actualCostToDate'],
    ['an impossible forecast date', { forecastFinish: '2026-02-30' }, 'forecastFinish'],
    ['a malformed forecast date', { forecastFinish: '30/09/2026' }, 'forecastFinish'],
    ['over-long accomplishments', { accomplishments: 'x'.repeat(LIMITS.statusText + 1) }, 'accomplishments'],
    ['over-long next steps', { nextSteps: 'x'.repeat(LIMITS.statusText + 1) }, 'nextSteps'],
    ['over-long risks and issues', { risksAndIssues: 'x'.repeat(LIMITS.statusText + 1) }, 'risksAndIssues'],
    ['over-long decisions needed', { decisionsNeeded: 'x'.repeat(LIMITS.statusText + 1) }, 'decisionsNeeded'],
  ])('should reject %s with one error on that field', (_label, overrides, field) => {
    const errors = checkStatusAnswers(answers(overrides));
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe(field);
    expect(errors[0].message.length).toBeGreaterThan(0);
  });

  it.each<[string, Partial<StatusAnswers>]>([
    ['percent at 0', { percentComplete: 0 }],
    ['percent at 100', { percentComplete: 100 }],
    ['zero cost', { actualCostToDate: 0 }],
    ['cost at the money limit', { actualCostToDate: LIMITS.money }],
    ['text exactly at the limit', { accomplishments: 'x'.repeat(LIMITS.statusText) }],
    ['a leap day', { forecastFinish: '2028-02-29' }],
  ])('should accept %s', (_label, overrides) => {
    expect(checkStatusAnswers(answers(overrides))).toEqual([]);
  });

  it('should report every problem at once', () => {
    const bad = answers({
      rag: { ...GREEN, schedule: 'red' },
      overallOverrideReason: '   ',
      percentComplete: 101,
      actualCostToDate: -5,
      forecastFinish: '2026-13-01',
      nextSteps: 'x'.repeat(LIMITS.statusText + 1),
      decisionsNeeded: 'y'.repeat(LIMITS.statusText + 1),
    });
    expect(fieldsOf(bad).sort()).toEqual(
      [
        'actualCostToDate',
        'decisionsNeeded',
        'forecastFinish',
        'nextSteps',
        'overallOverrideReason',
        'percentComplete',
      ].sort(),
    );
  });

  describe('the watermelon reason', () => {
    it.each<[string, StatusAnswers['rag']]>([
      ['green over a red schedule', { ...GREEN, schedule: 'red' }],
      ['green over an amber scope', { ...GREEN, scope: 'amber' }],
      ['amber over red resources', { ...GREEN, overall: 'amber', resources: 'red' }],
    ])('should be required for %s', (_label, rag) => {
      for (const reason of [null, '', '  \n\t ']) {
        expect(fieldsOf(answers({ rag, overallOverrideReason: reason }))).toEqual(['overallOverrideReason']);
      }
      expect(
        checkStatusAnswers(answers({ rag, overallOverrideReason: 'Recovery plan agreed with the sponsor.' })),
      ).toEqual([]);
    });

    it.each<[string, StatusAnswers['rag']]>([
      ['all green', { ...GREEN }],
      ['amber matching the worst dimension', { ...GREEN, overall: 'amber', budget: 'amber' }],
      ['red over green dimensions', { ...GREEN, overall: 'red' }],
    ])('should not be required for %s', (_label, rag) => {
      expect(checkStatusAnswers(answers({ rag, overallOverrideReason: null }))).toEqual([]);
    });

    it('should name both the overall and the worst dimension in the message', () => {
      const [error] = checkStatusAnswers(answers({ rag: { ...GREEN, budget: 'red' } }));
      expect(error.message).toMatch(/green/);
      expect(error.message).toMatch(/red/);
    });

    it('should refuse an over-long reason', () => {
      const rag = { ...GREEN, schedule: 'red' } as const;
      expect(fieldsOf(answers({ rag, overallOverrideReason: 'r'.repeat(LIMITS.reason + 1) }))).toEqual([
        'overallOverrideReason',
      ]);
      expect(fieldsOf(answers({ rag, overallOverrideReason: 'r'.repeat(LIMITS.reason) }))).toEqual([]);
    });
  });
});

describe('validateStatusAnswers', () => {
  it('should throw a ValidationError carrying every field error', () => {
    const bad = answers({ percentComplete: -1, forecastFinish: 'soon' });
    expect(() => validateStatusAnswers(bad)).toThrow(ValidationError);
    try {
      validateStatusAnswers(bad);
    } catch (e) {
      expect((e as ValidationError).errors.map((x) => x.field).sort()).toEqual([
        'forecastFinish',
        'percentComplete',
      ]);
    }
  });

  it('should pass a good answer', () => {
    expect(() => validateStatusAnswers(answers())).not.toThrow();
  });
});

describe('normaliseAnswers', () => {
  it('should drop a reason that is not needed', () => {
    const normalised = normaliseAnswers(answers({ overallOverrideReason: 'Because.' }));
    expect(normalised.overallOverrideReason).toBeNull();
  });

  it('should trim a reason that is needed', () => {
    const rag = { ...GREEN, budget: 'red' } as const;
    const normalised = normaliseAnswers(
      answers({ rag, overallOverrideReason: '  Contingency covers it.\n' }),
    );
    expect(normalised.overallOverrideReason).toBe('Contingency covers it.');
  });

  it('should keep every other answer as given', () => {
    const input = answers({ percentComplete: 55, accomplishments: '  leading spaces kept  ' });
    const { overallOverrideReason: _a, ...rest } = normaliseAnswers(input);
    const { overallOverrideReason: _b, ...expected } = input;
    expect(rest).toEqual(expected);
  });

  it('should not mutate its input', () => {
    const input = answers({ overallOverrideReason: 'not needed' });
    normaliseAnswers(input);
    expect(input.overallOverrideReason).toBe('not needed');
  });
});

describe('projectUpdateFromReport', () => {
  const latest = (week: string): LatestStatus => ({
    week: week as IsoWeek,
    reportedAt: '2026-03-06T09:00:00.000Z',
    ...GREEN,
  });
  const report = {
    week: '2026-W11' as IsoWeek,
    submittedAt: '2026-03-11T10:00:00.000Z',
    rag: {
      overall: 'amber',
      schedule: 'amber',
      budget: 'green',
      scope: 'green',
      resources: 'green',
    } as const,
    percentComplete: 45,
    actualCostToDate: 130_000,
    forecastFinish: '2026-10-15',
  };

  it('should copy the report onto a project that never reported', () => {
    expect(projectUpdateFromReport({ latestStatus: null }, report)).toEqual({
      latestStatus: {
        week: '2026-W11',
        reportedAt: '2026-03-11T10:00:00.000Z',
        overall: 'amber',
        schedule: 'amber',
        budget: 'green',
        scope: 'green',
        resources: 'green',
      },
      percentComplete: 45,
      actualCost: 130_000,
      forecastFinish: '2026-10-15',
    });
  });

  it.each(['2026-W10', '2026-W11', '2025-W52'])('should update over a latest status of %s', (week) => {
    expect(projectUpdateFromReport({ latestStatus: latest(week) }, report)?.latestStatus.week).toBe(
      '2026-W11',
    );
  });

  it.each(['2026-W12', '2027-W01'])('should return null when the latest status (%s) is newer', (week) => {
    expect(projectUpdateFromReport({ latestStatus: latest(week) }, report)).toBeNull();
  });
});

describe('assertProjectAcceptsStatus', () => {
  it('should refuse a closed project with a RuleViolation on projectId', () => {
    expect(() => assertProjectAcceptsStatus({ state: 'closed', code: 'FIN-007' })).toThrow(RuleViolation);
    try {
      assertProjectAcceptsStatus({ state: 'closed', code: 'FIN-007' });
    } catch (e) {
      expect((e as RuleViolation).message).toContain('FIN-007');
      expect((e as RuleViolation).errors.map((x) => x.field)).toEqual(['projectId']);
    }
  });

  it.each<ProjectState>(['active', 'onHold'])('should accept an %s project', (state) => {
    expect(() => assertProjectAcceptsStatus({ state, code: 'FIN-007' })).not.toThrow();
  });
});

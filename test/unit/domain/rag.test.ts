import type { Rag, RagAssessment, RagOrNone } from '../../../api/domain/rag';
import { needsOverrideReason, ragDrop, ragRank, suggestedOverall, worstRag } from '../../../api/domain/rag';

const assessment = (overall: Rag, schedule: Rag, budget: Rag, scope: Rag, resources: Rag): RagAssessment => ({
  overall,
  schedule,
  budget,
  scope,
  resources,
});

describe('ragRank', () => {
  it('should rank not reported below green, green below amber, amber below red', () => {
    const ordered: RagOrNone[] = ['red', 'notReported', 'amber', 'green'];
    expect([...ordered].sort((a, b) => ragRank(a) - ragRank(b))).toEqual([
      'notReported',
      'green',
      'amber',
      'red',
    ]);
  });

  it.each<[RagOrNone, number]>([
    ['notReported', 0],
    ['green', 1],
    ['amber', 2],
    ['red', 3],
  ])('should rank %s as %i', (rag, rank) => {
    expect(ragRank(rag)).toBe(rank);
  });
});

describe('worstRag', () => {
  it.each<[Rag[], Rag]>([
    [['green'], 'green'],
    [['green', 'green'], 'green'],
    [['green', 'amber'], 'amber'],
    [['amber', 'green'], 'amber'],
    [['green', 'red', 'amber'], 'red'],
    [['red', 'green'], 'red'],
  ])('should pick the worst of %j', (values, worst) => {
    expect(worstRag(values)).toBe(worst);
  });

  it('should refuse an empty list', () => {
    expect(() => worstRag([])).toThrow(/at least one/);
  });
});

describe('suggestedOverall', () => {
  it.each<[Omit<RagAssessment, 'overall'>, Rag]>([
    [{ schedule: 'green', budget: 'green', scope: 'green', resources: 'green' }, 'green'],
    [{ schedule: 'amber', budget: 'green', scope: 'green', resources: 'green' }, 'amber'],
    [{ schedule: 'green', budget: 'red', scope: 'green', resources: 'green' }, 'red'],
    [{ schedule: 'green', budget: 'green', scope: 'amber', resources: 'green' }, 'amber'],
    [{ schedule: 'green', budget: 'green', scope: 'green', resources: 'red' }, 'red'],
    [{ schedule: 'amber', budget: 'amber', scope: 'red', resources: 'green' }, 'red'],
  ])('should suggest the worst dimension of %j', (dims, expected) => {
    expect(suggestedOverall(dims)).toBe(expected);
  });

  it('should ignore the overall value it is given', () => {
    expect(suggestedOverall(assessment('red', 'green', 'green', 'green', 'green'))).toBe('green');
  });
});

describe('needsOverrideReason (the watermelon guard)', () => {
  it.each<[string, RagAssessment, boolean]>([
    ['green over a red schedule', assessment('green', 'red', 'green', 'green', 'green'), true],
    ['green over an amber budget', assessment('green', 'green', 'amber', 'green', 'green'), true],
    ['amber over red resources', assessment('amber', 'green', 'green', 'green', 'red'), true],
    [
      'amber matching the worst (amber scope)',
      assessment('amber', 'green', 'green', 'amber', 'green'),
      false,
    ],
    ['all green', assessment('green', 'green', 'green', 'green', 'green'), false],
    [
      'red over all-green dimensions (worse is allowed)',
      assessment('red', 'green', 'green', 'green', 'green'),
      false,
    ],
    ['red matching a red dimension', assessment('red', 'red', 'amber', 'green', 'green'), false],
  ])('should answer %s with %s', (_label, rag, expected) => {
    expect(needsOverrideReason(rag)).toBe(expected);
  });
});

describe('ragDrop', () => {
  it.each<[RagOrNone, RagOrNone, number]>([
    ['green', 'green', 0],
    ['green', 'amber', 1],
    ['green', 'red', 2],
    ['amber', 'red', 1],
    ['red', 'green', -2],
    ['amber', 'green', -1],
    ['notReported', 'green', 0],
    ['notReported', 'red', 2],
    ['amber', 'notReported', -1],
    ['notReported', 'notReported', 0],
  ])('should measure %s → %s as %i', (from, to, drop) => {
    expect(ragDrop(from, to)).toBe(drop);
  });
});

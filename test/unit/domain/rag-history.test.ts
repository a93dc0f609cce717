import type { IsoWeek } from '../../../api/domain/iso-week';
import type { RagHistoryEntry } from '../../../api/domain/rag-history';
import { ragTrend } from '../../../api/domain/rag-history';

const weeks = ['2026-W09', '2026-W10', '2026-W11'] as IsoWeek[];
const entry = (projectId: string, week: string, overall: RagHistoryEntry['overall']): RagHistoryEntry => ({
  projectId,
  week: week as IsoWeek,
  overall,
});

describe('ragTrend', () => {
  it('should put each report in its week’s column, null where none was filed', () => {
    expect(
      ragTrend(['a', 'b'], weeks, [
        entry('a', '2026-W11', 'red'),
        entry('a', '2026-W09', 'green'),
        entry('b', '2026-W10', 'amber'),
      ]),
    ).toEqual({ a: ['green', null, 'red'], b: [null, 'amber', null] });
  });

  it('should give a project that never reported a row of nulls', () => {
    expect(ragTrend(['quiet'], weeks, [])).toEqual({ quiet: [null, null, null] });
  });

  it('should ignore projects not asked for and weeks outside the range', () => {
    expect(
      ragTrend(['a'], weeks, [entry('hidden', '2026-W10', 'red'), entry('a', '2026-W12', 'red')]),
    ).toEqual({ a: [null, null, null] });
  });

  it('should give nothing for no projects', () => {
    expect(ragTrend([], weeks, [entry('a', '2026-W10', 'red')])).toEqual({});
  });
});

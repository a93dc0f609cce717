import {
  filtersFromParams,
  filtersToQuery,
  hasFilters,
  queryKey,
  sortFromParams,
} from '../../../tab/src/pages/portfolio/portfolio-filters';
import { portfolioQuery } from '../../../api/http/schemas/portfolio';

const params = (s: string) => new URLSearchParams(s);

describe('portfolio filters in the URL', () => {
  it('should read repeated values as alternatives, without duplicates or blanks', () => {
    const f = filtersFromParams(params('program=A&program=B&program=A&program=&rag=red&q=%20ledger%20'));
    expect(f.program).toEqual(['A', 'B']);
    expect(f.rag).toEqual(['red']);
    expect(f.q).toBe('ledger');
    expect(hasFilters(f)).toBe(true);
    expect(hasFilters(filtersFromParams(params('')))).toBe(false);
  });

  it('should drop values the API would refuse (an old or mistyped link)', () => {
    const f = filtersFromParams(params('rag=purple&rag=amber&phase=dreaming&state=onHold&stale=maybe'));
    expect(f.rag).toEqual(['amber']);
    expect(f.phase).toEqual([]);
    expect(f.state).toEqual(['onHold']);
    expect(f.stale).toBeUndefined();
  });

  it('should send only what the API accepts, as it names it', () => {
    const f = filtersFromParams(params('program=A&rag=notReported&stale=true&q=x&sort=title'));
    const query = filtersToQuery(f);
    const search = new URLSearchParams(queryKey(query));
    const asQuery: Record<string, string | string[]> = {};
    for (const key of new Set(search.keys())) {
      const all = search.getAll(key);
      asQuery[key] = all.length > 1 ? all : all[0];
    }
    // The server's own schema accepts exactly this (strict: an unknown parameter would fail).
    expect(portfolioQuery.safeParse(asQuery).success).toBe(true);
    expect(search.has('sort')).toBe(false);
  });

  it('should key the same filters the same way, whatever order they were picked in', () => {
    const a = filtersToQuery(filtersFromParams(params('program=B&program=A&rag=red')));
    const b = filtersToQuery(filtersFromParams(params('rag=red&program=A&program=B')));
    expect(queryKey(a)).toBe(queryKey(b));
  });

  it('should fall back to code ascending for an unknown sort', () => {
    expect(sortFromParams(params('sort=budgetVariance&order=desc'))).toEqual({
      sort: 'budgetVariance',
      order: 'desc',
    });
    expect(sortFromParams(params('sort=nonsense&order=sideways'))).toEqual({ sort: 'code', order: 'asc' });
  });
});

import { routeForSubPage, subPageForProject } from '../../../tab/src/shell/sub-page-route';

describe('routeForSubPage (Teams deep links)', () => {
  it.each([
    ['project:3f2b8c1e-0000-4000-8000-000000000001', '/projects/3f2b8c1e-0000-4000-8000-000000000001'],
    ['project:a/b?c', '/projects/a%2Fb%3Fc'],
    ['compliance', '/compliance'],
    ['approvals', '/approvals'],
    ['raid', '/raid'],
    ['project:', null],
    ['portfolio', null],
    ['', null],
    ['javascript:alert(1)', null],
  ])('should route %p to %p', (subPage, route) => {
    expect(routeForSubPage(subPage)).toBe(route);
  });

  it('should round-trip a project id', () => {
    expect(routeForSubPage(subPageForProject('p-1'))).toBe('/projects/p-1');
  });
});

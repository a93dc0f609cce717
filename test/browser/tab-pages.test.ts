import type { Page } from 'playwright-core';
import type { TestBrowser } from '../support/browser';
import type { PageGlobals } from '../support/browser-dom';
import {
  eventually,
  expectNoAxeViolations,
  launchBrowser,
  MOBILE,
  openTab,
  saveScreenshot,
  THEME_BACKGROUND,
  themeOf,
} from '../support/browser';
import type { BrowserServer } from '../support/browser-server';
import { BROWSER_NOW, startBrowserServer } from '../support/browser-server';

/**
 * The tab end to end in a plain browser (dev sign-in as demo people): the real server with the demo
 * seeded at a fixed "now", one Chromium, every page. Read-only checks come first; the two that change
 * data (a reminder, an approval) come last. UPDATE_SCREENSHOTS=1 also saves docs/images/tab-*.png.
 */
jest.setTimeout(60_000);

interface PortfolioReply {
  total: number;
  projects: Array<{ id: string; code: string; title: string; program: string; overallRag: string }>;
}

describe('the tab in a browser (dev sign-in, demo data)', () => {
  let server: BrowserServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser({ now: BROWSER_NOW });
  });
  afterEach(async () => {
    await browser.closePages();
    browser.assertNoPageErrors();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** What the API says (as the server's default user, the PMO head): what the page should show. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are read field by field
  const api = async <T = any>(path: string): Promise<T> => {
    const res = await fetch(`${server.url}/api${path}`);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const portfolio = (query = '') => api<PortfolioReply>(`/portfolio?pageSize=5000${query}`);

  const gridRows = (page: Page) =>
    page
      .getByRole('grid')
      .getByRole('row')
      .filter({ has: page.getByRole('gridcell') });
  /** The code (first cell) of each row the grid renders (it is virtualized: the rows in view). */
  const rowCodes = (page: Page) =>
    gridRows(page).evaluateAll((rows) =>
      rows.map((r) => r.querySelector('[role="gridcell"]')?.textContent?.trim() ?? ''),
    );
  /** A RAG tile on the portfolio: a toggle button that filters the grid to that RAG ("12 Red 25% of projects"). */
  const ragTile = (page: Page, word: string) =>
    page.getByRole('button').filter({ hasText: '% of projects' }).filter({ hasText: word });
  /** The "N projects" status once it says exactly `n` (the old count stays while a new load is on its way). */
  const countOf = (page: Page, n: number) =>
    projectCount(page).filter({ hasText: new RegExp(`^${n.toLocaleString('en-US')} projects?$`) });
  const projectCount = (page: Page) => page.getByRole('status').filter({ hasText: /^\d[\d,]* projects?$/ });

  /** The figure above a highlight tile's label ("Open high risks"), as a number. */
  const highlightFigure = async (page: Page, label: string) => {
    const figure = page.getByText(label, { exact: true }).locator('xpath=preceding-sibling::p[1]');
    return Number(((await figure.textContent()) ?? '').replace(/\D/g, ''));
  };
  /** The highlight tiles the page shows, in the shape of GET /api/portfolio/highlights. */
  const highlightsShown = async (page: Page) => ({
    lateStatuses: await highlightFigure(page, 'Late statuses this week'),
    openChangeRequests: await highlightFigure(page, 'Open change requests'),
    openHighRisks: await highlightFigure(page, 'Open high risks'),
  });
  const highlights = async (query = '') => {
    const h = await api(`/portfolio/highlights${query}`);
    return {
      lateStatuses: h.lateStatuses,
      openChangeRequests: h.openChangeRequests,
      openHighRisks: h.openHighRisks,
    };
  };

  /** The portfolio's charts, which load once the page is idle (axe and screenshots need them in). */
  const chartsShown = (page: Page) =>
    page
      .getByRole('region', { name: 'By program', exact: true })
      .getByRole('heading', { level: 3 })
      .first()
      .waitFor();

  /** The portfolio with its figures and first rows in place (charts load after, when the page is idle). */
  const openPortfolio = async (options: Parameters<typeof openTab>[2] = {}) => {
    const page = await openTab(browser, server.url, options);
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await gridRows(page).first().waitFor();
    await ragTile(page, 'Red').waitFor();
    return page;
  };

  describe('portfolio', () => {
    it('loads the KPI tiles and the grid of every project, ordered by code', async () => {
      const all = await portfolio();
      const page = await openPortfolio();

      const red = all.projects.filter((p) => p.overallRag === 'red').length;
      const amber = all.projects.filter((p) => p.overallRag === 'amber').length;
      expect(parseInt((await ragTile(page, 'Red').textContent()) ?? '', 10)).toBe(red);
      expect(parseInt((await ragTile(page, 'Amber').textContent()) ?? '', 10)).toBe(amber);
      expect(await projectCount(page).textContent()).toBe(`${all.total} projects`);

      const codes = [...all.projects.map((p) => p.code)].sort();
      const firstRow = gridRows(page).first();
      await firstRow.getByRole('gridcell').first().filter({ hasText: codes[0] }).waitFor();
      expect(await gridRows(page).count()).toBeGreaterThanOrEqual(5);

      await chartsShown(page);
      await expectNoAxeViolations(page, { label: 'the portfolio (light)' });
      await saveScreenshot(page, 'tab-portfolio');
    });

    it('filters by search text through the URL, and back restores the whole portfolio', async () => {
      const all = await portfolio();
      const program = all.projects[0].program;
      const matching = await portfolio(`&q=${encodeURIComponent(program)}`);
      expect(matching.total).toBeGreaterThan(0);
      expect(matching.total).toBeLessThan(all.total);

      const page = await openPortfolio();
      await page.getByRole('searchbox', { name: 'Search' }).fill(program);
      await page.waitForURL((url) => url.searchParams.get('q') === program);
      await countOf(page, matching.total).waitFor();
      // The rows shown are projects the API matched (search also covers fields the grid does not show).
      const shown = await rowCodes(page);
      expect(shown.length).toBeGreaterThan(0);
      const codes = new Set(matching.projects.map((p) => p.code));
      for (const code of shown) expect(codes.has(code)).toBe(true);

      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('q'));
      await countOf(page, all.total).waitFor();
      expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('');
    });

    it('filters by RAG from its tile through the URL, and back restores the whole portfolio', async () => {
      const all = await portfolio();
      const red = all.projects.filter((p) => p.overallRag === 'red');
      // The highlight tiles follow the filters too, so every tile speaks of the same projects.
      const [allHighlights, redHighlights] = await Promise.all([highlights(), highlights('?rag=red')]);
      expect(redHighlights).not.toEqual(allHighlights);
      const page = await openPortfolio();
      await eventually(async () => expect(await highlightsShown(page)).toEqual(allHighlights));

      await ragTile(page, 'Red').click();
      await page.waitForURL((url) => url.searchParams.getAll('rag').join() === 'red');
      await countOf(page, red.length).waitFor();
      const shown = await rowCodes(page);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThanOrEqual(red.length);
      const redCodes = new Set(red.map((p) => p.code));
      for (const code of shown) expect(redCodes.has(code)).toBe(true);
      await eventually(async () =>
        expect(await ragTile(page, 'Red').getAttribute('aria-pressed')).toBe('true'),
      );
      await eventually(async () => expect(await highlightsShown(page)).toEqual(redHighlights));

      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('rag'));
      await countOf(page, all.total).waitFor();
      await eventually(async () =>
        expect(await ragTile(page, 'Red').getAttribute('aria-pressed')).toBe('false'),
      );
      await eventually(async () => expect(await highlightsShown(page)).toEqual(allHighlights));
    });

    it.each([
      ['dark', 'tab-portfolio-dark'],
      ['contrast', 'tab-portfolio-contrast'],
    ] as const)('shows the %s theme, accessibly', async (theme, screenshot) => {
      const page = await openPortfolio({ theme });
      expect(await themeOf(page)).toEqual({ theme, background: THEME_BACKGROUND[theme] });
      await chartsShown(page);
      await expectNoAxeViolations(page, { label: `the portfolio (${theme})` });
      await saveScreenshot(page, screenshot);
    });

    it('fits a 375 px phone: nothing but the grid scrolls sideways', async () => {
      const page = await openPortfolio({ viewport: { width: 375, height: 812 } });
      const overflow = await page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
        const root = document.documentElement;
        // Elements reaching past the right edge that no horizontally scrolling ancestor clips.
        const escaping = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
          .filter((el) => {
            for (let a = el.parentElement; a; a = a.parentElement) {
              const style = getComputedStyle(a);
              if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && a !== document.body)
                return false;
            }
            return true;
          })
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}`,
          );
        return {
          scrollWidth: root.scrollWidth,
          clientWidth: root.clientWidth,
          escaping: escaping.slice(0, 10),
        };
      });
      expect(overflow.escaping).toEqual([]);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
      // The grid itself may scroll sideways: that is where the columns go.
      expect(await gridRows(page).count()).toBeGreaterThan(0);

      await page.setViewportSize(MOBILE);
      await saveScreenshot(page, 'tab-portfolio-mobile');
    });
  });

  describe('project', () => {
    it('shows the status history: a timeline of weeks and the latest report', async () => {
      // The demo project with the longest history.
      const reportsPerProject = new Map<string, Set<string>>();
      for (const r of server.demo.statusReports) {
        reportsPerProject.set(r.projectId, (reportsPerProject.get(r.projectId) ?? new Set()).add(r.week));
      }
      const [projectId, weeks] = [...reportsPerProject.entries()].sort((a, b) => b[1].size - a[1].size)[0];
      const project = server.demo.projects.find((p) => p.id === projectId)!;
      const latestWeek = [...weeks].sort().at(-1)!;
      const weekNumber = Number(latestWeek.slice(-2));

      const page = await openTab(browser, server.url, { path: `/projects/${projectId}` });
      await page.getByRole('heading', { level: 1, name: project.title }).waitFor();
      const timeline = page.getByRole('region', { name: 'Status history by week' });
      await timeline.waitFor();
      // One column per week from the first report on, the weeks without a report included.
      const weekButtons = timeline.getByRole('button', { name: /^W\d{2}/ });
      await eventually(async () => expect(await weekButtons.count()).toBeGreaterThanOrEqual(weeks.size));
      const latest = timeline.getByRole('button', { name: new RegExp(`^W${latestWeek.slice(-2)}\\b`) });
      expect(await latest.getAttribute('aria-pressed')).toBe('true');

      const report = page.getByRole('region', {
        name: `Report for Week ${weekNumber}, ${latestWeek.slice(0, 4)}`,
      });
      await report.waitFor();
      await report.getByText('Latest', { exact: true }).waitFor();

      await expectNoAxeViolations(page, { label: 'the project page' });
      await saveScreenshot(page, 'tab-project');
    });
  });

  describe('RAID', () => {
    it('lists risks, issues and decisions, accessibly', async () => {
      const page = await openTab(browser, server.url, { path: '/raid' });
      await page.getByRole('heading', { level: 1, name: 'Risks, issues and decisions' }).waitFor();
      await page.getByRole('table').first().getByRole('row').nth(1).waitFor();
      await expectNoAxeViolations(page, { label: 'the RAID page' });
      await saveScreenshot(page, 'tab-raid');
    });
  });

  describe('status compliance', () => {
    it("sends a reminder now: the project manager's chat with the bot gets the status card", async () => {
      const week = await api<{
        week: string;
        requests: Array<{
          id: string;
          state: string;
          project: { code: string; title: string };
          projectManager: { id: string; name: string };
        }>;
      }>('/status-requests');
      const request = week.requests.find((r) => r.state === 'pending' || r.state === 'overdue');
      if (!request) throw new Error(`The demo has no pending or overdue request in ${week.week}`);
      const pm = server.demo.people.find((p) => p.id === request.projectManager.id)!;
      const conversation = await server.installBot(pm);
      const before = server.connector.activities().filter((a) => a.conversationId === conversation).length;

      const page = await openTab(browser, server.url, { path: '/compliance' });
      await page.getByRole('heading', { level: 1, name: 'Status compliance' }).waitFor();
      const select = page.getByRole('checkbox', {
        name: `Select ${request.project.code} ${request.project.title} for a reminder`,
      });
      await select.waitFor();
      await expectNoAxeViolations(page, { label: 'the compliance page' });
      await saveScreenshot(page, 'tab-compliance');

      await select.check();
      await page.getByRole('button', { name: 'Send reminder now' }).click();
      await page.getByText('1 reminder sent', { exact: true }).waitFor();
      await eventually(() => {
        const sent = server.connector.activities().filter((a) => a.conversationId === conversation);
        expect(sent.length).toBe(before + 1);
        const attachments = (sent.at(-1)!.activity.attachments ?? []) as Array<{ contentType: string }>;
        expect(attachments.map((a) => a.contentType)).toContain('application/vnd.microsoft.card.adaptive');
      });
    });
  });

  describe('approvals', () => {
    it("records a sponsor's approval: the change request's state changes in the store", async () => {
      // A submitted change request whose last outstanding approver is one person: approving settles it.
      type CrView = {
        id: string;
        title: string;
        state: string;
        policy: string;
        approvers: Array<{ id: string; email: string }>;
        decisions: Array<{ approver: { id: string }; decision: string }>;
        currentApprovers: Array<{ id: string; email: string; name: string }>;
      };
      const submitted = server.demo.changeRequests.filter((cr) => cr.state === 'submitted');
      let chosen: CrView | undefined;
      for (const cr of submitted) {
        const view = await api<CrView>(`/change-requests/${cr.id}`);
        const outstanding = view.approvers.filter(
          (a) => !view.decisions.some((d) => d.approver.id === a.id && d.decision === 'approved'),
        );
        if (view.currentApprovers.length === 1 && (view.policy === 'any' || outstanding.length === 1)) {
          chosen = view;
          break;
        }
      }
      if (!chosen) throw new Error('The demo has no change request one approval settles');
      const approver = chosen.currentApprovers[0];

      const page = await openTab(browser, server.url, { path: '/approvals', as: approver.email });
      await page.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor();
      await page.locator('header').getByText(approver.name).first().waitFor();
      const card = page.getByRole('article', { name: chosen.title });
      await card.waitFor();
      await expectNoAxeViolations(page, { label: 'the approvals page' });
      await saveScreenshot(page, 'tab-approvals');

      await card.getByRole('textbox', { name: 'Comment' }).fill('Approved in the browser test.');
      await card.getByRole('button', { name: 'Approve' }).click();
      // The card now says what the decision did.
      const outcome = page.getByRole('article', { name: chosen.title }).getByRole('status');
      await outcome.filter({ hasText: 'You approved this change request.' }).waitFor();
      expect(await outcome.textContent()).toContain('It is approved');
      await eventually(async () => {
        const stored = await server.store.getChangeRequest(chosen.id);
        expect(stored?.state).toBe('approved');
      });
    });
  });
});

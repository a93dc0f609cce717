import type { TeamsContext } from '../fakes/fake-teams-host/fake-teams-host';
import type { FakeTeamsHost, HostedTab } from '../fakes/fake-teams-host/fake-teams-host';
import { startFakeTeamsHost } from '../fakes/fake-teams-host/fake-teams-host';
import type { TestBrowser } from '../support/browser';
import { eventually, launchBrowser, tabUrl, THEME_BACKGROUND, themeOf } from '../support/browser';
import type { BrowserServer } from '../support/browser-server';
import { entraEnv, ssoClaims, startBrowserServer } from '../support/browser-server';
import type { TestIssuer } from '../support/test-jwks';
import { startTestIssuer } from '../support/test-jwks';

/**
 * The tab inside Teams: a fake Teams web client frames it and speaks teams-js's protocol; the server runs in
 * entra mode and trusts only tokens from the test JWKS, so the tab can only sign in with the SSO token the
 * host hands it.
 */
jest.setTimeout(60_000);

describe('the tab in Teams (entra sign-in through the fake Teams host)', () => {
  let issuer: TestIssuer;
  let server: BrowserServer;
  let host: FakeTeamsHost;
  let browser: TestBrowser;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    host = await startFakeTeamsHost({
      signToken: (user) => issuer.sign(ssoClaims(server.person(user.name))),
    });
    server = await startBrowserServer({ env: entraEnv(issuer.jwksUrl, [host.origin]) });
    browser = await launchBrowser({ thirdPartyStorage: 'allowed' });
    await host.attach(browser.context);
  });
  afterEach(async () => {
    await browser.closePages();
    browser.assertNoPageErrors();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await host?.close();
    await issuer?.close();
  });

  const openInTeams = async (context: Partial<TeamsContext> = {}): Promise<HostedTab> => {
    const page = await browser.newPage();
    const hosted = await host.open(page, tabUrl(server.url), {
      user: server.person('Olivia Bennett'),
      ...context,
    });
    await hosted.frame.locator('main#main').waitFor();
    return hosted;
  };

  it('signs in with the Teams SSO token: the header names the person and there is no dev bar', async () => {
    const hosted = await openInTeams();
    const header = hosted.frame.locator('header');
    await header.getByText('Olivia Bennett', { exact: true }).waitFor();
    expect(await hosted.frame.getByRole('group', { name: 'Developer tools' }).count()).toBe(0);
    expect(await hosted.frame.getByText('Dev mode').count()).toBe(0);
    // The PMO head sees the staff-only section: the server knew her from the token's oid.
    await hosted.frame.getByRole('tab', { name: 'Status compliance' }).waitFor();

    const state = await hosted.state();
    const funcs = state.received.map((m) => m.func);
    expect(funcs.slice(0, 2)).toEqual(['initialize', 'getContext']);
    expect(funcs).toContain('authentication.getAuthToken');
    expect(state.handlers).toContain('themeChange');
    expect(state.tokensIssued).toBeGreaterThanOrEqual(1);
    // Nothing came from anywhere but the framed tab, and the tab asked for nothing this host lacks.
    expect(state.ignored).toEqual([]);
    expect(
      funcs.filter(
        (f) => !['initialize', 'getContext', 'registerHandler', 'authentication.getAuthToken'].includes(f),
      ),
    ).toEqual([]);
  });

  it("takes Teams' dark theme at start and re-themes when Teams switches to high contrast", async () => {
    const hosted = await openInTeams({ theme: 'dark' });
    await hosted.frame.locator('header').getByText('Olivia Bennett', { exact: true }).waitFor();
    expect(await themeOf(hosted.frame)).toEqual({ theme: 'dark', background: THEME_BACKGROUND.dark });

    await hosted.setTheme('contrast');
    await eventually(async () =>
      expect(await themeOf(hosted.frame)).toEqual({
        theme: 'contrast',
        background: THEME_BACKGROUND.contrast,
      }),
    );
  });

  it('opens the project a deep link names (subEntityId project:<id>)', async () => {
    const project = server.demo.projects[3];
    const hosted = await openInTeams({ subEntityId: `project:${project.id}` });
    await hosted.frame.getByRole('heading', { level: 1, name: project.title }).waitFor();
    expect(new URL(hosted.frame.url()).pathname).toBe(`/tab/projects/${encodeURIComponent(project.id)}`);
  });

  it('outside Teams, in entra mode, says to open PMO Hub in Teams and never offers the dev switcher', async () => {
    const page = await browser.newPage();
    await page.goto(tabUrl(server.url));
    await page.getByRole('heading', { name: 'Open PMO Hub in Microsoft Teams' }).waitFor();
    expect(await page.getByRole('group', { name: 'Developer tools' }).count()).toBe(0);
    expect(await page.getByText('Acting as').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Sections' }).count()).toBe(0);
  });
});

describe('the tab in Teams web when the browser blocks third-party storage (Chrome Incognito, Chromium)', () => {
  let issuer: TestIssuer;
  let server: BrowserServer;
  let host: FakeTeamsHost;
  let browser: TestBrowser;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    host = await startFakeTeamsHost({
      signToken: (user) => issuer.sign(ssoClaims(server.person(user.name))),
    });
    server = await startBrowserServer({ env: entraEnv(issuer.jwksUrl, [host.origin]) });
    browser = await launchBrowser({ thirdPartyStorage: 'blocked' });
    await host.attach(browser.context);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await host?.close();
    await issuer?.close();
  });

  // Touching sessionStorage or localStorage throws a SecurityError in a third-party frame when the browser
  // blocks third-party storage; the tab must start anyway (it only forgets the person's choices).
  it('still signs in (the tab must not need sessionStorage or localStorage inside Teams)', async () => {
    const page = await browser.newPage();
    // Listen before the tab loads: it may fail before its frame is even found.
    const crashed = page.waitForEvent('pageerror', { timeout: 0 }).then((err) => {
      throw err;
    });
    crashed.catch(() => undefined); // settled by the race below or by the page closing
    const hosted = await host.open(page, tabUrl(server.url), { user: server.person('Olivia Bennett') });
    const signedIn = hosted.frame.locator('header').getByText('Olivia Bennett', { exact: true }).waitFor();
    signedIn.catch(() => undefined); // when the tab crashed, this one ends with the page
    await Promise.race([signedIn, crashed]);
    browser.assertNoPageErrors();
  });
});

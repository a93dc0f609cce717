import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { DomElement, PageGlobals } from './browser-dom';

/**
 * Headless Chromium for browser tests: Debian's /usr/bin/chromium (never a downloaded browser) through
 * playwright-core, one per test file, with a throw-away profile. Pages opened through it fail the test on
 * any uncaught page error or console error.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Quiet and offline: no first-run UI, no phoning home, no GPU, no QUIC probing. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 800 } as const;
export const MOBILE = { width: 390, height: 844 } as const;

/** The sessionStorage key the tab's dev identity switcher keeps the acting person's email in. */
export const DEV_USER_KEY = 'pmohub.devUser';

export type TabTheme = 'default' | 'dark' | 'contrast';

/**
 * Console errors a test may tolerate, each with the reason. Empty on purpose: a new entry needs a
 * justification. (teams-js's fetch of its CDN origin list would be one offline; `launchBrowser` answers it
 * instead, see below.)
 */
export const ALLOWED_CONSOLE_ERRORS: ReadonlyArray<{ pattern: RegExp; why: string }> = [];

/**
 * teams-js fetches Microsoft's list of valid host origins from this CDN as soon as it loads (in a plain
 * browser too); offline the fetch fails with a console error and teams-js falls back to the list bundled in
 * it. The tests answer the fetch with that same bundled list: the tab sees what it sees in production, with
 * or without a network.
 */
export const TEAMS_JS_ORIGINS_URL = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

async function bundledTeamsOrigins(): Promise<string> {
  const file = path.join(
    path.dirname(require.resolve('@microsoft/teams-js/package.json')),
    'dist/esm/packages/teams-js/src/artifactsForCDN/validDomains.json.js',
  );
  const list = /=\s*(\[[^\]]*\])/.exec(await readFile(file, 'utf8'));
  if (!list) throw new Error(`Cannot find the valid origins list in ${file}`);
  return JSON.stringify({ validOrigins: JSON.parse(list[1]) as string[] });
}

export interface TestBrowser {
  context: BrowserContext;
  /** A new page whose errors are watched (see `assertNoPageErrors`). */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** Fails (throws) when any watched page logged an error since the last call; then forgets them. */
  assertNoPageErrors(): void;
  /** Errors seen so far (for a test that expects one). */
  errors: string[];
  /** Closes every page but keeps the browser: between tests. */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile directory (removed on close). */
export async function launchBrowser(
  options: {
    viewport?: { width: number; height: number };
    allow?: ReadonlyArray<{ pattern: RegExp }>;
    /**
     * 'blocked' (Chromium's default here, as in Chrome Incognito): a framed tab on another site gets no
     * cookies and no localStorage/sessionStorage. 'allowed': as Chrome and Edge stable by default and the
     * Teams desktop client.
     */
    thirdPartyStorage?: 'allowed' | 'blocked';
    /**
     * The pages' clock starts here and runs on (Date only; timers are real): the tab reckons "this week"
     * from it, so tests match the server's FakeClock instead of the day they run.
     */
    now?: string;
  } = {},
): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH.`,
    );
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'pmohub-chromium-'));
  const args =
    options.thirdPartyStorage === 'allowed'
      ? [...CHROMIUM_ARGS, '--disable-features=TrackingProtection3pcd']
      : CHROMIUM_ARGS;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    viewport: options.viewport ?? DESKTOP,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  if (options.now) await context.clock.setSystemTime(new Date(options.now));
  const origins = await bundledTeamsOrigins();
  await context.route(TEAMS_JS_ORIGINS_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: origins }),
  );
  const allow = [...ALLOWED_CONSOLE_ERRORS, ...(options.allow ?? [])];
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (err) => errors.push(`page error on ${page.url()}: ${err.stack ?? err.message}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (allow.some((a) => a.pattern.test(text))) return;
      const where = msg.location();
      errors.push(
        `console error on ${page.url()}: ${text}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`,
      );
    });
    page.on('crash', () => errors.push(`page crashed: ${page.url()}`));
  };
  // Generous for a loaded CI machine, well short of jest's own timeout: a wait that fails says which.
  context.setDefaultTimeout(20_000);
  // A persistent context opens with one blank page; watch it and any page opened later.
  for (const page of context.pages()) watch(page);
  context.on('page', watch);

  return {
    context,
    errors,
    async newPage(pageOptions = {}) {
      const page = await context.newPage();
      if (pageOptions.viewport) await page.setViewportSize(pageOptions.viewport);
      return page;
    },
    assertNoPageErrors() {
      const seen = errors.splice(0);
      if (seen.length > 0) throw new Error(`The tab logged ${seen.length} error(s):\n- ${seen.join('\n- ')}`);
    },
    async closePages() {
      for (const page of context.pages()) await page.close();
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the tab in a plain browser (dev sign-in), as a demo person (their email; omitted, the server's
 * default user, the PMO head), in a theme, at a path under /tab. Waits until the shell is there.
 */
export async function openTab(
  browser: TestBrowser,
  baseUrl: string,
  options: {
    as?: string;
    path?: string;
    theme?: TabTheme;
    viewport?: { width: number; height: number };
  } = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: options.viewport });
  if (options.as) {
    // Before the app's first script, once per page: a later switch in the dev bar (or a reload) keeps its choice.
    await page.addInitScript(
      ([key, email]) => {
        const { sessionStorage } = globalThis as unknown as PageGlobals;
        if (sessionStorage.getItem('pmohub.test.signedIn') === null) {
          sessionStorage.setItem(key, email);
          sessionStorage.setItem('pmohub.test.signedIn', '1');
        }
      },
      [DEV_USER_KEY, options.as] as const,
    );
  }
  await page.goto(tabUrl(baseUrl, options.path ?? '/', options.theme));
  await page.locator('main#main').waitFor();
  return page;
}

/** The tab's URL for a route ('/', '/projects/<id>', …) and, in a plain browser, a theme. */
export function tabUrl(baseUrl: string, route = '/', theme?: TabTheme): string {
  const url = new URL(`/tab${route === '/' ? '/' : route}`, baseUrl);
  if (theme && theme !== 'default') url.searchParams.set('theme', theme);
  return url.toString();
}

/** The page's computed background colour (the FluentProvider paints the page in its theme). */
export async function backgroundOf(target: Locator): Promise<string> {
  return target.evaluate((el: DomElement) => {
    const { getComputedStyle } = globalThis as unknown as PageGlobals;
    return getComputedStyle(el).backgroundColor;
  });
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Not checked: Fluent UI's Tabster focus sentinels (<i tabindex="0" aria-hidden="true" data-tabster-dummy>),
 * which hand focus on the moment they get it. axe's aria-hidden-focus flags every one; it is a known false
 * positive (microsoft/tabster#288; Accessibility Insights suppresses it, accessibility-insights-web#7605).
 */
const AXE_EXCLUDE = ['[data-tabster-dummy]'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

let axeSource: Promise<string> | undefined;

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page or frame and throws a readable list of
 * violations: rule, impact, what it wants, and which elements. `exclude` takes CSS selectors to skip.
 */
export async function expectNoAxeViolations(
  target: Page | Frame,
  options: { label?: string; exclude?: string[] } = {},
): Promise<void> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const source = await axeSource;
  // The tab's CSP (script-src 'self') refuses an inline <script> (page.addScriptTag), and bypassing CSP
  // would hide real violations: evaluate the library instead (DevTools evaluation is not subject to CSP).
  await target.evaluate(source);
  const violations = await target.evaluate(
    async ({ tags, exclude }) => {
      const axe = (
        globalThis as unknown as {
          axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> };
        }
      ).axe;
      const context = { exclude: exclude.map((s) => [s]) };
      const result = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations;
    },
    { tags: AXE_TAGS, exclude: [...AXE_EXCLUDE, ...(options.exclude ?? [])] },
  );
  if ((violations as AxeViolation[]).length > 0)
    throw new Error(formatViolations(violations as AxeViolation[], options.label));
}

export function formatViolations(violations: AxeViolation[], label?: string): string {
  const lines = violations.map((v) => {
    const targets = v.nodes
      .slice(0, 5)
      .map(
        (n) =>
          `      ${n.target.map(String).join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.split('\n').join('\n        ')}` : ''}`,
      )
      .join('\n');
    const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
    return `  ${v.id} [${v.impact ?? 'n/a'}]: ${v.help} (${v.helpUrl})\n${targets}${more}`;
  });
  return `axe found ${violations.length} accessibility violation(s)${label ? ` on ${label}` : ''}:\n${lines.join('\n')}`;
}

/** The screenshots directory (docs/images) when UPDATE_SCREENSHOTS=1 asks for them, else null. */
export function screenshotDir(): string | null {
  return process.env.UPDATE_SCREENSHOTS === '1' ? path.resolve(__dirname, '../../docs/images') : null;
}

/** The tallest a README screenshot gets: long pages are cut here rather than shrunk to a sliver. */
const SCREENSHOT_MAX_HEIGHT = 1800;

/**
 * Saves docs/images/<name>.png when UPDATE_SCREENSHOTS=1: the page as a person scrolls through it, at the
 * viewport's width, down to SCREENSHOT_MAX_HEIGHT.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = screenshotDir();
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  const width = page.viewportSize()?.width ?? DESKTOP.width;
  const height = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).document.documentElement.scrollHeight,
  );
  await page.screenshot({
    path: path.join(dir, `${name}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, SCREENSHOT_MAX_HEIGHT) },
    animations: 'disabled',
    caret: 'hide',
  });
}

/**
 * Retries an assertion until it passes or `timeoutMs` runs out, then throws its last error: for state
 * that settles asynchronously (jest's expect does not wait; Playwright's locators do, use them first).
 */
export async function eventually<T>(assertion: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * Teams' themes paint the FluentProvider with colorNeutralBackground1 (@fluentui/tokens: teamsLightTheme
 * #ffffff, teamsDarkTheme #292929, teamsHighContrastTheme #000000).
 */
export const THEME_BACKGROUND: Record<TabTheme, string> = {
  default: 'rgb(255, 255, 255)',
  dark: 'rgb(41, 41, 41)',
  contrast: 'rgb(0, 0, 0)',
};

/** The theme the tab says it shows (html[data-theme]) and the colour its FluentProvider paints. */
export async function themeOf(
  target: Page | Frame,
): Promise<{ theme: string | undefined; background: string }> {
  return target.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
    const provider = document.querySelector('.fui-FluentProvider');
    return {
      theme: document.documentElement.dataset.theme,
      background: provider ? getComputedStyle(provider).backgroundColor : 'none',
    };
  });
}

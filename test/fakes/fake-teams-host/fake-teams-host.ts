import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';

/**
 * A local stand-in for the Teams web client: a page that frames the tab and answers teams-js's real
 * postMessage protocol (host-page.js), and a loopback HTTP server that serves it and mints the SSO token.
 *
 * Why the browser sees it at https://local.teams.office.com:8080 rather than http://127.0.0.1:<port>:
 * teams-js in the tab only accepts messages from an https origin on its list of Microsoft hosts (or one the
 * tab passes to app.initialize, which ours does not), exactly as in production. Teams' own local
 * development host is on that list, and it is not among the tab's built-in frame-ancestors (its port is
 * not 443), so the server must name it in TAB_FRAME_ANCESTORS: the test covers that setting too.
 * Playwright routes that origin to this server; nothing listens on port 8080 and nothing leaves the machine.
 */
export const TEAMS_HOST_ORIGIN = 'https://local.teams.office.com:8080';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsUser {
  id: string;
  name: string;
  email: string;
}

export interface TeamsContext {
  theme: TeamsTheme;
  locale: string;
  /** The deep link's sub-entity id (e.g. `project:<id>`), if Teams opened the tab from one. */
  subEntityId?: string;
  user: TeamsUser;
  tenantId: string;
  hostClientType: 'web' | 'desktop' | 'android' | 'ios';
  /** The tab's entity id from the manifest. */
  entityId: string;
}

export interface FakeTeamsHostOptions {
  /** Mints the SSO token Teams would hand the tab for this user (aud = the app's client id). */
  signToken(user: TeamsUser): Promise<string>;
}

/** What the fake host recorded, read from the page. */
export interface HostState {
  theme: TeamsTheme;
  received: Array<{ func: string; args: unknown[]; apiVersionTag?: string }>;
  ignored: Array<{ origin: string; func?: string }>;
  handlers: string[];
  tokensIssued: number;
}

export interface HostedTab {
  /** The Teams page (the host). */
  page: Page;
  /** The tab inside it. */
  frame: Frame;
  /** What the host has seen so far. */
  state(): Promise<HostState>;
  /** The funcs the tab called, in order. */
  funcs(): Promise<string[]>;
  /** Switches Teams' theme: the host pushes a themeChange event to the tab. */
  setTheme(theme: TeamsTheme): Promise<void>;
}

export interface FakeTeamsHost {
  /** Where the server listens (loopback). */
  url: string;
  /** The origin the browser sees the host at (see TEAMS_HOST_ORIGIN). */
  origin: string;
  /** Sends the browser context's requests for the host origin to this server. */
  attach(context: BrowserContext): Promise<void>;
  /** Opens Teams on `page` with the tab at `tabUrl` in the given context; resolves once the tab's frame exists. */
  open(page: Page, tabUrl: string, context: Partial<TeamsContext> & { user: TeamsUser }): Promise<HostedTab>;
  close(): Promise<void>;
}

const HOST_SCRIPT = readFileSync(path.join(__dirname, 'host-page.js'), 'utf8');

const DEFAULT_CONTEXT: Omit<TeamsContext, 'user'> = {
  theme: 'default',
  locale: 'en-GB',
  tenantId: 'aaaaaaaa-0000-4000-8000-000000000001',
  hostClientType: 'web',
  entityId: 'portfolio',
};

function hostPage(session: { tabUrl: string; tokenPath: string; context: Record<string, unknown> }): string {
  // JSON in a script element: `<` escaped so no value can close the element.
  const json = JSON.stringify(session).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Microsoft Teams (fake)</title>
    <style>
      html, body { margin: 0; height: 100%; }
      body { display: grid; grid-template-rows: 48px 1fr; font-family: sans-serif; background: #ebebeb; }
      body[data-theme='dark'] { background: #1f1f1f; }
      body[data-theme='contrast'] { background: #000; }
      header { background: #464775; color: #fff; display: flex; align-items: center; padding: 0 16px; }
      #app-frame, iframe { width: 100%; height: 100%; border: 0; display: block; }
    </style>
  </head>
  <body>
    <header>Microsoft Teams (fake host for tests)</header>
    <div id="app-frame"></div>
    <script type="application/json" id="host-config">${json}</script>
    <script src="/host-page.js"></script>
  </body>
</html>`;
}

export async function startFakeTeamsHost(options: FakeTeamsHostOptions): Promise<FakeTeamsHost> {
  const sessions = new Map<string, TeamsContext>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    const sessionMatch = /^\/s\/([0-9a-f-]{36})(\/token)?$/.exec(url.pathname);
    if (req.method === 'GET' && url.pathname === '/host-page.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(HOST_SCRIPT);
      return;
    }
    const session = sessionMatch ? sessions.get(sessionMatch[1]) : undefined;
    if (!sessionMatch || !session) {
      res.writeHead(404).end();
      return;
    }
    if (sessionMatch[2] && req.method === 'POST') {
      options.signToken(session.user).then(
        (token) => {
          res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
          res.end(JSON.stringify({ token }));
        },
        (err: unknown) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(err)),
      );
      return;
    }
    if (!sessionMatch[2] && req.method === 'GET') {
      const tabUrl = url.searchParams.get('tab') ?? '';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(
        hostPage({
          tabUrl,
          tokenPath: `/s/${sessionMatch[1]}/token`,
          context: {
            ...session,
            appSessionId: randomUUID(),
            sessionId: randomUUID(),
            appLaunchId: randomUUID(),
          },
        }),
      );
      return;
    }
    res.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    origin: TEAMS_HOST_ORIGIN,
    async attach(context) {
      // The tab is on loopback and Teams is not: Chromium asks before a public site reaches the local
      // network (Local Network Access), as it would ask a developer running the tab locally. Say yes.
      await context.grantPermissions(['local-network-access'], { origin: TEAMS_HOST_ORIGIN });
      await context.route(`${TEAMS_HOST_ORIGIN}/**`, async (route) => {
        const asked = new URL(route.request().url());
        const response = await route.fetch({ url: `${url}${asked.pathname}${asked.search}` });
        await route.fulfill({ response });
      });
    },
    async open(page, tabUrl, context) {
      const id = randomUUID();
      sessions.set(id, { ...DEFAULT_CONTEXT, ...context });
      await page.goto(`${TEAMS_HOST_ORIGIN}/s/${id}?tab=${encodeURIComponent(tabUrl)}`);
      const handle = await page.locator('iframe[title="PMO Hub"]').elementHandle();
      const frame = await handle?.contentFrame();
      if (!frame) throw new Error('The fake Teams host did not frame the tab');
      const hostState = () =>
        page.evaluate(
          () => (globalThis as unknown as { fakeTeamsHost: { state: HostState } }).fakeTeamsHost.state,
        );
      return {
        page,
        frame,
        state: hostState,
        funcs: async () => (await hostState()).received.map((m) => m.func),
        setTheme: (theme) =>
          page.evaluate(
            (t) =>
              (
                globalThis as unknown as { fakeTeamsHost: { setTheme(t: string): void } }
              ).fakeTeamsHost.setTheme(t),
            theme,
          ),
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

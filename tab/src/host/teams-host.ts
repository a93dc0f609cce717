import { app, authentication } from '@microsoft/teams-js';
import { readStored } from './browser-storage';

/** Where a plain browser remembers the theme the person picked. */
export const THEME_KEY = 'pmohub.theme';

/** The three themes Teams has; a plain browser picks one too (dev mode). */
export type HostTheme = 'default' | 'dark' | 'contrast';

export interface TeamsHost {
  kind: 'teams';
  theme: HostTheme;
  locale: string;
  /** The deep link's sub-entity (`project:<id>`) when Teams opened the tab from one. */
  subPageId: string | undefined;
  /** The Teams client (desktop, web, android, ios…): mobile gets the compact layout. */
  clientType: string;
  /** The Teams SSO token for our API (Teams caches and refreshes it). */
  getToken(): Promise<string>;
  onThemeChange(handler: (theme: HostTheme) => void): void;
}

export interface BrowserHost {
  kind: 'browser';
  theme: HostTheme;
  locale: string;
}

export type Host = TeamsHost | BrowserHost;

/**
 * A tab runs inside Teams in an iframe (web and desktop) or a webview with a native bridge (mobile).
 * Anywhere else, `app.initialize()` would wait for a host that never answers, so we do not ask.
 */
function mayBeInTeams(): boolean {
  return window.parent !== window || Boolean(window.opener) || 'nativeInterface' in window;
}

function asTheme(value: string | undefined): HostTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

function browserHost(): BrowserHost {
  const asked = new URLSearchParams(window.location.search).get('theme') ?? readStored('local', THEME_KEY);
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches;
  return {
    kind: 'browser',
    theme: asked ? asTheme(asked) : prefersDark ? 'dark' : 'default',
    locale: navigator.language || 'en-US',
  };
}

/**
 * Connects to Teams when the tab is hosted there, else reports a plain browser. Gives up after
 * `timeoutMs` so a framed page outside Teams (a preview, a test harness) still starts quickly.
 */
export async function connectToHost(timeoutMs = 4000): Promise<Host> {
  if (!mayBeInTeams()) return browserHost();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([app.initialize().then(() => 'ready' as const), timedOut]);
    if (outcome === 'timeout') return browserHost();
    const context = await app.getContext();
    return {
      kind: 'teams',
      theme: asTheme(context.app.theme),
      locale: context.app.locale || navigator.language || 'en-US',
      subPageId: context.page.subPageId || undefined,
      clientType: String(context.app.host.clientType),
      getToken: () => authentication.getAuthToken(),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme))),
    };
  } catch {
    return browserHost();
  } finally {
    clearTimeout(timer);
  }
}

import express from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Hosts that may frame the tab, as Microsoft's tab requirements list them (Teams, the Microsoft 365 app,
 * Outlook, and the *.cloud.microsoft domains they are moving to).
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
] as const;

export interface TabHosting {
  /** The Vite build (dist/tab); when it is missing, /tab explains how to build it. */
  dir: string;
  /** Extra origins allowed to frame the tab (a local Teams host stand-in in tests). */
  extraFrameAncestors: readonly string[];
}

/**
 * Serves the tab's static build at /tab: hashed assets cached for a year, index.html never cached (so a
 * deploy is picked up at once), and every /tab/* path answered with index.html so deep links load the
 * app, whose router then shows the page. Teams frames the tab, so this router replaces helmet's
 * `frame-ancestors 'self'` and `X-Frame-Options` with the Teams hosts.
 */
export function tabRouter(hosting: TabHosting): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.removeHeader('X-Frame-Options'); // set by the app-wide helmet; frame-ancestors below replaces it
    next();
  });
  router.use(
    helmet({
      xFrameOptions: false,
      // teams-js opens sign-in and consent pop-ups (authentication.authenticate) that report back.
      crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Fluent UI (Griffel) inserts style rules at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          // teams-js reads the list of valid Teams host origins from Microsoft's CDN.
          connectSrc: ["'self'", 'https://res.cdn.office.net'],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          frameAncestors: ["'self'", ...TEAMS_FRAME_ANCESTORS, ...hosting.extraFrameAncestors],
        },
      },
    }),
  );
  const index = path.join(hosting.dir, 'index.html');
  router.use(
    '/assets',
    express.static(path.join(hosting.dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.use(express.static(hosting.dir, { index: false, maxAge: 0 }));
  router.get('/{*page}', (_req, res) => {
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The tab is not built yet: run `npm run build:tab` (npm start does it for you).');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../api/config/config';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

/** A stand-in for the Vite build, so these tests do not depend on `npm run build:tab`. */
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmohub-tab-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>PMO Hub</title><div id="root"></div>',
  );
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("tab");');
  fs.writeFileSync(path.join(dir, 'favicon.png'), 'png');
  return dir;
}

describe('the tab at /tab', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = fakeBuild();
    server = await startTestServer({
      env: { TAB_DIR: dir, TAB_FRAME_ANCESTORS: 'http://127.0.0.1:4555' },
    });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (p: string) => fetch(server.url + p, { redirect: 'manual' });

  it('should let Teams, Outlook and the Microsoft 365 app frame the page, and no one else', async () => {
    const res = await get('/tab/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1].split(' ');
    expect(ancestors).toEqual(
      expect.arrayContaining([
        "'self'",
        'https://teams.microsoft.com',
        'https://*.teams.microsoft.com',
        'https://*.cloud.microsoft',
        'https://*.office.com',
        'https://outlook.office.com',
        'http://127.0.0.1:4555',
      ]),
    );
    expect(ancestors).not.toContain('*');
    // X-Frame-Options cannot name Teams; frame-ancestors replaces it, so it must not be sent as SAMEORIGIN.
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('should keep the API itself out of frames', async () => {
    const res = await get('/api/health');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('should answer a deep link with the app, whose router shows the page', async () => {
    const res = await get('/tab/projects/3f2b8c1e-0000-4000-8000-000000000001');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });

  it('should cache hashed assets for a year and not answer a missing one with the page', async () => {
    const asset = await get('/tab/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await get('/tab/assets/index-gone.js');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<div id="root">');
  });

  it('should send the root to the tab', async () => {
    const res = await get('/');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/tab/');
  });

  it('should tell the tab how to sign in before anyone has', async () => {
    const res = await server.as(null)('GET', '/api/client-config');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ authMode: 'dev', currency: 'USD' });
  });

  it('should compress what it sends when the client accepts it', async () => {
    const res = await get('/api/openapi.json');
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });
});

describe('the tab before it is built', () => {
  it('should say how to build it rather than fail obscurely', async () => {
    const server = await startTestServer({
      env: { TAB_DIR: path.join(os.tmpdir(), 'pmohub-no-such-build') },
    });
    try {
      const res = await fetch(`${server.url}/tab/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build:tab');
    } finally {
      await server.close();
    }
  });
});

describe('TAB_FRAME_ANCESTORS', () => {
  it('should refuse something that is not a list of origins', () => {
    expect(() => loadConfig({ TAB_FRAME_ANCESTORS: "https://ok.example.com 'unsafe-inline'" })).toThrow(
      /TAB_FRAME_ANCESTORS must be a list of origins/,
    );
  });
});

import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Runs `api/server.ts` as `npm start` does, resolving once it logs that it listens (or exits). */
function start(
  env: NodeJS.ProcessEnv,
  script = 'api/server.ts',
): {
  child: ChildProcess;
  ready: Promise<{ code: number | null; stderr: string }>;
} {
  const child = spawn(TSX, [script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  const ready = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('PMO Hub listening on')) resolve({ code: null, stderr });
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
  return { child, ready };
}

describe('npm start (api/server.ts)', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-start-'));
  });
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should load env/.env.local, seed the demo PMO into an empty store and serve the portfolio', async () => {
    const port = await freePort();
    const run = start({
      PORT: String(port),
      SQLITE_PATH: path.join(dir, 'pmo.db'),
      LOG_LEVEL: 'info',
      ENV_NAME: 'local',
    });
    child = run.child;
    const { code, stderr } = await run.ready;
    expect({ code, stderr }).toEqual({ code: null, stderr: '' });

    const res = await fetch(`http://127.0.0.1:${port}/api/portfolio?pageSize=5`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      total: number;
      summary: { byProgram: unknown[]; byDepartment: unknown[] };
    };
    expect(body.total).toBeGreaterThanOrEqual(40);
    expect(body.summary.byProgram.length).toBeGreaterThanOrEqual(3);
    expect(body.summary.byDepartment.length).toBeGreaterThanOrEqual(3);
    const me = (await (await fetch(`http://127.0.0.1:${port}/api/me`)).json()) as { pmoRole: string };
    expect(me.pmoRole).toBe('pmoHead');
  }, 30_000);

  it('should stop with one line naming a malformed variable', async () => {
    const run = start({ PORT: 'eighty', SQLITE_PATH: path.join(dir, 'pmo.db') });
    child = run.child;
    const { code, stderr } = await run.ready;
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^Configuration error: PORT .*\(got 'eighty'\)\.$/);
    expect(fs.existsSync(path.join(dir, 'pmo.db'))).toBe(false);
  }, 30_000);

  it('should refuse dev mode on a non-loopback interface', async () => {
    const run = start({ HOST: '0.0.0.0', SQLITE_PATH: path.join(dir, 'pmo.db') });
    child = run.child;
    const { code, stderr } = await run.ready;
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^Configuration error: HOST is 0\.0\.0\.0, but AUTH_MODE=dev/);
  }, 30_000);

  it('should start SharePoint mode without a tenant (start:sharepoint-local) and serve the same demo', async () => {
    const port = await freePort();
    const run = start(
      { PORT: String(port), LOG_LEVEL: 'info', ENV_NAME: 'local' },
      'test/fakes/sharepoint-local.ts',
    );
    child = run.child;
    const { code, stderr } = await run.ready;
    expect({ code, stderr }).toEqual({ code: null, stderr: '' });
    const res = await fetch(`http://127.0.0.1:${port}/api/portfolio?pageSize=5`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number };
    expect(body.total).toBeGreaterThanOrEqual(40);
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as Record<
      string,
      unknown
    >;
    expect(health).toEqual({ status: 'ok', store: 'sharepoint' });
  }, 60_000);

  it('should stop with one line when STORE=sharepoint names no site', async () => {
    const run = start({ STORE: 'sharepoint', SQLITE_PATH: path.join(dir, 'pmo.db') });
    child = run.child;
    const { code, stderr } = await run.ready;
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(
      /^Configuration error: SHAREPOINT_SITE_ID is required when STORE=sharepoint/,
    );
  }, 30_000);

  it('should stop with one line when the SharePoint site cannot be opened', async () => {
    const run = start({
      STORE: 'sharepoint',
      SHAREPOINT_SITE_ID:
        'contoso.sharepoint.com,2c6c5d5e-1a4b-4c4d-8e9f-0a1b2c3d4e5f,7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a',
      // Nothing listens on port 9 (discard): Graph is out of reach.
      GRAPH_BASE_URL: 'http://127.0.0.1:9/',
      GRAPH_AUTH: 'none',
    });
    child = run.child;
    const { code, stderr } = await run.ready;
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Could not open the sharepoint store: /);
  }, 30_000);
});

/**
 * npm run playground — the Microsoft 365 Agents Playground (a local Teams client) against the running
 * server's /api/messages (PORT, default 3978), as demo PM Zoe Olsen (bot/playground/.m365agentsplayground.yml).
 * Telemetry off and no browser opened; open the URL it prints. The Playground listens on every interface
 * and has no option to keep to loopback: run it only on a machine and network you trust.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const bin = path.join(__dirname, '../../node_modules/.bin/agentsplayground');
const child = spawn(
  bin,
  [
    '-e',
    `http://127.0.0.1:${port}/api/messages`,
    '-c',
    'msteams',
    '-p',
    playgroundPort,
    '--disable-telemetry',
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(__dirname, '.m365agentsplayground.yml'),
      // Else it opens a browser, and still calls Azure's metadata address and Application Insights.
      TEAMSAPPTESTER_BROWSER: 'none',
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    },
  },
);
console.log(
  `Agents Playground on http://localhost:${playgroundPort} (bot: http://127.0.0.1:${port}/api/messages)`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

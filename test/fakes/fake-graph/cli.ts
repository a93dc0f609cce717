/**
 * Runs the fake Graph standalone: tsx test/fakes/fake-graph/cli.ts [--port N] [--latency MS]
 * Prints one line with its base URL; stops on SIGINT/SIGTERM.
 */

import { startFakeGraph } from './fake-graph';

function parseArgs(argv: string[]): { port?: number; latencyMs?: number } {
  const options: { port?: number; latencyMs?: number } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    const number = Number(value);
    if (
      (flag === '--port' || flag === '--latency') &&
      (value === undefined || !Number.isInteger(number) || number < 0)
    ) {
      throw new Error(`${flag} needs a non-negative integer.`);
    }
    if (flag === '--port') options.port = number;
    else if (flag === '--latency') options.latencyMs = number;
    else throw new Error(`Unknown argument '${flag}'. Usage: cli.ts [--port N] [--latency MS]`);
    i += 1;
  }
  return options;
}

async function main(): Promise<void> {
  const fake = await startFakeGraph(parseArgs(process.argv.slice(2)));
  console.log(
    `Fake Microsoft Graph listening at ${fake.url} (sites: ${fake.sites.map((s) => s.webUrl).join(', ')})`,
  );
  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

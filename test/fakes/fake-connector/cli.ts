/**
 * Runs the fake Bot Connector standalone: tsx test/fakes/fake-connector/cli.ts [--port N] [--prefix teams] [--no-limits]
 * Prints one line with its serviceUrl; stops on SIGINT/SIGTERM.
 */

import type { FakeConnectorOptions } from './fake-connector';
import { startFakeConnector } from './fake-connector';

const USAGE = 'Usage: cli.ts [--port N] [--prefix SEGMENT] [--no-limits]';

function parseArgs(argv: string[]): FakeConnectorOptions {
  const options: FakeConnectorOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--port') {
      const port = Number(value);
      if (value === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`--port needs an integer from 0 to 65535. ${USAGE}`);
      }
      options.port = port;
      i += 1;
    } else if (flag === '--prefix') {
      if (value === undefined || value.startsWith('--')) throw new Error(`--prefix needs a value. ${USAGE}`);
      options.pathPrefix = value;
      i += 1;
    } else if (flag === '--no-limits') {
      options.limits = false;
    } else {
      throw new Error(`Unknown argument '${flag}'. ${USAGE}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const fake = await startFakeConnector(parseArgs(process.argv.slice(2)));
  console.log(`Fake Bot Connector listening at ${fake.url} (use it as the activity's serviceUrl)`);
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

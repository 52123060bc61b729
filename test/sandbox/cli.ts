/**
 * Runs a local Webex for out-of-process tests and by hand:
 *   node out/test/sandbox/cli.js [--scenario small|big|<file.json>] [--port N]
 * A `.json` file is a Scenario (see scenario.ts). The demo account is `npm start`'s (test/demo/).
 * Prints `LOCAL_WEBEX_URL=http://127.0.0.1:PORT/v1` on its own line, then one `TOKEN <email> <token>`
 * line per person, and stops cleanly on SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { LocalWebex } from './server';
import { generateScenario, smallScenario, type Scenario } from './scenario';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function scenarioNamed(name: string): Scenario {
  switch (name) {
    case 'small':
      return smallScenario();
    case 'big':
      return generateScenario();
    default:
      if (name.endsWith('.json')) {
        return JSON.parse(readFileSync(name, 'utf8')) as Scenario;
      }
      throw new Error(`Unknown scenario '${name}' (small, big or a .json file)`);
  }
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid --port ${arg('port')}`);
  }
  const webex = await LocalWebex.start({ scenario: scenarioNamed(arg('scenario') ?? 'small'), port });
  process.stdout.write(`LOCAL_WEBEX_URL=${webex.baseUrl}\n`);
  for (const p of webex.people()) {
    process.stdout.write(`TOKEN ${p.email} ${p.token}\n`);
  }
  const stop = (): void => {
    void webex.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

/**
 * Runs a local Webex for the demo and for out-of-process tests:
 *   node out/test/sandbox/cli.js [--scenario small|demo|big] [--port N]
 * Prints `LOCAL_WEBEX_URL=http://127.0.0.1:PORT/v1` on its own line, then one `TOKEN <email> <token>`
 * line per person, and stops cleanly on SIGINT/SIGTERM.
 */
import { LocalWebex } from './server';
import { demoScenario, generateScenario, smallScenario, type Scenario } from './scenario';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function scenarioNamed(name: string): Scenario {
  switch (name) {
    case 'small':
      return smallScenario();
    case 'demo':
      return demoScenario();
    case 'big':
      return generateScenario();
    default:
      throw new Error(`Unknown scenario '${name}' (small, demo or big)`);
  }
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid --port ${arg('port')}`);
  }
  const webex = await LocalWebex.start({ scenario: scenarioNamed(arg('scenario') ?? 'demo'), port });
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

// The local Webex (test/sandbox) as the test runner wires it into VS Code:
// `webex.apiBaseUrl` in the user settings, and its origin in the extension host's environment.
import { LocalWebex } from '../sandbox/server';
import { Scenario, smallScenario } from '../sandbox/scenario';

/** Starts a local Webex on a free loopback port, seeded with `scenario` (default `smallScenario()`). */
export function startLocalWebex(scenario: Scenario = smallScenario()): Promise<LocalWebex> {
  return LocalWebex.start({ scenario });
}

/**
 * The user settings and extension-host environment that point the extension at `sandbox`.
 * Integration tests read `process.env.WEBEX_TEST_SANDBOX_ORIGIN` (e.g. to call `/_sandbox/*`);
 * `WEBEX_TEST=1` is set in every test window.
 */
export function sandboxWiring(sandbox: LocalWebex | undefined): { settings: Record<string, unknown>; env: Record<string, string> } {
  if (sandbox === undefined) {
    return { settings: {}, env: { WEBEX_TEST: '1' } };
  }
  return {
    settings: { 'webex.apiBaseUrl': sandbox.baseUrl },
    env: { WEBEX_TEST: '1', WEBEX_TEST_SANDBOX_ORIGIN: sandbox.origin },
  };
}

/**
 * Idle: signed in with nothing open (no side bar, no conversation tab), then with the Webex side bar
 * showing, how many requests reach the local Webex per minute, for each live-update mode the
 * extension contributes (`webex.liveUpdates`). Each
 * mode is set in the user settings, given a few seconds to start (device registration, the first
 * poll, which are not idle traffic), then the request log is cleared and counted over a bounded
 * window that starts right after a periodic request, if any comes within one default interval. Requests to /v1 and to the catalog and device services count; websocket frames do not
 * (they are not requests; the websocket's pings are its keep-alive).
 */
import * as vscode from 'vscode';
import { activateForTesting, apiRequests, clearRequests, extension, record, signIn, sleep } from './hostKit';

const ADA = 'ada@example.com';

interface ConfigurationProperty {
  enum?: string[];
  default?: unknown;
}

/** The `webex.*` settings the manifest contributes (its configuration may be one object or a list). */
function contributedSettings(): Record<string, ConfigurationProperty> {
  const manifest = extension().packageJSON as { contributes?: { configuration?: unknown } };
  const configuration = manifest.contributes?.configuration;
  const sections = Array.isArray(configuration) ? configuration : [configuration];
  const out: Record<string, ConfigurationProperty> = {};
  for (const section of sections) {
    const properties = (section as { properties?: Record<string, ConfigurationProperty> } | undefined)?.properties ?? {};
    Object.assign(out, properties);
  }
  return out;
}

export async function idleStage(): Promise<void> {
  const windowMs = Number(process.env.WEBEX_BENCH_IDLE_WINDOW_MS ?? '65000');
  const settleMs = Number(process.env.WEBEX_BENCH_IDLE_SETTLE_MS ?? '5000');
  const alignMs = Number(process.env.WEBEX_BENCH_IDLE_ALIGN_MS ?? '32000');
  const t = await activateForTesting();
  await signIn(t, ADA);
  const settings = contributedSettings();
  const modeSetting = settings['webex.liveUpdates'];
  const modes = modeSetting?.enum ?? (modeSetting ? ['websocket', 'poll', 'off'] : []);
  record('idle.settings', Object.keys(settings).filter((k) => k.startsWith('webex.live')));
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('webex');
  // First with nothing open at all, then with the Webex side bar showing its views (no conversation):
  // live updates may wait for the side bar (README "webex.liveUpdates").
  for (const scene of ['nothing open', 'side bar open']) {
    if (scene === 'side bar open') {
      await vscode.commands.executeCommand('workbench.view.extension.webex');
    }
    for (const mode of modes.length > 0 ? modes : ['(no live updates wired)']) {
      if (modes.length > 0) {
        await config().update('liveUpdates', mode, vscode.ConfigurationTarget.Global);
      }
      await sleep(settleMs);
      await clearRequests();
      // Start the window right after a periodic request (if there is one within an interval), so a
      // window of two intervals holds exactly the requests of two intervals, not one or three.
      const alignUntil = Date.now() + alignMs;
      while (Date.now() < alignUntil && (await apiRequests()).length === 0) {
        await sleep(100);
      }
      await clearRequests();
      const t0 = Date.now();
      await sleep(windowMs);
      const requests = await apiRequests();
      const elapsedMs = Date.now() - t0;
      const paths: Record<string, number> = {};
      for (const r of requests) {
        const key = `${r.method} ${r.path.replace(/\/[A-Za-z0-9_-]{20,}(?=\/|$)/g, '/{id}')}`;
        paths[key] = (paths[key] ?? 0) + 1;
      }
      record('idle.mode', { scene, mode, requests: requests.length, elapsedMs, paths });
    }
  }
  if (modes.length > 0) {
    await config().update('liveUpdates', undefined, vscode.ConfigurationTarget.Global);
  }
}

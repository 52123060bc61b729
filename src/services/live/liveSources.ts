/**
 * Builds the live source for a mode: `poll` is the poller alone; `websocket` is the Mercury socket
 * with the poller as its fallback, sharing one catch-up tracker, with this window's device lease.
 * A runtime without a WebSocket class (none given and no global one) polls in `websocket` mode too.
 */
import type { WebexClient } from '../../webex/client';
import { ActivityTracker } from '../../webex/live/activityTracker';
import { AutoLiveSource } from '../../webex/live/autoSource';
import { u2cBaseUrlFor } from '../../webex/live/catalog';
import type { LiveSource } from '../../webex/live/events';
import { PollSource } from '../../webex/live/pollSource';
import { ServiceHttp } from '../../webex/live/serviceHttp';
import { WebsocketSource } from '../../webex/live/websocketSource';
import { webSocketOf } from '../../webex/runtime';
import { DeviceLeases, LEASE_RENEW_MS } from './deviceLeases';
import type { LiveUpdatesOptions } from './liveUpdates';

export interface Running {
  accountId: string;
  client: WebexClient;
  source: LiveSource;
  websocket?: WebsocketSource;
  poll?: PollSource;
  leases?: DeviceLeases;
  renewTimer?: ReturnType<typeof setInterval>;
}

export interface BuildOptions extends Omit<LiveUpdatesOptions, 'getToken' | 'mode'> {
  account: { id: string; baseUrl: string };
  client: WebexClient;
  mode: 'websocket' | 'poll';
  focused: boolean;
  getToken: () => Promise<string>;
}

export function buildSources(options: BuildOptions): Running {
  const { account, client, mode } = options;
  const tracker = new ActivityTracker({ client, isBot: () => options.session.isBot });
  const poll = new PollSource({
    tracker,
    timers: options.timers,
    focused: options.focused,
    intervalMs: options.pollIntervals?.focusedMs,
    unfocusedIntervalMs: options.pollIntervals?.unfocusedMs,
    log: (line) => options.log('warn', line),
  });
  const WebSocket = mode === 'websocket' ? webSocketOf(options.WebSocket) : undefined;
  if (WebSocket === undefined) {
    if (mode === 'websocket') {
      options.log('warn', 'Live updates: this runtime has no WebSocket; polling instead');
    }
    return { accountId: account.id, client, source: poll, poll };
  }
  const http = new ServiceHttp({
    apiBaseUrl: account.baseUrl,
    getToken: options.getToken,
    fetch: options.fetch,
    onRequest: (e) =>
      options.log(e.status >= 400 || e.status === 0 ? 'warn' : 'info', `${e.method} ${e.path} → ${e.status || 'no response'} in ${e.durationMs} ms (live)`),
  });
  const leases = new DeviceLeases(options.storage, account.id, options.instanceId);
  const websocket = new WebsocketSource({
    http,
    u2cBaseUrl: u2cBaseUrlFor(account.baseUrl, options.catalogUrl?.()),
    device: options.device,
    deviceStore: leases,
    tracker,
    timers: options.timers,
    WebSocket,
    log: (line) => options.log('info', line),
  });
  const source = new AutoLiveSource({ websocket, poll, log: (line) => options.log('info', line) });
  const renewTimer = setInterval(() => void leases.renew().catch(() => undefined), LEASE_RENEW_MS);
  renewTimer.unref?.();
  return { accountId: account.id, client, source, websocket, poll, leases, renewTimer };
}

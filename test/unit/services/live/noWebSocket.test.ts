// Live updates in a runtime without a WebSocket class (src/services/live/liveSources.ts): the extension
// uses the extension host's global WebSocket; where there is none (Node 20 without
// --experimental-websocket, as in this test process), `websocket` mode polls instead of failing.
import * as assert from 'node:assert/strict';
import { LiveUpdates } from '../../../../src/services/live/liveUpdates';
import { SpacesStore } from '../../../../src/services/sidebar/spacesStore';
import { SMALL, useLiveWebex } from '../../webex/live/liveHarness';
import { PROMPTLY } from '../../webex/live/manualTimers';
import { until } from '../../../kit/until';
import { MemoryStorage } from '../../../kit/memoryStorage';

/** Runs `fn` with no global WebSocket (a newer Node has one; Node 20 does not). */
async function withoutGlobalWebSocket(fn: () => Promise<void>): Promise<void> {
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'WebSocket');
  if (saved) {
    Reflect.deleteProperty(globalThis, 'WebSocket');
  }
  try {
    await fn();
  } finally {
    if (saved) {
      Object.defineProperty(globalThis, 'WebSocket', saved);
    }
  }
}

describe('live: a runtime without WebSocket', () => {
  const kit = useLiveWebex();

  it('polls in websocket mode, registers no device, and still delivers messages', async () => {
    await withoutGlobalWebSocket(async () => {
      const client = kit.client();
      const me = await client.people.me();
      const session = { client, me, isBot: false, account: { id: me.id, baseUrl: kit.webex.baseUrl } };
      const spaces = new SpacesStore({ getClient: () => client });
      const logged: string[] = [];
      const received: string[] = [];
      const live = new LiveUpdates({
        session,
        getToken: () => SMALL.ada.token,
        storage: new MemoryStorage(),
        spaces,
        mode: () => 'websocket',
        notifications: () => 'off',
        notify: () => undefined,
        activeSpace: () => undefined,
        instanceId: 'window-1',
        device: { name: 'Webex for VS Code (test)', systemVersion: '1' },
        log: (_level, line) => logged.push(line),
        timers: kit.timers,
      });
      try {
        live.onDidReceiveMessage((e) => received.push(e.message?.text ?? ''));
        await spaces.loadRooms();
        await live.sync();
        await until('polling', () => live.status.mode === 'poll' && live.status.state === 'connected', PROMPTLY);
        assert.ok(logged.some((l) => /no WebSocket; polling instead/.test(l)), logged.join('\n'));
        assert.deepEqual(kit.live.status().devices, [], 'no device registered for a socket that cannot open');
        assert.equal(kit.webex.requests.filter((r) => !r.path.startsWith('/v1/')).length, 0, 'no catalog or device service request');

        // The baseline poll has run; a message posted now arrives with the next poll.
        await until('the baseline', () => kit.restRequests().some((r) => r.path === '/v1/rooms' && r.query.max === '50' && r.status === 200), PROMPTLY);
        await kit.client(SMALL.grace.token).messages.create({ toPersonEmail: SMALL.ada.email, text: 'polled without a socket' });
        kit.timers.advance(30_000);
        await until('the polled message', () => received.length === 1, PROMPTLY);
        assert.deepEqual(received, ['polled without a socket']);
      } finally {
        await live.dispose();
      }
    });
  });
});

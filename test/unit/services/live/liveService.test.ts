// The live-updates service (src/services/live/liveUpdates.ts) against the local Webex, without an editor:
// unread marks, reordering, mention/direct counts, notifications, own messages, the open space,
// devices per window across reloads and sign-out, and the poll mode.
import * as assert from 'node:assert/strict';
import { WebSocket } from 'undici';
import { LiveUpdates, type LiveMessage, type LiveMode } from '../../../../src/services/live/liveUpdates';
import type { NotificationRequest } from '../../../../src/services/live/notifications';
import { SpacesStore } from '../../../../src/services/sidebar/spacesStore';
import type { WebexClient } from '../../../../src/webex/client';
import type { Person } from '../../../../src/webex/types';
import { PROMPTLY, settle } from '../../webex/live/manualTimers';
import { until } from '../../../kit/until';
import { MemoryStorage } from '../../../kit/memoryStorage';
import { SMALL, roomId, useLiveWebex } from '../../webex/live/liveHarness';

describe('live: the live-updates service', () => {
  const kit = useLiveWebex();
  const services: LiveUpdates[] = [];
  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.dispose()));
  });

  interface World {
    live: LiveUpdates;
    spaces: SpacesStore;
    client: WebexClient;
    shown: NotificationRequest[];
    received: LiveMessage[];
    storage: MemoryStorage;
    session: { client: WebexClient | undefined; me: Person | undefined; isBot: boolean; account: { id: string; baseUrl: string } | undefined; token: string | undefined };
    active: { roomId?: string };
  }

  async function world(options: { mode?: LiveMode; storage?: MemoryStorage; instanceId?: string } = {}): Promise<World> {
    const client = kit.client();
    const me = await client.people.me();
    const session: World['session'] = { client, me, isBot: false, account: { id: me.id, baseUrl: kit.webex.baseUrl }, token: SMALL.ada.token };
    const spaces = new SpacesStore({ getClient: () => session.client });
    const shown: NotificationRequest[] = [];
    const active: { roomId?: string } = {};
    const storage = options.storage ?? new MemoryStorage();
    const live = new LiveUpdates({
      session,
      getToken: () => session.token,
      storage,
      spaces,
      mode: () => options.mode ?? 'websocket',
      notifications: () => 'mentionsAndDirect',
      notify: (n) => shown.push(n),
      activeSpace: () => active.roomId,
      instanceId: options.instanceId ?? 'window-1',
      device: { name: 'Webex for VS Code (test)', systemVersion: '1' },
      log: () => undefined,
      timers: kit.timers,
      // Node 20 has no global WebSocket (the extension host's is used in VS Code).
      WebSocket,
    });
    services.push(live);
    const received: LiveMessage[] = [];
    live.onDidReceiveMessage((e) => received.push(e));
    await spaces.loadRooms();
    await live.sync();
    await until('connected', () => live.status.state === 'connected', PROMPTLY);
    // The first catch-up (the baseline) has run once a rooms request has been answered.
    await until('the baseline', () => kit.restRequests().some((r) => r.path === '/v1/rooms' && r.query.max === '50' && r.status === 200), PROMPTLY);
    await settle();
    return { live, spaces, client, shown, received, storage, session, active };
  }

  it('marks a space unread, moves it to the top, hands the message to listeners, and reads it when opened', async () => {
    const w = await world();
    const grace = kit.client(SMALL.grace.token);
    const release = await roomId(grace, SMALL.rooms.release);
    assert.notEqual(w.spaces.rooms?.[0].id, release);
    const posted = await grace.messages.create({ roomId: release, text: 'release moved to Friday' });
    await until('the message', () => w.received.length === 1, PROMPTLY);
    assert.equal(w.received[0].message?.text, 'release moved to Friday');
    assert.equal(w.received[0].messageId, posted.id);
    assert.equal(w.spaces.rooms?.[0].id, release, 'the space moved to the top');
    const room = w.spaces.room(release);
    assert.ok(room);
    assert.equal(w.live.isUnread(room), true);
    assert.equal(w.live.unreadSpaceCount(), 1);
    assert.equal(w.live.attentionCount, 0, 'no mention, not direct');
    w.live.markRead(release);
    assert.equal(w.live.isUnread(room), false);
    kit.timers.advance(2000);
    assert.deepEqual(w.shown, [], 'plain messages do not notify by default');
  });

  it('counts mentions and direct messages, and raises one notification for a burst', async () => {
    const w = await world();
    const grace = kit.client(SMALL.grace.token);
    const alan = kit.client(SMALL.alan.token);
    const release = await roomId(grace, SMALL.rooms.release);
    await grace.messages.create({ roomId: release, markdown: `<@personEmail:${SMALL.ada.email}> can you sign off?` });
    await alan.messages.create({ toPersonEmail: SMALL.ada.email, text: 'lunch?' });
    await alan.messages.create({ toPersonEmail: SMALL.ada.email, text: 'or coffee?' });
    await until('three messages', () => w.received.length === 3, PROMPTLY);
    await settle();
    assert.equal(w.live.attentionCount, 3);
    assert.deepEqual(w.live.attention().map((a) => [a.mentions, a.direct]).sort(), [[0, 2], [1, 0]]);
    kit.timers.advance(1500);
    assert.equal(w.shown.length, 1);
    assert.equal(w.shown[0].count, 3);
    assert.match(w.shown[0].text, /^3 new messages in 2 spaces \(1 mentions you\)$/);
  });

  it('never counts or notifies the user own messages, and messages in the open space arrive read', async () => {
    const w = await world();
    const backend = await roomId(w.client, SMALL.rooms.backend);
    await w.client.messages.create({ roomId: backend, markdown: `note to self <@personEmail:${SMALL.ada.email}>` });
    w.active.roomId = await roomId(w.client, SMALL.rooms.release);
    const grace = kit.client(SMALL.grace.token);
    await grace.messages.create({ roomId: w.active.roomId, markdown: `<@personEmail:${SMALL.ada.email}> seen this?` });
    await until('both messages', () => w.received.length === 2, PROMPTLY);
    await settle();
    kit.timers.advance(2000);
    assert.deepEqual(w.shown, []);
    assert.equal(w.live.attentionCount, 0);
    assert.equal(w.live.unreadSpaceCount(), 0);
  });

  it('reuses the window device after a reload, gives a second window its own, and deletes it on sign-out', async () => {
    const storage = new MemoryStorage();
    const first = await world({ storage, instanceId: 'window-1' });
    const second = await world({ storage, instanceId: 'window-2' });
    const devices = kit.live.status().devices.map((d) => d.id);
    assert.equal(new Set(devices).size, 2, 'two windows, two devices (one socket each)');
    assert.equal(kit.live.status().connections.length, 2);

    // Reload of window 1: the old instance releases its lease, the new one takes it over with a PUT.
    await first.live.stop({ unregister: false });
    kit.webex.clearRequests();
    await world({ storage, instanceId: 'window-1-reloaded' });
    assert.deepEqual(kit.webex.requests.filter((r) => r.path.startsWith('/wdm/') || r.path.startsWith('/u2c/')).map((r) => r.method), ['PUT']);
    assert.deepEqual(kit.live.status().devices.map((d) => d.id).sort(), [...devices].sort());

    // Window 2 signs out: its device is deleted with the token it had; the other stays.
    second.session.account = undefined;
    second.session.client = undefined;
    second.session.token = undefined;
    await second.live.sync();
    assert.equal(second.live.status.mode, 'off');
    assert.equal(kit.live.status().devices.length, 1);
    assert.equal(kit.live.status().connections.length, 1);
  });

  it('switching to another account deletes the first account’s device with that account’s token', async () => {
    const w = await world();
    const adaDevice = kit.live.status().devices[0];
    assert.equal(adaDevice.personEmail, SMALL.ada.email);
    const grace = kit.client(SMALL.grace.token);
    const graceMe = await grace.people.me();
    Object.assign(w.session, { client: grace, me: graceMe, account: { id: graceMe.id, baseUrl: kit.webex.baseUrl }, token: SMALL.grace.token });
    await w.live.sync();
    await until('connected as grace', () => w.live.status.state === 'connected', PROMPTLY);
    assert.deepEqual(kit.live.status().devices.map((d) => d.personEmail), [SMALL.grace.email]);
  });

  it('polls when asked to, and reads only the spaces that changed', async () => {
    const w = await world({ mode: 'poll' });
    assert.equal(w.live.status.mode, 'poll');
    const grace = kit.client(SMALL.grace.token);
    await grace.messages.create({ toPersonEmail: SMALL.ada.email, text: 'polled' });
    kit.webex.clearRequests();
    kit.timers.advance(30_000);
    await until('the polled message', () => w.received.length === 1, PROMPTLY);
    assert.equal(w.received[0].message?.text, 'polled');
    assert.deepEqual(
      kit.restRequests().map((r) => `${r.method} ${r.path}`).filter((p) => !p.includes('/people/')),
      ['GET /v1/rooms', 'GET /v1/messages'],
    );
  });
});

// The websocket source against the local Webex's Mercury socket: events with REST ids, acks, the
// 15 s ping, reconnects after drops and a missing pong, catch-up of exactly the missed messages
// after a drop or a skipped frame, and stopping on "replaced" and "not allowed". The clock is moved
// by hand; sockets and HTTP are real.
import * as assert from 'node:assert/strict';
import type { MessageCreatedEvent } from '../../../../src/webex/live/events';
import { PING_INTERVAL_MS, PONG_TIMEOUT_MS } from '../../../../src/webex/live/mercury';
import { PROMPTLY, settle } from './manualTimers';
import { until } from '../../../kit/until';
import { SMALL, roomId, useLiveWebex, type EventLog } from './liveHarness';

describe('live: websocket source', () => {
  const kit = useLiveWebex();

  /** Starts ada's websocket source and waits until it is connected and has its baseline. */
  async function connectedSource(options: Parameters<typeof kit.websocket>[0] = {}): Promise<ReturnType<typeof kit.websocket>> {
    const ws = kit.websocket(options);
    ws.source.start();
    await ws.events.until((l) => l.lastState()?.state === 'connected', 'the socket to be ready');
    await until('the baseline sync', () => ws.tracker.hasBaseline, PROMPTLY);
    return ws;
  }

  function created(events: EventLog): MessageCreatedEvent[] {
    return events.of('messageCreated');
  }

  it('delivers messages others post and delete, with the REST ids, and acknowledges every frame', async () => {
    const { events } = await connectedSource();
    const grace = kit.client(SMALL.grace.token);
    const backend = await roomId(grace, SMALL.rooms.backend);
    const posted = await grace.messages.create({ roomId: backend, text: 'the gateway is live' });
    await events.until((l) => created(l).length === 1, 'the message event');
    assert.deepEqual(created(events)[0], {
      type: 'messageCreated',
      roomId: posted.roomId,
      messageId: posted.id,
      roomType: 'group',
      actorId: posted.personId,
      actorEmail: SMALL.grace.email,
      via: 'websocket',
    });
    // The id is the one REST knows: ada can fetch the message with it.
    assert.equal((await kit.client().messages.get(created(events)[0].messageId)).text, 'the gateway is live');
    await grace.messages.delete(posted.id);
    await events.until((l) => l.of('messageDeleted').length === 1, 'the delete event');
    assert.equal(events.of('messageDeleted')[0].messageId, posted.id);
    // buffer_state + post + delete, each acknowledged.
    await until('three acks', () => kit.live.status().connections[0]?.acks.length === 3, PROMPTLY);
  });

  it('tells direct spaces apart and hears nothing from spaces ada is not in', async () => {
    const { events } = await connectedSource();
    const alan = kit.client(SMALL.alan.token);
    await alan.messages.create({ roomId: await roomId(alan, SMALL.rooms.secret), text: 'not for ada' });
    const dm = await alan.messages.create({ toPersonEmail: SMALL.ada.email, text: 'psst' });
    await events.until((l) => created(l).length >= 1, 'the direct message');
    await settle();
    assert.deepEqual(created(events).map((e) => [e.messageId, e.roomType]), [[dm.id, 'direct']]);
  });

  it('pings every 15 s; idle, it makes no REST request at all', async () => {
    const { events } = await connectedSource();
    kit.webex.clearRequests();
    for (let i = 1; i <= 20; i++) {
      kit.timers.advance(PING_INTERVAL_MS);
      // The pong cancels its 14 s timer and schedules the next ping: only that one timer is left.
      await until(`pong ${i}`, () => kit.live.status().connections[0]?.pings === i && kit.timers.delays().join() === String(PING_INTERVAL_MS), PROMPTLY);
    }
    assert.deepEqual(kit.webex.requests, []);
    assert.deepEqual(events.states(), ['connecting', 'connected']);
  });

  it('closes when a pong does not come within 14 s, and reconnects after 1 s', async () => {
    const { events } = await connectedSource();
    kit.live.mutePongs();
    kit.timers.advance(PING_INTERVAL_MS);
    await until('the ping', () => kit.live.status().connections[0]?.pings === 1, PROMPTLY);
    kit.timers.advance(PONG_TIMEOUT_MS);
    await events.until((l) => l.lastState()?.state === 'reconnecting', 'reconnecting');
    assert.equal(events.lastState()?.reason, 'closed (1000)');
    assert.equal(events.lastState()?.retryInMs, 1000);
    kit.live.mutePongs(false);
    kit.timers.advance(1000);
    await events.until((l) => l.lastState()?.state === 'connected', 'reconnected');
    assert.deepEqual(events.of('gap').map((g) => g.reason), ['reconnect']);
  });

  it('reconnects after a dropped connection and catches up exactly the messages it missed', async () => {
    const { events, source } = await connectedSource();
    const grace = kit.client(SMALL.grace.token);
    const alan = kit.client(SMALL.alan.token);
    const backend = await roomId(grace, SMALL.rooms.backend);
    const before = await grace.messages.create({ roomId: backend, text: 'before the drop' });
    await events.until((l) => created(l).length === 1, 'the first message');
    const device = source.currentDevice?.id;

    kit.live.drop({ destroy: true }); // no close frame: the client sees 1006
    await events.until((l) => l.lastState()?.state === 'reconnecting', 'reconnecting');
    assert.equal(events.lastState()?.closeCode, 1006);
    const missed = [
      await grace.messages.create({ roomId: backend, text: 'missed 1' }),
      await alan.messages.create({ toPersonEmail: SMALL.ada.email, text: 'missed 2' }),
      await grace.messages.create({ roomId: backend, text: 'missed 3' }),
    ];
    kit.webex.clearRequests();
    kit.timers.advance(1000);
    await events.until((l) => created(l).length === 4, 'the caught-up messages');
    await settle();

    assert.equal(source.currentDevice?.id, device, 'the same device is reused');
    const after = created(events).slice(1);
    assert.deepEqual(after.map((e) => e.via), ['catchUp', 'catchUp', 'catchUp']);
    assert.deepEqual(new Set(after.map((e) => e.messageId)), new Set(missed.map((m) => m.id)));
    assert.ok(!after.some((e) => e.messageId === before.id), 'the message seen before the drop is not delivered again');
    // One rooms request, then one messages request per space that changed (Backend and the direct space).
    const rest = kit.restRequests().map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(rest, ['GET /v1/rooms', 'GET /v1/messages', 'GET /v1/messages']);
    assert.deepEqual(events.of('gap').map((g) => g.reason), ['reconnect']);
  });

  it('notices a skipped frame by its sequence number and fetches the missed message', async () => {
    const { events } = await connectedSource();
    const grace = kit.client(SMALL.grace.token);
    const backend = await roomId(grace, SMALL.rooms.backend);
    kit.live.skipNext();
    const lost = await grace.messages.create({ roomId: backend, text: 'lost on the way' });
    const next = await grace.messages.create({ roomId: backend, text: 'arrives' });
    await events.until((l) => created(l).length === 2, 'both messages');
    await settle();
    assert.deepEqual(events.of('gap').map((g) => g.reason), ['sequence']);
    assert.deepEqual(
      created(events).map((e) => [e.messageId, e.via]),
      [
        [next.id, 'websocket'],
        [lost.id, 'catchUp'],
      ],
    );
  });

  it('backs off 1, 2, 4 … 32 s while the socket cannot be opened, refreshing the device on the way', async () => {
    kit.live.refuseUpgrades();
    const { events, source } = kit.websocket();
    source.start();
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      await events.until((l) => l.of('state').filter((s) => s.state === 'reconnecting').length === i + 1, `failure ${i + 1}`);
      waits.push(events.lastState()?.retryInMs ?? -1);
      kit.timers.advance(events.lastState()?.retryInMs ?? 0);
    }
    assert.deepEqual(waits, [1000, 2000, 4000, 8000, 16000, 32000, 32000]);
    const deviceCalls = kit.webex.requests.filter((r) => r.path.startsWith('/wdm/')).map((r) => r.method);
    // Registered once, then refreshed after every second failed open (the device might have moved).
    assert.deepEqual(deviceCalls, ['POST', 'PUT', 'PUT', 'PUT']);
    kit.live.refuseUpgrades(false);
    await events.until((l) => l.lastState()?.state === 'connected', 'connected once allowed');
  });

  it('stops for good when replaced (4000) or refused (1008), without reconnecting', async () => {
    const first = await connectedSource();
    kit.live.replace();
    await first.events.until((l) => l.lastState()?.state === 'failed', 'failed');
    assert.equal(first.events.lastState()?.replaced, true);
    assert.equal(first.events.lastState()?.closeCode, 4000);
    assert.deepEqual(kit.timers.delays(), [], 'no reconnect is scheduled');

    const second = await connectedSource();
    kit.live.drop({ code: 1008, reason: 'authentication failed' });
    await second.events.until((l) => l.lastState()?.state === 'failed', 'failed');
    assert.equal(second.events.lastState()?.closeCode, 1008);
    assert.equal(second.events.lastState()?.replaced, undefined);
  });

  it('gives up at once when the device service refuses the token', async () => {
    const { events, source } = kit.websocket({ token: 'token-nobody' });
    source.start();
    await events.until((l) => l.lastState()?.state === 'failed', 'failed');
    assert.match(events.lastState()?.reason ?? '', /refused \(401\)/);
  });

  it('unregisters only its own device, and a reload reuses the stored one', async () => {
    const first = await connectedSource();
    const stored = first.store.device;
    assert.ok(stored);
    await first.source.stop();
    // A reload: a new source with the same storage refreshes (PUT) and reconnects with that device.
    kit.webex.clearRequests();
    const again = kit.websocket();
    again.store.device = stored;
    again.source.start();
    await again.events.until((l) => l.lastState()?.state === 'connected', 'reconnected after reload');
    assert.equal(again.source.currentDevice?.id, stored.id);
    assert.deepEqual(kit.webex.requests.filter((r) => r.path.startsWith('/wdm/') || r.path.startsWith('/u2c/')).map((r) => r.method), ['PUT']);
    await again.source.unregister();
    assert.deepEqual(kit.live.status().devices, []);
    assert.equal(again.store.device, undefined);
  });
});

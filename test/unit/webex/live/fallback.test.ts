// The websocket with polling as its fallback: when upgrades are refused (a proxy), polling takes
// over and delivers; when the socket comes back, polling stops and nothing is delivered twice.
import * as assert from 'node:assert/strict';
import { AutoLiveSource } from '../../../../src/webex/live/autoSource';
import { PollSource } from '../../../../src/webex/live/pollSource';
import { FALLBACK_RETRY_MS } from '../../../../src/webex/live/websocketSource';
import { PROMPTLY, settle } from './manualTimers';
import { until } from '../../../kit/until';
import { EventLog, SMALL, roomId, useLiveWebex } from './liveHarness';

describe('live: websocket with poll fallback', () => {
  const kit = useLiveWebex();

  function auto(): { source: AutoLiveSource; events: EventLog; poll: PollSource } {
    const ws = kit.websocket();
    const poll = new PollSource({ tracker: ws.tracker, timers: kit.timers });
    const source = new AutoLiveSource({ websocket: ws.source, poll });
    const events = new EventLog(source);
    after(() => source.stop());
    return { source, events, poll };
  }

  it('polls when the websocket is refused, and hands back to the socket when it returns', async () => {
    kit.live.refuseUpgrades();
    const { source, events, poll } = auto();
    source.start();
    // Two failed opens (1 s and 2 s backoff) and polling takes over.
    await events.until((l) => l.of('state').some((s) => s.state === 'reconnecting'), 'the first failure');
    kit.timers.advance(1000);
    await until('polling', () => source.mode === 'poll', PROMPTLY);
    await until('the poller', () => poll.state === 'connected', PROMPTLY);
    await until('the baseline poll', () => kit.restRequests().some((r) => r.path === '/v1/rooms'), PROMPTLY);
    await settle();

    const grace = kit.client(SMALL.grace.token);
    const backend = await roomId(grace, SMALL.rooms.backend);
    const polled = await grace.messages.create({ roomId: backend, text: 'found by polling' });
    // The next timer to fire is the socket's 2 s retry (still refused), then the 30 s poll.
    while (!events.of('messageCreated').some((e) => e.messageId === polled.id)) {
      kit.timers.fireNext();
      await settle();
    }
    assert.equal(events.of('messageCreated').find((e) => e.messageId === polled.id)?.via, 'poll');
    assert.equal(source.mode, 'poll');
    // While polling stands in, the socket is retried every 5 minutes, not every 32 s.
    await until('the slow retry', () => Math.max(...kit.timers.delays()) >= FALLBACK_RETRY_MS - 60_000, PROMPTLY);

    kit.live.refuseUpgrades(false);
    while (source.mode === 'poll') {
      kit.timers.fireNext();
      await settle();
    }
    await events.until((l) => l.lastState()?.state === 'connected' && l.lastState()?.mode === 'websocket', 'the socket');
    await until('polling to stop', () => poll.state === 'stopped', PROMPTLY);
    const viaSocket = await grace.messages.create({ roomId: backend, text: 'by socket again' });
    await events.until((l) => l.of('messageCreated').some((e) => e.messageId === viaSocket.id), 'the socket event');
    await settle();
    const ids = events.of('messageCreated').map((e) => e.messageId);
    assert.equal(new Set(ids).size, ids.length, 'nothing delivered twice');
    assert.equal(events.of('messageCreated').find((e) => e.messageId === viaSocket.id)?.via, 'websocket');
  });

  it('polls at once when the socket is closed for good (1008)', async () => {
    const { source, events } = auto();
    source.start();
    await events.until((l) => l.lastState()?.state === 'connected', 'the socket');
    kit.live.drop({ code: 1008, reason: 'authentication failed' });
    await until('polling', () => source.mode === 'poll', PROMPTLY);
    await events.until((l) => l.lastState()?.mode === 'poll' && l.lastState()?.state === 'connected', 'the poller');
  });
});

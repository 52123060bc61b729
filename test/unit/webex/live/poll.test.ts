// The polling fallback against the local Webex: request counts (one rooms request per idle interval,
// plus one messages request per changed space), the slower unfocused interval, doubling backoff on
// 429 on top of the client's own Retry-After waits, bots' mentionedPeople, and truncation.
import * as assert from 'node:assert/strict';
import { ActivityTracker } from '../../../../src/webex/live/activityTracker';
import { DEFAULT_POLL_INTERVAL_MS, DEFAULT_UNFOCUSED_POLL_INTERVAL_MS } from '../../../../src/webex/live/pollSource';
import { PROMPTLY, settle } from './manualTimers';
import { until } from '../../../kit/until';
import { SMALL, roomId, useLiveWebex } from './liveHarness';

describe('live: poll source', () => {
  const kit = useLiveWebex();

  function rest(): string[] {
    return kit.restRequests().map((r) => `${r.method} ${r.path.replace(/^\/v1/, '')} ${r.status}`);
  }

  /** Moves the clock to the next poll and waits until it has finished (the next one is scheduled). */
  async function nextPoll(): Promise<void> {
    kit.timers.fireNext();
    await until('the poll to finish', () => kit.timers.delays().length === 1, PROMPTLY);
    await settle();
  }

  async function started(options: Parameters<typeof kit.poll>[0] = {}): Promise<ReturnType<typeof kit.poll>> {
    const poll = kit.poll(options);
    poll.source.start(); // the first poll, at once: the baseline
    await until('the first poll to finish', () => kit.timers.delays().length === 1, PROMPTLY);
    await settle();
    return poll;
  }

  it('learns where things stand with one rooms request, then costs one request per idle interval', async () => {
    const { events } = await started();
    assert.deepEqual(rest(), ['GET /rooms 200']);
    assert.deepEqual(kit.restRequests()[0].query, { sortBy: 'lastactivity', max: '50' });
    for (let i = 0; i < 5; i++) {
      assert.deepEqual(kit.timers.delays(), [DEFAULT_POLL_INTERVAL_MS]);
      await nextPoll();
    }
    assert.equal(rest().length, 6);
    assert.ok(rest().every((r) => r === 'GET /rooms 200'));
    assert.deepEqual(events.of('messageCreated'), []);
  });

  it('reads only the spaces that changed: +1 request per changed space', async () => {
    const { events } = await started();
    const grace = kit.client(SMALL.grace.token);
    const alan = kit.client(SMALL.alan.token);
    const one = await grace.messages.create({ roomId: await roomId(grace, SMALL.rooms.backend), text: 'one' });
    kit.webex.clearRequests();
    await nextPoll();
    assert.deepEqual(rest(), ['GET /rooms 200', 'GET /messages 200']);
    assert.deepEqual(events.of('messageCreated').map((e) => [e.messageId, e.via, e.message?.text]), [[one.id, 'poll', 'one']]);
    assert.deepEqual(events.of('roomsChanged').flatMap((e) => e.rooms.map((r) => r.title)), [SMALL.rooms.backend]);

    const two = await alan.messages.create({ toPersonEmail: SMALL.ada.email, text: 'two' });
    const three = await grace.messages.create({ roomId: await roomId(grace, SMALL.rooms.release), text: 'three' });
    const four = await grace.messages.create({ roomId: await roomId(grace, SMALL.rooms.release), text: 'four' });
    kit.webex.clearRequests();
    await nextPoll();
    assert.deepEqual(rest(), ['GET /rooms 200', 'GET /messages 200', 'GET /messages 200']);
    assert.deepEqual(new Set(events.of('messageCreated').slice(1).map((e) => e.messageId)), new Set([two.id, three.id, four.id]));
    // Oldest first within a space.
    const release = events.of('messageCreated').filter((e) => e.message?.text === 'three' || e.message?.text === 'four');
    assert.deepEqual(release.map((e) => e.message?.text), ['three', 'four']);

    kit.webex.clearRequests();
    await nextPoll();
    assert.deepEqual(rest(), ['GET /rooms 200']);
    assert.equal(events.of('messageCreated').length, 4, 'nothing is delivered twice');
  });

  it('polls less often while the window is unfocused and catches up at once on focus', async () => {
    const { source } = await started();
    source.setFocused(false);
    // The poll already due in 30 s stays; the ones after it use the unfocused interval.
    assert.deepEqual(kit.timers.delays(), [DEFAULT_POLL_INTERVAL_MS]);
    await nextPoll();
    assert.deepEqual(kit.timers.delays(), [DEFAULT_UNFOCUSED_POLL_INTERVAL_MS]);
    kit.timers.advance(10_000);
    source.setFocused(true);
    assert.deepEqual(kit.timers.delays(), [DEFAULT_POLL_INTERVAL_MS]);
  });

  it('doubles the interval while Webex answers 429, without adding retries of its own, and recovers', async () => {
    const { events } = await started();
    // The client itself retries a 429 four times after Retry-After (waits not slept here); five 429s exhaust it.
    kit.webex.faults.add({ match: { method: 'GET', path: '^/rooms$' }, kind: 'status', status: 429, retryAfter: 2, times: 10 });
    kit.webex.clearRequests();
    await nextPoll();
    assert.deepEqual(rest(), Array(5).fill('GET /rooms 429'));
    assert.deepEqual(kit.timers.delays(), [2 * DEFAULT_POLL_INTERVAL_MS]);
    assert.equal(events.lastState()?.state, 'reconnecting');
    kit.webex.clearRequests();
    kit.timers.advance(2 * DEFAULT_POLL_INTERVAL_MS - 1);
    await settle();
    assert.deepEqual(rest(), [], 'nothing is sent while backing off');
    await nextPoll();
    assert.deepEqual(kit.timers.delays(), [4 * DEFAULT_POLL_INTERVAL_MS]);
    kit.webex.clearRequests();
    await nextPoll();
    assert.deepEqual(rest(), ['GET /rooms 200']);
    assert.deepEqual(kit.timers.delays(), [DEFAULT_POLL_INTERVAL_MS]);
    assert.equal(events.lastState()?.state, 'connected');
  });

  it('leaves a refused token (401) to the session: backs off like any failure, and polls again once it works', async () => {
    const { events, source } = await started();
    // The session would refresh the token meanwhile (or sign out and stop this source).
    kit.webex.faults.add({ match: { method: 'GET', path: '^/rooms$' }, kind: 'status', status: 401, times: 1 });
    kit.webex.clearRequests();
    await nextPoll();
    assert.deepEqual(rest(), ['GET /rooms 401'], 'the client does not retry a 401');
    assert.equal(events.lastState()?.state, 'reconnecting');
    assert.deepEqual(kit.timers.delays(), [2 * DEFAULT_POLL_INTERVAL_MS]);
    kit.webex.clearRequests();
    await nextPoll();
    assert.deepEqual(rest(), ['GET /rooms 200']);
    assert.equal(events.lastState()?.state, 'connected');
    await source.stop();
    assert.equal(events.lastState()?.state, 'stopped');
  });

  it('asks for mentions only in group spaces when the token is a bot (developer.webex.com "Bots")', async () => {
    const tracker = new ActivityTracker({ client: kit.client(SMALL.bot.token), isBot: () => true });
    const { events } = await started({ tracker });
    const alan = kit.client(SMALL.alan.token);
    const alerts = await roomId(alan, SMALL.rooms.alerts);
    await alan.messages.create({ roomId: alerts, text: 'no mention' });
    const mention = await alan.messages.create({ roomId: alerts, markdown: `<@personEmail:${SMALL.bot.email}> status?` });
    kit.webex.clearRequests();
    await nextPoll();
    const messagesRequest = kit.restRequests().find((r) => r.path === '/v1/messages');
    assert.equal(messagesRequest?.query.mentionedPeople, 'me');
    assert.deepEqual(events.of('messageCreated').map((e) => e.messageId), [mention.id]);
  });

  it('says so (a truncated gap) when a space had more new messages than it reads in one poll', async () => {
    const tracker = new ActivityTracker({ client: kit.client(), messagesPageSize: 2, maxMessagePages: 2 });
    const { events } = await started({ tracker });
    const grace = kit.client(SMALL.grace.token);
    const backend = await roomId(grace, SMALL.rooms.backend);
    const sent = [];
    for (let i = 0; i < 6; i++) {
      sent.push(await grace.messages.create({ roomId: backend, text: `burst ${i}` }));
    }
    kit.webex.clearRequests();
    await nextPoll();
    assert.deepEqual(rest(), ['GET /rooms 200', 'GET /messages 200', 'GET /messages 200']);
    assert.deepEqual(events.of('messageCreated').map((e) => e.message?.text), ['burst 2', 'burst 3', 'burst 4', 'burst 5']);
    assert.deepEqual(events.of('gap').map((g) => g.reason), ['truncated']);
  });
});

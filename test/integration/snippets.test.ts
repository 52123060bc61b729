// Snippets that know where they came from, in the real extension host with the built-in Git
// extension: a git repository made in a temp folder inside the workspace (commit, remote), then
// Send Selection (commit and permalink in the header), Send Changes (the diff against HEAD),
// Send Selection as a Reply (into the chosen thread), and the host's rules for a snippet's link
// (what opens, what is refused, what moved, what is not in this workspace). What the local Webex
// received is read back over REST as another member.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Message, Room } from '../../src/webex/types';
import type { ConversationPanel } from '../../src/webviews/conversation/conversationPanel';
import { CONVERSATION_TEST_HOOKS_COMMAND, type ConversationTestHooks } from '../../src/webviews/conversation/conversationWebview';
import { Rest } from './fixtures/localWebex';
import { freshSession, restoreSidebar, testing, type Testing } from './fixtures/signedIn';

const ADA = 'ada@example.com';
const GRACE = 'grace@example.com';
const REMOTE = 'https://github.com/acme/widgets.git';
const BUCKET = [
  'export class TokenBucket {',
  '  private tokens = 10;',
  '  take(): boolean {',
  '    return this.tokens-- > 0;',
  '  }',
  '  size(): number {',
  '    return this.tokens;',
  '  }',
  '  empty(): boolean {',
  '    return this.tokens <= 0;',
  '  }',
  '}',
  '',
].join('\n');

interface GitRepositoryLike {
  readonly state: { readonly HEAD?: { readonly commit?: string } };
  status(): Promise<void>;
}

interface GitApiLike {
  openRepository(root: vscode.Uri): Promise<GitRepositoryLike | null>;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();
}

describe('Snippets with git (real VS Code)', function () {
  this.timeout(60_000);
  let t: Testing;
  let grace: Rest;
  let root: string;
  let sha: string;

  before(async () => {
    t = await testing();
    grace = await Rest.as(GRACE);
    const gitExtension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApiLike }>('vscode.git');
    assert.ok(gitExtension, 'the built-in Git extension is in this VS Code');
    const api = (gitExtension.isActive ? gitExtension.exports : await gitExtension.activate()).getAPI(1);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test VS Code has a workspace folder');
    root = path.join(folder.uri.fsPath, 'widgets');
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(path.join(root, 'src'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'bucket.ts'), BUCKET);
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'Token bucket');
    git(root, 'remote', 'add', 'origin', REMOTE);
    sha = git(root, 'rev-parse', 'HEAD');
    const repository = await api.openRepository(vscode.Uri.file(root));
    assert.ok(repository, 'the Git extension opened the repository');
    for (let i = 0; i < 50 && repository.state.HEAD?.commit !== sha; i++) {
      await repository.status();
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(repository.state.HEAD?.commit, sha, 'the Git extension knows HEAD');
  });

  beforeEach(async () => {
    await freshSession(t, ADA);
    await writeBucket(BUCKET);
  });

  afterEach(async () => {
    await restoreSidebar(t);
    t.prompts.assertDone();
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const room = async (title: string): Promise<Room> => {
    const hit = (await grace.items<Room>('/rooms?max=1000')).find((r) => r.title === title);
    assert.ok(hit, `${title} exists`);
    return hit;
  };

  const newest = async (title: string, n = 1): Promise<Message[]> => grace.items<Message>(`/messages?roomId=${encodeURIComponent((await room(title)).id)}&max=${n}`);

  const bucketUri = (): vscode.Uri => vscode.Uri.file(path.join(root, 'src', 'bucket.ts'));

  /**
   * Puts `text` in the file through VS Code (an edit of the whole document, then save), so VS Code's
   * copy and the disk agree at once; a plain write would wait on the file watcher.
   */
  async function writeBucket(text: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument(bucketUri());
    if (document.getText() !== text || document.isDirty) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(bucketUri(), new vscode.Range(0, 0, document.lineCount, 0), text);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await document.save(), 'saved');
    }
    assert.equal(document.getText(), text);
    assert.equal(fs.readFileSync(bucketUri().fsPath, 'utf8'), text, 'on disk too');
  }

  const openBucket = async (): Promise<vscode.TextEditor> => await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(bucketUri()));

  /** Selects lines of bucket.ts, runs `command` answering Backend, and returns what Backend got last. */
  const send = async (command: string, selection: vscode.Selection): Promise<Message> => {
    const editor = await openBucket();
    editor.selection = selection;
    t.prompts.enqueue({ pick: 'Backend' });
    await vscode.commands.executeCommand(command);
    const [message] = await newest('Backend');
    assert.ok(message);
    return message;
  };

  it('Send Selection names the commit and links the lines on GitHub at that commit', async () => {
    const message = await send('webex.sendSelection', new vscode.Selection(1, 0, 3, 0));
    assert.equal(
      message.markdown,
      `\`widgets/src/bucket.ts\` lines 2–3 · commit \`${sha.slice(0, 7)}\` · [permalink on GitHub](https://github.com/acme/widgets/blob/${sha}/src/bucket.ts#L2-L3)\n\n` +
        '```typescript\n  private tokens = 10;\n  take(): boolean {\n```',
    );
    assert.equal(message.personEmail, ADA);
  });

  it('Send Selection says when the file has uncommitted changes (unsaved ones too)', async () => {
    const editor = await openBucket();
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// new comment\n'));
    editor.selection = new vscode.Selection(2, 0, 3, 0);
    t.prompts.enqueue({ pick: 'Backend' });
    await vscode.commands.executeCommand('webex.sendSelection');
    const [message] = await newest('Backend');
    assert.match(message.markdown ?? '', new RegExp(`^\`widgets/src/bucket\\.ts\` line 3 · commit \`${sha.slice(0, 7)}\` · \\[permalink on GitHub\\]\\([^)]+\\) · uncommitted changes: the permalink shows the committed lines\n`));
  });

  it('Send Changes sends the diff against HEAD of the selected lines in a diff block', async () => {
    const changed = BUCKET.replace('private tokens = 10;', 'private tokens = 20;').replace('  }\n}', '  }\n\n  refill(): void {}\n}');
    await writeBucket(changed);
    // Only line 2 is selected: the refill hunk further down stays out.
    const message = await send('webex.sendChanges', new vscode.Selection(1, 2, 1, 8));
    assert.equal(
      message.markdown,
      `\`widgets/src/bucket.ts\`: uncommitted changes in line 2 (+1 −1) against commit \`${sha.slice(0, 7)}\`\n\n` +
        '```diff\n--- a/src/bucket.ts\n+++ b/src/bucket.ts\n@@ -1,5 +1,5 @@\n export class TokenBucket {\n-  private tokens = 10;\n+  private tokens = 20;\n   take(): boolean {\n     return this.tokens-- > 0;\n   }\n```',
    );
    // Nothing selected: every hunk of the file.
    const all = await send('webex.sendChanges', new vscode.Selection(0, 0, 0, 0));
    assert.match(all.markdown ?? '', /^`widgets\/src\/bucket\.ts`: uncommitted changes \(\+3 −1\)/);
    assert.match(all.markdown ?? '', /\n\+ {2}refill\(\): void \{\}\n/);
    assert.match(t.prompts.notifications('info').at(-1)?.text ?? '', /^Sent the changes of bucket\.ts to Backend\.$/);
  });

  it('Send Changes says so when the file has no changes, and posts nothing', async () => {
    await openBucket();
    const before = (await newest('Backend'))[0]?.id;
    await vscode.commands.executeCommand('webex.sendChanges');
    assert.match(t.prompts.notifications('info')[0]?.text ?? '', /^bucket\.ts: no uncommitted changes to send\.$/);
    assert.equal((await newest('Backend'))[0]?.id, before);
  });

  it('Send Selection as a Reply goes into the thread chosen among the newest ones', async () => {
    const backend = await room('Backend');
    const thread = await grace.post<Message>('/messages', { roomId: backend.id, text: 'Where do we rate-limit the gateway?' });
    await grace.post<Message>('/messages', { roomId: backend.id, text: 'Lunch?' });
    const editor = await openBucket();
    editor.selection = new vscode.Selection(2, 0, 4, 0);
    t.prompts.enqueue({ pick: 'Backend' }, { pick: 'Where do we rate-limit the gateway?' });
    await vscode.commands.executeCommand('webex.sendSelectionAsReply');
    const pick = t.prompts.asked.filter((p) => p.kind === 'pick')[1];
    assert.deepEqual(pick?.choices?.slice(0, 2), ['Lunch?', 'Where do we rate-limit the gateway?'], 'newest threads first');
    const [reply] = await grace.items<Message>(`/messages?roomId=${encodeURIComponent(backend.id)}&parentId=${encodeURIComponent(thread.id)}&max=5`);
    assert.equal(reply?.parentId, thread.id);
    assert.match(reply?.markdown ?? '', /^`widgets\/src\/bucket\.ts` lines 3–4 · commit /);
    assert.match(t.prompts.notifications('info')[0]?.text ?? '', /^Sent lines 3–4 of bucket\.ts to a thread of Backend\.$/);
  });

  describe('the snippet link (host side)', () => {
    let hooks: ConversationTestHooks;
    let request = 1;

    before(async () => {
      hooks = (await vscode.commands.executeCommand<ConversationTestHooks>(CONVERSATION_TEST_HOOKS_COMMAND))!;
      assert.ok(hooks);
    });

    afterEach(() => {
      for (const panel of hooks.panels()) {
        panel.panel.dispose();
      }
    });

    /** Grace posts `markdown` to Backend; the tab's host opens its link as the page would ask. */
    const follow = async (markdown: string): Promise<{ outcome?: string; error?: string }> => {
      const backend = await room('Backend');
      const message = await grace.post<Message>('/messages', { roomId: backend.id, markdown });
      await vscode.commands.executeCommand('webex.openSpace', backend.id);
      const panel: ConversationPanel | undefined = hooks.panel(backend.id);
      assert.ok(panel);
      await panel.loading;
      const response = await panel.receive({ type: 'request', requestId: request++, method: 'openSnippet', params: { messageId: message.id } });
      assert.ok(response);
      return response.ok ? (response.result as { outcome: string }) : { error: response.error };
    };

    const activeSelection = (): string => {
      const editor = vscode.window.activeTextEditor;
      return editor ? `${vscode.workspace.asRelativePath(editor.document.uri)}:${editor.selection.start.line + 1}-${editor.selection.end.line + 1}` : 'none';
    };

    it('opens the workspace file at the snippet lines, selected', async () => {
      assert.deepEqual(await follow('`widgets/src/bucket.ts` lines 3–4\n\n```ts\n  take(): boolean {\n    return this.tokens-- > 0;\n```'), { outcome: 'opened' });
      assert.equal(activeSelection(), 'widgets/src/bucket.ts:3-4');
      assert.equal(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), '  take(): boolean {\n    return this.tokens-- > 0;');
    });

    it('opens a moved snippet where it is now, and says it moved', async () => {
      await writeBucket(`// moved down\n// by two lines\n${BUCKET}`);
      assert.deepEqual(await follow('`widgets/src/bucket.ts` lines 3–4\n\n```ts\n  take(): boolean {\n    return this.tokens-- > 0;\n```'), { outcome: 'moved' });
      assert.equal(activeSelection(), 'widgets/src/bucket.ts:5-6');
      assert.match(t.prompts.notifications('info')[0]?.text ?? '', /moved since it was sent: it is now at lines 5–6 of widgets\/src\/bucket\.ts/);
    });

    it('says a changed snippet changed and offers the comparison', async () => {
      t.prompts.enqueue({ notify: undefined });
      assert.deepEqual(await follow('`widgets/src/bucket.ts` lines 3–4\n\n```ts\n  take(): number {\n    return 1;\n```'), { outcome: 'changed' });
      const warning = t.prompts.notifications('warning')[0];
      assert.match(warning?.text ?? '', /^Lines 3–4 of widgets\/src\/bucket\.ts have changed since the snippet was sent\.$/);
      assert.deepEqual(warning?.choices, ['Compare with my copy']);
    });

    it('refuses traversal, absolute paths and URIs, and opens nothing', async () => {
      for (const bad of ['../../etc/passwd', '/etc/passwd', 'file:///etc/passwd', 'command:workbench.action.terminal.new']) {
        t.prompts.reset();
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        assert.deepEqual(await follow(`\`${bad}\` lines 1–2\n\n\`\`\`\nroot:x:0:0\n\`\`\``), { outcome: 'refused' }, bad);
        assert.match(t.prompts.notifications('warning')[0]?.text ?? '', /^Not opened: “.*”: (it goes up out of the workspace|it is an absolute path|it is a URI)/, bad);
        assert.equal(vscode.window.activeTextEditor, undefined, `${bad}: nothing opened`);
      }
    });

    it('says a file is not in this workspace and offers the snippet in an untitled editor', async () => {
      t.prompts.enqueue({ notify: 'Open the Snippet in an Editor' });
      assert.deepEqual(await follow('`other-repo/src/main.py` lines 1–2\n\n```python\nprint("a")\nprint("b")\n```'), { outcome: 'outside' });
      assert.match(t.prompts.notifications('info')[0]?.text ?? '', /^other-repo\/src\/main\.py is not in this workspace/);
      for (let i = 0; i < 50 && !vscode.window.activeTextEditor?.document.isUntitled; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const document = vscode.window.activeTextEditor?.document;
      assert.equal(document?.isUntitled, true);
      assert.equal(document?.getText(), 'print("a")\nprint("b")');
      assert.equal(document?.languageId, 'python');
    });
  });
});

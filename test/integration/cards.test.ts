// Building cards in the real extension host: Send Card posts the expanded card with its fallback
// (checked in the local Webex as another member), a broken card file shows its problems in the
// Problems view and is not sent, and New Card opens a starting point the rules accept.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Message, Room } from '../../src/webex/types';
import { Rest, roomIdOf, sandboxRequests } from './fixtures/localWebex';
import { workspaceFile } from './fixtures/workspaceFiles';
import { freshSession, freshSessionEachTest, signInWithToken, signOutEverywhere, type Testing, testingAs } from './fixtures/signedIn';

const ADA = 'ada@example.com';
const GRACE = 'grace@example.com';
const BOT = 'buildbot@webex.bot';
const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

describe('Cards: Send Card and the card rules (real VS Code)', () => {
  let t: Testing;
  let ada: Rest;
  let grace: Rest;

  before(async () => {
    ({ t, rest: [ada, grace] } = await testingAs(ADA, GRACE));
    await signOutEverywhere(t); // One account: Send Card asks no identity unless a test signs in another.
  });

  after(() => signOutEverywhere(t));

  freshSessionEachTest(() => t, ADA);

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  /** The newest message of the space titled `title`, as Grace (a member) sees it. */
  const newestIn = async (title: string): Promise<Message | undefined> => {
    const roomId = roomIdOf(await ada.items<Room>('/rooms?max=1000'), title);
    return (await grace.items<Message>(`/messages?roomId=${encodeURIComponent(roomId)}&max=1`))[0];
  };

  /** The Webex card diagnostics of a document once `ready` holds for them (they follow typing after a pause). */
  const cardDiagnostics = async (uri: vscode.Uri, ready: (found: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> => {
    const current = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Webex cards');
    for (let i = 0; i < 100 && !ready(current()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return current();
  };

  it('sends the card expanded with its sibling data file, with the first TextBlock as the fallback', async () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.3',
      body: [
        { type: 'TextBlock', text: 'Deploy ${service} ${version}?' },
        { type: 'Input.Text', id: 'comment', label: 'Comment' },
      ],
      actions: [{ type: 'Action.Submit', title: 'Approve', data: { decision: 'approve' } }],
    };
    const uri = await workspaceFile('deploy.card.json', JSON.stringify(card, null, 2));
    await workspaceFile('deploy.data.json', JSON.stringify({ service: 'checkout', version: '2.4.1' }));
    await vscode.window.showTextDocument(uri);
    t.prompts.enqueue({ pick: 'Backend' });
    await vscode.commands.executeCommand('webex.sendCard', uri);

    const message = await newestIn('Backend');
    assert.ok(message, 'a message arrived in Backend');
    assert.equal(message.personEmail, ADA, JSON.stringify(t.prompts.asked));
    assert.equal(message.markdown, 'Deploy checkout 2.4.1?');
    assert.deepEqual(message.attachments, [
      {
        contentType: CARD_TYPE,
        content: { ...card, body: [{ type: 'TextBlock', text: 'Deploy checkout 2.4.1?' }, card.body[1]] },
      },
    ]);
    assert.deepEqual(t.prompts.notifications('error'), []);
    assert.ok(t.prompts.notifications('info').some((p) => p.text === 'Card sent to Backend.'));
    t.prompts.assertDone();
  });

  it('sends as a bot the user signed in with, to a space of the bot, without switching accounts', async () => {
    await signInWithToken(t, BOT, 'bot');
    await freshSession(t, ADA); // Ada current again, the bot signed in beside her.
    const botRoom = (await (await Rest.as(BOT)).items<Room>('/rooms?max=1000')).find((r) => r.type === 'group');
    assert.ok(botRoom, 'the bot is in a group space');
    const uri = await workspaceFile('bot.card.json', JSON.stringify({ type: 'AdaptiveCard', version: '1.3', fallbackText: 'Build passed', body: [{ type: 'TextBlock', text: 'Build **passed**' }] }));
    t.prompts.enqueue({ pick: (item) => item.description?.includes(BOT) === true }, { pick: botRoom.title });
    await vscode.commands.executeCommand('webex.sendCard', uri);

    const identities = t.prompts.asked[0];
    assert.match(identities.text, /^Send Card as…/);
    assert.equal(identities.choices?.length, 2);
    const message = (await grace.items<Message>(`/messages?roomId=${encodeURIComponent(botRoom.id)}&max=1`))[0];
    assert.equal(message?.personEmail, BOT, JSON.stringify(t.prompts.asked));
    assert.equal(message.markdown, 'Build passed', 'the card file’s fallbackText comes first');
    assert.equal(message.attachments?.[0]?.contentType, CARD_TYPE);
    assert.equal(t.services.session.me?.emails[0], ADA, 'still signed in as Ada');
  });

  it('a broken card file shows its problems in the Problems view and is not sent', async () => {
    const text = '{\n  "type": "AdaptiveCard",\n  "version": "1.5",\n  "body": [\n    { "type": "Input.Text" },\n    { "type": "Media", "sources": [] }\n  ]\n}\n';
    const uri = await workspaceFile('broken.card.json', text);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostics = await cardDiagnostics(uri, (found) => found.length >= 4);
    const summary = diagnostics.map((d) => `${d.code as string}@${d.range.start.line}:${document.getText(d.range)}`).sort();
    assert.deepEqual(summary, ['webex.fallback@0:{', 'webex.inputId@4:"Input.Text"', 'webex.unsupported@5:"Media"', 'webex.version@2:"1.5"']);
    assert.equal(diagnostics.find((d) => d.code === 'webex.version')?.severity, vscode.DiagnosticSeverity.Error);

    t.prompts.enqueue({ notify: undefined });
    await vscode.commands.executeCommand('webex.sendCard', uri);
    const refusal = t.prompts.notifications('error');
    assert.equal(refusal.length, 1);
    assert.match(refusal[0].text, /^The card was not sent: 2 problems to fix\. 1\) Webex renders Adaptive Cards up to version 1\.3/);
    assert.ok(!t.prompts.asked.some((p) => p.kind === 'pick'), 'no space was asked for');
    const posts = (await sandboxRequests()).filter((r) => r.method === 'POST' && r.path === '/v1/messages');
    assert.deepEqual(posts, [], 'nothing was posted');
  });

  it('JSON that does not parse is a problem at its place, as the user types, and is not sent', async () => {
    const uri = await workspaceFile('typing.card.json', '{ "type": "AdaptiveCard", "version": "1.3", "body": [] }\n');
    const editor = await vscode.window.showTextDocument(uri);
    assert.deepEqual((await cardDiagnostics(uri, (found) => found.length > 0)).map((d) => d.code), ['webex.fallback'], 'no TextBlock: no fallback');
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, 0, 1), '{ "fallbackText": "x" "oops": 1,'));
    const diagnostics = await cardDiagnostics(uri, (found) => found.some((d) => d.code === 'webex.json'));
    const json = diagnostics.find((d) => d.code === 'webex.json');
    assert.ok(json, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.equal(editor.document.getText(json.range), '"oops"');
    t.prompts.enqueue({ notify: undefined });
    await vscode.commands.executeCommand('webex.sendCard');
    assert.match(t.prompts.notifications('error')[0]?.text ?? '', /^The card was not sent: 1 problem to fix\. 1\) Not valid JSON/);
  });

  it('New Card opens a starting point as an untitled *.card.json without problems', async () => {
    t.prompts.enqueue({ pick: 'Poll' });
    await vscode.commands.executeCommand('webex.newCard');
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'an editor opened');
    assert.equal(document.isUntitled, true);
    assert.match(document.uri.path, /poll(-\d+)?\.card\.json$/);
    assert.equal(document.languageId, 'json');
    assert.equal((JSON.parse(document.getText()) as { type: string }).type, 'AdaptiveCard');
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the rules' pause after typing
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Webex cards'), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

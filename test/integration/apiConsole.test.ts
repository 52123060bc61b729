// The API console in the real extension host: a request file sends GET /rooms?max=2 as the
// signed-in identity and as a signed-in bot, the response document shows 200 and its items, Next
// page follows the Link header, a named request's answer feeds the next one, refused files send
// nothing, and neither the file, the responses nor the extension's log hold the token.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { clearRequests, sandboxRequests, tokenOf } from './fixtures/localWebex';
import { childrenOf, find, labelOf } from './fixtures/trees';
import { freshSession, signInWithToken, signOutEverywhere, testing, type Testing } from './fixtures/signedIn';

const ADA = 'ada@example.com';
const BOT = 'buildbot@webex.bot';

let files = 0;

async function requestFile(content: string): Promise<vscode.TextDocument> {
  // A name of its own: an "Untitled-N" closed by the last test may still answer with its old text.
  files += 1;
  const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `test-${files}.webex` })), 'webex-request');
  const editor = await vscode.window.showTextDocument(doc);
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content));
  assert.equal(doc.getText(), content);
  return doc;
}

async function send(doc: vscode.TextDocument, index: number, accountId?: string): Promise<vscode.TextDocument | undefined> {
  // The document itself, not its URI: an untitled URI of an earlier test may still name a closed document.
  return vscode.commands.executeCommand<vscode.TextDocument | undefined>('webex.sendRequest', doc, index, accountId);
}

function bodyOf(response: vscode.TextDocument): { items?: Array<{ id: string; title: string }>; id?: string; title?: string } {
  const text = response.getText();
  return JSON.parse(text.slice(text.indexOf('\n\n') + 2)) as { items?: Array<{ id: string; title: string }> };
}

function logText(t: Testing): string {
  const dir = t.services.context.logUri.fsPath;
  const files = (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) : []).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
  return files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

describe('API console (real VS Code)', () => {
  let t: Testing;

  before(async () => {
    t = await testing();
  });

  beforeEach(async () => {
    await freshSession(t, ADA);
  });

  afterEach(async () => {
    // Untitled request files are dirty: revert them so closing asks nothing.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isUntitled)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    t.prompts.assertDone();
  });

  after(async () => {
    await signOutEverywhere(t);
  });

  it('sends GET /rooms?max=2 as you: 200 and its items beside, Next page, no token anywhere', async () => {
    const doc = await requestFile('# my spaces\nGET /rooms?max=2\n');
    const response = await send(doc, 0);
    assert.ok(response, 'a response document opened');
    assert.equal(response.uri.scheme, 'webex-response');
    const text = response.getText();
    assert.match(text.split('\n')[0], /^HTTP 200 — OK/);
    assert.match(text, /as Ada Lovelace \(you\)/);
    assert.match(text, /^trackingid: /im);
    assert.match(text, /^link: <.*>; rel="next"/im);
    assert.equal(bodyOf(response).items?.length, 2);
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === response), 'shown beside');

    const next = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('webex.requestNextPage', response.uri);
    assert.ok(next);
    assert.match(next.getText(), /^HTTP 200/);
    const firstIds = bodyOf(response).items?.map((r) => r.id) ?? [];
    const nextIds = bodyOf(next).items?.map((r) => r.id) ?? [];
    assert.equal(nextIds.length, 2);
    assert.ok(nextIds.every((id) => !firstIds.includes(id)), 'the next page has other spaces');

    await vscode.commands.executeCommand('webex.copyRequestAsCurl', response.uri);
    const curl = await vscode.env.clipboard.readText();
    assert.match(curl, /"Authorization: Bearer \$WEBEX_TOKEN"/);
    assert.equal(t.prompts.notifications('info').filter((n) => /Copied as curl/.test(n.text)).length, 1);

    const token = await tokenOf(ADA);
    for (const [where, content] of [['file', doc.getText()], ['response', text], ['next page', next.getText()], ['curl', curl], ['log', logText(t)]]) {
      assert.ok(!content.includes(token), `the token is not in the ${where}`);
    }
    assert.match(logText(t), /GET \/rooms\?max=2 → 200/, 'the log has the request (so it was searched)');
  });

  it('feeds a named response into the next request, and creates a space like the tutorial', async () => {
    // The document the command opened (the active editor may be another group's after earlier suites).
    const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('webex.newRequest', 'createSpace');
    assert.equal(doc?.languageId, 'webex-request');
    assert.match(doc?.getText() ?? '', /^# @name createRoom\nPOST \/rooms$/m, 'the new file starts with the tutorial\'s request, not an older file\'s text');
    assert.match(doc?.uri.path ?? '', /^request-\d+\.webex$/);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    assert.equal(editor?.selection.active.line, 0, 'the cursor starts at the top, in the first request, not after the text');
    const created = await send(doc, 0);
    assert.match(created?.getText() ?? '', /^HTTP 200/);
    const id = created ? bodyOf(created).id : undefined;
    assert.ok(id, created?.getText().slice(0, 1500));
    const read = await send(doc, 1);
    assert.equal(read ? bodyOf(read).id : undefined, id);
    assert.equal(read ? bodyOf(read).title : undefined, 'My first space from VS Code');
  });

  it('refuses Authorization and Host headers, {{$token}} and other origins, sending nothing', async () => {
    await clearRequests();
    const doc = await requestFile(['GET /rooms', 'Authorization: Bearer x', '###', 'GET /rooms?max={{$token}}', '###', 'GET https://evil.example/v1/rooms', '###', 'POST /rooms', '', '{ "title": '].join('\n'));
    for (let i = 0; i < 4; i++) {
      const sent = await send(doc, i);
      assert.equal(sent, undefined, `request ${i} was refused, but got ${sent?.getText().split('\n')[0] ?? ''}`);
    }
    const errors = t.prompts.notifications('error').map((n) => n.text);
    assert.equal(errors.length, 4, errors.join('\n'));
    assert.match(errors[0], /Authorization header is refused/);
    assert.match(errors[1], /\{\{\$token\}\} is refused/);
    assert.match(errors[2], /would receive your token/);
    assert.match(errors[3], /not valid JSON/);
    // The sidebar's own requests may come and go (GET /rooms?max=50&sortBy=…); the file's never.
    const fromFile = (await sandboxRequests()).filter((r) => r.method === 'POST' || (r.path === '/v1/rooms' && Object.keys(r.query).length === 0));
    assert.deepEqual(fromFile, [], 'nothing the file asked for reached the local Webex');
    const diagnostics = vscode.languages.getDiagnostics(doc.uri).map((d) => d.message);
    assert.ok(diagnostics.some((m) => /Authorization header is refused/.test(m)), diagnostics.join('\n'));
    assert.ok(diagnostics.some((m) => /body is not valid JSON/.test(m)), diagnostics.join('\n'));
  });

  it('copies ids and opens a request for a space, a team and a person from the side bar', async () => {
    const backend = await find(t.views.spaces, 'Backend');
    const room = (backend as unknown as { room: { id: string } }).room;
    const team = await find(t.views.teams, 'Engineering');
    const teamId = (team as unknown as { team: { id: string } }).team.id;
    const members = (await childrenOf(t.views.teams, team)).at(-1);
    assert.ok(members);
    const person = (await childrenOf(t.views.teams, members.node)).find((c) => labelOf(c.item).startsWith('Grace'));
    assert.ok(person);
    const personId = (person.node as unknown as { membership: { personId: string } }).membership.personId;
    for (const [node, id, path] of [[backend, room.id, '/rooms'], [team, teamId, '/teams'], [person.node, personId, '/people']] as const) {
      await vscode.commands.executeCommand('webex.copyId', node);
      assert.equal(await vscode.env.clipboard.readText(), id);
      await vscode.commands.executeCommand('webex.openInApiConsole', node);
      const doc = vscode.window.activeTextEditor?.document;
      assert.equal(doc?.languageId, 'webex-request');
      assert.ok(doc?.getText().includes(`GET ${path}/${id}`), doc?.getText());
    }
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc);
    const response = await send(doc, 0);
    assert.match(response?.getText() ?? '', /^HTTP 200/);
    assert.equal(response ? bodyOf(response).id : undefined, personId);
    assert.equal(t.prompts.notifications('info').filter((n) => /Copied the id/.test(n.text)).length, 3);
  });

  it('completes paths, query parameters and body fields from the catalog, with hovers', async () => {
    const doc = await requestFile(['GET /ro', '###', 'GET /rooms?so', '###', 'POST /webhooks', '', '{', '  "', '}'].join('\n'));
    const labelsAt = async (line: number, character: number): Promise<string[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, character));
      return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const paths = await labelsAt(0, 7);
    assert.ok(paths.includes('/rooms') && paths.includes('/rooms/{roomId}'), paths.join(', '));
    const query = await labelsAt(2, 13);
    assert.ok(query.includes('sortBy') && query.includes('max') && !query.includes('title'), query.join(', '));
    const fields = await labelsAt(7, 3);
    assert.ok(['name', 'targetUrl', 'resource', 'event', 'filter', 'secret'].every((f) => fields.includes(f)), fields.join(', '));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(4, 8));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /POST.*\/webhooks/);
  });

  it('offers a CodeLens per identity and sends as the bot', async () => {
    await signInWithToken(t, BOT, 'bot');
    const accounts = await (t.services.session as unknown as { accounts(): Promise<Array<{ id: string; email: string }>> }).accounts();
    const ada = accounts.find((a) => a.email === ADA);
    assert.ok(ada);
    const doc = await requestFile('GET /rooms?max=2\n');
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)).map((l) => l.command?.title);
    assert.ok(lenses.includes('▶ Send as Build Bot (you, bot)'), lenses.join(', '));
    assert.ok(lenses.includes('Send as Ada Lovelace'), lenses.join(', '));
    await clearRequests();
    const asBot = await send(doc, 0);
    assert.match(asBot?.getText() ?? '', /^HTTP 200[^]*as Build Bot \(you, bot\)/);
    const asAda = await send(doc, 0, ada.id);
    assert.match(asAda?.getText() ?? '', /^HTTP 200[^]*as Ada Lovelace in/);
    const who = (await sandboxRequests()).filter((r) => r.path === '/v1/rooms' && r.query.max === '2').map((r) => r.personEmail);
    assert.deepEqual(who, [BOT, ADA]);
    for (const email of [BOT, ADA]) {
      const token = await tokenOf(email);
      assert.ok(![doc.getText(), asBot?.getText(), asAda?.getText(), logText(t)].some((s) => s?.includes(token)), `no token of ${email}`);
    }
  });
});

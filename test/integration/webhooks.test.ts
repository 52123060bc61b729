// Webhooks in the real extension host: created through the scripted prompts, delivered by the
// local Webex to the receiver Listen for Webhooks starts, verified, fetched, tampered with, replayed;
// an inactive webhook reactivated; the view lists them.
import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import * as vscode from 'vscode';
import type { WebexExtensionApi } from '../../src/extension';
import type { Webhook } from '../../src/webex/webhooks';
import type { Room } from '../../src/webex/types';
import type { WebhookTools } from '../../src/views/webhooks/registerWebhooks';
import type { EventNode } from '../../src/views/webhooks/eventsProvider';
import { Rest, origin, tokenOf } from './fixtures/localWebex';
import { EXTENSION_ID, freshSession, restoreSidebar, testing, type Testing } from './fixtures/signedIn';
import { childrenOf, find, labels } from './fixtures/trees';
import { whenChanged } from '../kit/until';

const ADA = 'ada@example.com';
const GRACE = 'grace@example.com';
const PORT_SETTING = 'webex.webhooks.receiverPort';

async function tools(): Promise<WebhookTools> {
  const api = await vscode.extensions.getExtension<WebexExtensionApi>(EXTENSION_ID)?.activate();
  assert.ok(api?.testing?.webhooks);
  return api.testing.webhooks;
}

async function control(path: string, body?: unknown): Promise<number> {
  const r = await fetch(`${origin()}/_sandbox/webhooks/${path}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return r.status;
}

/** The item menu of a contextValue in a view, read from package.json (`view == … && viewItem =~ /re/`). */
function menuFor(view: string, contextValue: string): string[] {
  const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { menus: Record<string, Array<{ command: string; when?: string }>> } };
  const entries = manifest.contributes.menus['view/item/context'].filter((m) => m.when?.startsWith(`view == ${view} && `));
  const fits = (when: string): boolean => new RegExp(/viewItem =~ \/(.*)\/$/.exec(when)?.[1] ?? '$^').test(contextValue);
  return [...new Set(entries.filter((m) => fits(m.when ?? '')).map((m) => m.command))].sort();
}

const activeText = (): string => vscode.window.activeTextEditor?.document.getText() ?? '';

describe('Webhooks (real VS Code)', () => {
  let t: Testing;
  let w: WebhookTools;
  let ada: Rest;
  let grace: Rest;
  let backend: Room;

  before(async () => {
    t = await testing();
    w = await tools();
    ada = await Rest.as(ADA);
    grace = await Rest.as(GRACE);
  });

  beforeEach(async () => {
    await freshSession(t, ADA);
    backend = (await ada.items<Room>('/rooms?max=1000')).find((r) => r.title === 'Backend') as Room;
    assert.ok(backend);
    // Any free port: other test runs on this machine may hold the default one.
    await vscode.workspace.getConfiguration().update(PORT_SETTING, 0, vscode.ConfigurationTarget.Global);
    w.inbox.log.clear();
    w.provider.reload();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('webex.stopListeningForWebhooks');
    await vscode.workspace.getConfiguration().update(PORT_SETTING, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreSidebar(t);
    t.prompts.assertDone();
  });

  const arrived = (n: number): Promise<void> => whenChanged(w.inbox.log.onDidChange, () => w.inbox.log.size >= n);

  const eventNodes = async (): Promise<Array<{ node: EventNode; description: string }>> =>
    (await childrenOf(w.events)).map((c) => ({ node: c.node as EventNode, description: String(c.item.description ?? '') }));

  it('creates a webhook on the receiver; Grace posts; the event arrives verified, its message can be fetched, a tampered copy is ✗, a replay ✓', async () => {
    await vscode.commands.executeCommand('webex.listenForWebhooks');
    const url = w.listener.url;
    assert.match(url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/$/);
    t.prompts.enqueue({ pick: 'messages' }, { pick: 'created' }, { pick: 'In a space…' }, { pick: 'Backend' }, { input: url }, { input: 'Backend messages' });
    await vscode.commands.executeCommand('webex.createWebhook');
    const made = (await ada.items<Webhook>('/webhooks')).find((x) => x.name === 'Backend messages');
    assert.ok(made, 'the webhook exists in Webex');
    assert.equal(made.targetUrl, url);
    assert.equal(made.filter, `roomId=${backend.id}`);
    assert.ok(made.secret && made.secret.length >= 32, 'a generated secret was sent');
    assert.ok(t.prompts.notifications('warning').some((n) => /cannot reach localhost/.test(n.text)), 'warned about localhost');
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('webex')).includes(made.secret), 'the secret is not in the settings');
    assert.ok((await labels(w.provider)).includes('Backend messages'));

    const posted = await grace.post<{ id: string }>('/messages', { roomId: backend.id, text: 'Deploy at noon' });
    await arrived(1);
    const [first] = await eventNodes();
    assert.equal(first.node.entry.verification.verified, true, JSON.stringify(first.node.entry.verification));
    assert.equal(first.node.entry.webhookName, 'Backend messages');
    assert.match(first.description, /^messages\/created · grace@example\.com · ✓$/);

    await vscode.commands.executeCommand('webex.openWebhookRequest', first.node);
    const raw = activeText();
    assert.match(raw, /^POST \//);
    assert.match(raw, /x-spark-signature: [0-9a-f]{40}/);
    assert.match(raw, /"resource": "messages"/);
    assert.ok(raw.includes(posted.id));
    assert.equal(vscode.window.activeTextEditor?.document.uri.scheme, 'webex-webhook');

    await vscode.commands.executeCommand('webex.fetchWebhookResource', first.node);
    const fetched = JSON.parse(activeText()) as { id: string; text: string };
    assert.equal(fetched.id, posted.id);
    assert.equal(fetched.text, 'Deploy at noon');
    const token = await tokenOf(ADA);
    for (const text of [raw, activeText()]) {
      assert.ok(!text.includes(token) && !text.includes(made.secret), 'no token or secret in the documents');
    }

    // The same signature over changed bytes.
    const body = first.node.entry.request.body.toString('utf8').replace(posted.id, `${posted.id}x`);
    const tampered = await fetch(url ?? '', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Spark-Signature': first.node.entry.request.headers['x-spark-signature'] }, body });
    assert.equal(tampered.status, 200, 'answered at once, like any delivery');
    await arrived(2);
    const [bad] = await eventNodes();
    assert.equal(bad.node.entry.verification.verified, false);
    assert.match(bad.description, /✗ the signature does not match the secret of "Backend messages"$/);

    t.prompts.enqueue({ input: url });
    await vscode.commands.executeCommand('webex.replayWebhookEvent', first.node);
    await arrived(3);
    const [replayed] = await eventNodes();
    assert.equal(replayed.node.entry.verification.verified, true);
    assert.deepEqual(replayed.node.entry.request.body, first.node.entry.request.body);
  });

  it('marks a webhook Webex turned off as inactive and reactivates it', async () => {
    assert.equal(await control('settings', { failureThreshold: 1 }), 200);
    const dead = await ada.post<Webhook>('/webhooks', { name: 'Dead end', targetUrl: 'http://127.0.0.1:9/', resource: 'messages', event: 'created' });
    await grace.post('/messages', { roomId: backend.id, text: 'nobody listens' });
    assert.equal(await control('idle'), 204);
    assert.equal((await ada.get<Webhook>(`/webhooks/${dead.id}`)).status, 'inactive');
    w.provider.reload();
    const node = await find(w.provider, 'Dead end');
    const item = w.provider.getTreeItem(node);
    assert.equal(item.contextValue, 'webex:webhook:inactive');
    assert.match(String(item.description), /inactive/);
    assert.ok((await labels(w.provider, node)).some((l) => /failed deliveries/.test(l)), 'the reason is shown');
    await vscode.commands.executeCommand('webex.reactivateWebhook', node);
    assert.equal((await ada.get<Webhook>(`/webhooks/${dead.id}`)).status, 'active');
    const again = await find(w.provider, 'Dead end');
    assert.equal(w.provider.getTreeItem(again).contextValue, 'webex:webhook:active');

    const manage = ['webex.copyWebhookId', 'webex.deleteWebhook', 'webex.editWebhook'];
    assert.deepEqual(menuFor('webex.webhooks', 'webex:webhook:inactive'), [...manage, 'webex.reactivateWebhook']);
    assert.deepEqual(menuFor('webex.webhooks', 'webex:webhook:active'), manage);
    assert.deepEqual(menuFor('webex.webhooks', 'webex:info'), []);
    assert.deepEqual(menuFor('webex.webhookEvents', 'webex:webhookEvent:verified:event'), ['webex.fetchWebhookResource', 'webex.openWebhookRequest', 'webex.replayWebhookEvent']);
    assert.deepEqual(menuFor('webex.webhookEvents', 'webex:webhookEvent:unverified'), ['webex.openWebhookRequest', 'webex.replayWebhookEvent']);
  });

  it('lists the webhooks; the Firehose preset makes two; Delete asks first', async () => {
    t.prompts.enqueue({ pick: 'Firehose' }, { input: 'https://hooks.example.com/in' }, { input: 'Everything' });
    await vscode.commands.executeCommand('webex.createWebhook');
    const all = await ada.items<Webhook>('/webhooks');
    assert.deepEqual(all.map((x) => [x.name, x.resource, x.event]), [['Everything', 'all', 'all'], ['Everything (cards)', 'attachmentActions', 'created']]);
    assert.deepEqual(await labels(w.provider), ['Everything', 'Everything (cards)']);
    const [first] = await childrenOf(w.provider);
    assert.equal(first.item.description, 'all/all');

    t.prompts.enqueue({ confirm: false });
    await vscode.commands.executeCommand('webex.deleteWebhook', first.node);
    assert.equal((await ada.items<Webhook>('/webhooks')).length, 2, 'cancelled: nothing deleted');
    t.prompts.enqueue({ confirm: true });
    await vscode.commands.executeCommand('webex.deleteWebhook', first.node);
    assert.deepEqual((await ada.items<Webhook>('/webhooks')).map((x) => x.name), ['Everything (cards)']);
    assert.deepEqual(await labels(w.provider), ['Everything (cards)']);
  });

  it('bad input: a body that is not JSON is ✗, 10 MB is refused with 413 and kept nowhere, a flood of 1,000 stays bounded', async () => {
    await vscode.commands.executeCommand('webex.listenForWebhooks');
    const url = w.listener.url ?? '';
    assert.equal((await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/html' }, body: '<script>alert(1)</script>' })).status, 200);
    await arrived(1);
    const [html] = await eventNodes();
    assert.equal(html.node.entry.problem, 'the body is not JSON');
    assert.equal(html.description, 'not an event · ✗ no X-Spark-Signature header');

    const big = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: Buffer.alloc(10 * 1024 * 1024, 0x20) }).catch(() => undefined);
    assert.ok(big === undefined || big.status === 413, `refused (${big?.status})`);
    assert.equal(w.inbox.log.size, 1, 'nothing kept of the 10 MB body');

    const body = JSON.stringify({ id: 'W?', resource: 'messages', event: 'created', data: { id: 'M' } });
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(Array.from({ length: 50 }, () => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then((r) => r.arrayBuffer())));
    }
    await whenChanged(w.inbox.log.onDidChange, () => w.inbox.log.size + w.inbox.log.dropped === 1001, 'the flood', 20_000);
    assert.equal(w.inbox.log.size, 500);
    assert.equal(w.inbox.log.dropped, 501);
    const shown = await labels(w.events);
    assert.equal(shown.length, 501, 'the newest 500 and one row that counts the dropped');
    assert.equal(shown[500], '501 older events dropped (the newest 500 are kept)');
  });

  it('says plainly when the receiver port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await vscode.workspace.getConfiguration().update(PORT_SETTING, port, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('webex.listenForWebhooks');
      assert.equal(w.listener.url, undefined);
      const error = t.prompts.notifications('error').find((n) => n.text.includes(`Port ${port}`));
      assert.ok(error, JSON.stringify(t.prompts.notifications()));
      assert.match(error.text, /already in use.*webex\.webhooks\.receiverPort/);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});

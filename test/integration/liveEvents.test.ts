// Follow Live Events in the real extension host: a message another person posts reaches the
// Webhook Events view over the live connection, shaped as a webhook envelope and marked live.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WebexExtensionApi } from '../../src/extension';
import type { Room } from '../../src/webex/types';
import { Rest } from './fixtures/localWebex';
import { EXTENSION_ID, freshSession, testing, type Testing } from './fixtures/signedIn';
import { until } from '../kit/until';

const ADA = 'ada@example.com';
const GRACE = 'grace@example.com';

describe('Follow Live Events (real VS Code)', function () {
  this.timeout(60_000);
  let t: Testing;

  before(async () => {
    t = await testing();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('webex.stopFollowingLiveEvents');
    t.prompts.assertDone();
  });

  it('shows a message posted by someone else as a live messages/created event', async () => {
    await freshSession(t, ADA);
    const api = await vscode.extensions.getExtension<WebexExtensionApi>(EXTENSION_ID)?.activate();
    const w = api?.testing?.webhooks;
    assert.ok(w);
    w.inbox.log.clear();
    await t.services.live.sync();
    await until('live updates to connect', () => t.services.live.status.state === 'connected');
    await vscode.commands.executeCommand('webex.followLiveEvents');
    assert.equal(t.prompts.notifications('info').filter((n) => /Following the live events of Ada/.test(n.text)).length, 1);
    const grace = await Rest.as(GRACE);
    const backend = (await grace.items<Room>('/rooms?max=1000')).find((r) => r.title === 'Backend');
    assert.ok(backend);
    const posted = await grace.post<{ id: string }>('/messages', { roomId: backend.id, text: 'live event check' });
    await until('the live event arrives', () => w.inbox.log.newestFirst().some((e) => e.envelope?.data.id === posted.id));
    const entry = w.inbox.log.newestFirst().find((e) => e.envelope?.data.id === posted.id);
    assert.equal(entry?.live, true);
    assert.equal(entry?.envelope?.resource, 'messages');
    assert.equal(entry?.envelope?.event, 'created');
    assert.equal(entry?.envelope?.data.personEmail, GRACE);
    assert.equal(entry?.envelope?.data.roomId, backend.id);

    await vscode.commands.executeCommand('webex.stopFollowingLiveEvents');
    const before = w.inbox.log.size;
    const seen: string[] = [];
    const listening = t.services.live.onDidReceiveMessage((m) => seen.push(m.messageId));
    try {
      const later = await grace.post<{ id: string }>('/messages', { roomId: backend.id, text: 'after stopping' });
      await until('the live layer got the second message', () => seen.includes(later.id));
      assert.equal(w.inbox.log.size, before, 'nothing added after Stop');
    } finally {
      listening.dispose();
    }
  });
});

// The preview conversation tab in the real extension host, against the local Webex: a single click
// (the sidebar's `{ preview: true }` open) reuses one webview, a second open of the same space
// within the double-click time or typing keeps it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Room } from '../../src/webex/types';
import { CONVERSATION_TEST_HOOKS_COMMAND, type ConversationTestHooks } from '../../src/webviews/conversation/conversationWebview';
import { Rest } from './fixtures/localWebex';
import { freshSession, testing, type Testing } from './fixtures/signedIn';

const ADA = 'ada@example.com';
const QUIET = { focusedMs: 3_600_000, backgroundMs: 3_600_000 };

describe('Preview tab (integration)', function () {
  this.timeout(60_000);
  let t: Testing;
  let hooks: ConversationTestHooks;
  let rooms: Room[];

  before(async () => {
    t = await testing();
    hooks = (await vscode.commands.executeCommand<ConversationTestHooks>(CONVERSATION_TEST_HOOKS_COMMAND))!;
  });

  beforeEach(async () => {
    for (const panel of hooks.panels()) {
      panel.panel.dispose();
    }
    hooks.setIntervals(QUIET);
    await freshSession(t, ADA);
    rooms = await (await Rest.as(ADA)).items<Room>('/rooms?max=1000');
    assert.ok(rooms.length >= 3, 'the scenario has three spaces');
  });

  it('a single click shows each space in the same preview tab', async () => {
    for (const room of rooms.slice(0, 3)) {
      await vscode.commands.executeCommand('webex.openSpace', room.id, { preview: true });
    }
    const panels = hooks.panels();
    assert.equal(panels.length, 1, 'one tab after three single clicks');
    assert.equal(panels[0]?.roomId, rooms[2]?.id);
    assert.equal(panels[0]?.isPreview, true);
    assert.equal(panels[0]?.panel.title, `${rooms[2]?.title} (Preview)`);
    await panels[0]?.loading;
    assert.equal(panels[0]?.currentStatus, 'ready');
  });

  it('a double click or typing keeps the tab, and the next click opens a new preview tab', async () => {
    const [a, b, c] = rooms;
    await vscode.commands.executeCommand('webex.openSpace', a?.id, { preview: true });
    await vscode.commands.executeCommand('webex.openSpace', a?.id, { preview: true });
    assert.equal(hooks.panel(a.id)?.isPreview, false, 'two opens of one space pin it');
    await vscode.commands.executeCommand('webex.openSpace', b?.id, { preview: true });
    const previewB = hooks.panel(b.id);
    assert.equal(previewB?.isPreview, true);
    await previewB?.loading;
    await previewB?.receive({ type: 'draft', draft: { text: 'typed here' }, roomId: b.id });
    assert.equal(previewB?.isPreview, false, 'typing pins the tab');
    await vscode.commands.executeCommand('webex.openSpace', c?.id, { preview: true });
    assert.equal(hooks.panels().length, 3);
  });

  it('a request made for the space shown before a switch does nothing in the next one', async () => {
    const [a, b] = rooms;
    await vscode.commands.executeCommand('webex.openSpace', a?.id, { preview: true });
    await new Promise((resolve) => setTimeout(resolve, 600));
    await vscode.commands.executeCommand('webex.openSpace', b?.id, { preview: true });
    const tab = hooks.panel(b.id);
    assert.ok(tab);
    const response = await tab.receive({ type: 'request', requestId: 1, method: 'send', params: { localId: 'x1', markdown: 'late' }, roomId: a.id });
    assert.equal(response?.ok, false);
    assert.equal(tab.isPreview, true, 'a refused send does not pin');
  });
});

// Adaptive Cards in the real workbench (code-server in Chromium, driven by Playwright): the demo's
// approval card renders in the conversation with its inputs as form controls and its Action.Submit
// buttons; filling the comment and pressing Approve posts the attachment action with inputs
// {comment, decision} to the local Webex; a hostile card renders inertly. Preview Card shows a card
// file with the same code and follows an edit.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APPROVAL_CARD, APPROVAL_TITLE } from '../sandbox/scenarios/approvalCard';
import { Workbench, startWorkbench } from '../runner/workbench';
import { LOG, openSpace, signInOrShow } from './conversationPage';
import { findWebviewFrame } from './webviewFrame';
import { openFileFromQuickOpen, runFromCommandPalette } from './workbenchActions';

const HOSTILE_CARD = {
  contentType: APPROVAL_CARD.contentType,
  content: {
    type: 'AdaptiveCard',
    version: '1.3',
    selectAction: { type: 'Action.OpenUrl', url: 'javascript:window.__pwned=1' },
    body: [
      { type: 'TextBlock', text: 'Hostile <img src=x onerror="window.__pwned=2"> <script>window.__pwned=3</script> [click](javascript:window.__pwned=4)' },
      { type: 'Image', url: 'javascript:window.__pwned=5', altText: 'bad' },
      { type: 'Image', url: 'https://tracker.example/pixel.png', altText: 'pixel' },
      { type: 'Input.Text', id: '__proto__', placeholder: '"><img src=x onerror="window.__pwned=6">' },
      { type: 'Media', sources: [{ mimeType: 'video/mp4', url: 'https://example.com/v.mp4' }] },
      { type: 'Unknown.Thing', text: 'x' },
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Run', url: 'javascript:window.__pwned=7' }, { type: 'Action.Submit', title: 'Send hostile' }],
  },
};

describe('Cards (UI)', function () {
  this.timeout(10 * 60_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await startWorkbench({ env: { WEBEX_TEST: '0' } });
    const sandbox = workbench.sandbox;
    assert.ok(sandbox);
    const headers = { Authorization: `Bearer ${sandbox.tokenFor('buildbot@webex.bot')}`, 'Content-Type': 'application/json' };
    for (const [text, card] of [['hostile', HOSTILE_CARD], [APPROVAL_TITLE, APPROVAL_CARD]] as const) {
      const posted: Response = await fetch(`${sandbox.origin}/v1/messages`, { method: 'POST', headers, body: JSON.stringify({ toPersonEmail: 'ada@example.com', text, attachments: [card] }) });
      assert.equal(posted.status, 200);
    }
    await signInOrShow(workbench, sandbox.tokenFor('ada@example.com'), 'cards');
  });

  after(async () => {
    await workbench?.stop();
  });

  it('renders the approval card with its inputs; Approve posts {comment, decision}', async () => {
    const frame = await openSpace(workbench.page, 'Build Bot');
    const card = frame.locator(`${LOG} .card-slot`, { hasText: APPROVAL_TITLE });
    await card.locator('.ac-adaptiveCard').waitFor({ state: 'visible', timeout: 30_000 });
    const comment = card.locator('textarea, input[type="text"]').first();
    assert.equal(await comment.count(), 1, 'the comment is a real form control');
    const approve = card.locator('button', { hasText: 'Approve' });
    const reject = card.locator('button', { hasText: 'Reject' });
    assert.equal(await approve.count(), 1);
    assert.equal(await reject.count(), 1);

    await approve.click();
    await card.getByText('Say why, for the change log.').first().waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(workbench.sandbox?.attachmentActions().length, 0, 'a required comment keeps the card from being sent');

    await comment.fill('canary is clean');
    await approve.click();
    await card.locator('.card-status', { hasText: 'Sent' }).waitFor({ state: 'visible', timeout: 30_000 });
    const actions = workbench.sandbox?.attachmentActions() ?? [];
    assert.equal(actions.length, 1);
    assert.deepEqual(actions[0].inputs, { decision: 'approve', comment: 'canary is clean' });
  });

  it('renders a hostile card inertly: nothing runs, loads remotely or navigates', async () => {
    const frame = await openSpace(workbench.page, 'Build Bot');
    const card = frame.locator(`${LOG} .card-slot`, { hasText: 'Hostile' });
    await card.locator('.ac-adaptiveCard').waitFor({ state: 'visible', timeout: 30_000 });
    for (const target of await card.locator('button, .ac-selectable, a').all()) {
      await target.click({ timeout: 5_000 }).catch(() => undefined);
    }
    await workbench.page.waitForTimeout(500);
    assert.equal(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await card.locator('script').count(), 0);
    const sources = await card.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).getAttribute('src') ?? ''));
    assert.deepEqual(sources.filter((s) => !s.startsWith('data:')), [], 'images come only as data: URLs from the host');
    assert.equal(await card.locator('[onerror], [onclick]').count(), 0);
    assert.ok(frame.url().length > 0 && !frame.isDetached(), 'the page did not navigate away');
    assert.match((await card.textContent()) ?? '', /Not shown here/);
  });
});

describe('Preview Card (UI)', function () {
  this.timeout(10 * 60_000);
  let workbench: Workbench;
  const FILE = 'approval.card.json';

  before(async () => {
    workbench = await startWorkbench({ env: { WEBEX_TEST: '0' } });
    fs.writeFileSync(path.join(workbench.workspaceDir, FILE), JSON.stringify(APPROVAL_CARD.content, null, 2));
  });

  after(async () => {
    await workbench?.stop();
  });

  it('shows the card file beside the editor and follows an edit', async () => {
    const { page } = workbench;
    await openFileFromQuickOpen(page, FILE);
    await page.locator('.tabs-container .tab.active', { hasText: FILE }).waitFor({ state: 'visible', timeout: 30_000 });
    await runFromCommandPalette(page, 'Webex: Preview Card');
    const frame = await findWebviewFrame(page, '.card-preview .ac-adaptiveCard');
    const card = frame.locator('.card-preview .card-slot');
    await card.getByText(APPROVAL_TITLE).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await card.locator('button', { hasText: 'Approve' }).count(), 1);

    // Edit the title in the editor: select all, type the card again with a new title.
    const edited = JSON.stringify({ ...APPROVAL_CARD.content, body: [{ type: 'TextBlock', text: 'Edited title' }] });
    await page.locator('.tabs-container .tab', { hasText: FILE }).first().click();
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(edited);
    await card.getByText('Edited title').first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await card.getByText(APPROVAL_TITLE).count(), 0);

    // Submit shows the inputs a bot would get, and nothing is posted.
    const before = workbench.sandbox?.attachmentActions().length ?? 0;
    await card.locator('button', { hasText: 'Reject' }).click();
    await frame.locator('.preview-submitted', { hasText: '"decision": "reject"' }).waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(workbench.sandbox?.attachmentActions().length ?? 0, before);
  });
});

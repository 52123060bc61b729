// A snippet's link in the real workbench (code-server in Chromium, driven by Playwright): a
// colleague posts a snippet of a file of this workspace; its path in the conversation is a link;
// clicking it opens that file with those lines selected; Enter on the focused link does the same;
// after the file changed, the link says so and "Compare with my copy" opens VS Code's diff editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { Workbench, startWorkbench } from '../runner/workbench';
import { LOG, openSpace, signInOrShow } from './conversationPage';
import { findWebviewFrame } from './webviewFrame';

const FILE = 'lib/limiter.ts';
const LINES = ['export function limit(n: number): number {', '  const cap = 100;', '  return Math.min(n, cap);', '}', ''];
const SNIPPET = `\`${FILE}\` lines 2–3\n\n\`\`\`ts\n${LINES[1]}\n${LINES[2]}\n\`\`\``;

/** The editor's selection as the status bar shows it ("Ln 3, Col 27 (44 selected)"). */
async function selectionStatus(page: Page): Promise<string> {
  const item = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  return (await item.textContent()) ?? '';
}

async function waitForStatus(page: Page, pattern: RegExp): Promise<string> {
  let status = '';
  for (let i = 0; i < 100; i++) {
    status = await selectionStatus(page).catch(() => '');
    if (pattern.test(status)) {
      return status;
    }
    await page.waitForTimeout(100);
  }
  return status;
}

describe('Snippet links (UI)', function () {
  this.timeout(10 * 60_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await startWorkbench({ env: { WEBEX_TEST: '0' } });
    fs.mkdirSync(path.join(workbench.workspaceDir, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(workbench.workspaceDir, FILE), LINES.join('\n'));
    const sandbox = workbench.sandbox;
    assert.ok(sandbox);
    // Grace sends Ada a snippet of the same file (as Send Selection writes it).
    const headers = { Authorization: `Bearer ${sandbox.tokenFor('grace@example.com')}`, 'Content-Type': 'application/json' };
    const rooms = (await (await fetch(`${sandbox.origin}/v1/rooms?max=100`, { headers })).json()) as { items: Array<{ id: string; title: string }> };
    const backend = rooms.items.find((r) => r.title === 'Backend');
    assert.ok(backend, 'Grace is in Backend');
    const posted = await fetch(`${sandbox.origin}/v1/messages`, { method: 'POST', headers, body: JSON.stringify({ roomId: backend.id, markdown: SNIPPET }) });
    assert.equal(posted.status, 200);
    await signInOrShow(workbench, sandbox.tokenFor('ada@example.com'), 'snippet-links');
  });

  after(async () => {
    await workbench?.stop();
  });

  it('opens the file at the snippet lines, selected, from a click and from Enter', async () => {
    const { page } = workbench;
    const frame = await openSpace(page, 'Backend');
    const link = frame.locator(`${LOG} article a.snippet-link`, { hasText: FILE });
    await link.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await link.textContent(), FILE, 'the link text is the path');
    assert.equal(await frame.locator(`${LOG} article a`, { hasText: FILE }).count(), 1, 'as the public contract says: an <a> whose text holds the path');
    await link.click();
    await page.locator('.tabs-container .tab.active', { hasText: 'limiter.ts' }).waitFor({ state: 'visible', timeout: 30_000 });
    // Lines 2–3 selected: the cursor ends on line 3, and the selection is both lines' characters.
    const selected = LINES[1].length + 1 + LINES[2].length;
    assert.match(await waitForStatus(page, /selected/), new RegExp(`^Ln 3, Col ${LINES[2].length + 1} \\(${selected} selected\\)`));

    // The same from the keyboard: close the file, focus the link in the conversation beside, press Enter.
    await page.keyboard.press('Control+W');
    await page.locator('.tabs-container .tab', { hasText: 'limiter.ts' }).waitFor({ state: 'hidden', timeout: 30_000 });
    const again = await findWebviewFrame(page, `${LOG}[aria-label="Messages in Backend"] article a.snippet-link`);
    const focused = again.locator(`${LOG} article a.snippet-link`, { hasText: FILE });
    await focused.focus();
    await focused.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'limiter.ts' }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await waitForStatus(page, /selected/), /^Ln 3, .*\(\d+ selected\)/);
    await workbench.screenshot('snippet-link-opened');
  });

  it('after the file changed, says so and opens the diff editor on "Compare with my copy"', async () => {
    const { page } = workbench;
    const changed = [...LINES];
    changed[1] = '  const cap = 250;';
    fs.writeFileSync(path.join(workbench.workspaceDir, FILE), changed.join('\n'));
    // The file is open beside the conversation: wait until VS Code has read the change from disk.
    await page.locator('.editor-instance .view-lines', { hasText: 'const cap = 250;' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // Somewhere else first, so that the link is seen to move the selection again.
    await page.locator('.editor-instance .view-line', { hasText: 'export function' }).first().click();
    assert.match(await waitForStatus(page, /^Ln 1,/), /^Ln 1,/);
    const frame = await findWebviewFrame(page, `${LOG}[aria-label="Messages in Backend"] article`);
    await frame.locator(`${LOG} article a.snippet-link`, { hasText: FILE }).click();
    assert.match(await waitForStatus(page, /selected/), /^Ln 3, .*\(45 selected\)/, 'the lines it names are selected');
    // The warning may come as a toast or only in the notification center (the bell), as VS Code decides.
    const compare = page.locator('.notifications-toasts .monaco-button, .notifications-center .monaco-button', { hasText: 'Compare with my copy' }).first();
    if (!(await compare.isVisible().catch(() => false))) {
      await page.waitForTimeout(1000);
    }
    if (!(await compare.isVisible().catch(() => false))) {
      await page.locator('.statusbar-item[id="status.notifications"] a, .statusbar-item.notifications-center, .statusbar-item[aria-label*="otification"]').first().click();
    }
    await compare.waitFor({ state: 'visible', timeout: 30_000 });
    const warning = page.locator('.notification-list-item', { hasText: 'Compare with my copy' }).first();
    assert.match((await warning.textContent()) ?? '', /Lines 2–3 of lib\/limiter\.ts have changed since the snippet was sent\./);
    await compare.click();
    const diff = page.locator('.monaco-diff-editor');
    await diff.first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.tabs-container .tab.active', { hasText: 'the snippet as sent' }).waitFor({ state: 'visible', timeout: 30_000 });
    // The left side has the snippet's line, the right side the file's current one.
    await diff.locator('.editor.original', { hasText: 'const cap = 100;' }).first().waitFor({ timeout: 30_000 });
    await diff.locator('.editor.modified', { hasText: 'const cap = 250;' }).first().waitFor({ timeout: 30_000 });
    await workbench.screenshot('snippet-link-compare');
  });
});

// Proves findWebviewFrame on a real webview: VS Code's built-in Markdown preview, two iframes deep.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workbench, startWorkbench } from '../runner/workbench';
import { findWebviewFrame } from './webviewFrame';
import { openFileFromQuickOpen, runFromCommandPalette } from './workbenchActions';

describe('findWebviewFrame (UI)', function () {
  this.timeout(10 * 60_000);
  let workbench: Workbench | undefined;

  before(async () => {
    // No local Webex needed: this exercises the harness, not the extension.
    workbench = await startWorkbench({ scenario: null });
  });

  after(async () => {
    await workbench?.stop();
  });

  it('finds the frame of a webview by its content', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    fs.writeFileSync(path.join(workbench.workspaceDir, 'probe.md'), '# Webview probe\n\nRendered by the Markdown preview.\n');
    await openFileFromQuickOpen(page, 'probe.md');
    await runFromCommandPalette(page, 'Markdown: Open Preview');
    const frame = await findWebviewFrame(page, 'h1:has-text("Webview probe")');
    assert.notEqual(frame, page.mainFrame());
    assert.equal((await frame.locator('h1').first().textContent())?.trim(), 'Webview probe');
    // A selector no webview contains fails with a clear message instead of hanging.
    await assert.rejects(findWebviewFrame(page, '#no-such-element', { timeoutMs: 1000 }), /No webview frame contains #no-such-element/);
  });
});

// The conversation page against axe-core's WCAG 2.1 A/AA rules in the four kinds of theme VS Code
// has (light, dark, high contrast light and dark), in the real workbench, on the demo account's
// conversations (what `npm start` shows). axe runs inside the webview's frame, injected through the
// debugging protocol (Playwright's evaluate), so the page's strict CSP stays as users get it.
// One screenshot per theme kind goes to test-results/ (media/screenshots/ with
// WEBEX_UPDATE_SCREENSHOTS=1, for the README).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { DEMO, demoScenario } from '../demo/demoScenario';
import { repoRoot } from '../runner/paths';
import { Workbench, startWorkbench } from '../runner/workbench';
import { LOG, openSpace, signInOrShow } from './conversationPage';
import { runFromCommandPalette } from './workbenchActions';

/** VS Code's built-in themes, one per theme kind, and the class the workbench then carries. */
const THEMES = [
  { name: 'Light Modern', kind: 'light', workbenchClass: 'vs' },
  { name: 'Dark Modern', kind: 'dark', workbenchClass: 'vs-dark' },
  { name: 'Light High Contrast', kind: 'high-contrast-light', workbenchClass: 'hc-light' },
  { name: 'Dark High Contrast', kind: 'high-contrast', workbenchClass: 'hc-black' },
] as const;

/** WCAG 2.0 and 2.1, levels A and AA: the tags axe-core gives those rules. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in `frame` and returns its violations, each with up to three offending nodes. */
async function axeViolations(frame: Frame): Promise<Violation[]> {
  const loaded = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) {
    const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await frame.evaluate(source);
  }
  return await frame.evaluate(async (tags) => {
    interface AxeResult {
      violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
    }
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.map(String).join(' ')) }));
  }, WCAG_21_AA);
}

async function useTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  const current = await page.evaluate((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls) === true, theme.workbenchClass);
  if (!current) {
    await runFromCommandPalette(page, 'Preferences: Color Theme');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    await input.fill(theme.name);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: theme.name }).first().waitFor({ state: 'visible' });
    await input.press('Enter');
    await page.waitForFunction((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls) === true, theme.workbenchClass, { timeout: 15_000 });
  }
}

/** Posts `text` into the space titled `title` as the person of `token`, over the local Webex's REST API. */
async function postAs(baseUrl: string, token: string, title: string, text: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const rooms = (await (await fetch(`${baseUrl}/rooms?max=100`, { headers })).json()) as { items: Array<{ id: string; title: string }> };
  const room = rooms.items.find((r) => r.title === title);
  assert.ok(room, `${title} is a space of that person`);
  const posted = await fetch(`${baseUrl}/messages`, { method: 'POST', headers, body: JSON.stringify({ roomId: room.id, text }) });
  assert.equal(posted.status, 200);
}

describe('Accessibility of the conversation page (UI)', function () {
  this.timeout(10 * 60_000);
  let workbench: Workbench;
  const screenshots = process.env.WEBEX_UPDATE_SCREENSHOTS === '1' ? path.join(repoRoot(), 'media', 'screenshots') : path.join(repoRoot(), 'test-results');

  before(async () => {
    workbench = await startWorkbench({ scenario: demoScenario(), env: { WEBEX_TEST: '0' } });
    await signInOrShow(workbench, DEMO.you.token, 'accessibility', DEMO.spaces.gateway);
  });

  after(async () => {
    await workbench?.stop();
  });

  it('announces arriving messages once per batch, through a status region, not the log', async () => {
    const { page, sandbox } = workbench;
    assert.ok(sandbox);
    await page.locator('.part.statusbar').click({ position: { x: 640, y: 10 } });
    const frame = await openSpace(page, DEMO.spaces.gateway);
    assert.equal(await frame.locator(LOG).getAttribute('aria-live'), 'off', 'the log does not read out every article');
    const status = frame.locator('[role="status"][aria-live="polite"]');
    await postAs(sandbox.baseUrl, DEMO.lena.token, DEMO.spaces.gateway, 'First of two');
    await postAs(sandbox.baseUrl, DEMO.sam.token, DEMO.spaces.gateway, 'Second of two');
    await frame.locator(`${LOG} article`, { hasText: 'Second of two' }).waitFor({ timeout: 30_000 });
    // Live updates may bring them together or one by one; either way each batch is one sentence.
    await status.filter({ hasText: /new message/i }).waitFor({ state: 'attached', timeout: 15_000 });
    const said = (await status.textContent()) ?? '';
    assert.match(said, /^(New message from (Lena Fischer|Sam Carter)|2 new messages from (Lena Fischer and Sam Carter|Sam Carter and Lena Fischer))$/, said);
  });

  for (const space of [DEMO.spaces.gateway, DEMO.spaces.busy]) {
    it(`has no WCAG 2.1 AA violations in ${space}, in light, dark and both high-contrast themes`, async () => {
      const { page } = workbench;
      // A click on the status bar's empty middle takes the focus out of the last webview, so F1 reaches the workbench.
      await page.locator('.part.statusbar').click({ position: { x: 640, y: 10 } });
      const frame = await openSpace(page, space);
      // Code blocks are coloured when the page is idle; check what users end up seeing.
      await page.waitForTimeout(1000);
      const found: string[] = [];
      for (const theme of THEMES) {
        await useTheme(page, theme);
        await frame.locator(LOG).waitFor();
        // The webview picks up the theme's variables with a message from the workbench.
        await frame.waitForFunction((kind) => document.body.classList.contains(kind === 'light' ? 'vscode-light' : kind === 'dark' ? 'vscode-dark' : kind === 'high-contrast' ? 'vscode-high-contrast' : 'vscode-high-contrast-light'), theme.kind, { timeout: 15_000 });
        await page.waitForTimeout(300);
        for (const v of await axeViolations(frame)) {
          found.push(`${theme.name}: ${v.id} (${v.impact ?? 'n/a'}) ${v.help}: ${v.targets.join(' | ')}`);
        }
        if (space === DEMO.spaces.gateway) {
          fs.mkdirSync(screenshots, { recursive: true });
          await page.mouse.move(640, 1);
          await page.screenshot({ path: path.join(screenshots, `demo-conversation-${theme.kind}.png`) });
        }
      }
      await useTheme(page, THEMES[1]);
      assert.deepEqual(found, [], `axe-core found violations:\n${found.join('\n')}`);
    });
  }
});

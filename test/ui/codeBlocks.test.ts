// Code blocks in the conversation tab, in the real workbench (code-server in Chromium, Playwright):
// TypeScript and Python blocks are coloured by the theme (and recoloured by another theme), a diff
// block tints its lines, a long block opens with "Show all N lines", and the toolbar copies the
// exact text to VS Code's clipboard, opens it in an untitled editor with its language, and inserts
// it at the cursor of the last editor in one undo step.
import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { Workbench, startWorkbench } from '../runner/workbench';
import { smallScenario, type Scenario } from '../sandbox/scenario';
import { LOG, openSpace, signIn } from './conversationPage';
import { runFromCommandPalette } from './workbenchActions';

const CODE_SPACE = 'Code Review';
const TS = 'export function add(a: number, b: number): number {\n  // Adds two numbers.\n  return a + b + "x".length;\n}\n';
const PY = 'def greet(name: str) -> str:\n    """Say hello."""\n    return f"Hello, {name}!"\n';
const DIFF = '--- a/add.ts\n+++ b/add.ts\n@@ -1,3 +1,3 @@\n-  return a + b;\n+  return a + b + 1;\n';
const LONG = Array.from({ length: 40 }, (_, i) => `line_${i + 1} = ${i + 1}`).join('\n') + '\n';

function codeScenario(): Scenario {
  const base = smallScenario();
  const at = (i: number): string => new Date(Date.now() - 3600_000 + i * 60_000).toISOString();
  const fence = (lang: string, code: string): string => `\`\`\`${lang}\n${code}\`\`\``;
  return {
    ...base,
    rooms: [...base.rooms, { key: 'code', type: 'group', title: CODE_SPACE, creator: 'grace@example.com', created: at(-100), members: [{ email: 'ada@example.com' }] }],
    messages: [
      ...base.messages,
      { room: 'code', author: 'grace@example.com', created: at(1), markdown: `The helper:\n\n${fence('ts', TS)}` },
      { room: 'code', author: 'grace@example.com', created: at(2), markdown: `And in Python:\n\n${fence('py', PY)}` },
      { room: 'code', author: 'grace@example.com', created: at(3), markdown: fence('diff', DIFF) },
      { room: 'code', author: 'grace@example.com', created: at(4), markdown: fence('python', LONG) },
    ],
  };
}

/** The computed colour of the first token of `selector` in the block holding `text`. */
async function tokenColor(frame: Frame, text: string, selector: string): Promise<string> {
  // Only blocks in view are highlighted.
  await frame.locator(`${LOG} .code-block`, { hasText: text }).first().scrollIntoViewIfNeeded();
  const block = frame.locator(`${LOG} .code-block.highlighted`, { hasText: text }).first();
  await block.waitFor({ timeout: 30_000 });
  return await block.locator(selector).first().evaluate((token) => getComputedStyle(token).color);
}

/**
 * The colour the stylesheet gives a token of the theme colour `variable`: mixed with the editor's
 * foreground at --token-strength, so it reaches the 4.5:1 of text (media/conversation.css).
 */
async function tokenThemeColor(frame: Frame, variable: string): Promise<string> {
  return await frame.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.color = `color-mix(in srgb, var(${name}) var(--token-strength), var(--vscode-editor-foreground))`;
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }, variable);
}

async function isDark(page: Page): Promise<boolean> {
  return await page.evaluate(() => document.querySelector('.monaco-workbench')?.classList.contains('vs-dark') === true);
}

/** The text of the active editor, as Monaco draws it (short documents are drawn whole). */
async function editorText(page: Page): Promise<string> {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
  await lines.first().waitFor({ timeout: 30_000 });
  return await page.locator('.editor-group-container.active .monaco-editor .view-lines').evaluate((view) =>
    [...view.querySelectorAll('.view-line')]
      .map((line) => ({ top: parseFloat((line as HTMLElement).style.top), text: (line.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((x, y) => x.top - y.top)
      .map((line) => line.text)
      .join('\n'),
  );
}

describe('Code blocks in a conversation (UI)', function () {
  this.timeout(10 * 60_000);
  let workbench: Workbench;
  let frame: Frame;

  before(async () => {
    workbench = await startWorkbench({ env: { WEBEX_TEST: '0' }, scenario: codeScenario(), settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
    await workbench.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: workbench.codeServerUrl });
    await signIn(workbench.page, 'token-ada');
    frame = await openSpace(workbench.page, CODE_SPACE);
  });

  after(async () => {
    await workbench?.stop();
  });

  it('colours TypeScript and Python tokens from the theme, and follows a theme change', async () => {
    const { page } = workbench;
    assert.equal(await isDark(page), true);
    // The page was plain first: the first page's mark comes before the highlighting's.
    await frame.waitForFunction(() => performance.getEntriesByName('webex:highlighted').length > 0, undefined, { timeout: 30_000 });
    const order = await frame.evaluate(() => [performance.getEntriesByName('webex:firstPage')[0]?.startTime, performance.getEntriesByName('webex:highlighted')[0]?.startTime]);
    assert.ok(order[0] !== undefined && order[1] !== undefined && order[0] <= order[1], `first page, then colours (${order.join(' → ')})`);

    const ts = frame.locator(`${LOG} .code-block`, { hasText: 'export function add' });
    assert.equal(await ts.locator('.code-lang').textContent(), 'TypeScript');
    assert.equal(await ts.locator('.code-lines').textContent(), '4 lines');
    const darkString = await tokenColor(frame, 'export function add', '.hljs-string');
    assert.equal(darkString, await tokenThemeColor(frame, '--vscode-debugTokenExpression-string'), 'a string has the theme’s string colour');
    const darkKeyword = await tokenColor(frame, 'export function add', '.hljs-keyword');
    assert.equal(darkKeyword, await tokenThemeColor(frame, '--vscode-debugTokenExpression-boolean'));
    const pyString = await tokenColor(frame, 'def greet', '.hljs-string');
    assert.equal(pyString, darkString, 'Python strings are strings too');
    assert.ok((await frame.locator(`${LOG} .code-block`, { hasText: 'def greet' }).locator('.hljs-keyword', { hasText: 'def' }).count()) === 1);

    // The diff block: added and removed lines tinted with the diff editor's colours, + and - kept.
    await frame.locator(`${LOG} .code-block`, { hasText: '+++ b/add.ts' }).scrollIntoViewIfNeeded();
    const diff = frame.locator(`${LOG} .code-block.highlighted`, { hasText: '+++ b/add.ts' });
    await diff.waitFor({ timeout: 30_000 });
    const added = diff.locator('.hljs-addition', { hasText: '+  return a + b + 1;' });
    assert.equal(await added.evaluate((e) => getComputedStyle(e).backgroundColor), await frame.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.backgroundColor = 'var(--vscode-diffEditor-insertedTextBackground)';
      document.body.append(probe);
      const color = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return color;
    }));
    assert.equal(await diff.locator('.hljs-deletion').textContent(), '-  return a + b;');
    await workbench.screenshot('code-blocks-dark');

    await runFromCommandPalette(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.waitForFunction(() => document.querySelector('.monaco-workbench')?.classList.contains('vs-dark') === false, undefined, { timeout: 15_000 });
    await frame.waitForFunction(
      (before) => {
        const token = document.querySelector('.code-block.highlighted .hljs-string');
        return token !== null && getComputedStyle(token).color !== before;
      },
      darkString,
      { timeout: 15_000 },
    );
    const lightString = await tokenColor(frame, 'export function add', '.hljs-string');
    assert.notEqual(lightString, darkString, 'another theme, another colour');
    assert.equal(lightString, await tokenThemeColor(frame, '--vscode-debugTokenExpression-string'));
    await workbench.screenshot('code-blocks-light');
    await runFromCommandPalette(page, 'Preferences: Toggle between Light/Dark Themes');
  });

  it('collapses a long block and shows all its lines on request', async () => {
    const long = frame.locator(`${LOG} .code-block`, { hasText: 'line_1 = 1' });
    await long.scrollIntoViewIfNeeded();
    const expand = long.locator('button.code-expand');
    assert.equal(await expand.textContent(), 'Show all 40 lines');
    const collapsed = await long.locator('pre').evaluate((pre) => pre.getBoundingClientRect().height);
    await expand.click();
    assert.equal(await expand.getAttribute('aria-expanded'), 'true');
    const open = await long.locator('pre').evaluate((pre) => pre.getBoundingClientRect().height);
    assert.ok(open > collapsed * 1.3, `taller when open (${collapsed} → ${open})`);
  });

  it('copies the exact text to the clipboard, through the keyboard too', async () => {
    const { page } = workbench;
    const ts = frame.locator(`${LOG} .code-block`, { hasText: 'export function add' });
    await ts.scrollIntoViewIfNeeded();
    const labels = await ts.locator('.code-toolbar button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    assert.deepEqual(labels, ['Copy code', 'Open in editor', 'Insert at cursor', 'Save as…']);
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    // Keyboard: focus the button and press Enter.
    await ts.locator('button[aria-label="Copy code"]').focus();
    await ts.locator('button[aria-label="Copy code"]').press('Enter');
    await ts.locator('button[aria-label="Copy code"] .codicon-check').waitFor({ timeout: 10_000 });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), TS, 'exactly the block’s text, LF line ends');

    const py = frame.locator(`${LOG} .code-block`, { hasText: 'def greet' });
    await py.locator('button[aria-label="Copy code"]').click();
    await py.locator('button[aria-label="Copy code"] .codicon-check').waitFor({ timeout: 10_000 });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), PY);
  });

  it('opens a block in an untitled editor with its language, and inserts another at its cursor in one undo step', async () => {
    const { page } = workbench;
    const ts = frame.locator(`${LOG} .code-block`, { hasText: 'export function add' });
    await ts.locator('button[aria-label="Open in editor"]').click();
    // An untitled editor is named after its first line.
    await page.locator('.tabs-container .tab.active', { hasText: 'export function add' }).waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: /^TypeScript$/ }).first().waitFor({ timeout: 30_000 });
    assert.equal(await editorText(page), TS, 'the exact text, its final newline too');

    // The conversation has the focus when the button is clicked; the untitled editor was the last one.
    const py = frame.locator(`${LOG} .code-block`, { hasText: 'def greet' });
    await py.locator('button[aria-label="Insert at cursor"]').click();
    await page.waitForFunction(() => document.querySelector('.editor-group-container.active .view-lines')?.textContent?.includes('greet') === true, undefined, { timeout: 30_000 });
    // The cursor of a newly opened editor is at its start.
    assert.equal(await editorText(page), PY + TS, 'inserted at the cursor, the rest kept');
    await page.keyboard.press('Control+Z');
    await page.waitForFunction(() => document.querySelector('.editor-group-container.active .view-lines')?.textContent?.includes('greet') === false, undefined, { timeout: 10_000 });
    assert.equal(await editorText(page), TS, 'one undo step takes the whole insert back');
  });
});

// What the hostile space's code blocks (conversationScenario.ts hostileCodeBodies) must look like:
// drawn as text, too-big blocks plain and saying why, hidden characters shown, nothing run.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { LOG } from './conversationPage';

export async function checkHostileCode(frame: Frame): Promise<void> {
  const block = (text: string): ReturnType<Frame['locator']> => frame.locator(`${LOG} .code-block`, { hasText: text }).first();

  const huge = block('50,000 lines');
  await huge.scrollIntoViewIfNeeded();
  assert.match((await huge.locator('.code-note').textContent()) ?? '', /^Not highlighted: 50,000 lines, more than 5,000\.$/);
  assert.equal(await huge.locator('button.code-expand').textContent(), 'Show all 50,000 lines', 'collapsed');
  assert.ok((await huge.locator('pre').evaluate((pre) => pre.getBoundingClientRect().height)) < 800, 'a collapsed block stays short');

  const wide = block('const s = "aaaa');
  assert.match((await wide.locator('.code-note').textContent()) ?? '', /^Not highlighted: 1,000 K characters/);
  const widths = await wide.evaluate((b) => ({ pre: b.querySelector('pre')?.scrollWidth ?? 0, block: b.getBoundingClientRect().width, log: b.closest('[role="log"]')?.clientWidth ?? 0 }));
  assert.ok(widths.pre > widths.block && widths.block <= widths.log, `a 1 MB line scrolls inside its block (${JSON.stringify(widths)})`);

  assert.equal(await block('info string').locator('.code-lang').textContent(), `"><script>window.__pwned='fence-script'</script>`.slice(0, 32) + '…');
  assert.equal(await block('long info string').locator('.code-lang').textContent(), `${'x'.repeat(32)}…`);
  const misspelled = block('const misspelled');
  assert.equal(await misspelled.locator('.code-lang').textContent(), 'typscript');
  assert.equal(await misspelled.getAttribute('data-language'), null, 'an unknown language stays plain');
  assert.match((await block('nested-fence').locator('code').textContent()) ?? '', /^```js\nfetch\(/, 'an inner fence is text');
  await block('print("unbalanced")').waitFor();

  const bidi = block('isAdmin');
  await bidi.scrollIntoViewIfNeeded();
  const titles = await bidi.locator('.code-invisible').evaluateAll((marks) => marks.map((m) => m.getAttribute('title')));
  assert.deepEqual(titles, [
    'U+202E RIGHT-TO-LEFT OVERRIDE',
    'U+2066 LEFT-TO-RIGHT ISOLATE',
    'U+2069 POP DIRECTIONAL ISOLATE',
    'U+2066 LEFT-TO-RIGHT ISOLATE',
    'U+0007 control character',
  ]);
  assert.match((await bidi.locator('code').textContent()) ?? '', /\/\*\u202e \} \u2066if/, 'the text itself is kept (copy is exact)');

  // Highlighted HTML that contains a script and an image: tokens, never elements.
  const html = block('html-code');
  await html.scrollIntoViewIfNeeded();
  await frame.locator(`${LOG} .code-block.highlighted`, { hasText: 'html-code' }).waitFor({ timeout: 30_000 });
  assert.ok((await html.locator('code span[class^="hljs-"]').count()) > 3, 'highlighted');
  assert.equal(await frame.locator(`${LOG} script, ${LOG} img`).count(), 0);
  assert.equal(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
}

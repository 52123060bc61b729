// Pictures in the conversation, in the real workbench (code-server in Chromium, driven by
// Playwright): Grace posts a PNG and an HTML page named as a PNG to Backend; Ada opens Backend and
// sees the PNG as an <img> with the file name as alt and a data: source (the bytes fetched by the
// extension), the HTML never rendered but a broken-image placeholder, and clicking the picture
// opens it full size in an editor tab. Quote on a message puts its author's mention and its lines
// into the composer.
import * as assert from 'node:assert/strict';
import { redPng } from '../kit/pictures';
import { Workbench, startWorkbench } from '../runner/workbench';
import { LOG, openSpace, signInOrShow } from './conversationPage';

async function postFile(origin: string, token: string, roomId: string, filename: string, data: Uint8Array, type: string): Promise<void> {
  const form = new FormData();
  form.append('roomId', roomId);
  form.append('files', new Blob([new Uint8Array(data)], { type }), filename);
  const posted = await fetch(`${origin}/v1/messages`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  assert.equal(posted.status, 200, await posted.text());
}

describe('Pictures and quotes in the conversation (UI)', function () {
  this.timeout(10 * 60_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await startWorkbench({ env: { WEBEX_TEST: '0' } });
    const sandbox = workbench.sandbox;
    assert.ok(sandbox);
    const token = sandbox.tokenFor('grace@example.com');
    const rooms = (await (await fetch(`${sandbox.origin}/v1/rooms?max=100`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
      items: Array<{ id: string; title: string }>;
    };
    const backend = rooms.items.find((r) => r.title === 'Backend');
    assert.ok(backend, 'Grace is in Backend');
    await postFile(sandbox.origin, token, backend.id, 'evil.png', new TextEncoder().encode('<h1 id="pwned">HTML</h1><script>1</script>'), 'image/png');
    await postFile(sandbox.origin, token, backend.id, 'red-square.png', redPng(64, 48), 'image/png');
    await signInOrShow(workbench, sandbox.tokenFor('ada@example.com'), 'pictures');
  });

  after(async () => {
    await workbench?.stop();
  });

  it('shows an image file as an <img> from data:, a lying one as a placeholder, and opens it full size', async () => {
    const frame = await openSpace(workbench.page, 'Backend');
    const img = frame.locator(`${LOG} article img[alt="red-square.png"]`);
    await img.waitFor({ state: 'visible', timeout: 30_000 });
    await frame.waitForFunction(
      (selector) => {
        const el = document.querySelector<HTMLImageElement>(selector);
        return el !== null && el.complete && el.naturalWidth > 0;
      },
      `${LOG} article img[alt="red-square.png"]`,
      { timeout: 30_000 },
    );
    const src = (await img.getAttribute('src')) ?? '';
    assert.match(src, /^data:image\/png;base64,/, 'the bytes came through the extension');
    assert.deepEqual(await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight]), [64, 48]);
    assert.ok(!src.includes('/contents/'), 'never the Webex URL');

    const placeholder = frame.locator(`${LOG} article [role="img"][aria-label^="evil.png"]`);
    await placeholder.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await frame.locator(`${LOG} img[alt="evil.png"]`).count(), 0, 'HTML named as a PNG is never an <img>');
    assert.equal(await frame.locator('#pwned').count(), 0, 'nor rendered as HTML');

    await img.click();
    await workbench.page.locator('.tabs-container .tab', { hasText: 'red-square.png' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('Quote puts the author and the quoted lines into the composer', async () => {
    const frame = await openSpace(workbench.page, 'Backend');
    const article = frame.locator(`${LOG} article`, { has: frame.locator('img[alt="red-square.png"]') });
    await article.hover();
    await article.locator('button[aria-label="Quote"]').click();
    const composer = frame.locator('textarea[aria-label="Write a message"]');
    assert.equal(await composer.inputValue(), '@Grace Hopper\n> (a file)\n\n');
  });
});

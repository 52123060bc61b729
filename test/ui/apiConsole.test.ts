// The API console in the real workbench, from the keyboard once signed in: start a
// request file with New API Request, send it from the palette, read the response beside (status,
// TrackingID, Next page and Copy as curl CodeLenses), and follow Next page from the palette.
import * as assert from 'node:assert/strict';
import { Workbench, startWorkbench } from '../runner/workbench';
import { signInOrShow } from './conversationPage';
import { runFromCommandPalette } from './workbenchActions';

const ADA = 'ada@example.com';

describe('API console (UI)', function () {
  this.timeout(10 * 60_000);
  let workbench: Workbench | undefined;

  before(async () => {
    workbench = await startWorkbench({ env: { WEBEX_TEST: '0' } }); // the real quick inputs
  });

  after(async () => {
    await workbench?.stop();
  });

  it('sends a request and shows its response beside, from the keyboard', async () => {
    assert.ok(workbench?.sandbox);
    const { page, sandbox } = workbench;
    const token = sandbox.tokenFor(ADA);

    await signInOrShow(workbench, token, 'api-console');

    await runFromCommandPalette(page, 'Webex: New API Request');
    const requestEditor = page.locator('.editor-instance .monaco-editor', { hasText: 'GET /rooms?max=' }).first();
    await requestEditor.waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.codelens-decoration', { hasText: 'Send as Ada Lovelace (you)' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // The new file's cursor is on its first line, in the first request.
    await runFromCommandPalette(page, 'Webex: Send Request');

    const response = page.locator('.editor-instance .monaco-editor', { hasText: 'HTTP 200' }).first();
    await response.waitFor({ state: 'visible', timeout: 30_000 });
    // Monaco renders spaces as no-break spaces.
    const text = (await response.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /OK: the request succeeded/);
    assert.match(text, /trackingid:/i);
    assert.ok(!text.includes(token), 'no token in the response view');
    for (const lens of ['Next page', 'Copy as curl', 'Save Response…']) {
      await response.locator('.codelens-decoration', { hasText: lens }).first().waitFor({ state: 'visible', timeout: 10_000 });
    }
    await page.locator('.tabs-container .tab[aria-label*=".webex-response"]').first().waitFor({ state: 'visible' });
    await workbench.screenshot('api-console');

    // The response editor is beside the request; focus it and page on with the palette.
    await page.locator('.tabs-container .tab[aria-label*=".webex-response"]').first().click();
    await runFromCommandPalette(page, 'Webex: Next Page of the Response');
    await page.locator('.tabs-container .tab[aria-label^="2 GET rooms.webex-response"]').first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(sandbox.requests.some((r) => r.path === '/v1/rooms' && r.query.max === '10' && r.query.cursor !== undefined) || sandbox.requests.filter((r) => r.path === '/v1/rooms' && r.query.max === '10').length >= 2, 'the next page was asked for');
  });
});

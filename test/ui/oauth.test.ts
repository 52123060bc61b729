// "Sign in with Webex (OAuth)" end to end in the real workbench (code-server in Chromium, driven by
// Playwright), with the real prompts and the real browser (WEBEX_TEST is off): the Sign In button,
// the method pick, the client secret, the consent page of the local Webex opened in a new tab, its
// Accept button, the redirect to the extension's loopback receiver, and the views filling as Ada.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { freePort } from '../kit/freePort';
import { Workbench, startWorkbench } from '../runner/workbench';
import { builtInClient } from '../sandbox/oauth/oauthState';
import { activityBarItem } from './workbenchActions';

describe('Sign in with Webex (OAuth) in the real browser (UI)', function () {
  // The first run may install code-server (a couple of minutes); later starts take seconds.
  this.timeout(10 * 60_000);
  let workbench: Workbench | undefined;
  const integration = builtInClient();

  before(async () => {
    const port = await freePort();
    workbench = await startWorkbench({
      env: { WEBEX_TEST: '0' }, // the real quick inputs and the real browser
      settings: { 'webex.oauth.clientId': integration.clientId, 'webex.oauth.redirectPort': port },
    });
    // code-server may hand the browser its port proxy rather than 127.0.0.1:<port> (env.asExternalUri);
    // a user would register that address with the integration, so the local Webex gets it too.
    const client = workbench.sandbox?.oauth.state.clients.get(integration.clientId);
    assert.ok(client, 'the local Webex knows the built-in integration');
    client.redirectUris.push(`${workbench.codeServerUrl}/proxy/${port}/oauth/callback`);
  });

  after(async () => {
    await workbench?.stop();
  });

  it('signs in through the consent page and fills the views', async () => {
    assert.ok(workbench);
    const { page, context } = workbench;
    await activityBarItem(page, 'Webex').click();
    await page.locator('.part.sidebar .welcome-view-content .monaco-button', { hasText: 'Sign In' }).first().click({ timeout: 60_000 });

    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Sign in with Webex (OAuth)' }).click({ timeout: 30_000 });
    const secret = page.locator('.quick-input-widget input[type="password"]');
    await secret.waitFor({ state: 'visible', timeout: 30_000 });
    await secret.pressSequentially(integration.clientSecret);
    const consentTab = context.waitForEvent('page', { timeout: 60_000 });
    await secret.press('Enter');

    const consent: Page = await consentTab;
    await consent.waitForLoadState();
    assert.match(consent.url(), /\/v1\/authorize\?/);
    await consent.getByRole('heading', { name: /Allow Webex for VS Code \(local\) to use your Webex account\?/ }).waitFor({ timeout: 30_000 });
    await workbench.screenshot('oauth-workbench-waiting');
    await consent.screenshot({ path: 'test-results/oauth-consent-page.png' });
    await consent.getByRole('button', { name: 'Accept' }).click();
    await consent.getByText('You can close this tab and return to VS Code.').waitFor({ timeout: 30_000 });

    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Backend' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    // Who is signed in: the Spaces view's description.
    await page.locator('.part.sidebar .pane-header', { hasText: 'Ada Lovelace' }).first().waitFor({ timeout: 30_000 });
    const file = await workbench.screenshot('oauth-signed-in');
    assert.ok(fs.statSync(file).size > 0);

    const grants = workbench.sandbox?.oauth.state.tokenRequests ?? [];
    assert.deepEqual(grants.map((g) => [g.grantType, g.status, g.codeVerifier, g.email]), [['authorization_code', 200, true, 'ada@example.com']]);
  });
});

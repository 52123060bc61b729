/**
 * Helpers for the accounts tests in the real extension host: the testing API with the scripted
 * OAuth browser, an integration registered with the local Webex for the redirect URI this VS Code
 * really uses (`env.asExternalUri` of the loopback receiver), a "user" who answers the consent page
 * over plain HTTP, and the local Webex's OAuth controls. No token, code or secret ever goes into an
 * assertion message.
 */
import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import * as vscode from 'vscode';
import type { WebexExtensionApi } from '../../src/extension';
import { EXTENSION_ID, origin, tokenOf } from './sidebarFixture';

export type AccountsTesting = NonNullable<WebexExtensionApi['testing']>;

export async function accountsTesting(): Promise<AccountsTesting> {
  const ext = vscode.extensions.getExtension<WebexExtensionApi>(EXTENSION_ID);
  assert.ok(ext, 'the extension is installed in this VS Code');
  const api = await ext.activate();
  assert.ok(api.testing, 'activate() exports `testing` under WEBEX_TEST=1');
  return api.testing;
}

export interface Integration {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** A free loopback port (for the redirect receiver). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  assert.ok(address && typeof address === 'object');
  return address.port;
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${origin()}/_sandbox/oauth/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.status < 300, `/_sandbox/oauth/${path} answered ${response.status}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Registers an integration with the local Webex whose redirect URI is exactly the one this VS Code
 * will send (as a user registers it on developer.webex.com), and points the settings at it.
 */
export async function registerIntegration(): Promise<Integration> {
  const port = await freePort();
  const loopback = `http://127.0.0.1:${port}/oauth/callback`;
  const redirectUri = (await vscode.env.asExternalUri(vscode.Uri.parse(loopback, true))).toString(true);
  const client = await control<{ clientId: string; clientSecret: string }>('POST', 'clients', {
    name: 'Webex for VS Code (test)',
    redirectUris: [redirectUri],
  });
  const config = vscode.workspace.getConfiguration();
  await config.update('webex.oauth.clientId', client.clientId, vscode.ConfigurationTarget.Global);
  await config.update('webex.oauth.redirectPort', port, vscode.ConfigurationTarget.Global);
  return { clientId: client.clientId, clientSecret: client.clientSecret, redirectUri };
}

export async function forgetIntegrationSettings(): Promise<void> {
  const config = vscode.workspace.getConfiguration();
  await config.update('webex.oauth.clientId', undefined, vscode.ConfigurationTarget.Global);
  await config.update('webex.oauth.redirectPort', undefined, vscode.ConfigurationTarget.Global);
}

export function setLifetimes(lifetimes: { accessTokenSeconds?: number; refreshTokenSeconds?: number; rotateRefreshTokens?: boolean }): Promise<unknown> {
  return control('POST', 'lifetimes', lifetimes);
}

export function revokeGrants(email: string, keepAccessTokens = false): Promise<{ revoked: number }> {
  return control('POST', 'revoke', { email, keepAccessTokens });
}

export interface TokenRequest {
  grantType: string;
  status: number;
  email?: string;
  codeVerifier: boolean;
}

export async function tokenRequests(): Promise<TokenRequest[]> {
  return (await control<{ items: TokenRequest[] }>('GET', 'requests')).items;
}

/**
 * The user in the browser: loads the authorize URL, picks `email` on the consent page, clicks
 * Accept (or Decline) and follows the redirect to the receiver.
 */
export function consentAs(email: string, decision: 'accept' | 'decline' = 'accept'): (url: string) => Promise<boolean> {
  return async (url) => {
    const page = await fetch(url, { redirect: 'manual' });
    const html = await page.text();
    assert.equal(page.status, 200, 'the consent page loads');
    const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    assert.ok(request && action, 'the consent page has its form');
    const answer = await fetch(new URL(action, url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request, email, decision }).toString(),
      redirect: 'manual',
    });
    await answer.arrayBuffer();
    const location = answer.headers.get('location');
    assert.ok(location, 'the consent redirects');
    const landed = await fetch(location);
    assert.match(await landed.text(), /You can close this tab|Sign-in not completed/);
    return true;
  };
}

/** Signs in through `webex.signIn` → "Sign in with Webex (OAuth)", answering the secret prompt when asked. */
export async function signInWithOAuth(t: AccountsTesting, integration: Integration, email: string, options: { secretAsked: boolean }): Promise<void> {
  t.prompts.enqueue({ pick: 'Sign in with Webex (OAuth)' });
  if (options.secretAsked) {
    t.prompts.enqueue({ input: integration.clientSecret });
  }
  t.browser.onOpen(consentAs(email));
  await vscode.commands.executeCommand('webex.signIn');
  t.browser.onOpen(undefined);
  assert.equal(t.services.session.me?.emails[0], email, `signed in with OAuth as ${email}`);
}

/** Adds an account with a pasted (bot or personal) token through the real command. */
export async function signInWithToken(t: AccountsTesting, email: string, method: 'token' | 'bot'): Promise<void> {
  t.prompts.enqueue({ pick: method === 'bot' ? 'Use a bot token' : 'Paste an access token' }, { input: await tokenOf(email) });
  await vscode.commands.executeCommand('webex.signIn');
  assert.equal(t.services.session.me?.emails[0], email, `signed in as ${email}`);
}

/** Signs out of every account of this cloud (the tests start from nobody signed in). */
export async function signOutEverywhere(t: AccountsTesting): Promise<void> {
  const session = t.services.session as typeof t.services.session & {
    accounts(): Promise<Array<{ id: string }>>;
    signOut(reason?: string, accountId?: string): Promise<void>;
  };
  await session.ready();
  for (const account of await session.accounts()) {
    await session.signOut('test cleanup', account.id);
  }
}

/** Polls `check` until it is true (e.g. the local Webex saw a request); fails after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) {
      return;
    }
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting until ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Shared set-up for the OAuth tests: one local Webex per test file (reset before each test), a
 * "browser" that follows the consent page with plain HTTP, and a check that nothing secret leaks
 * into an error.
 */
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { fetch } from 'undici';
import { WebexClient } from '../../../../src/webex/client';
import { OAuthTokenClient, type OAuthTokenClientOptions } from '../../../../src/webex/oauth/tokenClient';
import type { TokenRecord } from '../../../../src/webex/oauth/tokens';
import { LocalWebex } from '../../../sandbox/server';
import type { OAuthClient, TokenRequestRecord } from '../../../sandbox/oauth/oauthState';
import type { SandboxOAuth } from '../../../sandbox/oauth/sandboxOAuth';
import { SMALL } from '../../../sandbox/scenarios/small';
import { localWebexPerSuite } from '../harness';

export { SMALL };

/** The messaging scopes the extension asks for (a subset of what the built-in client is registered for). */
export const SCOPES = ['spark:people_read', 'spark:rooms_read', 'spark:messages_read', 'spark:messages_write'];

export interface OAuthSandbox {
  readonly webex: LocalWebex;
  /** The local Webex's OAuth server (lifetimes, revocation, clock, token request log). */
  readonly oauth: SandboxOAuth;
  /** The built-in integration of the local Webex. */
  readonly integration: OAuthClient;
  tokenClient(options?: Partial<OAuthTokenClientOptions>): OAuthTokenClient;
  /** A REST client that sends `token()` on every request. */
  restClient(token: () => string | Promise<string>): WebexClient;
  tokenRequests(): TokenRequestRecord[];
}

export function useOAuthSandbox(): OAuthSandbox {
  const suite = localWebexPerSuite();
  const get = (): LocalWebex => suite.webex();
  const clients = suite.clients;
  // Typed loosely so this file compiles whether or not server.ts has mounted the OAuth part yet.
  const oauth = (): SandboxOAuth => {
    const mounted = (get() as LocalWebex & { oauth?: SandboxOAuth }).oauth;
    if (!mounted) {
      throw new Error('this local Webex has no OAuth endpoints (test/sandbox/server.ts does not mount test/sandbox/oauth)');
    }
    return mounted;
  };
  return {
    get webex() {
      return get();
    },
    get oauth() {
      return oauth();
    },
    get integration() {
      return oauth().builtInClient;
    },
    tokenClient(options = {}) {
      const integration = oauth().builtInClient;
      return new OAuthTokenClient({
        baseUrl: get().baseUrl,
        clientId: integration.clientId,
        clientSecret: () => integration.clientSecret,
        ...options,
      });
    },
    restClient(token) {
      const client = new WebexClient({ baseUrl: get().baseUrl, getToken: token, maxRetries: 0, maxRateLimitRetries: 0 });
      clients.push(client);
      return client;
    },
    tokenRequests() {
      return oauth().state.tokenRequests;
    },
  };
}

export interface ConsentOptions {
  /** Whom to sign in as on the consent page; default the page's preselected person. */
  email?: string;
  decision?: 'accept' | 'decline';
  /** Also "load" the redirect target (the loopback receiver), as a browser would. Default true. */
  deliver?: boolean;
}

/**
 * What a browser and its user do: load the authorize URL, submit the consent form, follow the
 * redirect. Returns the redirect target (with `code`/`error` and `state`).
 */
export async function consent(authorizeUrl: string, options: ConsentOptions = {}): Promise<URL> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  let location: string | null;
  if (page.status === 302) {
    location = page.headers.get('location'); // an error redirect straight from /authorize
    await page.arrayBuffer();
  } else {
    const html = await page.text();
    assert.equal(page.status, 200, `consent page: ${html}`);
    const request = /name="request" value="([^"]+)"/.exec(html)?.[1];
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    const preselected = /<option value="([^"]+)" selected>/.exec(html)?.[1];
    assert.ok(request && action && preselected, 'the consent page has a form');
    const answer = await fetch(new URL(action, authorizeUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request, email: options.email ?? preselected, decision: options.decision ?? 'accept' }).toString(),
      redirect: 'manual',
    });
    await answer.arrayBuffer();
    assert.equal(answer.status, 302, 'the consent form redirects');
    location = answer.headers.get('location');
  }
  assert.ok(location, 'a redirect location');
  const target = new URL(location);
  if (options.deliver !== false) {
    const landed = await fetch(target);
    await landed.arrayBuffer();
  }
  return target;
}

/** Signs Ada in through the whole code flow, without PKCE machinery in the test: returns her tokens. */
export async function signInDirectly(sandbox: OAuthSandbox, email = SMALL.ada.email): Promise<TokenRecord> {
  const integration = sandbox.integration;
  const redirectUri = 'http://127.0.0.1:9/oauth/callback';
  const url =
    `${sandbox.webex.baseUrl}/authorize?client_id=${integration.clientId}&response_type=code` +
    `&redirect_uri=${encodeURIComponent(redirectUri)}&scope=${encodeURIComponent(SCOPES.join(' '))}&state=s`;
  const target = await consent(url, { email, deliver: false });
  const code = target.searchParams.get('code');
  assert.ok(code);
  return sandbox.tokenClient().exchangeCode({ code, redirectUri, scopes: SCOPES });
}

/** Fails if any rendering of `error` (message, stack, JSON, inspect) contains one of `secrets`. */
export function assertNoSecrets(error: unknown, secrets: readonly string[]): void {
  const renderings = [String(error), inspect(error, { depth: 5 }), JSON.stringify(error) ?? ''];
  if (error instanceof Error) {
    renderings.push(error.message, error.stack ?? '');
  }
  for (const secret of secrets) {
    assert.ok(secret.length >= 8, 'a real secret');
    for (const text of renderings) {
      assert.ok(!text.includes(secret), 'an error rendering contains a secret');
    }
  }
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

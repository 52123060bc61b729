// The refresher against the local Webex's real refresh grant, with an injected clock.
import * as assert from 'node:assert/strict';
import { WebexApiError } from '../../../../src/webex/errors';
import { SignInRequiredError, TokenRefresher, type TokenRefresherOptions } from '../../../../src/webex/oauth/tokenRefresher';
import type { TokenRecord } from '../../../../src/webex/oauth/tokens';
import { SMALL, assertNoSecrets, rejection, signInDirectly, useOAuthSandbox } from './harness';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('oauth: token refresher', () => {
  const sandbox = useOAuthSandbox();

  /** A refresher over real refresh grants whose clock the test sets (`clock.now`). */
  function refresher(tokens: TokenRecord, options: Partial<TokenRefresherOptions> = {}) {
    const clock = { now: Date.parse(tokens.obtainedAt) };
    const signals: SignInRequiredError[] = [];
    const stored: TokenRecord[] = [];
    // The token client computes expiry times with the same clock.
    const client = sandbox.tokenClient({ now: () => clock.now });
    const r = new TokenRefresher({
      tokens,
      refresh: (current) => client.refresh(current),
      now: () => clock.now,
      onRefreshed: (t) => {
        stored.push(t);
      },
      onSignInRequired: (e) => signals.push(e),
      ...options,
    });
    return { r, clock, signals, stored };
  }

  const refreshGrants = (): number => sandbox.tokenRequests().filter((q) => q.grantType === 'refresh_token').length;
  /** Token requests as the server saw them, including those a fault answered before the endpoint did. */
  const tokenPosts = (): number => sandbox.webex.requests.filter((q) => q.method === 'POST' && q.path === '/v1/access_token').length;

  it('uses the access token as is until its last hour, then refreshes once and stores the new tokens', async () => {
    const tokens = await signInDirectly(sandbox);
    const { r, clock, stored } = refresher(tokens);

    clock.now = Date.parse(tokens.expiresAt) - 2 * HOUR;
    assert.equal(await r.getAccessToken(), tokens.accessToken);
    assert.equal(refreshGrants(), 0);

    clock.now = Date.parse(tokens.expiresAt) - 30 * 60_000;
    const fresh = await r.getAccessToken();
    assert.notEqual(fresh, tokens.accessToken);
    assert.equal(refreshGrants(), 1);
    assert.deepEqual(stored.map((t) => t.accessToken), [fresh]);
    assert.equal(await r.getAccessToken(), fresh, 'the new token is not due yet');
    assert.equal(refreshGrants(), 1);
    assert.equal((await sandbox.restClient(() => r.getAccessToken()).people.me()).emails[0], SMALL.ada.email);
  });

  it('refreshes a short-lived token in the second half of its life, not on every request', async () => {
    sandbox.oauth.setLifetimes({ accessTokenSeconds: 60 });
    const tokens = await signInDirectly(sandbox);
    const { r, clock } = refresher(tokens);
    clock.now += 20_000;
    assert.equal(await r.getAccessToken(), tokens.accessToken);
    clock.now += 15_000;
    assert.notEqual(await r.getAccessToken(), tokens.accessToken);
    assert.equal(refreshGrants(), 1);
  });

  it('lets concurrent callers share one refresh', async () => {
    const tokens = await signInDirectly(sandbox);
    const { r, clock } = refresher(tokens);
    clock.now = Date.parse(tokens.expiresAt) + DAY; // idle past expiry: every caller needs a new token

    const got = await Promise.all(Array.from({ length: 8 }, () => r.getAccessToken()));
    assert.equal(new Set(got).size, 1);
    assert.notEqual(got[0], tokens.accessToken);
    assert.equal(refreshGrants(), 1);
  });

  it('after a revoked refresh token says "sign in again" once, then fails fast without requests', async () => {
    const tokens = await signInDirectly(sandbox);
    const { r, clock, signals } = refresher(tokens);
    sandbox.oauth.revoke({ email: SMALL.ada.email });
    clock.now = Date.parse(tokens.expiresAt) + HOUR;

    const errors = await Promise.all([r.getAccessToken(), r.getAccessToken(), r.refresh()].map((p) => rejection(p)));
    const later = await rejection(r.getAccessToken());

    for (const error of [...errors, later]) {
      assert.ok(error instanceof SignInRequiredError);
      assert.equal(error.reason, 'refreshRefused');
      assertNoSecrets(error, [tokens.accessToken, tokens.refreshToken, sandbox.integration.clientSecret]);
    }
    assert.equal(signals.length, 1);
    assert.equal(refreshGrants(), 1);
    assert.ok(r.signInRequired);
  });

  it('does not call the service once the refresh token itself has expired', async () => {
    const tokens = await signInDirectly(sandbox);
    const { r, clock, signals } = refresher(tokens);
    clock.now = Date.parse(tokens.refreshTokenExpiresAt) + 1;
    const error = await rejection(r.getAccessToken());
    assert.ok(error instanceof SignInRequiredError);
    assert.equal(error.reason, 'refreshTokenExpired');
    assert.equal(signals.length, 1);
    assert.equal(refreshGrants(), 0);
  });

  it('keeps working with the old token when a refresh fails for a passing reason, and retries later', async () => {
    const tokens = await signInDirectly(sandbox);
    const { r, clock, signals } = refresher(tokens, { retryDelayMs: 60_000 });
    sandbox.webex.faults.add({ match: { method: 'POST', path: 'access_token' }, kind: 'status', status: 503 });
    clock.now = Date.parse(tokens.expiresAt) - 10 * 60_000;

    const before = tokenPosts();
    assert.equal(await r.getAccessToken(), tokens.accessToken);
    assert.equal(await r.getAccessToken(), tokens.accessToken, 'no new attempt within the retry delay');
    assert.equal(tokenPosts() - before, 1);

    clock.now += 61_000;
    assert.notEqual(await r.getAccessToken(), tokens.accessToken);
    assert.equal(tokenPosts() - before, 2);
    assert.equal(refreshGrants(), 1, 'the second attempt reached the token endpoint and succeeded');
    assert.equal(signals.length, 0);
  });

  it('reports a passing failure as itself (not "sign in again") once the old token has expired', async () => {
    const tokens = await signInDirectly(sandbox);
    const { r, clock, signals } = refresher(tokens);
    sandbox.webex.faults.add({ match: { method: 'POST', path: 'access_token' }, kind: 'status', status: 503 });
    clock.now = Date.parse(tokens.expiresAt) + 1;
    const error = await rejection(r.getAccessToken());
    assert.ok(error instanceof WebexApiError);
    assert.equal(error.status, 503);
    assert.equal(signals.length, 0);
    assert.equal(r.signInRequired, undefined);
  });

  it('adopts the tokens another window stored after it refreshed first with a rotating refresh token', async () => {
    sandbox.oauth.setLifetimes({ rotateRefreshTokens: true });
    const tokens = await signInDirectly(sandbox);
    const otherWindow = await sandbox.tokenClient().refresh(tokens);
    const { r, clock, signals } = refresher(tokens, { reload: () => Promise.resolve(otherWindow) });
    clock.now = Date.parse(tokens.expiresAt) - 10 * 60_000;

    assert.equal(await r.getAccessToken(), otherWindow.accessToken);
    assert.equal(signals.length, 0);
    assert.equal(r.tokens.refreshToken, otherWindow.refreshToken);
  });
});

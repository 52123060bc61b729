// The token endpoint: what the local Webex checks, what the client makes of its answers, and that
// no error ever carries the client secret, a code, a verifier or a token.
import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebexApiError } from '../../../../src/webex/errors';
import { buildAuthorizeUrl, createPkce } from '../../../../src/webex/oauth/authorize';
import { OAuthTokenClient, OAuthTokenError, isClientRejected, isPermanentGrantFailure } from '../../../../src/webex/oauth/tokenClient';
import { TOKEN_TEXT } from '../../../sandbox/oauth/tokenRoute';
import { SCOPES, SMALL, assertNoSecrets, consent, rejection, signInDirectly, useOAuthSandbox } from './harness';

describe('oauth: token endpoint', () => {
  const sandbox = useOAuthSandbox();
  const redirectUri = 'http://127.0.0.1:9/oauth/callback';

  /** A code for Ada, issued for a request with the given PKCE challenge (or none). */
  async function codeFor(pkce?: { challenge: string }): Promise<string> {
    const url = buildAuthorizeUrl({
      baseUrl: sandbox.webex.baseUrl,
      clientId: sandbox.integration.clientId,
      redirectUri,
      scopes: SCOPES,
      state: 'st',
      pkce: pkce ? { challenge: pkce.challenge, method: 'S256' } : undefined,
    });
    const code = (await consent(url, { email: SMALL.ada.email, deliver: false })).searchParams.get('code');
    assert.ok(code);
    return code;
  }

  it('checks the PKCE verifier: the right one gets tokens, a wrong or missing one a 400', async () => {
    const pkce = createPkce();
    const other = createPkce();
    const tokens = sandbox.tokenClient();

    for (const codeVerifier of [other.verifier, undefined]) {
      const code = await codeFor(pkce);
      const error = await rejection(tokens.exchangeCode({ code, redirectUri, codeVerifier, scopes: SCOPES }));
      assert.ok(error instanceof OAuthTokenError);
      assert.equal(error.status, 400);
      assert.equal(error.serverMessage, TOKEN_TEXT.pkce);
      assert.equal(error.path, '/access_token');
      assert.ok(isPermanentGrantFailure(error));
      assertNoSecrets(error, [code, pkce.verifier, other.verifier, sandbox.integration.clientSecret]);
    }
    const good = await tokens.exchangeCode({ code: await codeFor(pkce), redirectUri, codeVerifier: pkce.verifier, scopes: SCOPES });
    assert.equal((await sandbox.restClient(() => good.accessToken).people.me()).emails[0], SMALL.ada.email);
  });

  it('ignores a verifier when the authorize request had no challenge (what a service without PKCE does)', async () => {
    const tokens = await sandbox.tokenClient().exchangeCode({ code: await codeFor(), redirectUri, codeVerifier: createPkce().verifier, scopes: SCOPES });
    assert.ok(tokens.accessToken);
  });

  it('refuses a made-up code and a code used twice; the second use also revokes what the first got', async () => {
    const client = sandbox.tokenClient();
    const bad = await rejection(client.exchangeCode({ code: 'not-a-code-at-all', redirectUri, scopes: SCOPES }));
    assert.ok(bad instanceof OAuthTokenError);
    assert.equal(bad.status, 400);
    assert.equal(bad.serverMessage, TOKEN_TEXT.badCode);
    assert.ok(bad.trackingId, 'the service tracking id is kept');

    const code = await codeFor();
    const first = await client.exchangeCode({ code, redirectUri, scopes: SCOPES });
    const again = await rejection(client.exchangeCode({ code, redirectUri, scopes: SCOPES }));
    assert.ok(again instanceof OAuthTokenError);
    assert.equal(again.serverMessage, TOKEN_TEXT.usedCode);
    assert.match(again.message, /Webex said: The authorization code has already been used\. \(400 POST \/access_token\)/);
    assertNoSecrets(again, [code, sandbox.integration.clientSecret]);

    const revoked = await rejection(sandbox.restClient(() => first.accessToken).people.me());
    assert.ok(revoked instanceof WebexApiError);
    assert.equal(revoked.status, 401);
  });

  it('refuses a wrong client secret with 401, which tells the caller to ask for the secret again', async () => {
    const wrongSecret = 'this-is-not-the-secret-0123456789';
    const error = await rejection(
      sandbox.tokenClient({ clientSecret: () => wrongSecret }).exchangeCode({ code: await codeFor(), redirectUri, scopes: SCOPES }),
    );
    assert.ok(error instanceof OAuthTokenError);
    assert.equal(error.status, 401);
    assert.equal(error.serverMessage, TOKEN_TEXT.badClient);
    assert.ok(isClientRejected(error));
    assertNoSecrets(error, [wrongSecret, sandbox.integration.clientSecret]);
  });

  it('refuses a redirect_uri other than the authorize request\'s', async () => {
    const error = await rejection(
      sandbox.tokenClient().exchangeCode({ code: await codeFor(), redirectUri: 'http://127.0.0.1:10/oauth/callback', scopes: SCOPES }),
    );
    assert.ok(error instanceof OAuthTokenError);
    assert.equal(error.serverMessage, TOKEN_TEXT.redirectMismatch);
  });

  it('refreshes: a new access token for the same person, the refresh token kept when none is issued', async () => {
    const tokens = await signInDirectly(sandbox);
    const refreshed = await sandbox.tokenClient().refresh(tokens);

    assert.notEqual(refreshed.accessToken, tokens.accessToken);
    assert.equal(refreshed.refreshToken, tokens.refreshToken);
    assert.deepEqual(refreshed.scopes, tokens.scopes);
    assert.equal((await sandbox.restClient(() => refreshed.accessToken).people.me()).emails[0], SMALL.ada.email);
  });

  it('uses a rotated refresh token when the service issues one', async () => {
    sandbox.oauth.setLifetimes({ rotateRefreshTokens: true });
    const tokens = await signInDirectly(sandbox);
    const refreshed = await sandbox.tokenClient().refresh(tokens);
    assert.notEqual(refreshed.refreshToken, tokens.refreshToken);
    const old = await rejection(sandbox.tokenClient().refresh(tokens));
    assert.ok(isPermanentGrantFailure(old));
  });

  it('refuses a revoked and an expired refresh token with 400, without repeating it', async () => {
    const tokens = await signInDirectly(sandbox);
    sandbox.oauth.revoke({ email: SMALL.ada.email });
    const revoked = await rejection(sandbox.tokenClient().refresh(tokens));
    assert.ok(revoked instanceof OAuthTokenError);
    assert.equal(revoked.status, 400);
    assert.equal(revoked.serverMessage, TOKEN_TEXT.revokedRefresh);
    assertNoSecrets(revoked, [tokens.refreshToken, tokens.accessToken, sandbox.integration.clientSecret]);

    const fresh = await signInDirectly(sandbox);
    sandbox.oauth.state.advance(91 * 24 * 3600);
    const expired = await rejection(sandbox.tokenClient().refresh(fresh));
    assert.ok(expired instanceof OAuthTokenError);
    assert.equal(expired.serverMessage, TOKEN_TEXT.expiredRefresh);
    const old = await rejection(sandbox.restClient(() => fresh.accessToken).people.me());
    assert.equal((old as WebexApiError).status, 401, 'the 14-day access token expired long before');
  });

  it('issues the lifetimes it is told to (seconds in expires_in, turned into times)', async () => {
    sandbox.oauth.setLifetimes({ accessTokenSeconds: 120, refreshTokenSeconds: 3600 });
    const tokens = await signInDirectly(sandbox);
    const obtained = Date.parse(tokens.obtainedAt);
    assert.equal(Date.parse(tokens.expiresAt) - obtained, 120_000);
    assert.equal(Date.parse(tokens.refreshTokenExpiresAt) - obtained, 3600_000);
  });

  it('turns a 503 into a retryable http error and a closed port into a network error', async () => {
    sandbox.webex.faults.add({ match: { method: 'POST', path: 'access_token' }, kind: 'status', status: 503 });
    const tokens = await signInDirectly(sandbox).catch((e: unknown) => e);
    assert.ok(tokens instanceof OAuthTokenError);
    assert.equal(tokens.status, 503);
    assert.equal(isPermanentGrantFailure(tokens), false);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = new OAuthTokenClient({ baseUrl: `http://127.0.0.1:${port}/v1`, clientId: 'C1', clientSecret: () => 'secret-that-must-not-leak' });
    const network = await rejection(client.exchangeCode({ code: 'code-that-must-not-leak', redirectUri, scopes: SCOPES }));
    assert.ok(network instanceof OAuthTokenError);
    assert.equal(network.kind, 'network');
    assert.equal(isPermanentGrantFailure(network), false);
    assertNoSecrets(network, ['secret-that-must-not-leak', 'code-that-must-not-leak']);
  });
});

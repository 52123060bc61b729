// The authorization-code flow end to end against the local Webex, with a plain-HTTP "browser".
import * as assert from 'node:assert/strict';
import { fetch } from 'undici';
import { buildAuthorizeUrl, createPkce, pkceChallenge } from '../../../../src/webex/oauth/authorize';
import { runCodeFlow, type CodeFlowOptions } from '../../../../src/webex/oauth/codeFlow';
import { OAuthFlowError, startLoopbackReceiver } from '../../../../src/webex/oauth/loopbackReceiver';
import { SCOPES, SMALL, consent, rejection, useOAuthSandbox, type ConsentOptions } from './harness';

describe('oauth: authorize URL and PKCE', () => {
  it('computes the S256 challenge of RFC 7636 Appendix B', () => {
    assert.equal(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const pkce = createPkce();
    assert.match(pkce.verifier, /^[A-Za-z0-9_-]{43,128}$/);
    assert.equal(pkce.challenge, pkceChallenge(pkce.verifier));
  });

  it('builds {base}/authorize with every parameter, scopes joined by %20', () => {
    const url = new URL(
      buildAuthorizeUrl({
        baseUrl: 'https://webexapis.com/v1/',
        clientId: 'C123',
        redirectUri: 'http://127.0.0.1:8765/oauth/callback',
        scopes: ['spark:rooms_read', 'spark:kms'],
        state: 'st',
        pkce: { challenge: 'ch', method: 'S256' },
      }),
    );
    assert.equal(url.origin + url.pathname, 'https://webexapis.com/v1/authorize');
    assert.match(url.search, /scope=spark%3Arooms_read%20spark%3Akms/);
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      client_id: 'C123',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:8765/oauth/callback',
      scope: 'spark:rooms_read spark:kms',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });
});

describe('oauth: code flow against the local Webex', () => {
  const sandbox = useOAuthSandbox();

  function flow(browser: ConsentOptions = {}, overrides: Partial<CodeFlowOptions> = {}): Promise<Awaited<ReturnType<typeof runCodeFlow>>> {
    const tokens = sandbox.tokenClient();
    return runCodeFlow({
      baseUrl: sandbox.webex.baseUrl,
      clientId: sandbox.integration.clientId,
      scopes: SCOPES,
      exchangeCode: (exchange) => tokens.exchangeCode(exchange),
      openBrowser: (url) => {
        // The browser runs on its own, as a real one would.
        void consent(url, browser).catch(() => undefined);
        return Promise.resolve(true);
      },
      timeoutMs: 10_000,
      ...overrides,
    });
  }

  it('signs in: consent, redirect to the loopback receiver, code exchange with the PKCE verifier; the token is Ada on the REST API', async () => {
    const tokens = await flow({ email: SMALL.ada.email });

    assert.deepEqual(tokens.scopes, SCOPES);
    assert.ok(Date.parse(tokens.expiresAt) > Date.now());
    assert.ok(Date.parse(tokens.refreshTokenExpiresAt) > Date.parse(tokens.expiresAt));
    const me = await sandbox.restClient(() => tokens.accessToken).people.me();
    assert.equal(me.emails[0], SMALL.ada.email);
    assert.deepEqual(
      sandbox.tokenRequests().map((r) => [r.grantType, r.status, r.codeVerifier]),
      [['authorization_code', 200, true]],
    );
  });

  it('signs in as whoever the user picks on the consent page', async () => {
    const tokens = await flow({ email: SMALL.grace.email });
    const me = await sandbox.restClient(() => tokens.accessToken).people.me();
    assert.equal(me.displayName, SMALL.grace.displayName);
  });

  it('reports a declined consent as `denied` and exchanges nothing', async () => {
    const error = await rejection(flow({ decision: 'decline' }));
    assert.ok(error instanceof OAuthFlowError);
    assert.equal(error.failure, 'denied');
    assert.equal(error.oauthError, 'access_denied');
    assert.deepEqual(sandbox.tokenRequests(), []);
  });

  it('reports a scope the integration is not registered for as the service\'s invalid_scope', async () => {
    const error = await rejection(flow({}, { scopes: ['spark:rooms_read', 'spark-admin:people_write'] }));
    assert.ok(error instanceof OAuthFlowError);
    assert.equal(error.failure, 'authorizeError');
    assert.equal(error.oauthError, 'invalid_scope');
  });

  it('gives up after its timeout when the browser never comes back, and frees the port', async () => {
    const error = await rejection(flow({}, { openBrowser: () => Promise.resolve(true), timeoutMs: 50, port: 0 }));
    assert.ok(error instanceof OAuthFlowError);
    assert.equal(error.failure, 'timeout');
  });

  it('is cancelled when the browser is not opened', async () => {
    const error = await rejection(flow({}, { openBrowser: () => Promise.resolve(false) }));
    assert.ok(error instanceof OAuthFlowError);
    assert.equal(error.failure, 'cancelled');
  });

  it('can be answered through the /_sandbox/oauth/consent control, as the extension-host tests do', async () => {
    const tokens = await flow({}, {
      openBrowser: async (url) => {
        const page = await fetch(url); // the browser shows the consent page…
        await page.arrayBuffer();
        const control = await fetch(`${sandbox.webex.origin}/_sandbox/oauth/consent`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: SMALL.grace.email }),
        });
        const { location } = (await control.json()) as { location: string };
        void fetch(location).then((r) => r.arrayBuffer()); // …and follows the redirect the user's click causes
        return true;
      },
    });
    const me = await sandbox.restClient(() => tokens.accessToken).people.me();
    assert.equal(me.emails[0], SMALL.grace.email);
  });

  it('sends the external redirect URI (asExternalUri) in both the authorize request and the exchange', async () => {
    let seen: string | undefined;
    const tokens = await flow({}, { externalRedirectUri: (uri) => Promise.resolve(uri), onRedirectUri: (uri) => (seen = uri) });
    assert.match(seen ?? '', /^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
    assert.ok(tokens.accessToken);
  });
});

describe('oauth: loopback receiver', () => {
  const sandbox = useOAuthSandbox();

  it('rejects a redirect whose state is not ours, answers it with an error page, and closes', async () => {
    const receiver = await startLoopbackReceiver({ state: 'the-real-state', timeoutMs: 10_000 });
    const url = buildAuthorizeUrl({
      baseUrl: sandbox.webex.baseUrl,
      clientId: sandbox.integration.clientId,
      redirectUri: receiver.redirectUri,
      scopes: SCOPES,
      state: 'forged-state',
    });
    const target = await consent(url, { deliver: false });
    const answer = await fetch(target);
    assert.equal(answer.status, 400);
    assert.match(await answer.text(), /does not belong to the sign-in VS Code started/);

    const error = await rejection(receiver.result);
    assert.ok(error instanceof OAuthFlowError);
    assert.equal(error.failure, 'stateMismatch');
    assert.ok(!error.message.includes(target.searchParams.get('code') ?? '<none>'));
    await assert.rejects(fetch(receiver.redirectUri), 'the receiver is closed');
  });

  it('answers other paths with 404 and keeps waiting for the redirect', async () => {
    const receiver = await startLoopbackReceiver({ state: 'st', timeoutMs: 10_000 });
    const origin = new URL(receiver.redirectUri).origin;
    const favicon = await fetch(`${origin}/favicon.ico`);
    assert.equal(favicon.status, 404);
    await favicon.arrayBuffer();
    const page = await fetch(`${receiver.redirectUri}?code=abc&state=st`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /You can close this tab/);
    assert.deepEqual(await receiver.result, { code: 'abc' });
  });

  it('says which port is taken when the fixed redirect port is in use', async () => {
    const first = await startLoopbackReceiver({ state: 'a', timeoutMs: 10_000 });
    try {
      const error = await rejection(startLoopbackReceiver({ state: 'b', port: first.port }));
      assert.ok(error instanceof OAuthFlowError);
      assert.equal(error.failure, 'portInUse');
      assert.match(error.message, new RegExp(`Port ${first.port}`));
    } finally {
      first.close();
      await rejection(first.result);
    }
  });
});

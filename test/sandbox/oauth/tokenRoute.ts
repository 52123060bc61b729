/**
 * `POST /v1/access_token`: the `authorization_code` and `refresh_token` grants of a Webex
 * integration, form-encoded with client_id and client_secret (developer.webex.com/docs/integrations;
 * WebexCommunity/WebexPythonSDK api/access_tokens.py). Client credentials may also come as HTTP Basic
 * (RFC 6749 §2.3.1; the JS SDK's first-party plugin sends them so).
 *
 * Success: `{access_token, expires_in, refresh_token, refresh_token_expires_in, token_type}` (the
 * fields webex-js-sdk reads). Failures use Webex's error body
 * `{message, errors:[{description}], trackingId}` (as webex-api-emulator quotes it): 400 for a bad,
 * used or expired code, a redirect_uri or PKCE verifier that does not match, a revoked or expired
 * refresh token; 401 for an unknown client or a wrong secret (RFC 6749 §5.2 allows 401 for
 * invalid_client). The exact statuses and texts of Webex's token endpoint are [UNVERIFIED]; the
 * texts here are ours and never repeat a secret.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError, bodyOf, sendJson, type Ctx } from '../http';
import type { GrantRec, OAuthClient, OAuthState, TokenRequestRecord } from './oauthState';

export const TOKEN_TEXT = {
  badCode: 'The authorization code is not valid.',
  usedCode: 'The authorization code has already been used.',
  expiredCode: 'The authorization code has expired.',
  redirectMismatch: 'The redirect_uri does not match the one the authorization code was issued for.',
  pkce: 'The code_verifier does not match the code_challenge.',
  badClient: 'The client_id or client_secret is not valid.',
  badRefresh: 'The refresh token is not valid.',
  revokedRefresh: 'The refresh token has been revoked.',
  expiredRefresh: 'The refresh token has expired.',
} as const;

/** Answers the token endpoint, recording every request in `oauth.tokenRequests`. */
export async function tokenEndpoint(ctx: Ctx, oauth: OAuthState): Promise<void> {
  const record: TokenRequestRecord = { grantType: '', status: 0, codeVerifier: false };
  oauth.tokenRequests.push(record);
  try {
    await grant(ctx, oauth, record);
  } finally {
    record.status = ctx.status;
  }
}

async function grant(ctx: Ctx, oauth: OAuthState, record: TokenRequestRecord): Promise<void> {
  const type = (ctx.req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const raw = await bodyOf(ctx, 64 * 1024, new HttpError(400, 'The request body is too large.'));
  if (type !== 'application/x-www-form-urlencoded') {
    throw new HttpError(415, `Content type '${type || 'text/plain'}' not supported`);
  }
  const form = new URLSearchParams(raw.toString('utf8'));
  record.grantType = form.get('grant_type') ?? '';
  record.codeVerifier = form.has('code_verifier');
  const client = authenticate(ctx, oauth, form, record);
  switch (record.grantType) {
    case 'authorization_code':
      codeGrant(ctx, oauth, client, form, record);
      return;
    case 'refresh_token':
      refreshGrant(ctx, oauth, client, form, record);
      return;
    case '':
      throw new HttpError(400, "Required String parameter 'grant_type' is not present");
    default:
      throw new HttpError(400, `Unsupported grant_type '${record.grantType}'.`);
  }
}

function authenticate(ctx: Ctx, oauth: OAuthState, form: URLSearchParams, record: TokenRequestRecord): OAuthClient {
  let id = form.get('client_id');
  let secret = form.get('client_secret');
  const basic = /^Basic\s+(\S+)$/i.exec(ctx.req.headers.authorization ?? '');
  if (basic && id === null) {
    const [user, ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    id = decodeURIComponent(user);
    secret = decodeURIComponent(rest.join(':'));
  }
  record.clientId = id ?? undefined;
  const client = oauth.clients.get(id ?? '');
  if (!client || secret === null || !equal(secret, client.clientSecret)) {
    throw new HttpError(401, TOKEN_TEXT.badClient);
  }
  return client;
}

function codeGrant(ctx: Ctx, oauth: OAuthState, client: OAuthClient, form: URLSearchParams, record: TokenRequestRecord): void {
  const code = oauth.codes.get(form.get('code') ?? '');
  if (!code || code.clientId !== client.clientId) {
    throw new HttpError(400, TOKEN_TEXT.badCode);
  }
  record.email = code.email;
  if (code.grantId !== undefined) {
    // RFC 6749 §4.1.2: a code used twice SHOULD revoke what was issued from it.
    const issued = oauth.grants.get(code.grantId);
    if (issued) {
      oauth.revoke(issued);
    }
    throw new HttpError(400, TOKEN_TEXT.usedCode);
  }
  if (oauth.now() >= code.expiresAt) {
    throw new HttpError(400, TOKEN_TEXT.expiredCode);
  }
  if (form.get('redirect_uri') !== code.redirectUri) {
    throw new HttpError(400, TOKEN_TEXT.redirectMismatch);
  }
  if (code.codeChallenge !== undefined) {
    const verifier = form.get('code_verifier') ?? '';
    const expected = code.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || !equal(expected, code.codeChallenge)) {
      throw new HttpError(400, TOKEN_TEXT.pkce);
    }
  }
  const { grant, access } = oauth.newGrant(code);
  sendTokens(ctx, oauth, grant, access.token, access.expiresAt);
}

function refreshGrant(ctx: Ctx, oauth: OAuthState, client: OAuthClient, form: URLSearchParams, record: TokenRequestRecord): void {
  const grant = oauth.grantsByRefreshToken.get(form.get('refresh_token') ?? '');
  if (!grant || grant.clientId !== client.clientId) {
    throw new HttpError(400, TOKEN_TEXT.badRefresh);
  }
  record.email = grant.email;
  if (grant.revoked) {
    throw new HttpError(400, TOKEN_TEXT.revokedRefresh);
  }
  if (oauth.now() >= grant.refreshExpiresAt) {
    throw new HttpError(400, TOKEN_TEXT.expiredRefresh);
  }
  if (oauth.lifetimes.rotateRefreshTokens) {
    oauth.rotate(grant);
  }
  const access = oauth.newAccessToken(grant);
  sendTokens(ctx, oauth, grant, access.token, access.expiresAt);
}

function sendTokens(ctx: Ctx, oauth: OAuthState, grant: GrantRec, accessToken: string, expiresAt: number): void {
  const now = oauth.now();
  sendJson(
    ctx,
    200,
    {
      access_token: accessToken,
      expires_in: Math.max(Math.round((expiresAt - now) / 1000), 0),
      refresh_token: grant.refreshToken,
      refresh_token_expires_in: Math.max(Math.round((grant.refreshExpiresAt - now) / 1000), 0),
      token_type: 'Bearer',
    },
    { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
  );
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The first leg of the authorization-code grant: the `{base}/authorize` URL, its `state` and the
 * PKCE pair (RFC 7636).
 *
 * What Webex documents: `GET https://webexapis.com/v1/authorize?client_id=…&response_type=code&
 * redirect_uri=…&scope=<space separated>&state=…` (developer.webex.com/docs/integrations, "Requesting
 * Permission"; the same shape in WebexSamples/webex-oauth-integration `server.js`).
 *
 * PKCE: developer.webex.com/docs/login-with-webex recommends "Authorization Code Flow with Proof Key
 * of Code Exchange" for clients with a browser, on the same authorize endpoint, and Webex's own web
 * client sends `code_challenge` + `code_challenge_method=S256` and later `code_verifier`
 * (webex/webex-js-sdk `plugin-authorization-browser-first-party/src/authorization.js`
 * `_generateCodeChallenge`). Whether the token endpoint of an ordinary integration *checks* the
 * verifier is [UNVERIFIED]. It is sent anyway: a service that checks it is protected against a stolen
 * code, and one that ignores unknown parameters (RFC 6749 §3.1) works as before; the client secret
 * still authenticates the exchange.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Pkce {
  /** Kept by the extension until the code exchange; never leaves the machine before that. */
  verifier: string;
  /** BASE64URL(SHA256(verifier)), sent with the authorize request. */
  challenge: string;
  method: 'S256';
}

/** A fresh PKCE pair: 48 random bytes give a 64-character verifier (RFC 7636 §4.1 allows 43–128). */
export function createPkce(): Pkce {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier), method: 'S256' };
}

/** RFC 7636 §4.2: `code_challenge = BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))`. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** An unguessable `state` (RFC 6749 §10.12: binds the redirect to this sign-in attempt). */
export function createState(): string {
  return randomBytes(24).toString('base64url');
}

export interface AuthorizeRequest {
  /** The API base, e.g. `https://webexapis.com/v1`; the URL is `{base}/authorize`. */
  baseUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  /** Omit to ask without PKCE. */
  pkce?: Pick<Pkce, 'challenge' | 'method'>;
}

/**
 * `{base}/authorize?…`. Values are percent-encoded with `encodeURIComponent`, so the scope list is
 * joined by `%20` as in Webex's own examples (not `+`, which URLSearchParams would write).
 */
export function buildAuthorizeUrl(request: AuthorizeRequest): string {
  const base = request.baseUrl.trim().replace(/\/+$/, '');
  const params: Array<[string, string]> = [
    ['client_id', request.clientId],
    ['response_type', 'code'],
    ['redirect_uri', request.redirectUri],
    ['scope', request.scopes.join(' ')],
    ['state', request.state],
  ];
  if (request.pkce) {
    params.push(['code_challenge', request.pkce.challenge], ['code_challenge_method', request.pkce.method]);
  }
  return `${base}/authorize?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

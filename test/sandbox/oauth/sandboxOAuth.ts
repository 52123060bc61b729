/**
 * The OAuth side of the local Webex, mounted by server.ts:
 * - `route(ctx, apiPath)` answers `/v1/authorize`, `/v1/authorize/consent` and `/v1/access_token`
 *   (before bearer authentication: these endpoints take none);
 * - `personForToken(token)` lets an access token it issued act as its person on the REST API until
 *   it expires or is revoked;
 * - `control(…)` answers `/_sandbox/oauth/…` for tests in another process;
 * - `reset()` forgets every grant (server reset).
 *
 * Control endpoints (JSON):
 *   GET  /_sandbox/oauth/clients                  → { items: [{clientId, clientSecret, name, redirectUris, loopbackAnyPort, scopes}] }
 *   POST /_sandbox/oauth/clients   {name?, redirectUris, scopes?, loopbackAnyPort?} → the new client
 *   POST /_sandbox/oauth/lifetimes {accessTokenSeconds?, refreshTokenSeconds?, codeSeconds?, rotateRefreshTokens?} → lifetimes
 *   POST /_sandbox/oauth/revoke    {email?} (all grants of that person; all grants without) + {keepAccessTokens?} → {revoked}
 *   POST /_sandbox/oauth/clock     {advanceSeconds}  → {offsetSeconds}
 *   GET  /_sandbox/oauth/requests                 → { items: TokenRequestRecord[] }  (no tokens, codes or secrets)
 *   DELETE /_sandbox/oauth/requests
 *   POST /_sandbox/oauth/consent   {email?, decision?: 'accept'|'decline'} → {location}: answers the newest pending
 *                                  consent page as the user would; the caller loads `location` (the redirect).
 *   GET  /_sandbox/oauth/grants                   → { items: [{email, clientId, scopes, revoked, refreshTokenExpiresAt, accessTokens}] }
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, createHash } from 'node:crypto';
import { HttpError, readBody, type Ctx } from '../http';
import type { PersonRec, Store } from '../store';
import { CONSENT_PATH, answerConsent, decide, showAuthorize } from './authorizeRoute';
import { MESSAGING_SCOPES, OAuthState, type Lifetimes, type OAuthClient } from './oauthState';
import { tokenEndpoint } from './tokenRoute';

export class SandboxOAuth {
  readonly state = new OAuthState();

  /** `store()` is the server's current store (a reset replaces it). */
  constructor(private readonly store: () => Store) {}

  /** The integration every local Webex knows. */
  get builtInClient(): OAuthClient {
    return [...this.state.clients.values()][0];
  }

  /** Answers the OAuth endpoints; false for any other path. `apiPath` is the path after `/v1`. */
  async route(ctx: Ctx, apiPath: string): Promise<boolean> {
    const key = `${ctx.method} ${apiPath}`;
    if (key === 'GET /authorize') {
      showAuthorize(ctx, this.state, this.store());
    } else if (key === `POST ${CONSENT_PATH}`) {
      await answerConsent(ctx, this.state, this.store());
    } else if (key === 'POST /access_token') {
      await tokenEndpoint(ctx, this.state);
    } else if (apiPath === '/authorize' || apiPath === CONSENT_PATH || apiPath === '/access_token') {
      throw new HttpError(405, `Request method '${ctx.method}' not supported`);
    } else {
      return false;
    }
    return true;
  }

  /** The person an issued access token acts for, if it is still valid. */
  personForToken(token: string): PersonRec | undefined {
    const email = this.state.emailForAccessToken(token);
    return email === undefined ? undefined : this.store().peopleByEmail.get(email.toLowerCase());
  }

  reset(): void {
    this.state.reset();
  }

  registerClient(init: { name?: string; redirectUris: string[]; scopes?: string[]; loopbackAnyPort?: boolean }): OAuthClient {
    if (!Array.isArray(init.redirectUris) || !init.redirectUris.every((u) => typeof u === 'string')) {
      throw new HttpError(400, 'redirectUris must be an array of strings.');
    }
    const client: OAuthClient = {
      clientId: `C${createHash('sha256').update(randomBytes(32)).digest('hex')}`,
      clientSecret: randomBytes(32).toString('hex'),
      name: init.name ?? 'Test integration',
      redirectUris: init.redirectUris,
      loopbackAnyPort: init.loopbackAnyPort ?? false,
      scopes: init.scopes ?? [...MESSAGING_SCOPES],
    };
    this.state.clients.set(client.clientId, client);
    return client;
  }

  setLifetimes(changes: Partial<Lifetimes>): Lifetimes {
    const next = { ...this.state.lifetimes };
    for (const key of ['accessTokenSeconds', 'refreshTokenSeconds', 'codeSeconds'] as const) {
      const v = changes[key];
      if (v !== undefined) {
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
          throw new HttpError(400, `${key} must be a number of seconds.`);
        }
        next[key] = v;
      }
    }
    if (changes.rotateRefreshTokens !== undefined) {
      next.rotateRefreshTokens = changes.rotateRefreshTokens === true;
    }
    this.state.lifetimes = next;
    return next;
  }

  /** Revokes the grants of `email` (all grants without one); returns how many. */
  revoke(options: { email?: string; keepAccessTokens?: boolean } = {}): number {
    let count = 0;
    for (const grant of this.state.grants.values()) {
      if (!grant.revoked && (options.email === undefined || grant.email.toLowerCase() === options.email.toLowerCase())) {
        this.state.revoke(grant, options.keepAccessTokens === true);
        count++;
      }
    }
    return count;
  }

  /**
   * Answers the newest pending consent (as a user clicking Accept or Decline would) and returns the
   * redirect target for the caller to load. Default: accept, as the page's preselected person.
   */
  consent(options: { email?: string; decision?: string } = {}): { location: string } {
    const pending = [...this.state.consents.values()].pop();
    if (!pending) {
      throw new HttpError(404, 'No consent page is waiting for an answer.');
    }
    const store = this.store();
    const email = options.email ?? [...store.people.values()].filter((p) => p.type !== 'bot').sort((a, b) => a.displayName.localeCompare(b.displayName))[0]?.email ?? '';
    const outcome = decide(this.state, store, pending.id, email, options.decision !== 'decline');
    if (typeof outcome === 'string') {
      throw new HttpError(400, outcome);
    }
    return outcome;
  }

  /** Answers `/_sandbox/oauth/…`. */
  async control(req: IncomingMessage, res: ServerResponse, path: string, trackingId: string): Promise<void> {
    const reply = (status: number, body?: unknown): void => {
      const text = body === undefined ? undefined : JSON.stringify(body);
      res.writeHead(status, {
        TrackingID: trackingId,
        ...(text !== undefined ? { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': String(Buffer.byteLength(text)) } : {}),
      });
      res.end(text);
    };
    try {
      const route = `${req.method ?? 'GET'} ${path}`;
      const body = req.method === 'POST' ? await jsonObject(req) : {};
      switch (route) {
        case 'GET /_sandbox/oauth/clients':
          reply(200, { items: [...this.state.clients.values()] });
          return;
        case 'POST /_sandbox/oauth/clients':
          reply(200, this.registerClient(body as Parameters<SandboxOAuth['registerClient']>[0]));
          return;
        case 'POST /_sandbox/oauth/lifetimes':
          reply(200, this.setLifetimes(body));
          return;
        case 'POST /_sandbox/oauth/revoke':
          reply(200, { revoked: this.revoke(body) });
          return;
        case 'POST /_sandbox/oauth/clock': {
          const seconds = body.advanceSeconds;
          if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
            throw new HttpError(400, 'advanceSeconds must be a non-negative number.');
          }
          this.state.advance(seconds);
          reply(200, { offsetSeconds: Math.round((this.state.now() - Date.now()) / 1000) });
          return;
        }
        case 'POST /_sandbox/oauth/consent': {
          reply(200, this.consent(body));
          return;
        }
        case 'GET /_sandbox/oauth/requests':
          reply(200, { items: this.state.tokenRequests });
          return;
        case 'DELETE /_sandbox/oauth/requests':
          this.state.tokenRequests.length = 0;
          reply(204);
          return;
        case 'GET /_sandbox/oauth/grants':
          reply(200, {
            items: [...this.state.grants.values()].map((g) => ({
              email: g.email,
              clientId: g.clientId,
              scopes: g.scopes,
              revoked: g.revoked,
              refreshTokenExpiresAt: new Date(g.refreshExpiresAt).toISOString(),
              accessTokens: g.accessTokens.size,
            })),
          });
          return;
        default:
          throw new HttpError(404, `No control endpoint ${route}.`);
      }
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 400;
      const message = err instanceof Error ? err.message : String(err);
      reply(status, { message, errors: [{ description: message }], trackingId });
    }
  }
}

async function jsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req, 1024 * 1024, new HttpError(400, 'The body is too large.'));
  if (raw.length === 0) {
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The body is not JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

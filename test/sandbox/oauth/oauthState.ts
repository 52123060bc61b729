/**
 * The state of the local Webex's OAuth authorization server: registered integrations (clients),
 * pending consent requests, authorization codes, grants (one per sign-in: a refresh token and the
 * access tokens issued from it), lifetimes and a clock that tests can move forward.
 *
 * Lifetimes default to what Webex issues: access token 14 days, refresh token 90 days
 * (WebexSamples/webex-oauth-integration server.js). The code's lifetime is not published
 * [UNVERIFIED]; 5 minutes here (RFC 6749 §4.1.2 recommends at most 10).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  name: string;
  /** Exact redirect URIs (RFC 6749 §3.1.2.3 simple string comparison). */
  redirectUris: string[];
  /**
   * Whether a loopback redirect URI matches whatever its port (RFC 8252 §7.3). Whether Webex does
   * this is [UNVERIFIED]; the built-in client does it so tests may use any free port.
   */
  loopbackAnyPort: boolean;
  /** The scopes the integration was registered with; an authorize request may ask for a subset. */
  scopes: string[];
}

export interface Lifetimes {
  accessTokenSeconds: number;
  refreshTokenSeconds: number;
  codeSeconds: number;
  /** Whether a refresh answer carries a new refresh token (and the old one stops working). */
  rotateRefreshTokens: boolean;
}

export interface PendingConsent {
  id: string;
  client: OAuthClient;
  redirectUri: string;
  scopes: string[];
  state?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  expiresAt: number;
}

export interface CodeRec {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  email: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  expiresAt: number;
  /** The grant the code was exchanged for, once used. */
  grantId?: string;
}

export interface GrantRec {
  id: string;
  clientId: string;
  email: string;
  scopes: string[];
  refreshToken: string;
  refreshExpiresAt: number;
  revoked: boolean;
  accessTokens: Set<string>;
}

export interface AccessTokenRec {
  token: string;
  grantId: string;
  email: string;
  expiresAt: number;
  revoked: boolean;
}

/** One request to the token endpoint, for tests: never a token, code or secret. */
export interface TokenRequestRecord {
  grantType: string;
  clientId?: string;
  status: number;
  /** The person the grant is for, when known. */
  email?: string;
  /** Whether a PKCE verifier was sent. */
  codeVerifier: boolean;
}

/**
 * Scopes of the messaging API (as webex-js-sdk's `.env.default` names them) plus what the websocket
 * needs (`spark:all`, `spark:kms`: webex-js-sdk `@webex/plugin-messages`).
 */
export const MESSAGING_SCOPES: readonly string[] = Object.freeze([
  'spark:people_read',
  'spark:rooms_read',
  'spark:rooms_write',
  'spark:memberships_read',
  'spark:memberships_write',
  'spark:messages_read',
  'spark:messages_write',
  'spark:teams_read',
  'spark:teams_write',
  'spark:team_memberships_read',
  'spark:team_memberships_write',
  'spark:kms',
  'spark:all',
]);

export const DEFAULT_LIFETIMES: Readonly<Lifetimes> = Object.freeze({
  accessTokenSeconds: 14 * 24 * 3600,
  refreshTokenSeconds: 90 * 24 * 3600,
  codeSeconds: 300,
  rotateRefreshTokens: false,
});

const CONSENT_SECONDS = 600;

/** The integration every local Webex knows; ids in Webex's form (`C` + 64 hex digits). */
export function builtInClient(): OAuthClient {
  const hex = (s: string): string => createHash('sha256').update(s).digest('hex');
  return {
    clientId: `C${hex('webex-vscode local integration')}`,
    clientSecret: hex('webex-vscode local integration secret'),
    name: 'Webex for VS Code (local)',
    redirectUris: ['http://127.0.0.1/oauth/callback'],
    loopbackAnyPort: true,
    scopes: [...MESSAGING_SCOPES],
  };
}

/** Opaque tokens in the shape Webex's have (`<base64url>_<cluster>_<org uuid>`), unguessable. */
function newToken(): string {
  return `${randomBytes(48).toString('base64url')}_PF84_${randomUUID()}`;
}

export class OAuthState {
  readonly clients = new Map<string, OAuthClient>();
  readonly consents = new Map<string, PendingConsent>();
  readonly codes = new Map<string, CodeRec>();
  readonly grants = new Map<string, GrantRec>();
  readonly grantsByRefreshToken = new Map<string, GrantRec>();
  readonly accessTokens = new Map<string, AccessTokenRec>();
  readonly tokenRequests: TokenRequestRecord[] = [];
  lifetimes: Lifetimes = { ...DEFAULT_LIFETIMES };
  private offsetMs = 0;

  constructor() {
    this.reset();
  }

  /** Only the built-in client, default lifetimes, no grants, the real clock. */
  reset(): void {
    this.clients.clear();
    this.consents.clear();
    this.codes.clear();
    this.grants.clear();
    this.grantsByRefreshToken.clear();
    this.accessTokens.clear();
    this.tokenRequests.length = 0;
    this.lifetimes = { ...DEFAULT_LIFETIMES };
    this.offsetMs = 0;
    const client = builtInClient();
    this.clients.set(client.clientId, client);
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the OAuth clock forward (tokens and codes expire sooner); the REST API's own times are unaffected. */
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  /** Whether `uri` is one of the client's redirect URIs. */
  redirectAllowed(client: OAuthClient, uri: string): boolean {
    if (client.redirectUris.includes(uri)) {
      return true;
    }
    if (!client.loopbackAnyPort) {
      return false;
    }
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      return false;
    }
    if (url.protocol !== 'http:' || (url.hostname !== '127.0.0.1' && url.hostname !== '[::1]')) {
      return false;
    }
    url.port = '';
    return client.redirectUris.includes(url.toString());
  }

  addConsent(init: Omit<PendingConsent, 'id' | 'expiresAt'>): PendingConsent {
    const consent: PendingConsent = { ...init, id: randomBytes(16).toString('base64url'), expiresAt: this.now() + CONSENT_SECONDS * 1000 };
    this.consents.set(consent.id, consent);
    return consent;
  }

  issueCode(consent: PendingConsent, email: string): CodeRec {
    const rec: CodeRec = {
      code: newToken(),
      clientId: consent.client.clientId,
      redirectUri: consent.redirectUri,
      scopes: consent.scopes,
      email,
      codeChallenge: consent.codeChallenge,
      codeChallengeMethod: consent.codeChallengeMethod,
      expiresAt: this.now() + this.lifetimes.codeSeconds * 1000,
    };
    this.codes.set(rec.code, rec);
    return rec;
  }

  /** A new grant for a used code: its refresh token and first access token. */
  newGrant(code: CodeRec): { grant: GrantRec; access: AccessTokenRec } {
    const grant: GrantRec = {
      id: randomUUID(),
      clientId: code.clientId,
      email: code.email,
      scopes: code.scopes,
      refreshToken: newToken(),
      refreshExpiresAt: this.now() + this.lifetimes.refreshTokenSeconds * 1000,
      revoked: false,
      accessTokens: new Set(),
    };
    this.grants.set(grant.id, grant);
    this.grantsByRefreshToken.set(grant.refreshToken, grant);
    code.grantId = grant.id;
    return { grant, access: this.newAccessToken(grant) };
  }

  newAccessToken(grant: GrantRec): AccessTokenRec {
    const access: AccessTokenRec = {
      token: newToken(),
      grantId: grant.id,
      email: grant.email,
      expiresAt: this.now() + this.lifetimes.accessTokenSeconds * 1000,
      revoked: false,
    };
    this.accessTokens.set(access.token, access);
    grant.accessTokens.add(access.token);
    return access;
  }

  /** A new refresh token for the grant, the old one stops working (when rotation is on). */
  rotate(grant: GrantRec): void {
    this.grantsByRefreshToken.delete(grant.refreshToken);
    grant.refreshToken = newToken();
    this.grantsByRefreshToken.set(grant.refreshToken, grant);
  }

  /** Revokes a grant: its refresh token always, its access tokens too unless `keepAccessTokens`. */
  revoke(grant: GrantRec, keepAccessTokens = false): void {
    grant.revoked = true;
    if (!keepAccessTokens) {
      for (const token of grant.accessTokens) {
        const access = this.accessTokens.get(token);
        if (access) {
          access.revoked = true;
        }
      }
    }
  }

  /** The email of the person an access token acts for; undefined when unknown, expired or revoked. */
  emailForAccessToken(token: string): string | undefined {
    const access = this.accessTokens.get(token);
    if (!access || access.revoked || this.now() >= access.expiresAt) {
      return undefined;
    }
    return access.email;
  }
}

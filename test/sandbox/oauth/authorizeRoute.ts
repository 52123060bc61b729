/**
 * `GET /v1/authorize` and the consent page behind it.
 *
 * The real `https://webexapis.com/v1/authorize` sends the browser to Webex's sign-in and a consent
 * page, then redirects to `redirect_uri` with `code` and `state` (developer.webex.com/docs/integrations).
 * Errors follow RFC 6749 §4.1.2.1: an unknown client or a redirect URI that is not registered gets an
 * error page (never a redirect); anything else redirects with `error=` (`access_denied`,
 * `invalid_scope`, `unsupported_response_type`, `invalid_request`: the values
 * WebexSamples/webex-oauth-integration server.js handles). The page texts are ours.
 *
 * Here nobody types a password: the consent page has a person picker (no bots: a bot cannot
 * authorize an integration) and Accept / Decline buttons a browser test can click.
 */
import { HttpError, bodyOf, type Ctx } from '../http';
import type { PersonRec, Store } from '../store';
import type { OAuthState, PendingConsent } from './oauthState';

export const CONSENT_PATH = '/authorize/consent';

/** `GET /v1/authorize?client_id&response_type=code&redirect_uri&scope&state[&code_challenge&code_challenge_method]`. */
export function showAuthorize(ctx: Ctx, oauth: OAuthState, store: Store): void {
  const q = ctx.query;
  const client = oauth.clients.get(q.get('client_id') ?? '');
  if (!client) {
    sendPage(ctx, 400, 'Cannot sign in', '<p>This integration is not registered (unknown <code>client_id</code>).</p>');
    return;
  }
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!oauth.redirectAllowed(client, redirectUri)) {
    sendPage(ctx, 400, 'Cannot sign in', `<p>The <code>redirect_uri</code> is not one of the redirect URIs registered for ${escapeHtml(client.name)}.</p>`);
    return;
  }
  const state = q.get('state') ?? undefined;
  const fail = (error: string, description: string): void => redirect(ctx, redirectUri, { error, error_description: description, state });
  if (q.get('response_type') !== 'code') {
    fail('unsupported_response_type', 'Only response_type=code is supported.');
    return;
  }
  const scopes = (q.get('scope') ?? '').split(/\s+/).filter((s) => s !== '');
  const unknown = scopes.filter((s) => !client.scopes.includes(s));
  if (scopes.length === 0 || unknown.length > 0) {
    fail('invalid_scope', scopes.length === 0 ? 'No scope was requested.' : `The integration is not registered for ${unknown.join(' ')}.`);
    return;
  }
  const challenge = q.get('code_challenge') ?? undefined;
  const method = q.get('code_challenge_method') ?? (challenge ? 'plain' : undefined); // RFC 7636 §4.3 default
  if (challenge !== undefined && (!/^[A-Za-z0-9._~-]{43,128}$/.test(challenge) || (method !== 'S256' && method !== 'plain'))) {
    fail('invalid_request', 'code_challenge must be 43-128 characters and code_challenge_method S256 or plain.');
    return;
  }
  const consent = oauth.addConsent({
    client,
    redirectUri,
    scopes,
    state,
    codeChallenge: challenge,
    codeChallengeMethod: challenge ? (method as 'S256' | 'plain') : undefined,
  });
  const hint = (q.get('login_hint') ?? q.get('email') ?? '').toLowerCase();
  sendPage(ctx, 200, `Allow ${client.name} to use your Webex account?`, consentForm(consent, signInCandidates(store), hint));
}

/** `POST /v1/authorize/consent` (form: request, email, decision): redirects with a code or `access_denied`. */
export async function answerConsent(ctx: Ctx, oauth: OAuthState, store: Store): Promise<void> {
  const form = new URLSearchParams((await bodyOf(ctx, 64 * 1024, new HttpError(400, 'The form is too large.'))).toString('utf8'));
  const outcome = decide(oauth, store, form.get('request') ?? '', form.get('email') ?? '', form.get('decision') === 'accept');
  if (typeof outcome === 'string') {
    sendPage(ctx, 400, 'Cannot sign in', `<p>${escapeHtml(outcome)}</p>`);
    return;
  }
  ctx.status = 302;
  ctx.res.writeHead(302, { TrackingID: ctx.trackingId, Location: outcome.location, 'Cache-Control': 'no-store', 'Content-Length': '0' });
  ctx.res.end();
}

/**
 * Answers a pending consent as its page would: the redirect target (with a code, or `access_denied`),
 * or why it cannot be answered. Also used by the `/_sandbox/oauth/consent` control, so a test in the
 * extension host can play the user without a browser.
 */
export function decide(oauth: OAuthState, store: Store, consentId: string, email: string, accept: boolean): { location: string } | string {
  const consent = oauth.consents.get(consentId);
  if (!consent || oauth.now() >= consent.expiresAt) {
    return 'This sign-in request has expired or was already answered. Start again from your app.';
  }
  if (!accept) {
    oauth.consents.delete(consent.id);
    return { location: withParams(consent.redirectUri, { error: 'access_denied', error_description: 'The user declined access.', state: consent.state }) };
  }
  const person = store.peopleByEmail.get(email.toLowerCase());
  if (!person || person.type === 'bot') {
    return 'Choose a person to sign in as.';
  }
  oauth.consents.delete(consent.id);
  const code = oauth.issueCode(consent, person.email);
  return { location: withParams(consent.redirectUri, { code: code.code, state: consent.state }) };
}

function signInCandidates(store: Store): PersonRec[] {
  return [...store.people.values()].filter((p) => p.type !== 'bot').sort((a, b) => a.displayName.localeCompare(b.displayName));
}

function consentForm(consent: PendingConsent, people: PersonRec[], hint: string): string {
  const chosen = people.find((p) => p.email.toLowerCase() === hint) ?? people[0];
  const options = people
    .map((p) => `<option value="${escapeHtml(p.email)}"${p === chosen ? ' selected' : ''}>${escapeHtml(p.displayName)} (${escapeHtml(p.email)})</option>`)
    .join('');
  const scopes = consent.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
  return (
    `<p>${escapeHtml(consent.client.name)} asks for permission to:</p><ul>${scopes}</ul>` +
    // Relative, so the form also works when the page is reached through a proxy path (code-server
    // turns localhost URLs opened by an extension into `/proxy/<port>/…`).
    `<form method="post" action="${CONSENT_PATH.slice(1)}">` +
    `<input type="hidden" name="request" value="${escapeHtml(consent.id)}">` +
    `<p><label for="email">Sign in as</label> <select id="email" name="email">${options}</select></p>` +
    '<p><button type="submit" name="decision" value="accept">Accept</button> ' +
    '<button type="submit" name="decision" value="decline">Decline</button></p></form>'
  );
}

function redirect(ctx: Ctx, target: string, params: Record<string, string | undefined>): void {
  ctx.status = 302;
  ctx.res.writeHead(302, { TrackingID: ctx.trackingId, Location: withParams(target, params), 'Cache-Control': 'no-store', 'Content-Length': '0' });
  ctx.res.end();
}

function withParams(target: string, params: Record<string, string | undefined>): string {
  const url = new URL(target);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) {
      url.searchParams.set(key, value);
    }
  }
  return url.toString();
}

function sendPage(ctx: Ctx, status: number, title: string, bodyHtml: string): void {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} - local Webex</title></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${bodyHtml}</main></body></html>`;
  ctx.status = status;
  ctx.res.writeHead(status, {
    TrackingID: ctx.trackingId,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(html)),
    'Cache-Control': 'no-store',
  });
  ctx.res.end(html);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

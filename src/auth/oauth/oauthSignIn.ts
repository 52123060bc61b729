/**
 * "Sign in with Webex (OAuth)" in VS Code: the integration's client id (setting) and secret (asked
 * once, kept in SecretStorage), the browser, the redirect, and the refresher of a signed-in account.
 *
 * The redirect comes to a short-lived loopback server (src/webex/oauth/loopbackReceiver.ts), and the
 * URI registered with Webex is `env.asExternalUri` of it:
 * - desktop VS Code: unchanged, `http://127.0.0.1:<port>/oauth/callback`;
 * - remote extension host (SSH, WSL, containers): VS Code forwards the port to the machine with the
 *   browser and returns the local address (usually the same port);
 * - web VS Code / code-server: the workbench's port proxy (e.g. `https://host/proxy/<port>/…`), which the
 *   browser can reach when 127.0.0.1 of the server is not the browser's.
 * `window.registerUriHandler` + `env.asExternalUri(vscode://…)` was not chosen: in the web its result
 * carries a per-request query (`vscode-reqid`…) and differs per host, so it cannot be registered as
 * an exact redirect URI with Webex, and a custom `vscode://` scheme redirect is [UNVERIFIED] for Webex
 * integrations. The loopback address is what RFC 8252 §7.3 recommends for native apps.
 */
import * as vscode from 'vscode';
import type { ErrorReporter, Prompts } from '../../extensionServices';
import { runCodeFlow } from '../../webex/oauth/codeFlow';
import { OAuthFlowError } from '../../webex/oauth/loopbackReceiver';
import { OAuthTokenClient, OAuthTokenError, isClientRejected } from '../../webex/oauth/tokenClient';
import { TokenRefresher, type TokenRefresherOptions } from '../../webex/oauth/tokenRefresher';
import type { TokenRecord } from '../../webex/oauth/tokens';
import { OAuthSetting, REDIRECT_PATH, loopbackRedirectUri, readOAuthSettings } from './oauthSettings';

export interface OAuthDeps {
  secrets: vscode.SecretStorage;
  prompts: Prompts;
  errors: ErrorReporter;
  log: vscode.LogOutputChannel;
  /** Opens the authorize URL; default `env.openExternal` (integration tests pass a ScriptedBrowser). */
  openBrowser?: (url: string) => Promise<boolean>;
}

export interface OAuthGrant {
  tokens: TokenRecord;
  clientId: string;
}

/** SecretStorage key of an integration's client secret (outside `webex.account*`: no account reload). */
export function clientSecretKey(clientId: string): string {
  return `webex.oauth.clientSecret.${clientId}`;
}

/**
 * The token endpoint client for an integration. Its requests use the extension host's global fetch,
 * so VS Code's proxy settings apply as for the REST client (config/clientFactory.ts).
 */
export function tokenClientFor(secrets: vscode.SecretStorage, baseUrl: string, clientId: string, log?: vscode.LogOutputChannel): OAuthTokenClient {
  return new OAuthTokenClient({
    baseUrl,
    clientId,
    // Method, path, status, time and tracking id only: never the form (secret, code, tokens).
    onRequest: (e) =>
      log?.[e.status === 200 ? 'info' : 'warn'](
        `${e.method} ${e.path} → ${e.status === 0 ? 'no response' : e.status} in ${e.durationMs} ms${e.trackingId ? ` (TrackingID ${e.trackingId})` : ''}`,
      ),
    clientSecret: async () => {
      const secret = await secrets.get(clientSecretKey(clientId));
      if (secret === undefined || secret === '') {
        // Cleared meanwhile: only signing in again (which asks for it) can help.
        throw new OAuthTokenError({
          kind: 'http',
          status: 401,
          method: 'POST',
          path: '/access_token',
          oauthError: 'invalid_client',
          message: vscode.l10n.t('The client secret of the Webex integration is no longer stored; sign in again.'),
        });
      }
      return secret;
    },
  });
}

/**
 * The refresher of a signed-in OAuth account: refreshes with the account's own integration (its
 * stored client id and secret), so changing the setting later does not break existing accounts.
 */
export function oauthRefresher(
  secrets: vscode.SecretStorage,
  baseUrl: string,
  grant: OAuthGrant,
  hooks: Pick<TokenRefresherOptions, 'onRefreshed' | 'onSignInRequired' | 'reload'>,
  log?: vscode.LogOutputChannel,
): TokenRefresher {
  const client = tokenClientFor(secrets, baseUrl, grant.clientId, log);
  return new TokenRefresher({ tokens: grant.tokens, refresh: (current) => client.refresh(current), ...hooks });
}

/**
 * Runs the whole sign-in; undefined when the user cancels or something failed (already shown).
 * Concurrency is the caller's business (the session runs one sign-in at a time).
 */
export async function runOAuthSignIn(deps: OAuthDeps, baseUrl: string): Promise<OAuthGrant | undefined> {
  const settings = readOAuthSettings();
  const redirectUri = await externalRedirectUri(loopbackRedirectUri(settings.redirectPort));
  const clientId = settings.clientId || (await askClientId(deps.prompts, redirectUri));
  if (!clientId) {
    return undefined;
  }
  const secretKey = clientSecretKey(clientId);
  if (!(await deps.secrets.get(secretKey))) {
    const secret = await deps.prompts.input({
      title: vscode.l10n.t('Sign in with Webex (OAuth)'),
      prompt: vscode.l10n.t('The Client Secret of your Webex integration (shown once when you created it). It is kept in VS Code\'s secret storage.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? 'Paste the client secret.' : /\s/.test(v.trim()) ? 'A client secret has no spaces.' : undefined),
    });
    if (secret === undefined) {
      return undefined;
    }
    await deps.secrets.store(secretKey, secret.trim());
  }
  const tokenClient = tokenClientFor(deps.secrets, baseUrl, clientId, deps.log);
  try {
    const tokens = await withCancellableProgress(vscode.l10n.t('Sign in to Webex in your browser…'), (signal) =>
      runCodeFlow({
        baseUrl,
        clientId,
        scopes: settings.scopes,
        port: settings.redirectPort,
        path: REDIRECT_PATH,
        signal,
        exchangeCode: (exchange) => tokenClient.exchangeCode(exchange),
        externalRedirectUri: externalRedirectUri,
        onRedirectUri: (uri) => deps.log.info(`OAuth sign-in: waiting for the redirect to ${uri}`),
        openBrowser: deps.openBrowser ?? ((url) => Promise.resolve(vscode.env.openExternal(vscode.Uri.parse(url, true)))),
      }),
    );
    return { tokens, clientId };
  } catch (error) {
    await reportFailure(deps, error, clientId, redirectUri);
    return undefined;
  }
}

/** The redirect URI the browser can reach (see the file comment). */
async function externalRedirectUri(loopback: string): Promise<string> {
  return (await vscode.env.asExternalUri(vscode.Uri.parse(loopback, true))).toString(true);
}

async function askClientId(prompts: Prompts, redirectUri: string): Promise<string | undefined> {
  const value = await prompts.input({
    title: vscode.l10n.t('Sign in with Webex (OAuth)'),
    prompt:
      vscode.l10n.t('The Client ID of your Webex integration (developer.webex.com → My Webex Apps → Create an Integration). Register the redirect URI {0} there. Saved in the setting {1}.', redirectUri, OAuthSetting.clientId),
    placeHolder: vscode.l10n.t('C0123…'),
    ignoreFocusOut: true,
    validateInput: (v) => (/^\S+$/.test(v.trim()) ? undefined : 'Paste the client ID (no spaces).'),
  });
  const clientId = value?.trim();
  if (!clientId) {
    return undefined;
  }
  await vscode.workspace.getConfiguration().update(OAuthSetting.clientId, clientId, vscode.ConfigurationTarget.Global);
  return clientId;
}

async function reportFailure(deps: OAuthDeps, error: unknown, clientId: string, redirectUri: string): Promise<void> {
  if (error instanceof OAuthFlowError) {
    deps.log.warn(`OAuth sign-in did not complete: ${error.failure}`);
    switch (error.failure) {
      case 'cancelled':
        return; // The user's own choice: nothing to say.
      case 'denied':
        void deps.prompts.notify('info', vscode.l10n.t('Webex sign-in: access was declined in the browser.'));
        return;
      case 'authorizeError':
        void deps.prompts.notify(
          'error',
          vscode.l10n.t('{0} Check that the integration has the scopes of the setting {1} and the redirect URI {2}.', error.message, OAuthSetting.scopes, redirectUri),
        );
        return;
      default:
        void deps.prompts.notify('error', error.message);
        return;
    }
  }
  if (isClientRejected(error)) {
    // A wrong secret (or id): forget the secret so the next attempt asks again.
    await deps.secrets.delete(clientSecretKey(clientId));
    const said = error instanceof OAuthTokenError && error.serverMessage ? ` Webex said: ${error.serverMessage}` : '';
    void deps.prompts.notify('error', vscode.l10n.t('Webex refused the integration\'s client ID or secret; the secret was forgotten. Sign in again to enter it.{0}', said));
    return;
  }
  deps.errors.show(error, 'Could not sign in to Webex');
}

function withCancellableProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token): Promise<T> => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      return task(controller.signal).finally(() => {
        subscription.dispose();
      });
    }),
  );
}

/**
 * One sign-in with a Webex integration, start to finish, without VS Code: listen on the loopback
 * redirect, open `{base}/authorize` in the browser, wait for the redirect, check its `state`, and
 * exchange the code (with the PKCE verifier) at `{base}/access_token`.
 *
 * The VS Code layer passes `openBrowser` (env.openExternal) and `externalRedirectUri`
 * (env.asExternalUri, which forwards the loopback port when the extension host runs remotely).
 */
import { buildAuthorizeUrl, createPkce, createState } from './authorize';
import { OAuthFlowError, startLoopbackReceiver } from './loopbackReceiver';
import type { CodeExchange } from './tokenClient';
import type { TokenRecord } from './tokens';

export interface CodeFlowOptions {
  baseUrl: string;
  clientId: string;
  scopes: readonly string[];
  /** Performs the exchange (OAuthTokenClient). */
  exchangeCode: (exchange: CodeExchange) => Promise<TokenRecord>;
  /** Opens the authorize URL; resolving `false` means the user did not let it open. */
  openBrowser: (url: string) => Promise<boolean>;
  /** Maps the loopback redirect URI to the one the browser reaches; default: unchanged. */
  externalRedirectUri?: (loopbackUri: string) => Promise<string>;
  /** The loopback port (0: any free port). Webex matches registered redirect URIs, so usually fixed. */
  port?: number;
  path?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Default true; see authorize.ts for what is known about Webex and PKCE. */
  usePkce?: boolean;
  /** Called with the redirect URI in use once the receiver listens (to show or log it). */
  onRedirectUri?: (redirectUri: string) => void;
}

/** Runs the flow; rejects with OAuthFlowError (no code) or OAuthTokenError (the exchange failed). */
export async function runCodeFlow(options: CodeFlowOptions): Promise<TokenRecord> {
  const state = createState();
  const pkce = options.usePkce === false ? undefined : createPkce();
  const receiver = await startLoopbackReceiver({
    state,
    port: options.port,
    path: options.path,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
  });
  try {
    const redirectUri = options.externalRedirectUri ? await options.externalRedirectUri(receiver.redirectUri) : receiver.redirectUri;
    options.onRedirectUri?.(redirectUri);
    const url = buildAuthorizeUrl({ baseUrl: options.baseUrl, clientId: options.clientId, redirectUri, scopes: options.scopes, state, pkce });
    if (!(await options.openBrowser(url))) {
      throw new OAuthFlowError('cancelled', 'The browser was not opened; sign-in cancelled.');
    }
    const { code } = await receiver.result;
    return await options.exchangeCode({ code, redirectUri, codeVerifier: pkce?.verifier, scopes: options.scopes, signal: options.signal });
  } finally {
    receiver.close();
  }
}

/**
 * A short-lived HTTP server on the loopback interface that receives the authorization redirect
 * (RFC 8252 §7.3): it answers one request on its callback path with a small page, checks `state`,
 * hands over the code and closes. It also closes on timeout or when the caller cancels.
 *
 * Binding 127.0.0.1 (not `localhost`, not 0.0.0.0) keeps it unreachable from other machines and
 * avoids a name that may resolve to ::1 in the browser but 127.0.0.1 here (RFC 8252 §8.3).
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml } from '../text';

export type OAuthFlowFailure =
  /** The user declined on the consent page (`error=access_denied`). */
  | 'denied'
  /** The authorization server redirected with another `error` (e.g. `invalid_scope`). */
  | 'authorizeError'
  /** The redirect's `state` is not the one this sign-in sent (RFC 6749 §10.12). */
  | 'stateMismatch'
  /** A redirect without a code. */
  | 'noCode'
  | 'timeout'
  | 'cancelled'
  /** The fixed redirect port is taken by another program. */
  | 'portInUse';

/** A sign-in that did not get as far as a code. Carries no code, token or secret. */
export class OAuthFlowError extends Error {
  constructor(
    readonly failure: OAuthFlowFailure,
    message: string,
    /** The redirect's `error` value, for `denied` and `authorizeError`. */
    readonly oauthError?: string,
  ) {
    super(message);
    this.name = 'OAuthFlowError';
  }
}

export interface LoopbackReceiverOptions {
  /** The `state` the authorize URL carries. */
  state: string;
  /** 0 (default) picks a free port; a registered redirect URI usually needs a fixed one. */
  port?: number;
  /** Default `/oauth/callback`. */
  path?: string;
  /** How long to wait for the browser; default 5 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface LoopbackReceiver {
  /** `http://127.0.0.1:<port><path>`: what the authorize request must name as redirect_uri (or forward to). */
  readonly redirectUri: string;
  readonly port: number;
  /** The code; rejects with OAuthFlowError. The server is closed once this settles. */
  readonly result: Promise<{ code: string }>;
  /** Stops waiting (the result rejects with `cancelled`) and closes the server. */
  close(): void;
}

const HOST = '127.0.0.1';
const DEFAULT_PATH = '/oauth/callback';
const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/** Starts listening; rejects with OAuthFlowError(`portInUse`) when the port is taken. */
export async function startLoopbackReceiver(options: LoopbackReceiverOptions): Promise<LoopbackReceiver> {
  const path = options.path ?? DEFAULT_PATH;
  let settle: ((outcome: { code: string } | OAuthFlowError) => void) | undefined;
  const result = new Promise<{ code: string }>((resolve, reject) => {
    settle = (outcome) => (outcome instanceof OAuthFlowError ? reject(outcome) : resolve(outcome));
  });
  // Callers may attach their handler later; an unobserved early rejection must not crash the host.
  result.catch(() => undefined);

  let done = false;
  const server = createServer((req, res) => {
    const outcome = done ? undefined : handle(req, res, path, options.state);
    if (outcome !== undefined) {
      finish(outcome);
    }
  });

  const finish = (outcome: { code: string } | OAuthFlowError): void => {
    if (done) {
      return;
    }
    done = true;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    // Let the answer reach the browser, then drop every connection (keep-alive ones included).
    server.close();
    setImmediate(() => server.closeAllConnections());
    settle?.(outcome);
  };
  const onAbort = (): void => finish(new OAuthFlowError('cancelled', 'Sign-in was cancelled.'));
  const timer = setTimeout(
    () => finish(new OAuthFlowError('timeout', 'Sign-in timed out: the browser did not come back to VS Code.')),
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
  timer.unref();

  try {
    await listen(server, options.port ?? 0);
  } catch (error) {
    done = true;
    clearTimeout(timer);
    throw error;
  }
  if (options.signal?.aborted) {
    onAbort();
  } else {
    options.signal?.addEventListener('abort', onAbort, { once: true });
  }
  const port = (server.address() as AddressInfo).port;
  return {
    redirectUri: `http://${HOST}:${port}${path}`,
    port,
    result,
    close: onAbort,
  };
}

/** Listens on loopback only; a port in use (or any other failure) becomes an OAuthFlowError. */
async function listen(server: Server, port: number): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: HOST, port, exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new OAuthFlowError(
      code === 'EADDRINUSE' ? 'portInUse' : 'cancelled',
      code === 'EADDRINUSE'
        ? `Port ${port} on ${HOST} is in use by another program; close it or change the redirect port.`
        : `Could not listen on ${HOST} for the sign-in redirect (${code ?? 'unknown error'}).`,
    );
  }
}

/** Answers one request; returns the outcome when it was the redirect, undefined for anything else. */
function handle(req: IncomingMessage, res: ServerResponse, path: string, state: string): { code: string } | OAuthFlowError | undefined {
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  if (req.method !== 'GET' || url.pathname !== path) {
    // A favicon request or a stray probe: not the redirect, keep waiting for it.
    send(res, 404, 'Not found', 'This address only receives the Webex sign-in redirect.');
    return undefined;
  }
  const q = url.searchParams;
  const error = q.get('error');
  if (error !== null) {
    const description = q.get('error_description') ?? undefined;
    const denied = error === 'access_denied';
    send(res, 200, 'Sign-in not completed', denied ? 'You declined access. You can close this tab.' : `Webex reported: ${description ?? error}. You can close this tab and try again from VS Code.`);
    return new OAuthFlowError(
      denied ? 'denied' : 'authorizeError',
      denied ? 'Access to Webex was declined.' : `Webex did not authorize the sign-in (${error}${description ? `: ${description}` : ''}).`,
      error,
    );
  }
  if (!sameState(q.get('state'), state)) {
    send(res, 400, 'Sign-in not completed', 'This sign-in link does not belong to the sign-in VS Code started. Start again from VS Code.');
    return new OAuthFlowError('stateMismatch', 'The sign-in redirect did not carry the expected state; it was ignored for your safety. Try again.');
  }
  const code = q.get('code');
  if (code === null || code === '') {
    send(res, 400, 'Sign-in not completed', 'The redirect carried no authorization code. Start again from VS Code.');
    return new OAuthFlowError('noCode', 'The sign-in redirect carried no authorization code.');
  }
  send(res, 200, 'Signed in to Webex', 'You can close this tab and return to VS Code.');
  return { code };
}

function sameState(received: string | null, expected: string): boolean {
  if (received === null) {
    return false;
  }
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, title: string, text: string): void {
  const body =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family: system-ui, sans-serif; margin: 3em;"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    // The code is in this page's URL: no referrer may carry it anywhere.
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    Connection: 'close',
  });
  res.end(body);
}

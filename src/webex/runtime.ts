/**
 * What the client takes from the runtime: `fetch` and `WebSocket` (with `FormData` and `Blob`, used
 * as globals). By default the runtime's own: Node's built-in ones (undici inside Node) and, in VS
 * Code's extension host, the same globals as patched by VS Code for `http.proxy`, `http.proxySupport`,
 * `http.noProxy` and the system certificates (settings `http.fetchAdditionalSupport` and
 * `http.webSocketAdditionalSupport`, both on by default). So the extension bundles no HTTP library,
 * and the proxy is VS Code's business.
 *
 * A Node caller may pass a dispatcher (e.g. npm undici's `ProxyAgent`; Node's fetch reads undici's
 * `dispatcher` init field), a fetch of its own, and npm undici's `WebSocket` on Node 20, whose global
 * WebSocket is still behind --experimental-websocket.
 */
import type { Dispatcher as UndiciDispatcher } from 'undici';

/**
 * `fetch` as the WHATWG spec types it. A fetch given instead of the runtime's must read the runtime's
 * `FormData` (uploads): a wrapper around Node's does; npm undici's fetch does not (it recognises only
 * its own FormData class and would send the form as the text "[object FormData]").
 */
export type FetchFunction = typeof globalThis.fetch;

/**
 * An undici dispatcher (Agent, ProxyAgent…), handed to fetch as undici's `dispatcher` init field,
 * which Node's built-in fetch and npm undici's both read. Type only: nothing of undici is bundled.
 */
export type Dispatcher = UndiciDispatcher;

/** The request init this library builds: the standard fields plus undici's `dispatcher`. */
export type FetchInit = RequestInit & { dispatcher?: Dispatcher };

/** The fetch to use: the one given, else the runtime's (call this per request, not once). */
export function fetchOf(given: FetchFunction | undefined): FetchFunction {
  return given ?? globalThis.fetch;
}

/**
 * The parts of a WebSocket the live connection uses. Both the WHATWG WebSocket (Node's global, VS
 * Code's) and npm undici's class fit it.
 */
export interface LiveSocket {
  binaryType: string;
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
}

export interface WebSocketConstructor {
  new (url: string | URL): LiveSocket;
  readonly OPEN: number;
}

/**
 * The WebSocket class to use: the one given, else the runtime's global; undefined when there is none
 * (Node 20 without --experimental-websocket), and then live updates poll instead.
 */
export function webSocketOf(given: WebSocketConstructor | undefined): WebSocketConstructor | undefined {
  return given ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
}

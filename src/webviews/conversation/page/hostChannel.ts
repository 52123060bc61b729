/**
 * The page's side of the protocol: typed posts, requests matched to responses by id, and the
 * persisted page state (STYLE.md "Webviews": getState/setState instead of retainContextWhenHidden).
 */
import type { HostMessage, PageMessage, PageState, RequestMethod, RequestParams, Requests } from '../protocol';

/** The object `acquireVsCodeApi()` returns (VS Code's webview API; no typings ship for it). */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export class HostChannel {
  private readonly api: VsCodeApi = acquireVsCodeApi();
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();

  constructor(private readonly onMessage: (message: HostMessage) => void) {
    window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
      const message = event.data;
      if (message.type === 'response') {
        const waiter = this.pending.get(message.requestId);
        this.pending.delete(message.requestId);
        if (message.ok) {
          waiter?.resolve(message.result as never);
        } else {
          waiter?.reject(new Error(message.error));
        }
        return;
      }
      this.onMessage(message);
    });
  }

  post(message: PageMessage): void {
    this.api.postMessage(message);
  }

  request<M extends RequestMethod>(method: M, params: RequestParams<M>): Promise<Requests[M]['result']> {
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      // TypeScript cannot narrow a generic M into the union member; the shape is the same.
      this.post({ type: 'request', requestId, method, params } as PageMessage);
    });
  }

  get state(): PageState | undefined {
    const state = this.api.getState();
    return typeof state === 'object' && state !== null && typeof (state as PageState).roomId === 'string' ? (state as PageState) : undefined;
  }

  set state(value: PageState) {
    this.api.setState(value);
  }
}

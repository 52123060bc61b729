/**
 * The page's side of the protocol: typed posts, requests matched to responses by id, and the
 * persisted page state (getState/setState instead of retainContextWhenHidden).
 */
import { parseResult, type HostMessage, type PageMessage, type PageState, type RequestMethod, type RequestParams, type RequestResult } from '../protocol';

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
  /** The space the page shows (from `init`): requests name it, so none acts on another space. */
  roomId: string | undefined;
  /** Per request id: what to do with the host's answer (checked against the request's result schema). */
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();

  constructor(private readonly onMessage: (message: HostMessage) => void) {
    window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
      const message = event.data;
      if (message.type === 'response') {
        const waiter = this.pending.get(message.requestId);
        this.pending.delete(message.requestId);
        if (message.ok) {
          waiter?.resolve(message.result);
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

  /** Asks the host; resolves with the request's own result type, or rejects with the host's words. */
  request<M extends RequestMethod>(method: M, params: RequestParams<M>): Promise<RequestResult<M>> {
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, {
        resolve: (raw) => {
          const parsed = parseResult(method, raw);
          if (parsed.ok) {
            resolve(parsed.value);
          } else {
            reject(new Error(`The extension answered ${method} unexpectedly (${parsed.error}).`));
          }
        },
        reject,
      });
      this.api.postMessage({ type: 'request', requestId, method, params, roomId: this.roomId });
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

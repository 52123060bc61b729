/**
 * A tiny event emitter with the same listener shape as `vscode.Event`, so vscode-free services
 * (src/services may not import vscode; lint enforces it) can expose events the UI subscribes to
 * exactly like VS Code's own: `store.onDidChange(listener, this, disposables)`.
 */

/** Anything with `dispose()`; structurally the same as `vscode.Disposable`. */
export interface DisposableLike {
  dispose(): unknown;
}

/** Structurally compatible with `vscode.Event<T>`. */
export type Event<T> = (
  listener: (e: T) => unknown,
  thisArgs?: unknown,
  disposables?: DisposableLike[],
) => DisposableLike;

/** Emits to listeners in subscription order; a throwing listener does not stop the others. */
export class Emitter<T> implements DisposableLike {
  private listeners = new Set<(e: T) => unknown>();
  private disposed = false;

  readonly event: Event<T> = (listener, thisArgs, disposables) => {
    const bound = (e: T): unknown => listener.call(thisArgs, e);
    if (!this.disposed) {
      this.listeners.add(bound);
    }
    const subscription = { dispose: (): void => void this.listeners.delete(bound) };
    disposables?.push(subscription);
    return subscription;
  };

  fire(e: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(e);
      } catch (error) {
        // A listener's bug must not break the store that fired; surface it where developers look.
        console.error('Webex: an event listener threw', error);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}

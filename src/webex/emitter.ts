/**
 * The one small event emitter of the vscode-free layers (this library and src/services), with the
 * listener shape of `vscode.Event`, so the UI subscribes to a store or a live source exactly as to
 * VS Code's own events: `store.onDidChange(listener, this, disposables)`. UI code uses
 * `vscode.EventEmitter` itself.
 */
import type { DisposableLike } from './lifecycle';

/** Structurally compatible with `vscode.Event<T>`. */
export type Event<T> = (
  listener: (e: T) => unknown,
  thisArgs?: unknown,
  disposables?: DisposableLike[],
) => DisposableLike;

/** Emits to listeners in subscription order; a throwing listener does not stop the others. */
export class Emitter<T> implements DisposableLike {
  private readonly listeners = new Set<(e: T) => unknown>();
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
        // A listener's bug must not break the source that fired; surface it where developers look.
        console.error('Webex: an event listener threw', error);
      }
    }
  }

  /** Drops every listener; later subscriptions are ignored. */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}

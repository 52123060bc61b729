/**
 * Disposal without VS Code: `DisposableLike` is structurally `vscode.Disposable`, so every layer (this
 * plain Node library, the services, and the UI folders with VS Code's own disposables) collects what
 * it must release in one {@link DisposableStore} instead of an array and a hand-written loop.
 */

/** Anything with `dispose()`; structurally the same as `vscode.Disposable`. */
export interface DisposableLike {
  dispose(): unknown;
}

/**
 * Disposables released together, in the order they were added. One that throws does not keep the
 * others alive. Adding to a store that is already disposed disposes the newcomer at once, so a late
 * registration (after the owner went away) cannot leak.
 */
export class DisposableStore implements DisposableLike {
  private readonly items = new Set<DisposableLike>();
  private disposedValue = false;

  get isDisposed(): boolean {
    return this.disposedValue;
  }

  /** Adds `item` (returned, for `const x = store.add(new X())`). */
  add<T extends DisposableLike>(item: T): T {
    if (this.disposedValue) {
      disposeQuietly(item);
    } else {
      this.items.add(item);
    }
    return item;
  }

  /** Adds several at once. */
  addAll(...items: DisposableLike[]): void {
    for (const item of items) {
      this.add(item);
    }
  }

  /** Disposes everything added so far and keeps accepting new items (for state that is rebuilt). */
  clear(): void {
    const items = [...this.items];
    this.items.clear();
    for (const item of items) {
      disposeQuietly(item);
    }
  }

  dispose(): void {
    if (!this.disposedValue) {
      this.disposedValue = true;
      this.clear();
    }
  }
}

/** A disposable that runs `release` once. */
export function toDisposable(release: () => unknown): DisposableLike {
  let done = false;
  return {
    dispose: (): void => {
      if (!done) {
        done = true;
        release();
      }
    },
  };
}

function disposeQuietly(item: DisposableLike): void {
  try {
    void item.dispose();
  } catch (error) {
    // One owner's bug must not keep the rest alive; surface it where developers look.
    console.error('Webex: a dispose() threw', error);
  }
}

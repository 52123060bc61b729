/**
 * The one storage interface of the services: the part of `vscode.Memento` they use, so they stay
 * vscode-free. The host passes `context.globalState` through SettledStorage (settledStorage.ts); unit tests pass
 * an in-memory map.
 */

/** Values are copied through JSON (as a Memento stores them); `update(key, undefined)` deletes. */
export interface KeyValueStorage {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

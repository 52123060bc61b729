/**
 * `context.globalState` in memory for tests in plain Node: the Memento's `get`/`update`, with
 * values copied through JSON on the way in and out as VS Code's storage serializes them, so a test
 * cannot pass by sharing an object with the code under test. `update(key, undefined)` removes the
 * key, as the Memento does.
 */
export class MemoryStorage {
  /** What is stored, by key (tests read and seed it directly). */
  readonly values = new Map<string, unknown>();

  /** Seeded with `initial` (e.g. a fixture of stored state); the values are copied. */
  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) {
      this.values.set(key, copy(value));
    }
  }

  get<T>(key: string): T | undefined {
    const value = this.values.get(key);
    return value === undefined ? undefined : (copy(value) as T);
  }

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) {
      this.values.delete(key);
    } else {
      this.values.set(key, copy(value));
    }
    return Promise.resolve();
  }

  /** Everything stored, as a plain object (for comparing with a fixture). */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.values].map(([key, value]) => [key, copy(value)]));
  }
}

function copy(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

import type { KeyValueStorage } from '../../../../src/services/storage/keyValueStorage';

/** The Memento contract (get/update), kept in memory the way globalState keeps it between calls. */
export class MemoryStorage implements KeyValueStorage {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) {
      this.values.delete(key);
    } else {
      this.values.set(key, JSON.parse(JSON.stringify(value)));
    }
    return Promise.resolve();
  }
}


import type { KeyValueStorage } from '../../../../src/services/storage/keyValueStorage';

/** globalState in memory: values are copied through JSON as the real storage does. */
export class MemoryMemento implements KeyValueStorage {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    const value = this.values.get(key);
    return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as T);
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

/**
 * `context.globalState` as this window last wrote it, even when VS Code loses an update.
 *
 * Why: VS Code's Memento keeps the extension's whole state as one object in the extension host and
 * flushes that object to the workbench shortly after each `update`. Every storage change the
 * workbench reports back (including the echo of our own earlier flush) replaces the whole object
 * (`ExtensionMemento`'s `onDidChangeStorage` listener sets `_value = e.value`, in
 * src/vs/workbench/api/common/extHostMemento.ts). When two updates follow each other closely (a
 * message leaves the outbox, then the draft is cleared), an echo can land between them, and the
 * next flush writes the older object back: the newer update is lost. The integration suite saw it
 * under load: a message that had been sent came back as "not confirmed" when its space was opened
 * again.
 *
 * So reads return what this window wrote last (per key, until it is seen stored), and each update
 * checks after it settled that the Memento holds it, writing it again if an echo undid it. `update`
 * resolves only then, so "written" means stored. Another window's writes to a key this window has
 * just written are overridden; for the keys kept here (drafts, the outbox, read marks and device
 * leases of this account) the newest write of the user's own actions is the one that should stand.
 */
import type { KeyValueStorage } from './keyValueStorage';

export interface SettledStorageOptions {
  /** How long to let echoes arrive before checking an update (ms). */
  settleMs?: number;
  /** Rewrites of one update before giving up (the value is still read from memory). */
  maxRepairs?: number;
  /** Told when an update had to be written again (the log). */
  onRepair?(key: string, attempt: number): void;
}

const DEFAULT_SETTLE_MS = 75;
const DEFAULT_MAX_REPAIRS = 5;

export class SettledStorage implements KeyValueStorage {
  /** The last value written per key, with the write's number; present until seen stored. */
  private readonly written = new Map<string, { value: unknown; version: number }>();
  private version = 0;

  constructor(
    private readonly memento: KeyValueStorage,
    private readonly options: SettledStorageOptions = {},
  ) {}

  get<T>(key: string): T | undefined {
    const own = this.written.get(key);
    return own ? (own.value as T | undefined) : this.memento.get<T>(key);
  }

  async update(key: string, value: unknown): Promise<void> {
    const version = ++this.version;
    this.written.set(key, { value, version });
    const maxRepairs = this.options.maxRepairs ?? DEFAULT_MAX_REPAIRS;
    for (let attempt = 0; ; attempt++) {
      await this.memento.update(key, value);
      await new Promise((resolve) => setTimeout(resolve, this.options.settleMs ?? DEFAULT_SETTLE_MS));
      if (this.written.get(key)?.version !== version) {
        return; // A newer update of this key owns it now.
      }
      if (sameValue(this.memento.get(key), value)) {
        this.written.delete(key);
        return;
      }
      if (attempt >= maxRepairs) {
        return; // Still read from memory; the next update of the key tries again.
      }
      this.options.onRepair?.(key, attempt + 1);
    }
  }
}

/** Stored values are JSON; compare them as JSON (undefined and a missing key are the same). */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Where the extension remembers the Webex devices it registered (globalState), so a reload reuses
 * its device instead of piling up new ones (the fbradyirl/webex_bot library reuses a registered
 * device by name for the same reason), while two windows never share one: a second socket on the
 * same device replaces the first (close 4000).
 *
 * Each window holds a lease on one stored device and renews it while it runs; a lease not renewed
 * for a few minutes (the window crashed or was killed before it could unregister) frees the device
 * for the next window of the same account. Only devices this extension registered are ever stored,
 * so only they are ever reused or deleted.
 *
 * vscode-free: storage is anything shaped like `vscode.Memento`.
 */
import type { DeviceRecord } from '../../webex/live/devices';
import type { DeviceStore } from '../../webex/live/websocketSource';
import type { KeyValueStorage } from '../storage/keyValueStorage';

const KEY = 'webex.live.devices.v1';
/** A lease not renewed for this long is free. */
export const LEASE_STALE_MS = 3 * 60_000;
/** How often a running window renews its lease. */
export const LEASE_RENEW_MS = 60_000;

interface Entry {
  device: DeviceRecord;
  /** The window holding it; undefined when released. */
  holder?: string;
  renewed: number;
}

type Stored = Record<string, Entry[]>;

export class DeviceLeases implements DeviceStore {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly accountId: string,
    /** Random per window (per activation). */
    private readonly instanceId: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Claims this window's device: its own lease, else a free one, else none (register a new one). */
  async load(): Promise<DeviceRecord | undefined> {
    const entries = this.entries();
    const mine = entries.find((e) => e.holder === this.instanceId);
    const entry = mine ?? entries.find((e) => e.holder === undefined || this.now() - e.renewed > LEASE_STALE_MS);
    if (entry === undefined) {
      return undefined;
    }
    entry.holder = this.instanceId;
    entry.renewed = this.now();
    await this.write(entries);
    return entry.device;
  }

  /** Stores the device this window now uses (undefined: it was unregistered). */
  async save(device: DeviceRecord | undefined): Promise<void> {
    const entries = this.entries().filter((e) => e.holder !== this.instanceId && e.device.url !== device?.url);
    if (device !== undefined) {
      entries.push({ device, holder: this.instanceId, renewed: this.now() });
    }
    await this.write(entries);
  }

  /** Keeps this window's lease alive. */
  async renew(): Promise<void> {
    const entries = this.entries();
    const mine = entries.find((e) => e.holder === this.instanceId);
    if (mine !== undefined) {
      mine.renewed = this.now();
      await this.write(entries);
    }
  }

  /** Lets another window (or the next reload) take this window's device. */
  async release(): Promise<void> {
    const entries = this.entries();
    for (const e of entries) {
      if (e.holder === this.instanceId) {
        e.holder = undefined;
      }
    }
    await this.write(entries);
  }

  /** Every stored device of the account (tests, diagnostics). */
  devices(): DeviceRecord[] {
    return this.entries().map((e) => e.device);
  }

  private entries(): Entry[] {
    const all = this.storage.get<Stored>(KEY) ?? {};
    return (all[this.accountId] ?? []).map((e) => ({ ...e }));
  }

  private async write(entries: Entry[]): Promise<void> {
    const all = { ...(this.storage.get<Stored>(KEY) ?? {}) };
    if (entries.length === 0) {
      delete all[this.accountId];
    } else {
      all[this.accountId] = entries;
    }
    await this.storage.update(KEY, all);
  }
}

/**
 * The outbox of each space in extension storage: messages the user sent from a conversation tab
 * that Webex has not confirmed, so they survive a closed tab or a reload. Keyed by account and
 * room like the drafts (the keys version 0.1.0 wrote).
 */
import { storageKey } from '../conversation/drafts';
import type { KeyValueStorage } from '../storage/keyValueStorage';

/** A message the user sent that Webex has not confirmed (persisted so it survives a reload). */
export interface OutboxEntry {
  /** Made by the page when the user pressed Enter; the same id on every retry. */
  localId: string;
  markdown: string;
  parentId?: string;
  /** ISO time the user sent it. */
  queued: string;
  state: 'sending' | 'failed';
  error?: string;
  /**
   * The last failure left it unknown whether Webex created the message (no response, timeout, 5xx
   * after the request was written): check before posting again.
   */
  ambiguous?: boolean;
}

/** The stored outboxes of one account. */
export class OutboxStore {
  constructor(
    private readonly storage: KeyValueStorage,
    readonly accountId: string,
  ) {}

  getOutbox(roomId: string): OutboxEntry[] {
    const value = this.storage.get<unknown>(storageKey('outbox', this.accountId, roomId));
    return Array.isArray(value) ? value.filter(isOutboxEntry) : [];
  }

  /** An empty outbox removes the key. */
  async setOutbox(roomId: string, entries: readonly OutboxEntry[]): Promise<void> {
    await this.storage.update(storageKey('outbox', this.accountId, roomId), entries.length > 0 ? entries.map((e) => ({ ...e })) : undefined);
  }
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return (
    typeof v.localId === 'string' &&
    typeof v.markdown === 'string' &&
    typeof v.queued === 'string' &&
    (v.state === 'sending' || v.state === 'failed')
  );
}

/**
 * The outbox of one space: messages the user sent, posted one at a time in order, kept (and
 * persisted through the draft store) until Webex confirms them. A failed message stays, marked
 * failed, until the user retries or discards it.
 *
 * Retry never produces a duplicate: `POST /messages` is not idempotent and Webex has no
 * idempotency key (notes §6), so a failure that leaves it unknown whether the message was created
 * (no response, a timeout, a dropped connection, a 5xx after the body was sent) marks the entry
 * `ambiguous`, and every later attempt first looks for the message in the space (`findExisting`)
 * before posting again. The same local id is used throughout; a retry of an entry that is already
 * sending does nothing.
 */
import type { Message } from '../webex/types';
import type { DraftStore, OutboxEntry } from './drafts';

export interface SendQueueOptions {
  roomId: string;
  store: DraftStore;
  /** Posts the message (the client's `messages.create`). */
  post(entry: OutboxEntry): Promise<Message>;
  /** After an ambiguous failure: the message Webex created for this entry, if it did. */
  findExisting(entry: OutboxEntry): Promise<Message | undefined>;
  /** True when a failure leaves it unknown whether Webex created the message. */
  isAmbiguous(error: unknown): boolean;
  /** A sentence for the page ("Webex said: … (400 POST /messages)"); never the token. */
  describe(error: unknown): string;
  /** The outbox changed (an entry was added, failed, sent or discarded). */
  onChange(): void;
  /** Webex confirmed an entry with this message. */
  onSent(localId: string, message: Message): void;
  /** An attempt failed (after the client's own retries). */
  onFailed?(localId: string, error: unknown): void;
  now?: () => Date;
}

const INTERRUPTED = 'Not confirmed before VS Code closed. Retry checks whether it arrived before sending again.';

export class SendQueue {
  private entries: OutboxEntry[];
  private draining: Promise<void> | undefined;
  private persisting: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(private readonly options: SendQueueOptions) {
    // An entry still "sending" in storage was cut off by a reload: its fate is unknown.
    this.entries = options.store
      .getOutbox(options.roomId)
      .map((e) => (e.state === 'sending' ? { ...e, state: 'failed', ambiguous: true, error: INTERRUPTED } : e));
  }

  /** Current entries, oldest first (copies). */
  items(): OutboxEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  /** Queues a message; a second call with the same local id does nothing. */
  enqueue(message: { localId: string; markdown: string; parentId?: string }): void {
    if (this.entries.some((e) => e.localId === message.localId)) {
      return;
    }
    const now = (this.options.now ?? (() => new Date()))();
    this.entries.push({
      localId: message.localId,
      markdown: message.markdown,
      parentId: message.parentId,
      queued: now.toISOString(),
      state: 'sending',
    });
    this.changed();
    this.kick();
  }

  /** Sends a failed entry again; false when there is no such failed entry (e.g. already sending). */
  retry(localId: string): boolean {
    const entry = this.entries.find((e) => e.localId === localId);
    if (!entry || entry.state !== 'failed') {
      return false;
    }
    entry.state = 'sending';
    entry.error = undefined;
    this.changed();
    this.kick();
    return true;
  }

  /** Removes a failed entry and returns it (its text goes back to the composer). */
  discard(localId: string): OutboxEntry | undefined {
    const index = this.entries.findIndex((e) => e.localId === localId && e.state === 'failed');
    if (index < 0) {
      return undefined;
    }
    const [entry] = this.entries.splice(index, 1);
    this.changed();
    return entry;
  }

  /** Resolves when nothing is sending and storage is written (tests, deactivate). */
  async idle(): Promise<void> {
    while (this.draining) {
      await this.draining;
    }
    await this.persisting;
  }

  /** Stops sending after the current attempt; what is left stays in storage for next time. */
  dispose(): void {
    this.disposed = true;
  }

  private kick(): void {
    if (!this.draining) {
      this.draining = this.drain().finally(() => {
        this.draining = undefined;
      });
    }
  }

  private async drain(): Promise<void> {
    // One at a time, in order: Webex orders messages by arrival, and so must we.
    for (;;) {
      const entry = this.entries.find((e) => e.state === 'sending');
      if (!entry || this.disposed) {
        return;
      }
      await this.attempt(entry);
    }
  }

  private async attempt(entry: OutboxEntry): Promise<void> {
    try {
      let message: Message | undefined;
      if (entry.ambiguous) {
        message = await this.options.findExisting(entry);
      }
      message ??= await this.options.post(entry);
      // Show the message before the outbox entry goes, so it never disappears for a moment.
      this.options.onSent(entry.localId, message);
      this.entries = this.entries.filter((e) => e !== entry);
      this.changed();
    } catch (error) {
      entry.state = 'failed';
      entry.error = this.options.describe(error);
      entry.ambiguous = entry.ambiguous === true || this.options.isAmbiguous(error);
      this.changed();
      this.options.onFailed?.(entry.localId, error);
    }
  }

  private changed(): void {
    const snapshot = this.items();
    this.persisting = this.persisting
      .then(() => this.options.store.setOutbox(this.options.roomId, snapshot))
      .catch(() => undefined /* storage failures must not stop sending; the entry is still in memory */);
    this.options.onChange();
  }
}

/**
 * Finds the message Webex created for an outbox entry among the newest messages of the space: by
 * the same author, in the same thread, with the same markdown, not older than the entry (minus a
 * minute of clock skew between this machine and Webex).
 */
export function matchSentMessage(entry: OutboxEntry, meId: string, newest: readonly Message[]): Message | undefined {
  const since = Date.parse(entry.queued) - 60_000;
  return newest.find(
    (m) =>
      m.personId === meId &&
      (m.parentId ?? undefined) === (entry.parentId ?? undefined) &&
      (m.markdown ?? m.text ?? '').trim() === entry.markdown.trim() &&
      Date.parse(m.created) >= since,
  );
}

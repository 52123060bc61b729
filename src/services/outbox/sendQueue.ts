/**
 * The outbox of one space: messages the user sent, posted one at a time in order, kept (and
 * persisted through the draft store) until Webex confirms them. A failed message stays, marked
 * failed, until the user retries or discards it.
 *
 * Retry never produces a duplicate: `POST /messages` is not idempotent and takes no idempotency
 * key (Webex messaging API), so a failure that leaves it unknown whether the message was created
 * (no response, a timeout, a dropped connection, a 5xx after the body was sent) marks the entry
 * `ambiguous`, and every later attempt first looks for the message in the space (`findExisting`)
 * before posting again. The same local id is used throughout; a retry of an entry that is already
 * sending does nothing.
 *
 * Where the space cannot be checked (a bot in a group space lists only the messages that mention
 * it, and its own posts do not: GET /messages, developer.webex.com "Bots"), only the user can look.
 * Such an entry says `mustLook` and is sent again only when the user says they looked
 * (`retry(id, { checked: true })`); nothing here ever posts it again on its own.
 */
import * as l10n from '@vscode/l10n';
import { WebexApiError } from '../../webex/errors';
import { mayHaveArrived } from './postOutbox';
import type { Message } from '../../webex/types';
import type { OutboxEntry, OutboxStore } from './outboxStore';

export interface SendQueueOptions {
  roomId: string;
  store: OutboxStore;
  /** Posts the message (the client's `messages.create`). */
  post(entry: OutboxEntry): Promise<Message>;
  /**
   * After an ambiguous failure: the message Webex created for this entry, if it did. Left out when
   * the space cannot be checked (a bot in a group space): then the user must look.
   */
  findExisting?(entry: OutboxEntry): Promise<Message | undefined>;
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

const INTERRUPTED = l10n.t('Not confirmed before VS Code closed. Retry checks whether it arrived before sending again.');

/** What a failed entry says when Webex may have it and only the user can look (a bot in a group space). */
export const LOOK_FIRST = l10n.t(
  'Webex did not confirm this message, and this space cannot be checked for it: a bot sees only the messages of a group space that mention it, not its own. Look for it in Webex and send it again only if it is not there.',
);

/**
 * The sentence a failed entry shows. An unconfirmed send (the client looked and could not tell, or
 * the request was cut off) is not worded as "not sent": Retry looks first where it can, and where
 * it cannot the user is asked to.
 */
export function sendFailureText(error: unknown, canCheck: boolean): string {
  if (error instanceof WebexApiError && mayHaveArrived(error)) {
    if (!canCheck) {
      return LOOK_FIRST;
    }
    const reason = error.kind === 'http' ? `HTTP ${error.status}` : error.kind;
    return l10n.t('Webex did not confirm this message ({0}) and it could not be checked for just now. Retry looks for it in the space before sending it again.', reason);
  }
  return error instanceof Error ? error.message : l10n.t('The message could not be sent.');
}
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

  /** Whether an entry left unconfirmed can be looked for before it is sent again. */
  get canCheck(): boolean {
    return this.options.findExisting !== undefined;
  }

  /** True for a failed entry Webex may have that only the user can look for. */
  mustLook(entry: OutboxEntry): boolean {
    return entry.state === 'failed' && entry.ambiguous === true && !this.canCheck;
  }

  /**
   * Sends a failed entry again; false when there is no such failed entry (e.g. already sending), or
   * when it `mustLook` and the user has not said they looked (`checked`).
   */
  retry(localId: string, options: { checked?: boolean } = {}): boolean {
    const entry = this.entries.find((e) => e.localId === localId);
    if (!entry || entry.state !== 'failed') {
      return false;
    }
    if (this.mustLook(entry)) {
      if (options.checked !== true) {
        return false;
      }
      // The user looked in the space and it is not there: their word is the check.
      entry.ambiguous = false;
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

  /**
   * The tab is gone (closed, reloaded, another account): stop telling it anything. What the user
   * already sent is still sent, in order, and its outcome stored, so a tab opened again finds each
   * entry sent or failed, never cut off half-way; `idle()` resolves when that is done.
   */
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
      if (!entry) {
        return;
      }
      await this.attempt(entry);
    }
  }

  private async attempt(entry: OutboxEntry): Promise<void> {
    let looking = false;
    try {
      let message: Message | undefined;
      if (entry.ambiguous) {
        if (!this.options.findExisting) {
          // Only the user can look (retry() lets such an entry through only with their word).
          entry.state = 'failed';
          this.changed();
          return;
        }
        looking = true;
        message = await this.options.findExisting(entry);
        looking = false;
      }
      message ??= await this.options.post(entry);
      // Show the message before the outbox entry goes, so it never disappears for a moment.
      if (!this.disposed) {
        this.options.onSent(entry.localId, message);
      }
      this.entries = this.entries.filter((e) => e !== entry);
      this.changed();
    } catch (error) {
      entry.state = 'failed';
      entry.error = looking
        ? l10n.t('Could not check whether it arrived ({0}). Retry looks again before sending.', this.options.describe(error))
        : this.options.describe(error);
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
    if (!this.disposed) {
      this.options.onChange();
    }
  }
}

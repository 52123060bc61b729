/**
 * How many times the user edited each of their messages, kept in extension storage so the Webex
 * limit (at most 10 edits of a message: PUT /messages/{messageId} answers 400 after that) is counted
 * across tab reloads and windows, not per tab. Webex does not say how many edits a message had, so
 * edits made elsewhere (the Webex app) are not known here. One key per account, holding the newest
 * {@link KEEP} messages' counts, oldest first.
 */
import type { KeyValueStorage } from '../storage/keyValueStorage';

const KEEP = 300;

type Entry = [messageId: string, count: number];

export class EditCounts {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly accountId: string,
  ) {}

  private get key(): string {
    return `webex.conversation.edits/${this.accountId}`;
  }

  private read(): Entry[] {
    const value = this.storage.get<unknown>(this.key);
    if (!Array.isArray(value)) {
      return [];
    }
    return value.filter(
      (e): e is Entry => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && Number.isSafeInteger(e[1]) && (e[1] as number) > 0,
    );
  }

  count(messageId: string): number {
    return this.read().find(([id]) => id === messageId)?.[1] ?? 0;
  }

  /** One more edit of `messageId`; beyond {@link KEEP} messages the oldest go. */
  async add(messageId: string): Promise<void> {
    const entries = this.read();
    const count = (entries.find(([id]) => id === messageId)?.[1] ?? 0) + 1;
    const next: Entry[] = [...entries.filter(([id]) => id !== messageId), [messageId, count]];
    await this.storage.update(this.key, next.slice(-KEEP));
  }
}

/**
 * Drafts and unsent messages of each space, kept in extension storage (the host passes
 * `context.globalState`, a Memento) so that nothing the user typed is lost when the tab closes, the
 * window reloads or a send fails. Keyed by account and room: two accounts never see each other's
 * drafts. vscode-free: the storage is anything with Memento's `get`/`update`.
 */
import type { KeyValueStorage } from '../storage/keyValueStorage';

export interface Draft {
  text: string;
  /** The thread the draft answers, if any. */
  parentId?: string;
}

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

const PREFIX = 'webex.conversation';

/** The storage of one account's drafts and outboxes. */
export class DraftStore {
  constructor(
    private readonly storage: KeyValueStorage,
    readonly accountId: string,
  ) {}

  private key(kind: 'draft' | 'outbox', roomId: string): string {
    return `${PREFIX}.${kind}/${this.accountId}/${roomId}`;
  }

  getDraft(roomId: string): Draft | undefined {
    const value = this.storage.get<unknown>(this.key('draft', roomId));
    return isDraft(value) ? value : undefined;
  }

  /** An empty draft removes the key, so storage holds only what matters. */
  async setDraft(roomId: string, draft: Draft | undefined): Promise<void> {
    const keep = draft && draft.text.trim() !== '' ? { text: draft.text, parentId: draft.parentId } : undefined;
    await this.storage.update(this.key('draft', roomId), keep);
  }

  getOutbox(roomId: string): OutboxEntry[] {
    const value = this.storage.get<unknown>(this.key('outbox', roomId));
    return Array.isArray(value) ? value.filter(isOutboxEntry) : [];
  }

  async setOutbox(roomId: string, entries: readonly OutboxEntry[]): Promise<void> {
    await this.storage.update(this.key('outbox', roomId), entries.length > 0 ? entries.map((e) => ({ ...e })) : undefined);
  }
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return typeof v.text === 'string' && (v.parentId === undefined || typeof v.parentId === 'string');
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

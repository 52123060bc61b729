/**
 * Drafts of each space, kept in extension storage (the host passes `context.globalState`, a
 * Memento) so that nothing the user typed is lost when the tab closes or the window reloads. Keyed
 * by account and room: two accounts never see each other's drafts. vscode-free: the storage is
 * anything with Memento's `get`/`update`. (Unsent messages are the outbox's: outbox/outboxStore.ts.)
 */
import type { KeyValueStorage } from '../storage/keyValueStorage';

export interface Draft {
  text: string;
  /** The thread the draft answers, if any. */
  parentId?: string;
}

const PREFIX = 'webex.conversation';

/**
 * The storage key of a space's draft or outbox: `webex.conversation.<kind>/<account id>/<room id>`,
 * as version 0.1.0 wrote them (kept, so what it stored is read unchanged).
 */
export function storageKey(kind: 'draft' | 'outbox', accountId: string, roomId: string): string {
  return `${PREFIX}.${kind}/${accountId}/${roomId}`;
}

/** The storage of one account's drafts. */
export class DraftStore {
  constructor(
    private readonly storage: KeyValueStorage,
    readonly accountId: string,
  ) {}

  private key(roomId: string): string {
    return storageKey('draft', this.accountId, roomId);
  }

  getDraft(roomId: string): Draft | undefined {
    const value = this.storage.get<unknown>(this.key(roomId));
    return isDraft(value) ? value : undefined;
  }

  /** An empty draft removes the key, so storage holds only what matters. */
  async setDraft(roomId: string, draft: Draft | undefined): Promise<void> {
    const keep = draft && draft.text.trim() !== '' ? { text: draft.text, parentId: draft.parentId } : undefined;
    await this.storage.update(this.key(roomId), keep);
  }
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return typeof v.text === 'string' && (v.parentId === undefined || typeof v.parentId === 'string');
}

/**
 * What the user has read, per account, kept in extension storage: the REST API has no read state
 * (the Room object of the Webex messaging API has no such field), so "unread" is "active since I
 * last looked", per space.
 *
 * - Each space has a last-read time (server clock, from message and room timestamps). A space is
 *   unread when its `lastActivity` is later; spaces never opened use the time the extension first
 *   saw the account, so an account's history does not all start out unread.
 * - Mentions of the user and direct messages that arrived unread are counted per space for the
 *   status bar; opening the space (marking it read) clears them.
 *
 * vscode-free: storage is anything shaped like `vscode.Memento`.
 */
import type { Message, Room } from '../../webex/types';
import { Emitter, type Event } from '../../webex/emitter';
import type { KeyValueStorage } from '../storage/keyValueStorage';
import { mentionsPerson } from '../../webex/mentions';

/** Why a space asks for attention. */
export interface Attention {
  roomId: string;
  /** Unread messages that mention the user. */
  mentions: number;
  /** Unread messages in a direct (1:1) space. */
  direct: number;
  /** Time of the latest of them (ms). */
  last: number;
}

interface Stored {
  version: 1;
  baseline: number;
  rooms: Record<string, number>;
  attention: Record<string, Attention>;
}

const KEY_PREFIX = 'webex.readState.v1.';

export class ReadState {
  private readonly changed = new Emitter<void>();
  /** Fires when something became read or unread. */
  readonly onDidChange: Event<void> = this.changed.event;
  private data: Stored;

  constructor(
    private readonly storage: KeyValueStorage,
    readonly accountId: string,
    now: () => number = Date.now,
  ) {
    const stored = storage.get<Stored>(KEY_PREFIX + accountId);
    if (stored?.version === 1) {
      this.data = stored;
    } else {
      this.data = { version: 1, baseline: now(), rooms: {}, attention: {} };
      this.save();
    }
  }

  /** When the space was last read (ms); the account's baseline when never. */
  lastRead(roomId: string): number {
    return this.data.rooms[roomId] ?? this.data.baseline;
  }

  isUnread(room: Pick<Room, 'id' | 'lastActivity'>): boolean {
    return time(room.lastActivity) > this.lastRead(room.id) || this.data.attention[room.id] !== undefined;
  }

  /** The spaces with unread mentions or direct messages, latest first. */
  attention(): Attention[] {
    return Object.values(this.data.attention).sort((a, b) => b.last - a.last);
  }

  /** Unread mentions plus unread direct messages. */
  get attentionCount(): number {
    return Object.values(this.data.attention).reduce((n, a) => n + a.mentions + a.direct, 0);
  }

  /**
   * Marks the space read up to `at` (default: its latest known activity or now). Never moves the
   * mark back, so a late, older event cannot make a read space unread again.
   */
  markRead(roomId: string, at: number): void {
    const before = this.data.rooms[roomId];
    const hadAttention = this.data.attention[roomId] !== undefined;
    if (before !== undefined && before >= at && !hadAttention) {
      return;
    }
    this.data.rooms[roomId] = Math.max(before ?? 0, at);
    delete this.data.attention[roomId];
    this.save();
    this.changed.fire();
  }

  /**
   * A message arrived. Returns what it means for the user: `own` (their own, from any client: the
   * space counts as read up to it), `read` (older than the read mark), or `unread` with whether it
   * mentions them or is direct.
   */
  noteMessage(message: Message, meId: string | undefined, roomType: Room['type'] | undefined): 'own' | 'read' | 'unread' {
    const at = time(message.created);
    if (meId !== undefined && message.personId === meId) {
      this.markRead(message.roomId, at);
      return 'own';
    }
    if (at <= this.lastRead(message.roomId)) {
      return 'read';
    }
    const mentions = mentionsPerson(message, meId) ? 1 : 0;
    const direct = (message.roomType ?? roomType) === 'direct' ? 1 : 0;
    if (mentions + direct > 0) {
      const a = this.data.attention[message.roomId] ?? { roomId: message.roomId, mentions: 0, direct: 0, last: 0 };
      this.data.attention[message.roomId] = { roomId: message.roomId, mentions: a.mentions + mentions, direct: a.direct + direct, last: Math.max(a.last, at) };
      this.save();
    }
    this.changed.fire();
    return 'unread';
  }

  /** Drops this account's read state (the account was removed). */
  async forget(): Promise<void> {
    await this.storage.update(KEY_PREFIX + this.accountId, undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private save(): void {
    void Promise.resolve(this.storage.update(KEY_PREFIX + this.accountId, this.data)).catch(() => undefined);
  }
}

function time(iso: string | undefined): number {
  const t = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

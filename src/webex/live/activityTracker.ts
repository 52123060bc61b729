/**
 * The catch-up routine shared by polling and by the websocket after a gap: one
 * `GET /rooms?sortBy=lastactivity` finds the spaces whose `lastActivity` moved since the last look,
 * then only those spaces' newest messages are read (`GET /messages?roomId`, newest first) down to
 * the last message already known. The REST API has no `since` parameter, so paging newest-first
 * until a known id is the way to catch up (GET /messages in the Webex messaging API takes only
 * `before` and `beforeMessage`).
 *
 * Known limit: `sortBy=lastactivity` sorts only a limited set pulled in id order, so for accounts in
 * more than 3000 spaces a recently active one may be missing from the list (GET /rooms in the Webex
 * messaging API states this limitation).
 */
import { decodeWebexId } from '../ids';
import { hasStatus } from '../errors';
import type { MessagesApi } from '../messages';
import type { RoomsApi } from '../rooms';
import type { Message, Room } from '../types';

export interface ActivityTrackerOptions {
  client: { rooms: RoomsApi; messages: MessagesApi };
  /** Bots must list group-space messages with `mentionedPeople=me` (Webex messaging API, GET /messages). */
  isBot?: () => boolean;
  /** Rooms per rooms request (1–1000). Default 50. */
  roomsPageSize?: number;
  /** Messages per messages request. Default 20. */
  messagesPageSize?: number;
  /** At most this many message pages per space and sync; beyond it the result is `truncated`. Default 5. */
  maxMessagePages?: number;
}

export interface SyncResult {
  /** False for the first sync, which only learns where things stand. */
  hadBaseline: boolean;
  /** Spaces whose lastActivity moved, most recent first. */
  changedRooms: Room[];
  /** Messages not seen before, oldest first within each space. */
  messages: Message[];
  /** A space had more new messages than `maxMessagePages` pages: views should reload it. */
  truncated: boolean;
}

/** How many message ids per space are remembered to tell new from already delivered. */
const SEEN_PER_ROOM = 200;

export class ActivityTracker {
  private readonly lastActivity = new Map<string, number>();
  private readonly clusters = new Map<string, string>();
  /** Per space: message id → the epoch it was learnt in, oldest first (bounded). */
  private readonly seen = new Map<string, Map<string, number>>();
  /**
   * Bumped at every gap (a closed socket, a sequence jump, a poll). Messages learnt before the
   * current epoch were delivered without a hole, so a catch-up that reaches one can stop; messages
   * learnt since (the socket delivers while a catch-up runs) are only skipped.
   */
  private epoch = 0;
  /** Rooms absent from the baseline had lastActivity ≤ this (server clock). */
  private horizon: number | undefined;
  private baselined = false;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ActivityTrackerOptions) {}

  get hasBaseline(): boolean {
    return this.baselined;
  }

  /** Forgets everything (another account signed in). */
  reset(): void {
    this.lastActivity.clear();
    this.clusters.clear();
    this.seen.clear();
    this.horizon = undefined;
    this.baselined = false;
  }

  /** The cluster part of a known room's REST id (`us`, or `urn:TEAM:<region>`), by the room's uuid. */
  clusterOf(roomUuid: string): string | undefined {
    return this.clusters.get(roomUuid.toLowerCase());
  }

  /** Records a message delivered by another way (the websocket); false when it was seen already. */
  noteMessage(roomId: string, messageId: string): boolean {
    let entry = this.seen.get(roomId);
    if (entry === undefined) {
      entry = new Map();
      this.seen.set(roomId, entry);
    }
    if (entry.has(messageId)) {
      return false;
    }
    entry.set(messageId, this.epoch);
    if (entry.size > SEEN_PER_ROOM) {
      // Maps keep insertion order: the first key is the oldest.
      entry.delete(entry.keys().next().value ?? '');
    }
    return true;
  }

  hasSeen(roomId: string, messageId: string): boolean {
    return this.seen.get(roomId)?.has(messageId) === true;
  }

  /**
   * Events may have been lost from now on (the socket closed, a sequence number jumped, or a poll
   * is about to look). The next sync stops at messages known before this point.
   */
  markGap(): void {
    this.epoch++;
  }

  /** One sync at a time: a poll and a websocket catch-up never overlap. */
  sync(signal?: AbortSignal): Promise<SyncResult> {
    const run = this.running.then(
      () => this.syncNow(signal),
      () => this.syncNow(signal),
    );
    this.running = run.catch(() => undefined);
    return run;
  }

  private async syncNow(signal?: AbortSignal): Promise<SyncResult> {
    const pageSize = this.options.roomsPageSize ?? 50;
    const hadBaseline = this.baselined;
    const changed: Array<{ room: Room; since: number | undefined }> = [];
    const seenOnPages: Room[] = [];
    const pages = this.options.client.rooms.list({ sortBy: 'lastactivity', max: pageSize }, { signal }).pages();
    for (;;) {
      const next = await pages.next();
      if (next.done === true) {
        break;
      }
      const page = next.value;
      let changedOnPage = 0;
      for (const room of page) {
        seenOnPages.push(room);
        const at = time(room.lastActivity);
        const before = this.lastActivity.get(room.id);
        const isNew = before === undefined ? this.horizon === undefined || at > this.horizon : at > before;
        if (hadBaseline && isNew) {
          changed.push({ room, since: before ?? this.horizon });
          changedOnPage++;
        }
      }
      // Sorted by activity: once a page has an unchanged space, the rest are older still.
      if (!hadBaseline || changedOnPage < page.length || page.length < pageSize) {
        break;
      }
    }
    for (const room of seenOnPages) {
      this.remember(room);
    }
    if (!hadBaseline) {
      const times = seenOnPages.map((r) => time(r.lastActivity));
      this.horizon = times.length > 0 ? Math.max(...times) : undefined;
      this.baselined = true;
      return { hadBaseline, changedRooms: [], messages: [], truncated: false };
    }
    const messages: Message[] = [];
    let truncated = false;
    for (const { room, since } of changed) {
      const result = await this.newMessages(room, since, signal);
      truncated ||= result.truncated;
      messages.push(...result.messages);
    }
    return { hadBaseline, changedRooms: changed.map((c) => c.room), messages, truncated };
  }

  private remember(room: Room): void {
    this.lastActivity.set(room.id, time(room.lastActivity));
    const parts = decodeWebexId(room.id);
    if (parts !== undefined) {
      this.clusters.set(parts.uuid.toLowerCase(), parts.cluster);
    }
  }

  /** Newest-first pages of one space until a known message, or one created at or before `since`. */
  private async newMessages(room: Room, since: number | undefined, signal?: AbortSignal): Promise<{ messages: Message[]; truncated: boolean }> {
    const mentionsOnly = room.type === 'group' && this.options.isBot?.() === true;
    const list = this.options.client.messages.list(
      { roomId: room.id, max: this.options.messagesPageSize ?? 20, mentionedPeople: mentionsOnly ? ['me'] : undefined },
      { signal },
    );
    const found: Message[] = [];
    let pagesRead = 0;
    let reachedKnown = false;
    try {
      for await (const page of list.pages()) {
        pagesRead++;
        for (const m of page) {
          const learnt = this.seen.get(room.id)?.get(m.id);
          if ((learnt !== undefined && learnt < this.epoch) || (since !== undefined && time(m.created) <= since)) {
            reachedKnown = true;
            break;
          }
          if (learnt === undefined) {
            found.push(m);
          }
        }
        if (reachedKnown || pagesRead >= (this.options.maxMessagePages ?? 5)) {
          break;
        }
      }
    } catch (error) {
      // Left the space, or it was deleted, since the rooms list was read: nothing to catch up there.
      if (hasStatus(error, 404, 403)) {
        return { messages: [], truncated: false };
      }
      throw error;
    }
    const fresh = found.reverse().filter((m) => this.noteMessage(room.id, m.id));
    // The list ended (the space has no older messages) without reaching a known one: nothing is missing.
    const truncated = !reachedKnown && pagesRead >= (this.options.maxMessagePages ?? 5);
    return { messages: fresh, truncated };
  }
}

function time(iso: string | undefined): number {
  const t = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * The events a live source emits, whichever way it learns of them (websocket, polling or the
 * catch-up after a gap). They go through the library's one `Emitter`, shaped like
 * `vscode.Event` so services can pass them on unchanged, with no `vscode` import.
 */
import type { Event } from '../emitter';
import type { Message, Room, RoomType } from '../types';

/** How an event was learnt. */
export type LiveVia = 'websocket' | 'poll' | 'catchUp';

export interface MessageCreatedEvent {
  type: 'messageCreated';
  roomId: string;
  messageId: string;
  roomType?: RoomType;
  /** Hydra person id of the author, when known. */
  actorId?: string;
  actorEmail?: string;
  /** The whole message when the source already fetched it (polling and catch-up do). */
  message?: Message;
  via: LiveVia;
}

export interface MessageDeletedEvent {
  type: 'messageDeleted';
  roomId: string;
  messageId: string;
  actorId?: string;
  via: LiveVia;
}

/**
 * Events may have been missed (a reconnect, a sequence-number gap, a poll that hit its page limit).
 * The source catches up on new messages itself; deletions cannot be caught up over REST, so views
 * that show messages should reload what they show.
 */
export interface GapEvent {
  type: 'gap';
  reason: 'reconnect' | 'sequence' | 'truncated';
}

/** Spaces whose `lastActivity` moved (from the polling or catch-up rooms request). */
export interface RoomsChangedEvent {
  type: 'roomsChanged';
  rooms: Room[];
}

export type LiveConnectionState =
  /** Not started, or stopped by the caller. */
  | 'stopped'
  /** Looking up the catalog, registering the device, opening the socket. */
  | 'connecting'
  /** The socket is open and authorized (or polling is running). */
  | 'connected'
  /** Waiting to try again after a close that means "try again". */
  | 'reconnecting'
  /** Gave up: `reason` says why (`replaced`, `refused`, `unauthorized`, close code …). */
  | 'failed';

export interface StateEvent {
  type: 'state';
  state: LiveConnectionState;
  mode: 'websocket' | 'poll';
  /** Human-readable; never contains the token. */
  reason?: string;
  closeCode?: number;
  /** For `reconnecting`: the wait before the next attempt. */
  retryInMs?: number;
  /** For `failed`: another connection took the device over (close 4000). */
  replaced?: boolean;
}

export type LiveEvent = MessageCreatedEvent | MessageDeletedEvent | GapEvent | RoomsChangedEvent | StateEvent;

/** A source of live events: the websocket, the poller, or the two combined. */
export interface LiveSource {
  readonly onEvent: Event<LiveEvent>;
  readonly state: LiveConnectionState;
  start(): void;
  /** Stops timers and sockets; resolves when the source is quiet. */
  stop(): Promise<void>;
}

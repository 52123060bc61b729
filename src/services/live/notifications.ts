/**
 * Which incoming messages deserve a notification, and collapsing bursts so the user never gets a
 * storm: the first qualifying message opens a short window; everything that qualifies in it becomes
 * one notification; after showing one, the next waits for a cool-down and then sums up what came
 * in between. Never for the user's own messages.
 *
 * Setting `webex.notifications`: `mentionsAndDirect` (default) — messages that mention the user and
 * messages in direct spaces; `all` — every message in every space; `off`.
 * vscode-free: the UI passes a `show` function (which goes through `services.prompts.notify`).
 */
import * as l10n from '@vscode/l10n';
import type { Message, RoomType } from '../../webex/types';
import { realTimers, type LiveTimers } from '../../webex/live/timers';
import { mentionsPerson } from '../../webex/mentions';

export type NotificationsSetting = 'mentionsAndDirect' | 'all' | 'off';
export const NOTIFICATIONS_SETTINGS: readonly NotificationsSetting[] = ['mentionsAndDirect', 'all', 'off'];

export interface IncomingMessage {
  message: Message;
  roomTitle: string;
  roomType: RoomType | undefined;
  /** The user's person id (own messages never notify; mentions are found with it). */
  meId: string | undefined;
  /** The author's display name, when known (else the email is shown). */
  authorName?: string;
}

/** One notification to show. `roomId` is set when everything in it is from one space (Open/Reply go there). */
export interface NotificationRequest {
  text: string;
  roomId?: string;
  /** How many messages it stands for. */
  count: number;
  mentions: number;
}

export interface NotificationBatcherOptions {
  setting: () => NotificationsSetting;
  show: (n: NotificationRequest) => void;
  timers?: LiveTimers;
  /** Messages arriving within this time of the first are one notification. Default 1.5 s. */
  windowMs?: number;
  /** After a notification, the next one waits at least this long. Default 15 s. */
  cooldownMs?: number;
}

const PREVIEW_CHARS = 120;

/** Whether a message qualifies under a setting. */
export function qualifies(incoming: IncomingMessage, setting: NotificationsSetting): 'mention' | 'direct' | 'other' | undefined {
  const { message, meId } = incoming;
  if (setting === 'off' || (meId !== undefined && message.personId === meId)) {
    return undefined;
  }
  if (mentionsPerson(message, meId)) {
    return 'mention';
  }
  if ((message.roomType ?? incoming.roomType) === 'direct') {
    return 'direct';
  }
  return setting === 'all' ? 'other' : undefined;
}

export class NotificationBatcher {
  private readonly timers: LiveTimers;
  private pending: Array<{ incoming: IncomingMessage; why: 'mention' | 'direct' | 'other' }> = [];
  private cancelFlush: (() => void) | undefined;
  private quietUntil = 0;

  constructor(private readonly options: NotificationBatcherOptions) {
    this.timers = options.timers ?? realTimers();
  }

  /** Offers a message; true when it will be part of a notification. */
  offer(incoming: IncomingMessage): boolean {
    const why = qualifies(incoming, this.options.setting());
    if (why === undefined || this.pending.some((p) => p.incoming.message.id === incoming.message.id)) {
      return false;
    }
    this.pending.push({ incoming, why });
    if (this.cancelFlush === undefined) {
      const now = this.timers.now();
      const wait = Math.max(this.options.windowMs ?? 1500, this.quietUntil - now);
      this.cancelFlush = this.timers.setTimeout(() => this.flush(), wait);
    }
    return true;
  }

  /** Drops what was waiting (signed out, setting turned off). */
  clear(): void {
    this.cancelFlush?.();
    this.cancelFlush = undefined;
    this.pending = [];
  }

  private flush(): void {
    this.cancelFlush = undefined;
    const batch = this.pending;
    this.pending = [];
    // The setting may have changed while waiting.
    const setting = this.options.setting();
    const shown = batch.filter((p) => qualifies(p.incoming, setting) !== undefined);
    if (shown.length === 0) {
      return;
    }
    this.quietUntil = this.timers.now() + (this.options.cooldownMs ?? 15_000);
    this.options.show(describe(shown));
  }
}

function describe(batch: Array<{ incoming: IncomingMessage; why: 'mention' | 'direct' | 'other' }>): NotificationRequest {
  const mentions = batch.filter((b) => b.why === 'mention').length;
  const rooms = [...new Set(batch.map((b) => b.incoming.message.roomId))];
  if (batch.length === 1) {
    const { incoming, why } = batch[0];
    const who = incoming.authorName ?? incoming.message.personEmail;
    const what = preview(incoming.message);
    // Whole sentences, so a translation can order them as its language needs.
    const text =
      why === 'direct'
        ? l10n.t('{0}: {1}', who, what)
        : why === 'mention'
          ? l10n.t('{0} mentioned you in {1}: {2}', who, incoming.roomTitle, what)
          : l10n.t('{0} in {1}: {2}', who, incoming.roomTitle, what);
    return { text, roomId: incoming.message.roomId, count: 1, mentions };
  }
  const first = batch[0].incoming;
  if (rooms.length === 1) {
    // "1 mentions you": one of them does; "3 mention you": three of them do.
    const text =
      mentions === 0
        ? l10n.t('{0} new messages in {1}', batch.length, first.roomTitle)
        : mentions === 1
          ? l10n.t('{0} new messages in {1} (1 mentions you)', batch.length, first.roomTitle)
          : l10n.t('{0} new messages in {1} ({2} mention you)', batch.length, first.roomTitle, mentions);
    return { text, roomId: first.message.roomId, count: batch.length, mentions };
  }
  const text =
    mentions === 0
      ? l10n.t('{0} new messages in {1} spaces', batch.length, rooms.length)
      : mentions === 1
        ? l10n.t('{0} new messages in {1} spaces (1 mentions you)', batch.length, rooms.length)
        : l10n.t('{0} new messages in {1} spaces ({2} mention you)', batch.length, rooms.length, mentions);
  return { text, count: batch.length, mentions };
}

function preview(message: Message): string {
  const text = (message.text ?? message.markdown ?? (message.files?.length ? l10n.t('sent a file') : '')).replace(/\s+/g, ' ').trim();
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}

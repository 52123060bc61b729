/**
 * What `messages.create` does when it cannot know whether Webex created the message: the request
 * timed out, the connection dropped, or Webex answered 5xx (or 200 with an unreadable body).
 * Sending again could post it twice; giving up could lose it. Instead we look: list the newest
 * messages of the destination and search for this one.
 */
import type { Message, Person } from './types';
import { WebexApiError, hasStatus } from './errors';
import { NOT_SENT_CODES } from './retry';

/** What was sent, as far as recognising it later goes. */
export interface SentMessage {
  roomId?: string;
  toPersonId?: string;
  toPersonEmail?: string;
  parentId?: string;
  text?: string;
  markdown?: string;
  hasFile: boolean;
}

/**
 * Accepts messages created up to this long before the send started: the server's clock and ours
 * may differ. Messages this client already returned from `create` are never taken for a new one,
 * which keeps a repeated short text ("ok") from being mistaken for the lost one.
 */
export const CLOCK_SKEW_MS = 2 * 60_000;
/** Pauses before each look: the service may still be committing a message whose answer was lost. */
export const RECONCILE_DELAYS_MS = [500, 2500] as const;
/** How many of the newest messages each look reads. */
export const RECONCILE_PAGE = 50;

/** Failures after which the message may or may not exist. */
export function isAmbiguousFailure(error: unknown): error is WebexApiError {
  if (!(error instanceof WebexApiError)) {
    return false;
  }
  switch (error.kind) {
    case 'timeout':
      return true;
    case 'network':
      return error.code === undefined || !NOT_SENT_CODES.has(error.code);
    case 'http':
      return error.status >= 500;
    case 'malformed':
      // A 2xx whose body could not be read: the message was most likely created.
      return error.status >= 200 && error.status < 300;
    case 'aborted':
      return false;
  }
}

function normalized(s: string | undefined): string {
  return (s ?? '').replace(/\r\n/g, '\n').trim();
}

/** True when `m` is the message described by `sent`, posted by `me` at or after `notBefore`. */
export function isSameMessage(m: Message, sent: SentMessage, meId: string, notBefore: number): boolean {
  if (m.personId !== meId || normalized(m.parentId) !== normalized(sent.parentId)) {
    return false;
  }
  if (sent.roomId !== undefined && m.roomId !== sent.roomId) {
    return false;
  }
  const created = Date.parse(m.created);
  if (Number.isNaN(created) || created < notBefore) {
    return false;
  }
  if (sent.hasFile && (m.files?.length ?? 0) === 0) {
    return false;
  }
  // With markdown, `text` is only alt text (Webex messaging API, POST /messages): markdown identifies it.
  if (sent.markdown !== undefined && !isBlankish(sent.markdown)) {
    return normalized(m.markdown) === normalized(sent.markdown);
  }
  if (sent.text !== undefined && !isBlankish(sent.text)) {
    return normalized(m.text) === normalized(sent.text);
  }
  return true;
}

function isBlankish(s: string): boolean {
  return s.trim() === '';
}

export interface DeliveryLookup {
  /** The newest messages of the destination (room, thread or 1:1 conversation). */
  recent: () => Promise<Message[]>;
  me: () => Promise<Person>;
  pause: (ms: number) => Promise<void>;
  /** Ids this client already returned from `create`. */
  known: ReadonlySet<string>;
}

/**
 * The one rule for "did my post land?": among a destination's newest messages (newest first, as
 * Webex lists them), the earliest that is `sent`, by `meId`, created no earlier than `startedAt`
 * less {@link CLOCK_SKEW_MS}, and not one this client already got back from `create`.
 */
export function findSent(newest: readonly Message[], sent: SentMessage, meId: string, startedAt: number, known: ReadonlySet<string> = new Set()): Message | undefined {
  const notBefore = startedAt - CLOCK_SKEW_MS;
  return newest.filter((m) => !known.has(m.id) && isSameMessage(m, sent, meId, notBefore)).pop();
}

/** Looks for the message a few times; `undefined` when it is certainly not there after the last look. */
export async function findDelivered(lookup: DeliveryLookup, sent: SentMessage, startedAt: number): Promise<Message | undefined> {
  const me = await lookup.me();
  for (const pauseMs of RECONCILE_DELAYS_MS) {
    await lookup.pause(pauseMs);
    const found = findSent(await lookup.recent(), sent, me.id, startedAt, lookup.known);
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** The error for "looked, it is not there": safe to send again. */
export function notDelivered(original: WebexApiError): WebexApiError {
  return rebuild(original, true, `Your message was not delivered (${original.message}). It is safe to send it again.`);
}

/**
 * The error for "could not look": the user must check before sending again. A 403 on the look is
 * what a bot gets in a group space: it may list only the messages that mention it
 * (`mentionedPeople=me`: GET /messages), and its own posts do not mention it, so no listing a bot may
 * make can show whether its message arrived. That is said plainly rather than looked for wrongly.
 */
export function deliveryUnknown(original: WebexApiError, lookError?: unknown): WebexApiError {
  const forbidden = hasStatus(lookError, 403);
  const why = forbidden
    ? 'this account may not list the space to check (a bot sees only the messages of a group space that mention it, not its own)'
    : 'the space could not be checked';
  return rebuild(original, false, `Webex did not confirm your message (${original.message}) and ${why}; look in the space before sending it again.`);
}

function rebuild(original: WebexApiError, deliveryChecked: boolean, message: string): WebexApiError {
  return new WebexApiError({
    kind: original.kind,
    status: original.status,
    method: original.method,
    path: original.path,
    serverMessage: original.serverMessage,
    details: original.details,
    trackingId: original.trackingId,
    retryAfterSeconds: original.retryAfterSeconds,
    code: original.code,
    deliveryChecked,
    message,
  });
}

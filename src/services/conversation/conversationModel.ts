/**
 * Pure conversation logic shared by the host and the page (bundled into both; no vscode, no Node):
 * thread assembly and grouping by author and day.
 *
 * Webex threads are one level deep: a reply's `parentId` is the thread's first message, and
 * `GET /messages` lists replies interleaved with top-level messages, newest first (Webex messaging API).
 */

/** The fields thread assembly needs; both Webex `Message` and the page's `MessageView` have them. */
export interface Threadable {
  id: string;
  parentId?: string;
  personId: string;
  created: string;
}

/** A top-level message and its replies (oldest first). */
export interface Thread<T extends Threadable> {
  /** The first message's id; also the id of the thread. */
  id: string;
  /** Undefined while the first message is unknown (deleted, or not fetched). */
  root: T | undefined;
  replies: T[];
  /** Where the thread sits in the conversation: its first message's time (or its first reply's). */
  created: string;
}

/** Chronological order with the id as a tie-breaker, so equal times keep a stable order. */
export function compareByCreated(a: { id: string; created: string }, b: { id: string; created: string }): number {
  if (a.created !== b.created) {
    return a.created < b.created ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Builds threads from messages in any order: replies under their first message, threads in the
 * order of their first message (oldest first), as the Webex clients show them.
 */
export function assembleThreads<T extends Threadable>(messages: Iterable<T>): Thread<T>[] {
  const threads = new Map<string, Thread<T>>();
  const replies: T[] = [];
  for (const message of messages) {
    if (message.parentId) {
      replies.push(message);
      continue;
    }
    const existing = threads.get(message.id);
    if (existing) {
      existing.root = message;
      existing.created = message.created;
    } else {
      threads.set(message.id, { id: message.id, root: message, replies: [], created: message.created });
    }
  }
  for (const reply of replies) {
    const parentId = reply.parentId as string;
    let thread = threads.get(parentId);
    if (!thread) {
      thread = { id: parentId, root: undefined, replies: [], created: reply.created };
      threads.set(parentId, thread);
    }
    thread.replies.push(reply);
    if (!thread.root && reply.created < thread.created) {
      thread.created = reply.created;
    }
  }
  const list = [...threads.values()];
  for (const thread of list) {
    thread.replies.sort(compareByCreated);
  }
  return list.sort(compareByCreated);
}

/** How a thread is introduced in the list. */
export interface ThreadLayout {
  /** Draw a day separator above (first thread of a day). */
  dayKey: string;
  showDay: boolean;
  /** Draw the author and time (a new group): otherwise it continues the previous message. */
  showAuthor: boolean;
}

/** Messages further apart than this start a new group even from the same author. */
export const GROUP_GAP_MS = 10 * 60 * 1000;

/**
 * One entry of the conversation as drawn: a thread where its first message was posted, or a
 * preview of a thread's newest reply where that reply was posted.
 */
export type ConversationEntry<T extends Threadable> = { kind: 'thread'; thread: Thread<T> } | { kind: 'replyPreview'; thread: Thread<T>; reply: T };

/**
 * Threads in order, each followed (further down, at the time of its newest reply) by a reply
 * preview when that reply is separated from its thread by later messages. A reply to a thread
 * started far above what the user is reading (or above everything loaded: its first message was
 * fetched only for context) would otherwise land out of sight under that first message; the
 * preview shows it where it happened, at the bottom when it is new. One preview per thread, for its
 * newest reply, so an active old thread does not fill the log with copies.
 */
export function conversationEntries<T extends Threadable>(threads: readonly Thread<T>[]): ConversationEntry<T>[] {
  const previews: Array<{ kind: 'replyPreview'; thread: Thread<T>; reply: T }> = [];
  threads.forEach((thread, i) => {
    const newest = thread.replies[thread.replies.length - 1];
    const next = threads[i + 1];
    if (newest !== undefined && next !== undefined && compareByCreated(next, newest) < 0) {
      previews.push({ kind: 'replyPreview', thread, reply: newest });
    }
  });
  previews.sort((a, b) => compareByCreated(a.reply, b.reply));
  const entries: ConversationEntry<T>[] = [];
  let p = 0;
  for (const thread of threads) {
    while (p < previews.length && compareByCreated(previews[p].reply, thread) < 0) {
      entries.push(previews[p++]);
    }
    entries.push({ kind: 'thread', thread });
  }
  entries.push(...previews.slice(p));
  return entries;
}

/** The time an entry sits at in the conversation. */
export function entryCreated<T extends Threadable>(entry: ConversationEntry<T>): string {
  return entry.kind === 'thread' ? entry.thread.created : entry.reply.created;
}

/**
 * Groups consecutive top-level messages of one author on one day, as chat clients do: a new group
 * starts on a new day, another author, a gap of more than ten minutes, or after a thread with
 * replies (the replies stand between the two messages). `dayOf` maps an ISO time to a local day
 * key (the page uses the viewer's time zone; tests pass UTC).
 */
export function layoutThreads<T extends Threadable>(
  threads: readonly Thread<T>[],
  dayOf: (iso: string) => string,
): ThreadLayout[] {
  return layoutEntries(
    threads.map((thread) => ({ kind: 'thread', thread })),
    dayOf,
  );
}

/** {@link layoutThreads} over entries: a reply preview gets a day separator when it opens a day and ends a group. */
export function layoutEntries<T extends Threadable>(entries: readonly ConversationEntry<T>[], dayOf: (iso: string) => string): ThreadLayout[] {
  const layouts: ThreadLayout[] = [];
  let previous: ConversationEntry<T> | undefined;
  let previousDay = '';
  for (const entry of entries) {
    const created = entryCreated(entry);
    const day = dayOf(created);
    const showDay = day !== previousDay;
    let showAuthor = true;
    if (entry.kind === 'thread' && previous?.kind === 'thread' && !showDay) {
      const author = entry.thread.root?.personId;
      showAuthor =
        author === undefined ||
        previous.thread.root?.personId !== author ||
        previous.thread.replies.length > 0 ||
        Date.parse(created) - Date.parse(previous.thread.created) > GROUP_GAP_MS;
    }
    layouts.push({ dayKey: day, showDay, showAuthor });
    previous = entry;
    previousDay = day;
  }
  return layouts;
}

/** A day key in UTC (`2026-03-04`), for tests and for the host, which has no viewer time zone. */
export function utcDay(iso: string): string {
  return iso.slice(0, 10);
}

/** The id a reply must carry: the thread's first message, even when answering a reply. */
export function threadIdOf(message: { id: string; parentId?: string }): string {
  return message.parentId ?? message.id;
}

/**
 * The first line of a message as plain words, for a reply preview ("↳ reply in thread: …"): the
 * `text` Webex keeps beside markdown (POST /messages: with markdown, `text` is the alt text), else
 * the markdown with its marks stripped, cut to `max` characters. Shown with textContent, never as
 * HTML.
 */
export function firstLine(message: { text?: string; markdown?: string } | undefined, max = 80): string {
  const source = message?.text?.trim() ? message.text : (message?.markdown ?? '');
  const line =
    source
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '' && !l.startsWith('```')) ?? '';
  const plain = line
    .replace(/<@[^>]*\|([^>]*)>/g, '@$1')
    .replace(/<@(?:personEmail|personId):([^>]*)>/g, '@$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_~`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [...plain].length > max ? `${[...plain].slice(0, max - 1).join('')}…` : plain;
}

/** The file name a Webex file URL shows, when it shows one (content URLs are opaque ids). */
export function fileNameFromUrl(url: string, index: number): string {
  try {
    const { pathname } = new URL(url);
    const last = decodeURIComponent(pathname.split('/').pop() ?? '');
    if (/\.[A-Za-z0-9]{1,8}$/.test(last) && last.length <= 120) {
      return last;
    }
  } catch {
    // Not a URL: fall through to the generic name.
  }
  return `Attachment ${index + 1}`;
}

/**
 * Pure conversation logic shared by the host and the page (bundled into both; no vscode, no Node):
 * thread assembly and grouping by author and day.
 *
 * Webex threads are one level deep: a reply's `parentId` is the thread's first message, and
 * `GET /messages` lists replies interleaved with top-level messages, newest first (notes §6).
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
 * Groups consecutive top-level messages of one author on one day, as chat clients do: a new group
 * starts on a new day, another author, a gap of more than ten minutes, or after a thread with
 * replies (the replies stand between the two messages). `dayOf` maps an ISO time to a local day
 * key (the page uses the viewer's time zone; tests pass UTC).
 */
export function layoutThreads<T extends Threadable>(
  threads: readonly Thread<T>[],
  dayOf: (iso: string) => string,
): ThreadLayout[] {
  const layouts: ThreadLayout[] = [];
  let previous: Thread<T> | undefined;
  let previousDay = '';
  for (const thread of threads) {
    const day = dayOf(thread.created);
    const showDay = day !== previousDay;
    const author = thread.root?.personId;
    const showAuthor =
      showDay ||
      previous === undefined ||
      author === undefined ||
      previous.root?.personId !== author ||
      previous.replies.length > 0 ||
      Date.parse(thread.created) - Date.parse(previous.created) > GROUP_GAP_MS;
    layouts.push({ dayKey: day, showDay, showAuthor });
    previous = thread;
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

/**
 * Lazy, page-by-page lists over Webex's `Link: <…>; rel="next"` pagination (RFC 5988 Web Linking, as
 * developer.webex.com "REST API Basics" describes it under Pagination).
 * Nothing is fetched until the caller iterates, and stopping the iteration fetches nothing more.
 */

/** One HTTP page: its items and the (already fixed, same-origin) URL of the next page, if any. */
export interface Page<T> {
  items: T[];
  next?: string;
  /**
   * Set when the page had a next link that must not be followed (e.g. to another host): thrown when
   * the caller asks for the next page, so the items of this one are still delivered.
   */
  nextError?: Error;
}

/**
 * Fetches one page: the first when `next` is undefined, else the page at `next` (a URL a previous
 * page returned). `signal` cancels the request.
 */
export type PageFetcher<T> = (next: string | undefined, signal: AbortSignal | undefined) => Promise<Page<T>>;

/** Options for one iteration; the signal is combined with the one the list was created with. */
export interface PageOptions {
  signal?: AbortSignal;
}

/**
 * An async-iterable Webex list. Iterate items with `for await`, or pages with {@link PagedList.pages}
 * (keep that iterator and call `.next()` later to implement "Load more…"). Pages with no items are
 * skipped, so every page a caller sees has at least one item; an empty list yields no pages.
 */
export class PagedList<T> implements AsyncIterable<T> {
  constructor(
    private readonly fetchPage: PageFetcher<T>,
    private readonly signal?: AbortSignal,
  ) {}

  /** One item array per HTTP page, following `rel="next"` until there is none. */
  async *pages(options: PageOptions = {}): AsyncIterableIterator<T[]> {
    const signal = combine(this.signal, options.signal);
    let next: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = await this.fetchPage(next, signal);
      if (page.items.length > 0) {
        yield page.items;
      }
      if (page.nextError !== undefined) {
        throw page.nextError;
      }
      // A next link pointing back at a page already fetched would loop forever; stop instead.
      if (page.next === undefined || seen.has(page.next)) {
        return;
      }
      seen.add(page.next);
      next = page.next;
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) {
      yield* page;
    }
  }

  /** The first `n` items; fetches only as many pages as needed to get them. */
  async first(n: number, options: PageOptions = {}): Promise<T[]> {
    const out: T[] = [];
    if (n <= 0) {
      return out;
    }
    for await (const page of this.pages(options)) {
      for (const item of page) {
        out.push(item);
        if (out.length >= n) {
          return out;
        }
      }
    }
    return out;
  }

  /** Every item of every page. Mind the size of what you ask for (a space can hold 10,000 messages). */
  async toArray(options: PageOptions = {}): Promise<T[]> {
    const out: T[] = [];
    for await (const page of this.pages(options)) {
      out.push(...page);
    }
    return out;
  }
}

function combine(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (a === undefined) {
    return b;
  }
  return b === undefined ? a : AbortSignal.any([a, b]);
}

/**
 * Query parameters the real service is known to drop from its `next` links; we re-add them from the
 * first request when missing. WebexPythonSDK's `_fix_next_url` re-adds max, roomId, parentId,
 * mentionedPeople, before, beforeMessage (WebexPythonSDK issue #168: without `mentionedPeople` a
 * bot gets 403 on page 2); teamId, type and sortBy are list filters that would otherwise silently
 * widen or reorder the list.
 */
export const STICKY_PARAMS = [
  'max',
  'roomId',
  'parentId',
  'mentionedPeople',
  'before',
  'beforeMessage',
  'teamId',
  'type',
  'sortBy',
] as const;

/**
 * Repairs a `next` link: removes the errant `max=null` Webex has been seen to send (WebexPythonSDK
 * `_fix_next_url`) and re-adds {@link STICKY_PARAMS} present in the first request but missing,
 * empty or `null` in the link. Parameters the link does carry are kept (they are the cursor).
 */
export function fixNextUrl(next: URL, firstRequest: URL): URL {
  const fixed = new URL(next.href);
  const params = fixed.searchParams;
  for (const [key, value] of [...params]) {
    if (value === 'null' && key === 'max') {
      params.delete(key);
    }
  }
  for (const key of STICKY_PARAMS) {
    const original = firstRequest.searchParams.get(key);
    const current = params.get(key);
    if (original !== null && original !== '' && (current === null || current === '' || current === 'null')) {
      params.set(key, original);
    }
  }
  return fixed;
}

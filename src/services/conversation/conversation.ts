/**
 * The messages of one open space, as the conversation tab shows them: the newest page first,
 * older pages on demand (`beforeMessage`), new ones found by polling, and the user's own sends,
 * edits and deletes applied as they land. vscode-free; the tab's host owns one per open space.
 *
 * Webex facts relied on (GET /messages in the Webex messaging API): it lists newest first, replies
 * interleaved with top-level messages; there is no `after`/`since`, so catching up means paging back
 * from the newest until a known message appears; `updated` is set on edited messages; bots must
 * pass `mentionedPeople=me` in group spaces and so see only the messages that mention them.
 */
import type { WebexClient } from '../../webex/client';
import type { Message, Person } from '../../webex/types';

/** What the conversation needs from Webex (the host adapts the WebexClient to it). */
export interface ConversationSource {
  /** One page of the space, newest first; `beforeMessage` pages back from a message. */
  listPage(params: { beforeMessage?: string; max: number }): Promise<Message[]>;
  /** `GET /messages/{id}`: a thread's first message that is older than what is loaded. */
  getMessage(id: string): Promise<Message>;
  /** `GET /people?id=…` (at most 85 ids a call: GET /people in the Webex messaging API). */
  lookupPeople(ids: string[]): Promise<Person[]>;
}

/**
 * The source of one space over the Webex client. A bot lists a group space with
 * `mentionedPeople=me` (it must: GET /messages); the client re-adds it when a `next` link drops it.
 */
export function clientSource(client: WebexClient, roomId: string, mentionsOnly: boolean): ConversationSource {
  const mentionedPeople = mentionsOnly ? ['me'] : undefined;
  return {
    listPage: async ({ beforeMessage, max }) => {
      const first = await client.messages.list({ roomId, beforeMessage, max, mentionedPeople }).pages().next();
      return first.done ? [] : first.value;
    },
    getMessage: (id) => client.messages.get(id),
    lookupPeople: (ids) => client.people.list({ id: ids, max: ids.length }).toArray(),
  };
}

export interface ConversationChange {
  reset: boolean;
  cause: 'initial' | 'older' | 'newer' | 'local';
  upsert: Message[];
  remove: string[];
  /** People learned with this change (names of authors and mentioned people). */
  people: Person[];
  hasOlder: boolean;
}

export interface ConversationOptions {
  /** Messages a page (`max`; Webex's default is 50). */
  pageSize?: number;
  /** Pages a poll may walk back before it gives up and starts over from the newest page. */
  maxCatchUpPages?: number;
  /**
   * Detect deletions by comparing a poll's range with what is known. Off for bots: their list is
   * filtered by mentions, so their own messages never appear in it.
   */
  detectDeletions?: boolean;
  onChange(change: ConversationChange): void;
}

const PARENT_FETCH_LIMIT = 20;
const PEOPLE_PER_CALL = 85;

export class Conversation {
  private readonly messages = new Map<string, Message>();
  /** Ids fetched only as a thread's first message, not yet reached by paging. */
  private readonly context = new Set<string>();
  /** Parents that could not be fetched (deleted): not asked again. */
  private readonly unavailable = new Set<string>();
  private readonly people = new Map<string, Person>();
  private readonly peopleTried = new Set<string>();
  private oldestPagedId: string | undefined;
  private olderExists = true;
  private loadedNewest = false;
  private loadingOlder: Promise<{ added: number; hasOlder: boolean }> | undefined;
  private polling: Promise<void> | undefined;
  private readonly pageSize: number;

  constructor(
    private readonly source: ConversationSource,
    private readonly options: ConversationOptions,
  ) {
    this.pageSize = options.pageSize ?? 50;
  }

  get isLoaded(): boolean {
    return this.loadedNewest;
  }

  get hasOlder(): boolean {
    return this.olderExists;
  }

  get size(): number {
    return this.messages.size;
  }

  message(id: string): Message | undefined {
    return this.messages.get(id);
  }

  /** Everything known, as one reset change (a page that reloads gets this). */
  snapshot(): ConversationChange {
    return {
      reset: true,
      cause: 'initial',
      upsert: [...this.messages.values()],
      remove: [],
      people: [...this.people.values()],
      hasOlder: this.olderExists,
    };
  }

  /** Loads the newest page, forgetting everything else. */
  async loadNewest(): Promise<void> {
    const page = await this.source.listPage({ max: this.pageSize });
    await this.replaceWith(page, page.length >= this.pageSize);
  }

  /** Loads the page before the oldest paged message; concurrent calls share one request. */
  loadOlder(): Promise<{ added: number; hasOlder: boolean }> {
    this.loadingOlder ??= this.fetchOlder().finally(() => {
      this.loadingOlder = undefined;
    });
    return this.loadingOlder;
  }

  /** Looks for new, edited and deleted messages; polls never overlap (a second call joins the first). */
  pollNewer(): Promise<void> {
    this.polling ??= this.fetchNewer().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  /** The user's own message was posted (or an edit landed): show it without waiting for a poll. */
  applyLocal(message: Message): void {
    this.messages.set(message.id, message);
    this.context.delete(message.id);
    this.emit({ reset: false, cause: 'local', upsert: [message], remove: [], people: [], hasOlder: this.olderExists });
  }

  /**
   * A message that live updates already fetched: shown like a poll's find, with its
   * thread's first message and names completed. Ignored until the newest page is loaded (that
   * page will contain it) and when nothing changed.
   */
  async applyIncoming(message: Message): Promise<void> {
    if (!this.loadedNewest) {
      return;
    }
    const known = this.messages.get(message.id);
    if (known && !this.context.has(message.id) && sameContent(known, message)) {
      return;
    }
    this.messages.set(message.id, message);
    this.context.delete(message.id);
    const extra = await this.completeBatch([message]);
    this.emit({ reset: false, cause: 'newer', upsert: [message, ...extra.parents], remove: [], people: extra.people, hasOlder: this.olderExists });
  }

  applyDeleted(id: string): void {
    if (this.messages.delete(id)) {
      this.context.delete(id);
      this.emit({ reset: false, cause: 'local', upsert: [], remove: [id], people: [], hasOlder: this.olderExists });
    }
  }

  private async fetchOlder(): Promise<{ added: number; hasOlder: boolean }> {
    if (!this.loadedNewest) {
      await this.loadNewest();
      return { added: this.messages.size, hasOlder: this.olderExists };
    }
    if (!this.olderExists || this.oldestPagedId === undefined) {
      return { added: 0, hasOlder: false };
    }
    const page = await this.source.listPage({ beforeMessage: this.oldestPagedId, max: this.pageSize });
    this.olderExists = page.length >= this.pageSize;
    if (page.length > 0) {
      this.oldestPagedId = page[page.length - 1].id;
    }
    const fresh = page.filter((m) => !this.messages.has(m.id) || this.context.has(m.id));
    for (const m of page) {
      this.messages.set(m.id, m);
      this.context.delete(m.id);
    }
    const extra = await this.completeBatch(page);
    this.emit({ reset: false, cause: 'older', upsert: [...page, ...extra.parents], remove: [], people: extra.people, hasOlder: this.olderExists });
    return { added: fresh.length, hasOlder: this.olderExists };
  }

  private async fetchNewer(): Promise<void> {
    if (!this.loadedNewest) {
      await this.loadNewest();
      return;
    }
    const collected: Message[] = [];
    let page = await this.source.listPage({ max: this.pageSize });
    collected.push(...page);
    let pages = 1;
    const knows = (m: Message): boolean => this.messages.has(m.id) && !this.context.has(m.id);
    let overlap = page.some(knows);
    const maxPages = this.options.maxCatchUpPages ?? 10;
    while (!overlap && page.length >= this.pageSize && pages < maxPages) {
      page = await this.source.listPage({ beforeMessage: page[page.length - 1].id, max: this.pageSize });
      collected.push(...page);
      pages++;
      overlap = page.some(knows);
    }
    if (!overlap && page.length >= this.pageSize) {
      // Too much happened while we were away to bridge: start over from the newest pages.
      await this.replaceWith(collected, true);
      return;
    }
    const upsert = collected.filter((m) => {
      const known = this.messages.get(m.id);
      return !known || this.context.has(m.id) || !sameContent(known, m);
    });
    const remove: string[] = [];
    if (this.options.detectDeletions !== false && collected.length > 0) {
      // Everything newer than the oldest message of the polled range was listed: what is known
      // in that range and missing from the list was deleted.
      const listed = new Set(collected.map((m) => m.id));
      const boundary = collected[collected.length - 1].created;
      for (const [id, m] of this.messages) {
        if (!listed.has(id) && !this.context.has(id) && m.created > boundary) {
          remove.push(id);
        }
      }
    }
    if (upsert.length === 0 && remove.length === 0) {
      return;
    }
    for (const m of upsert) {
      this.messages.set(m.id, m);
      this.context.delete(m.id);
    }
    for (const id of remove) {
      this.messages.delete(id);
    }
    const extra = await this.completeBatch(upsert);
    this.emit({ reset: false, cause: 'newer', upsert: [...upsert, ...extra.parents], remove, people: extra.people, hasOlder: this.olderExists });
  }

  private async replaceWith(newestFirst: Message[], hasOlder: boolean): Promise<void> {
    this.messages.clear();
    this.context.clear();
    for (const m of newestFirst) {
      this.messages.set(m.id, m);
    }
    this.oldestPagedId = newestFirst.length > 0 ? newestFirst[newestFirst.length - 1].id : undefined;
    this.olderExists = hasOlder && newestFirst.length > 0;
    this.loadedNewest = true;
    const extra = await this.completeBatch(newestFirst);
    this.emit({ reset: true, cause: 'initial', upsert: [...newestFirst, ...extra.parents], remove: [], people: extra.people, hasOlder: this.olderExists });
  }

  /**
   * Makes a batch presentable: fetches thread parents older than what is loaded (a reply on the
   * newest page to a thread started days ago) and the names of unknown authors and mentioned people.
   * Both best effort: a failure leaves the thread without its first message or the author named by
   * email, never the page without messages.
   */
  private async completeBatch(batch: readonly Message[]): Promise<{ parents: Message[]; people: Person[] }> {
    const parentIds = [
      ...new Set(batch.map((m) => m.parentId).filter((id): id is string => !!id && !this.messages.has(id) && !this.unavailable.has(id))),
    ].slice(0, PARENT_FETCH_LIMIT);
    const parents = (
      await Promise.all(
        parentIds.map(async (id) => {
          try {
            return await this.source.getMessage(id);
          } catch {
            this.unavailable.add(id);
            return undefined;
          }
        }),
      )
    ).filter((m): m is Message => m !== undefined && !this.messages.has(m.id));
    for (const m of parents) {
      this.messages.set(m.id, m);
      this.context.add(m.id);
    }
    const wanted = new Set<string>();
    for (const m of [...batch, ...parents]) {
      for (const id of [m.personId, ...(m.mentionedPeople ?? [])]) {
        if (id && !this.people.has(id) && !this.peopleTried.has(id)) {
          wanted.add(id);
        }
      }
    }
    const people: Person[] = [];
    const ids = [...wanted];
    for (let i = 0; i < ids.length; i += PEOPLE_PER_CALL) {
      const chunk = ids.slice(i, i + PEOPLE_PER_CALL);
      chunk.forEach((id) => this.peopleTried.add(id));
      try {
        for (const person of await this.source.lookupPeople(chunk)) {
          this.people.set(person.id, person);
          people.push(person);
        }
      } catch {
        // Names are a nicety: authors fall back to their email.
      }
    }
    return { parents, people };
  }

  /** True when the message was fetched only as a thread's first message. */
  isContext(id: string): boolean {
    return this.context.has(id);
  }

  private emit(change: ConversationChange): void {
    this.options.onChange(change);
  }
}

function sameContent(a: Message, b: Message): boolean {
  return a.updated === b.updated && a.markdown === b.markdown && a.text === b.text && (a.files?.length ?? 0) === (b.files?.length ?? 0);
}

/**
 * The scrolling message log, windowed so the DOM stays bounded however long the space is: only a
 * contiguous run of threads is in the DOM (at most MAX_RENDERED messages); threads scrolled far
 * away are dropped and rebuilt from memory when the user scrolls back. Elements are reused by key
 * and signature, so loading older messages never re-renders what is shown, and the reading
 * position is kept by anchoring on the first visible thread.
 */

export interface TimelineItem {
  /** The thread id (its first message's id). */
  id: string;
  /** Changes whenever what the thread shows changes; equal signatures reuse the element. */
  signature: string;
  /** Messages in the thread as drawn (for the DOM budget). */
  size: number;
  render(): HTMLElement;
}

interface Anchor {
  threadId: string;
  messageId?: string;
  /** Pixels from the top of the view to the top of the anchor. */
  offset: number;
}

export type TimelineReason = 'reset' | 'older' | 'newer' | 'local' | 'refresh';

export interface TimelineHooks {
  /** The user reached the top of everything in memory: fetch the previous page if there is one. */
  needOlder(): void;
  /** Whether the newest message is in view (the "New messages" button hides then). */
  atBottomChanged(atBottom: boolean): void;
}

/** Threads drawn when a space opens (about one Webex page). */
const INITIAL = 40;
/** Threads added from memory when the user nears an edge of the window. */
const CHUNK = 30;
/** The DOM budget, in messages. */
export const MAX_RENDERED = 200;
/** Pixels from an edge at which more is drawn or fetched. */
const EDGE = 600;
/** Pixels from the bottom that still count as "at the newest message". */
const STICK = 40;

export class Timeline {
  private items: TimelineItem[] = [];
  private lo = 0;
  private hi = 0;
  private readonly rendered = new Map<string, { el: HTMLElement; signature: string }>();
  private following = true;
  private atBottom = true;
  private scheduled = false;

  constructor(
    /** The scroll container (`role="log"`). */
    private readonly scroller: HTMLElement,
    /** Where thread elements live (inside the scroller). */
    private readonly container: HTMLElement,
    private readonly hooks: TimelineHooks,
  ) {
    scroller.addEventListener('scroll', () => this.onScroll(), { passive: true });
  }

  /** True when the newest thread is drawn and the view sits at the bottom. */
  get isFollowing(): boolean {
    return this.following;
  }

  /** Number of threads in memory; the window of drawn ones is `[lo, hi)`. */
  get window(): { lo: number; hi: number; total: number } {
    return { lo: this.lo, hi: this.hi, total: this.items.length };
  }

  /** Replaces the items (already in order) and redraws what changed. */
  setItems(items: TimelineItem[], reason: TimelineReason): void {
    const anchor = this.following ? undefined : this.captureAnchor();
    const oldFirst = this.items[this.lo]?.id;
    const oldLast = this.items[this.hi - 1]?.id;
    const hadNewest = this.hi >= this.items.length;
    // Older messages are drawn only if the user is still at the top, where they asked for them.
    const atTop = this.lo === 0;
    this.items = items;
    const n = items.length;
    if (reason === 'reset' || n === 0) {
      this.hi = n;
      this.lo = Math.max(0, n - INITIAL);
      this.following = true;
    } else {
      const index = new Map(items.map((item, i) => [item.id, i]));
      const first = oldFirst !== undefined ? index.get(oldFirst) : undefined;
      const last = oldLast !== undefined ? index.get(oldLast) : undefined;
      this.lo = reason === 'older' && atTop ? 0 : Math.min(first ?? this.lo, n);
      this.hi = hadNewest || this.following ? n : Math.min((last ?? this.hi - 1) + 1, n);
      if (this.hi <= this.lo) {
        this.lo = Math.max(0, n - INITIAL);
        this.hi = n;
      }
    }
    this.trim(reason === 'older' && atTop ? 'bottom' : 'top');
    this.draw(anchor);
  }

  /** Shows the newest messages and sticks to them. */
  scrollToNewest(): void {
    const n = this.items.length;
    if (this.hi < n) {
      this.hi = n;
      this.lo = Math.max(0, n - INITIAL);
      this.draw(undefined);
    }
    this.following = true;
    this.scroller.scrollTop = this.scroller.scrollHeight;
    this.updateBottom();
  }

  /**
   * Brings an item into view (a reply preview's "show the thread"): draws the window from it when it
   * is not drawn, stops following the newest messages, and returns its element.
   */
  reveal(id: string): HTMLElement | undefined {
    const index = this.items.findIndex((item) => item.id === id);
    if (index < 0) {
      return undefined;
    }
    if (index < this.lo || index >= this.hi) {
      this.lo = index;
      this.hi = Math.min(this.items.length, index + CHUNK);
      this.trim('bottom');
    }
    this.following = false;
    this.draw(undefined);
    const element = this.rendered.get(id)?.el;
    element?.scrollIntoView({ block: 'center' });
    this.updateBottom();
    return element;
  }

  /** The drawn element of a thread, if it is in the window. */
  element(threadId: string): HTMLElement | undefined {
    return this.rendered.get(threadId)?.el;
  }

  private trim(side: 'top' | 'bottom'): void {
    let size = 0;
    for (let i = this.lo; i < this.hi; i++) {
      size += this.items[i].size;
    }
    while (size > MAX_RENDERED && this.hi - this.lo > 1) {
      if (side === 'bottom') {
        this.hi--;
        size -= this.items[this.hi].size;
        this.following = false;
      } else {
        size -= this.items[this.lo].size;
        this.lo++;
      }
    }
  }

  /**
   * The message the user is reading: the first one whose bottom is below the top of the view. A
   * message, not its thread block, because a block's day separator can come and go above it.
   */
  private captureAnchor(): Anchor | undefined {
    const top = this.scroller.getBoundingClientRect().top;
    for (let i = this.lo; i < this.hi; i++) {
      const entry = this.rendered.get(this.items[i].id);
      if (!entry || entry.el.getBoundingClientRect().bottom <= top) {
        continue;
      }
      for (const message of entry.el.querySelectorAll<HTMLElement>('[data-message-id]')) {
        const rect = message.getBoundingClientRect();
        if (rect.bottom > top) {
          return { threadId: this.items[i].id, messageId: message.dataset.messageId, offset: rect.top - top };
        }
      }
      return { threadId: this.items[i].id, offset: entry.el.getBoundingClientRect().top - top };
    }
    return undefined;
  }

  private anchorElement(anchor: Anchor): HTMLElement | undefined {
    const block = this.rendered.get(anchor.threadId)?.el;
    if (block && anchor.messageId !== undefined) {
      const message = block.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(anchor.messageId)}"]`);
      if (message) {
        return message;
      }
    }
    return block;
  }

  private draw(anchor: Anchor | undefined): void {
    const wanted = this.items.slice(this.lo, this.hi);
    const keep = new Set(wanted.map((item) => item.id));
    for (const [id, entry] of this.rendered) {
      if (!keep.has(id)) {
        entry.el.remove();
        this.rendered.delete(id);
      }
    }
    let cursor = this.container.firstElementChild;
    for (const item of wanted) {
      let entry = this.rendered.get(item.id);
      if (!entry || entry.signature !== item.signature) {
        const el = item.render();
        if (entry) {
          if (cursor === entry.el) {
            cursor = el;
          }
          entry.el.replaceWith(el);
        }
        entry = { el, signature: item.signature };
        this.rendered.set(item.id, entry);
      }
      if (cursor === entry.el) {
        cursor = cursor.nextElementSibling;
      } else {
        this.container.insertBefore(entry.el, cursor);
      }
    }
    // For tests and the benchmark: which threads are drawn, of how many.
    this.scroller.dataset.window = `${this.lo}-${this.hi}/${this.items.length}`;
    if (this.following) {
      this.scroller.scrollTop = this.scroller.scrollHeight;
    } else if (anchor) {
      const el = this.anchorElement(anchor);
      if (el) {
        const offset = el.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top;
        this.scroller.scrollTop += offset - anchor.offset;
      }
    }
    this.updateBottom();
  }

  private onScroll(): void {
    if (this.scheduled) {
      return;
    }
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.afterScroll();
    });
  }

  private afterScroll(): void {
    const { scrollTop, scrollHeight, clientHeight } = this.scroller;
    const fromBottom = scrollHeight - scrollTop - clientHeight;
    this.following = fromBottom <= STICK && this.hi >= this.items.length;
    if (scrollTop < EDGE) {
      if (this.lo > 0) {
        const anchor = this.captureAnchor();
        this.lo = Math.max(0, this.lo - CHUNK);
        this.trim('bottom');
        this.draw(anchor);
      } else {
        this.hooks.needOlder();
      }
    } else if (fromBottom < EDGE && this.hi < this.items.length) {
      const anchor = this.captureAnchor();
      this.hi = Math.min(this.items.length, this.hi + CHUNK);
      this.trim('top');
      this.draw(anchor);
    }
    this.updateBottom();
  }

  private updateBottom(): void {
    const { scrollTop, scrollHeight, clientHeight } = this.scroller;
    const atBottom = this.hi >= this.items.length && scrollHeight - scrollTop - clientHeight <= STICK;
    if (atBottom !== this.atBottom) {
      this.atBottom = atBottom;
      this.hooks.atBottomChanged(atBottom);
    }
  }
}

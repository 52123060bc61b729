/**
 * The conversation page: keeps the messages the host sent, turns them into threads grouped by
 * author and day, and hands them to the windowed timeline; wires the composer, message actions,
 * link clicks (to the host, never navigating) and keyboard navigation.
 */
import type { HostMessage, InitMessage, MessageView, MessagesMessage, OutboxItemView, PersonView } from '../protocol';
import { ALLOWED_LINK } from '../protocol';
import { assembleThreads, layoutThreads, type Thread } from '../../../services/conversationModel';
import { Composer } from './composer';
import { localDay } from './format';
import type { HostChannel } from './hostChannel';
import { createMessageRenderer, type MentionLookup } from './markdown';
import { authorName, renderPending, renderThread, threadSignature, type RenderContext } from './messageDom';
import { createSanitizer } from './sanitize';
import { Timeline, type TimelineItem, type TimelineReason } from './timeline';
import { codicon, div, moveFocus, text } from './dom';

const BODY_CACHE_LIMIT = 3000;

export class ThreadApp {
  private init: InitMessage | undefined;
  private readonly messages = new Map<string, MessageView>();
  private readonly people = new Map<string, PersonView>();
  private outbox: OutboxItemView[] = [];
  private hasOlder = false;
  private loadingOlder = false;
  private firstPagePainted = false;
  private readonly ctx: RenderContext;
  private readonly timeline: Timeline;
  private readonly composer: Composer;
  private readonly scroller: HTMLElement;
  private readonly logStart: HTMLElement;
  private readonly outboxEl: HTMLElement;
  private readonly banner: HTMLElement;
  private readonly toast: HTMLElement;
  private readonly jump: HTMLButtonElement;
  private threads: Thread<MessageView>[] = [];
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    root: HTMLElement,
    private readonly host: HostChannel,
  ) {
    const mentions: MentionLookup = {
      name: (kind, value) =>
        kind === 'personId' ? this.people.get(value)?.displayName : [...this.people.values()].find((p) => p.email === value)?.displayName,
      isMe: (kind, value) => {
        const me = this.init?.me;
        return me !== undefined && (kind === 'personId' ? value === me.id : me.emails.some((e) => e.toLowerCase() === value.toLowerCase()));
      },
    };
    this.ctx = {
      me: undefined,
      people: this.people,
      renderer: createMessageRenderer(),
      sanitizer: createSanitizer(window),
      mentions,
      expanded: new Set(),
      newMarkerId: undefined,
      editingId: undefined,
      bodies: new Map(),
    };

    this.banner = div('banner');
    this.banner.hidden = true;
    this.scroller = div('log');
    this.scroller.setAttribute('role', 'log');
    this.scroller.setAttribute('aria-label', 'Messages');
    this.scroller.tabIndex = 0;
    this.logStart = div('log-start');
    const threadsEl = div('threads');
    this.outboxEl = div('outbox');
    this.scroller.append(this.logStart, threadsEl, this.outboxEl);
    this.jump = document.createElement('button');
    this.jump.type = 'button';
    this.jump.className = 'jump';
    this.jump.hidden = true;
    this.jump.append(codicon('arrow-down'), text('New messages'));
    this.toast = div('toast');
    this.toast.setAttribute('role', 'alert');
    this.toast.hidden = true;
    this.composer = new Composer({
      send: (markdown, parentId) => this.send(markdown, parentId),
      draftChanged: (draft) => this.host.post({ type: 'draft', draft }),
    });
    const main = document.createElement('main');
    main.className = 'conversation';
    main.append(this.scroller, this.jump, this.toast);
    root.append(this.banner, main, this.composer.element);

    this.timeline = new Timeline(this.scroller, threadsEl, {
      needOlder: () => this.loadOlder(),
      atBottomChanged: (atBottom) => {
        if (atBottom) {
          this.jump.hidden = true;
        }
      },
    });
    this.jump.addEventListener('click', () => {
      this.timeline.scrollToNewest();
      this.jump.hidden = true;
    });
    this.scroller.addEventListener('click', (e) => this.onClick(e));
    this.scroller.addEventListener('auxclick', (e) => {
      if ((e.target as Element).closest('a')) {
        e.preventDefault();
      }
    });
    this.scroller.addEventListener('keydown', (e) => this.onKey(e));
    this.renderLogStart();
  }

  handle(message: HostMessage): void {
    switch (message.type) {
      case 'init':
        this.onInit(message);
        break;
      case 'messages':
        this.onMessages(message);
        break;
      case 'outbox':
        this.outbox = message.items;
        this.refresh('local');
        break;
      case 'status':
        if (this.init) {
          this.init = { ...this.init, status: message.status, error: message.error };
          this.renderBanner();
          this.renderLogStart();
        }
        break;
      case 'focusComposer':
        this.composer.focus();
        break;
      case 'response':
        break;
    }
  }

  private onInit(message: InitMessage): void {
    this.init = message;
    this.ctx.me = message.me;
    this.host.state = { roomId: message.room.id, title: message.room.title };
    document.title = message.room.title;
    this.scroller.setAttribute('aria-label', `Messages in ${message.room.title}`);
    this.composer.setLimit(message.maxMessageBytes);
    this.composer.setEnabled(message.status !== 'signedOut');
    const parent = message.draft?.parentId ? this.messages.get(message.draft.parentId) : undefined;
    this.composer.setDraft(message.draft, parent ? authorName(parent, this.ctx) : undefined);
    this.renderBanner();
    this.renderLogStart();
  }

  private onMessages(message: MessagesMessage): void {
    if (message.reset) {
      this.messages.clear();
    }
    for (const person of message.people) {
      this.people.set(person.id, person);
    }
    const me = this.init?.me?.id;
    let firstNew: MessageView | undefined;
    for (const m of message.upsert) {
      if (message.cause === 'newer' && !this.messages.has(m.id) && m.personId !== me && (!firstNew || m.created < firstNew.created)) {
        firstNew = m;
      }
      this.messages.set(m.id, m);
    }
    for (const id of message.remove) {
      this.messages.delete(id);
    }
    this.hasOlder = message.hasOlder;
    if (firstNew && !this.timeline.isFollowing) {
      this.ctx.newMarkerId ??= firstNew.id;
      this.jump.hidden = false;
    }
    if (message.people.length > 0) {
      this.ctx.bodies.clear();
    }
    this.refresh(message.reset || message.cause === 'initial' ? 'reset' : message.cause);
    this.renderLogStart();
    if (message.reset && !this.firstPagePainted) {
      this.firstPagePainted = true;
      // Marked once the newest page is on screen (issue 8 measures open → this mark).
      requestAnimationFrame(() => setTimeout(() => performance.mark('webex:firstPage'), 0));
    }
  }

  private refresh(reason: TimelineReason): void {
    if (this.ctx.bodies.size > BODY_CACHE_LIMIT) {
      this.ctx.bodies.clear();
    }
    this.threads = assembleThreads(this.messages.values());
    const layouts = layoutThreads(this.threads, localDay);
    const pendingByThread = new Map<string, OutboxItemView[]>();
    const topLevel: OutboxItemView[] = [];
    for (const item of this.outbox) {
      if (item.parentId && this.messages.has(item.parentId)) {
        pendingByThread.set(item.parentId, [...(pendingByThread.get(item.parentId) ?? []), item]);
      } else {
        topLevel.push(item);
      }
    }
    const items: TimelineItem[] = this.threads.map((thread, i) => {
      const pending = pendingByThread.get(thread.id) ?? [];
      const layout = layouts[i];
      return {
        id: thread.id,
        signature: threadSignature(thread, layout, pending, this.ctx),
        size: 1 + thread.replies.length + pending.length,
        render: () => renderThread(thread, layout, pending, this.ctx),
      };
    });
    const following = this.timeline.isFollowing;
    this.outboxEl.replaceChildren(...topLevel.map((item) => renderPending(item, this.ctx)));
    this.timeline.setItems(items, reason);
    if (following && reason === 'local') {
      this.timeline.scrollToNewest();
    }
  }

  private renderBanner(): void {
    const init = this.init;
    const parts: Node[] = [];
    if (init?.status === 'signedOut') {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button primary small';
      button.textContent = 'Sign In';
      button.addEventListener('click', () => this.host.post({ type: 'signIn' }));
      parts.push(codicon('account'), text('Sign in to Webex to read this space.'), button);
    } else if (init?.status === 'error') {
      parts.push(codicon('warning'), text(init.error ?? 'Could not load this space.'));
    } else if (init?.mentionsOnly) {
      parts.push(codicon('hubot'), text('Signed in as a bot: only the messages of this space that mention the bot are shown.'));
    }
    this.banner.replaceChildren(...parts);
    this.banner.hidden = parts.length === 0;
    this.banner.className = `banner ${init?.status === 'error' ? 'error' : ''}`;
  }

  private renderLogStart(): void {
    const status = this.init?.status ?? 'loading';
    if (status === 'loading' || this.loadingOlder) {
      this.logStart.replaceChildren(codicon('loading codicon-modifier-spin'), text(status === 'loading' ? 'Loading messages…' : 'Loading older messages…'));
    } else if (status === 'ready' && !this.hasOlder) {
      this.logStart.replaceChildren(text(this.messages.size === 0 ? 'No messages yet. Say hello!' : 'This is the beginning of the conversation.'));
    } else {
      this.logStart.replaceChildren();
    }
  }

  private loadOlder(): void {
    if (!this.hasOlder || this.loadingOlder || this.init?.status !== 'ready') {
      return;
    }
    this.loadingOlder = true;
    this.scroller.setAttribute('aria-busy', 'true');
    this.renderLogStart();
    this.host
      .request('loadOlder', {})
      .catch((error: Error) => this.showToast(error.message))
      .finally(() => {
        this.loadingOlder = false;
        this.scroller.removeAttribute('aria-busy');
        this.renderLogStart();
      });
  }

  private send(markdown: string, parentId: string | undefined): void {
    const localId = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
    this.ctx.newMarkerId = undefined;
    this.timeline.scrollToNewest();
    this.host.request('send', { localId, markdown, parentId }).catch((error: Error) => {
      this.composer.restore(markdown, parentId);
      this.showToast(error.message);
    });
  }

  private onClick(e: MouseEvent): void {
    const target = e.target as Element;
    const link = target.closest('a');
    if (link) {
      // Nothing navigates the page: the host opens allowed links in the browser after this click.
      e.preventDefault();
      const href = link.getAttribute('href') ?? '';
      if (ALLOWED_LINK.test(href)) {
        this.host.post({ type: 'openLink', href });
      }
      return;
    }
    const button = target.closest<HTMLElement>('[data-action]');
    if (!button) {
      return;
    }
    const action = button.dataset.action;
    const article = button.closest<HTMLElement>('article');
    const messageId = article?.dataset.messageId;
    const localId = article?.dataset.localId;
    const threadId = button.closest<HTMLElement>('.thread')?.dataset.threadId;
    switch (action) {
      case 'reply': {
        const root = threadId ? this.messages.get(threadId) : undefined;
        if (threadId) {
          this.composer.setReplyTo(threadId, root ? authorName(root, this.ctx) : undefined);
        }
        break;
      }
      case 'expand':
        if (threadId) {
          (this.ctx.expanded as Set<string>).add(threadId);
          this.refresh('refresh');
        }
        break;
      case 'edit':
        this.ctx.editingId = messageId;
        this.refresh('refresh');
        this.scroller.querySelector<HTMLTextAreaElement>('.edit-input')?.focus();
        break;
      case 'cancel-edit':
        this.stopEditing(messageId);
        break;
      case 'save-edit':
        this.saveEdit(article);
        break;
      case 'delete':
        if (messageId) {
          this.host.request('delete', { messageId }).catch((error: Error) => this.showToast(error.message));
        }
        break;
      case 'download': {
        const index = Number(button.closest<HTMLElement>('li')?.dataset.index);
        if (messageId && Number.isInteger(index)) {
          this.host.request('download', { messageId, index }).catch((error: Error) => this.showToast(error.message));
        }
        break;
      }
      case 'retry':
        if (localId) {
          this.host.request('retry', { localId }).catch((error: Error) => this.showToast(error.message));
        }
        break;
      case 'discard':
        if (localId) {
          const item = this.outbox.find((o) => o.localId === localId);
          this.host
            .request('discard', { localId })
            .then((r) => item && r.discarded && this.composer.restore(item.markdown, item.parentId))
            .catch((error: Error) => this.showToast(error.message));
        }
        break;
    }
  }

  private stopEditing(messageId: string | undefined): void {
    this.ctx.editingId = undefined;
    this.refresh('refresh');
    if (messageId) {
      this.scroller.querySelector<HTMLElement>(`article[data-message-id="${CSS.escape(messageId)}"]`)?.focus();
    }
  }

  private saveEdit(article: HTMLElement | null): void {
    const messageId = article?.dataset.messageId;
    const area = article?.querySelector<HTMLTextAreaElement>('.edit-input');
    if (!messageId || !area) {
      return;
    }
    const markdown = area.value;
    const original = this.messages.get(messageId);
    if (markdown.trim() === '' || markdown === (original?.markdown ?? original?.text)) {
      this.stopEditing(messageId);
      return;
    }
    area.disabled = true;
    this.host
      .request('edit', { messageId, markdown })
      .then(() => this.stopEditing(messageId))
      .catch((error: Error) => {
        area.disabled = false;
        this.showToast(error.message);
      });
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    if (target.classList.contains('edit-input')) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.saveEdit(target.closest('article'));
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.stopEditing(target.closest<HTMLElement>('article')?.dataset.messageId);
      }
      return;
    }
    if (moveFocus(this.scroller, target, e.key)) {
      e.preventDefault();
    } else if (e.key === 'r' && target.tagName === 'ARTICLE') {
      // "r" answers the thread of the message in focus.
      target.closest('.thread')?.querySelector<HTMLElement>('[data-action="reply"]')?.click();
    }
  }

  private showToast(message: string): void {
    this.toast.textContent = message;
    this.toast.hidden = false;
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => {
      this.toast.hidden = true;
    }, 8000);
  }
}

/**
 * The conversation page: keeps the messages the host sent, turns them into threads (and previews
 * of replies posted far below their thread) grouped by author and day, and hands them to the
 * windowed timeline; wires the composer, the message actions (messageActions.ts), the notices
 * (notices.ts) and keyboard navigation.
 */
import type { FilesMessage, HostMessage, InitMessage, MessageView, MessagesMessage, OutboxItemView, PersonView } from '../protocol';
import { assembleThreads, conversationEntries, layoutEntries } from '../../../services/conversation/conversationModel';
import { Composer } from './composer';
import { MentionPeople } from './mentions/mentionPeople';
import { codicon, div, moveFocus, text } from './dom';
import { localDay } from './format';
import type { HostChannel } from './hostChannel';
import { createMessageRenderer, type MentionLookup } from './markdown';
import { MessageActions } from './messageActions';
import { PageImages } from './images';
import { authorName, previewSignature, renderPending, renderReplyPreview, renderThread, threadSignature, type RenderContext } from './messageDom';
import { Toast, renderBanner, renderLogStart } from './notices';
import { Announcer } from './announcer';
import { createSanitizer, type Sanitizer } from './sanitize';
import { CodeHighlighter } from './code/highlighter';
import { CodeView } from './code/codeView';
import { CardSlots } from './cards/cardView';
import { Timeline, type TimelineItem, type TimelineReason } from './timeline';
import { installSnippetLinks } from './snippetLink';
import * as l10n from '@vscode/l10n';

const BODY_CACHE_LIMIT = 3000;

/** What the page learns from its HTML (html.ts). */
export interface PageOptions {
  /** The folder of the highlighter chunks; undefined when highlighting is off. */
  chunkBase: string | undefined;
  /** This load's script nonce. */
  nonce: string;
  /** The folder of the cards chunk (page/cards/); undefined: cards show their fallback text. */
  cardsBase?: string;
}

/** Sanitized HTML as text, for the card renderer's markdown hook (which assigns it as HTML). */
function sanitizedHtml(sanitizer: Sanitizer, html: string): string {
  const holder = document.createElement('div');
  holder.append(sanitizer.fragment(html));
  return holder.innerHTML;
}

export class ConversationApp {
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
  private readonly mentionPeople = new MentionPeople();
  private readonly actions: MessageActions;
  private readonly scroller: HTMLElement;
  private readonly logStart: HTMLElement;
  private readonly outboxEl: HTMLElement;
  private readonly banner: HTMLElement;
  private readonly toast = new Toast();
  private readonly announcer = new Announcer();
  private readonly jump: HTMLButtonElement;

  constructor(
    root: HTMLElement,
    private readonly host: HostChannel,
    options: PageOptions,
  ) {
    const sanitizer = createSanitizer(window);
    this.ctx = {
      me: undefined,
      people: this.people,
      renderer: createMessageRenderer(),
      sanitizer,
      mentions: this.mentionLookup(),
      expanded: new Set(),
      newMarkerId: undefined,
      editingId: undefined,
      bodies: new Map(),
      code: undefined,
      cards: undefined,
      images: undefined,
    };

    this.banner = div('banner');
    this.banner.hidden = true;
    this.scroller = div('log');
    this.scroller.setAttribute('role', 'log');
    // Arrivals are announced once per batch by the announcer, not per article by the log.
    this.scroller.setAttribute('aria-live', 'off');
    this.scroller.setAttribute('aria-label', l10n.t('Messages'));
    this.scroller.tabIndex = 0;
    this.logStart = div('log-start');
    const threadsEl = div('threads');
    this.outboxEl = div('outbox');
    this.scroller.append(this.logStart, threadsEl, this.outboxEl);
    const highlighter = new CodeHighlighter({ ...options, scroller: this.scroller, tokens: (html) => sanitizer.tokens(html) });
    this.ctx.code = new CodeView(this.host, highlighter, (message) => this.toast.show(message));
    this.ctx.cards = new CardSlots({
      chunkBase: options.cardsBase,
      nonce: options.nonce,
      scroller: this.scroller,
      markdown: (text) => sanitizedHtml(sanitizer, this.ctx.renderer.markdown(text, this.ctx.mentions)),
      submit: (messageId, submissionId, inputs, resend) => this.host.request('submitCard', { messageId, submissionId, inputsJson: JSON.stringify(inputs), resend }),
      openUrl: (url) => this.host.post({ type: 'openLink', href: url }),
      image: (messageId, url) => this.host.request('cardImage', { messageId, url }),
      copy: (text) => {
        void navigator.clipboard.writeText(text).then(() => this.toast.show(l10n.t('Tracking ID copied.')));
      },
    });
    this.ctx.images = new PageImages(this.host, this.scroller, (message) => this.toast.show(message));
    this.jump = jumpButton();
    this.composer = new Composer({
      send: (markdown, parentId) => this.send(markdown, parentId),
      draftChanged: (draft) => this.host.post({ type: 'draft', draft, roomId: this.host.roomId }),
      mentions: this.mentionPeople,
      editLast: (parentId) => this.editLast(parentId),
    });
    const main = document.createElement('main');
    main.className = 'conversation';
    main.append(this.scroller, this.jump, this.toast.element, this.announcer.element);
    root.append(this.banner, main, this.composer.element);

    this.timeline = new Timeline(this.scroller, threadsEl, {
      needOlder: () => this.loadOlder(),
      atBottomChanged: (atBottom) => {
        if (atBottom) {
          this.jump.hidden = true;
        }
      },
    });
    this.actions = new MessageActions({
      host: this.host,
      composer: this.composer,
      ctx: this.ctx,
      scroller: this.scroller,
      timeline: this.timeline,
      message: (id) => this.messages.get(id),
      outboxItem: (localId) => this.outbox.find((o) => o.localId === localId),
      refresh: (reason) => this.refresh(reason),
      toast: (message) => this.toast.show(message),
    });
    this.listen();
    this.renderLogStart();
  }

  /** How the markdown renderer names and weighs mentions, from the people the page knows. */
  private mentionLookup(): MentionLookup {
    return {
      name: (kind, value) =>
        kind === 'personId' ? this.people.get(value)?.displayName : [...this.people.values()].find((p) => p.email === value)?.displayName,
      isMe: (kind, value) => {
        const me = this.init?.me;
        return me !== undefined && (kind === 'personId' ? value === me.id : me.emails.some((e) => e.toLowerCase() === value.toLowerCase()));
      },
    };
  }

  /** Clicks and keys of the log: the jump button, snippet links, code toolbars, message actions. */
  private listen(): void {
    this.jump.addEventListener('click', () => {
      this.timeline.scrollToNewest();
      this.jump.hidden = true;
    });
    installSnippetLinks(this.scroller, (messageId) => {
      this.host.request('openSnippet', { messageId }).catch((error: Error) => this.toast.show(error.message));
    });
    this.scroller.addEventListener('click', (e) => {
      if (!this.ctx.code?.onClick(e)) {
        this.actions.onClick(e);
      }
    });
    this.scroller.addEventListener('auxclick', (e) => {
      if ((e.target as Element).closest('a')) {
        e.preventDefault();
      }
    });
    this.scroller.addEventListener('keydown', (e) => this.onKey(e));
  }

  handle(message: HostMessage): void {
    switch (message.type) {
      case 'init':
        this.onInit(message);
        break;
      case 'messages':
        this.onMessages(message);
        break;
      case 'files':
        this.onFiles(message);
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
      case 'mode':
        if (this.init) {
          this.host.state = { roomId: this.init.room.id, title: this.init.room.title, preview: message.preview || undefined };
        }
        break;
      case 'members':
        this.mentionPeople.addPeople(message.people);
        break;
      case 'permissions':
        this.composer.setBlocked(message.canPost ? undefined : (message.reason ?? 'You cannot post in this space.'));
        break;
      case 'response':
        break;
    }
  }

  /** The first message of someone else after the read mark the tab opened with, if it is loaded. */
  private firstUnread(): MessageView | undefined {
    const lastRead = this.init?.lastRead;
    const me = this.init?.me?.id;
    if (lastRead === undefined) {
      return undefined;
    }
    let first: MessageView | undefined;
    for (const m of this.messages.values()) {
      if (m.personId !== me && !m.isContext && m.created > lastRead && (!first || m.created < first.created)) {
        first = m;
      }
    }
    return first;
  }

  /** The user's newest message that can be edited here (no file or card), in the thread if one is given. */
  private editLast(parentId: string | undefined): void {
    const me = this.init?.me?.id;
    let last: MessageView | undefined;
    for (const m of this.messages.values()) {
      const here = parentId === undefined ? !m.parentId : m.parentId === parentId || m.id === parentId;
      if (m.personId === me && here && m.files.length === 0 && !m.hasCard && !m.isContext && (!last || m.created > last.created)) {
        last = m;
      }
    }
    if (last) {
      this.actions.editMessage(last.id, last.parentId);
    }
  }

  private onInit(message: InitMessage): void {
    if (!this.init) {
      performance.mark('webex:init');
    }
    const switched = this.init !== undefined && this.init.room.id !== message.room.id;
    if (switched) {
      // The preview tab switches to another space: what was typed here goes to its own space first.
      this.composer.flush();
      this.ctx.newMarkerId = undefined;
      this.ctx.editingId = undefined;
    }
    this.host.roomId = message.room.id;
    this.init = message;
    this.ctx.me = message.me;
    this.mentionPeople.setRoom(message.room.type, message.me?.id);
    this.host.state = { ...this.host.state, roomId: message.room.id, title: message.room.title };
    document.title = message.room.title;
    this.scroller.setAttribute('aria-label', l10n.t('Messages in {0}', message.room.title));
    this.composer.setLimit(message.maxMessageBytes);
    this.composer.setEnabled(message.status !== 'signedOut');
    const parent = message.draft?.parentId ? this.messages.get(message.draft.parentId) : undefined;
    this.composer.setDraft(message.draft, parent ? authorName(parent, this.ctx) : undefined);
    this.renderBanner();
    this.renderLogStart();
  }

  private onMessages(message: MessagesMessage): void {
    if (message.reset && !this.firstPagePainted) {
      performance.mark('webex:firstMessages');
    }
    if (message.reset) {
      this.messages.clear();
    }
    for (const person of message.people) {
      this.people.set(person.id, person);
    }
    this.mentionPeople.addPeople(message.people);
    this.mentionPeople.noteMessages(message.upsert);
    const me = this.init?.me?.id;
    let firstNew: MessageView | undefined;
    const arrivals: string[] = [];
    for (const m of message.upsert) {
      if (message.cause === 'newer' && !this.messages.has(m.id) && m.personId !== me) {
        arrivals.push(authorName(m, this.ctx));
        if (!firstNew || m.created < firstNew.created) {
          firstNew = m;
        }
      }
      this.messages.set(m.id, m);
    }
    for (const id of message.remove) {
      this.messages.delete(id);
    }
    this.announcer.arrived(arrivals);
    this.hasOlder = message.hasOlder;
    if (firstNew && !this.timeline.isFollowing) {
      this.ctx.newMarkerId ??= firstNew.id;
      this.jump.hidden = false;
    }
    if (message.people.length > 0) {
      this.ctx.bodies.clear();
    }
    const firstUnread = message.reset && !this.firstPagePainted ? this.firstUnread() : undefined;
    if (firstUnread) {
      this.ctx.newMarkerId = firstUnread.id;
    }
    this.refresh(message.reset || message.cause === 'initial' ? 'reset' : message.cause);
    this.renderLogStart();
    if (firstUnread) {
      // Start where the user left off, not at the bottom; the jump button goes to the newest.
      this.timeline.reveal(firstUnread.parentId ?? firstUnread.id);
      this.jump.hidden = false;
    }
    if (message.reset && !this.firstPagePainted) {
      this.firstPagePainted = true;
      // Marked once the newest page is on screen (the bench measures open → this mark).
      requestAnimationFrame(() => setTimeout(() => performance.mark('webex:firstPage'), 0));
    }
  }

  /** Names, types and sizes of files arrived after their messages: redraw those threads in place. */
  private onFiles(message: FilesMessage): void {
    let changed = false;
    for (const { messageId, file } of message.files) {
      const m = this.messages.get(messageId);
      if (m && file.index < m.files.length) {
        this.messages.set(messageId, { ...m, files: m.files.map((f) => (f.index === file.index ? file : f)) });
        changed = true;
      }
    }
    if (changed) {
      this.refresh('refresh');
    }
  }

  private refresh(reason: TimelineReason): void {
    if (this.ctx.bodies.size > BODY_CACHE_LIMIT) {
      this.ctx.bodies.clear();
    }
    const entries = conversationEntries(assembleThreads(this.messages.values()));
    const layouts = layoutEntries(entries, localDay);
    const pendingByThread = new Map<string, OutboxItemView[]>();
    const topLevel: OutboxItemView[] = [];
    for (const item of this.outbox) {
      if (item.parentId && this.messages.has(item.parentId)) {
        pendingByThread.set(item.parentId, [...(pendingByThread.get(item.parentId) ?? []), item]);
      } else {
        topLevel.push(item);
      }
    }
    const items: TimelineItem[] = entries.map((entry, i) => {
      const layout = layouts[i];
      if (entry.kind === 'replyPreview') {
        const { thread, reply } = entry;
        return {
          id: `preview:${thread.id}`,
          signature: previewSignature(thread, reply, layout, this.ctx),
          size: 1,
          render: () => renderReplyPreview(thread, reply, layout, this.ctx),
        };
      }
      const thread = entry.thread;
      const pending = pendingByThread.get(thread.id) ?? [];
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
    renderBanner(this.banner, this.init, () => this.host.post({ type: 'signIn' }));
  }

  private renderLogStart(): void {
    renderLogStart(this.logStart, {
      status: this.init?.status ?? 'loading',
      loadingOlder: this.loadingOlder,
      hasOlder: this.hasOlder,
      empty: this.messages.size === 0,
    });
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
      .catch((error: Error) => this.toast.show(error.message))
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
      this.toast.show(error.message);
    });
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    if (this.actions.onEditKey(e, target)) {
      return;
    }
    if (moveFocus(this.scroller, target, e.key)) {
      e.preventDefault();
    } else if (e.key === 'r' && target.tagName === 'ARTICLE') {
      // "r" answers the thread of the message in focus.
      target.closest('.thread')?.querySelector<HTMLElement>('[data-action="reply"]')?.click();
    }
  }
}

/** "New messages ↓": shown when messages arrive while the user reads further up. */
function jumpButton(): HTMLButtonElement {
  const jump = document.createElement('button');
  jump.type = 'button';
  jump.className = 'jump';
  jump.hidden = true;
  jump.append(codicon('arrow-down'), text(l10n.t('New messages')));
  return jump;
}

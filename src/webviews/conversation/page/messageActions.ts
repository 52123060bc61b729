/**
 * What the buttons in the log do (one click listener on the log; each button carries
 * `data-action`): reply, expand a thread, edit in place, delete, download, retry or remove an
 * unsent message, and jump from a reply preview to its thread. Links never navigate the page: the
 * host opens allowed ones after the click.
 */
import { ALLOWED_LINK, type MessageView, type OutboxItemView } from '../protocol';
import type { Composer } from './composer';
import type { HostChannel } from './hostChannel';
import { quoteMarkdown } from './quote';
import { authorName, type RenderContext } from './messageDom';
import type { Timeline, TimelineReason } from './timeline';
import { isBlank } from '../../../webex/validation';

/** What the actions work on (the app). */
export interface ActionTarget {
  readonly host: HostChannel;
  readonly composer: Composer;
  readonly ctx: RenderContext;
  readonly scroller: HTMLElement;
  readonly timeline: Timeline;
  message(id: string): MessageView | undefined;
  outboxItem(localId: string): OutboxItemView | undefined;
  refresh(reason: TimelineReason): void;
  toast(message: string): void;
}

/** The buttons of an outbox item (they carry its local id, not a message id). */
const OUTBOX_ACTIONS = new Set(['retry', 'retry-checked', 'discard']);

export class MessageActions {
  constructor(private readonly t: ActionTarget) {}

  onClick(e: MouseEvent): void {
    const target = e.target as Element;
    const link = target.closest('a');
    if (link) {
      // Nothing navigates the page: the host opens allowed links in the browser after this click.
      e.preventDefault();
      const href = link.getAttribute('href') ?? '';
      if (ALLOWED_LINK.test(href)) {
        this.t.host.post({ type: 'openLink', href });
      }
      return;
    }
    const button = target.closest<HTMLElement>('[data-action]');
    if (!button) {
      return;
    }
    const action = button.dataset.action ?? '';
    const article = button.closest<HTMLElement>('article');
    const localId = article?.dataset.localId;
    if (localId && OUTBOX_ACTIONS.has(action)) {
      this.outboxAction(action, localId);
    } else {
      this.messageAction(action, button, article);
    }
  }

  /** A button of a message or thread: reply, expand, show the thread, edit, delete, download. */
  private messageAction(action: string, button: HTMLElement, article: HTMLElement | null): void {
    const messageId = article?.dataset.messageId;
    const threadId = button.closest<HTMLElement>('.thread')?.dataset.threadId;
    const failed = (error: Error): void => this.t.toast(error.message);
    switch (action) {
      case 'reply': {
        const root = threadId ? this.t.message(threadId) : undefined;
        if (threadId) {
          this.t.composer.setReplyTo(threadId, root ? authorName(root, this.t.ctx) : undefined);
        }
        break;
      }
      case 'expand':
        if (threadId) {
          (this.t.ctx.expanded as Set<string>).add(threadId);
          this.t.refresh('refresh');
        }
        break;
      case 'show-thread':
        this.showThread(button.dataset.threadId, button.dataset.replyId);
        break;
      case 'edit':
        if (messageId) {
          this.editMessage(messageId);
        }
        break;
      case 'cancel-edit':
        this.stopEditing(messageId);
        break;
      case 'save-edit':
        this.saveEdit(article);
        break;
      case 'delete':
        if (messageId) {
          this.t.host.request('delete', { messageId }).catch(failed);
        }
        break;
      case 'quote': {
        const quoted = messageId ? this.t.message(messageId) : undefined;
        if (quoted) {
          const author = { id: quoted.personId, displayName: authorName(quoted, this.t.ctx), email: quoted.personEmail };
          this.t.composer.insertQuote(quoteMarkdown(quoted, author));
        }
        break;
      }
      case 'download': {
        const index = Number(button.closest<HTMLElement>('li')?.dataset.index);
        if (messageId && Number.isInteger(index)) {
          this.t.host.request('download', { messageId, index }).catch(failed);
        }
        break;
      }
    }
  }

  /** A button of an unsent message: retry, retry after the user looked, or remove it. */
  private outboxAction(action: string, localId: string): void {
    const failed = (error: Error): void => this.t.toast(error.message);
    switch (action) {
      case 'retry':
        this.t.host.request('retry', { localId }).catch(failed);
        break;
      case 'retry-checked':
        // The user looked in Webex and the message is not there (an item that says mustLook).
        this.t.host.request('retry', { localId, checked: true }).catch(failed);
        break;
      case 'discard': {
        const item = this.t.outboxItem(localId);
        this.t.host
          .request('discard', { localId })
          // Its text goes back to the composer, unless the user removed it because it arrived.
          .then((r) => item && r.discarded && !item.mustLook && this.t.composer.restore(item.markdown, item.parentId))
          .catch(failed);
        break;
      }
    }
  }

  /** Opens the edit box of one of the user's messages (its thread expanded) and focuses it. */
  editMessage(messageId: string, threadId?: string): void {
    if (threadId) {
      (this.t.ctx.expanded as Set<string>).add(threadId);
    }
    this.t.ctx.editingId = messageId;
    this.t.refresh('refresh');
    this.t.scroller.querySelector<HTMLTextAreaElement>('.edit-input')?.focus();
  }

  /** Enter saves and Escape cancels inside an edit box; true when the key was used. */
  onEditKey(e: KeyboardEvent, target: HTMLElement): boolean {
    if (!target.classList.contains('edit-input')) {
      return false;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.saveEdit(target.closest('article'));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.stopEditing(target.closest<HTMLElement>('article')?.dataset.messageId);
    }
    return true;
  }

  /** From a reply preview to the thread (drawn from memory; its first message is already loaded). */
  private showThread(threadId: string | undefined, replyId: string | undefined): void {
    if (!threadId) {
      return;
    }
    const block = this.t.timeline.reveal(threadId);
    const reply = replyId ? block?.querySelector<HTMLElement>(`article[data-message-id="${CSS.escape(replyId)}"]`) : undefined;
    const focus = reply ?? block?.querySelector<HTMLElement>('article');
    focus?.scrollIntoView({ block: 'center' });
    focus?.focus({ preventScroll: true });
  }

  private stopEditing(messageId: string | undefined): void {
    this.t.ctx.editingId = undefined;
    this.t.refresh('refresh');
    if (messageId) {
      this.t.scroller.querySelector<HTMLElement>(`article[data-message-id="${CSS.escape(messageId)}"]`)?.focus();
    }
  }

  private saveEdit(article: HTMLElement | null): void {
    const messageId = article?.dataset.messageId;
    const area = article?.querySelector<HTMLTextAreaElement>('.edit-input');
    if (!messageId || !area) {
      return;
    }
    const markdown = area.value;
    const original = this.t.message(messageId);
    if (isBlank(markdown) || markdown === (original?.markdown ?? original?.text)) {
      this.stopEditing(messageId);
      return;
    }
    area.disabled = true;
    this.t.host
      .request('edit', { messageId, markdown })
      .then(() => this.stopEditing(messageId))
      .catch((error: Error) => {
        area.disabled = false;
        this.t.toast(error.message);
      });
  }
}

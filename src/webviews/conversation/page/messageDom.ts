/**
 * Builds the DOM of one thread: an optional day separator and "New messages" divider, the first
 * message as an `<article data-message-id>`, and its replies (collapsed when long). Every string
 * from Webex goes in through `textContent` or the sanitizer; nothing here uses inline handlers or
 * inline styles (the CSP allows neither). Buttons carry `data-action`; app.ts listens once on the log.
 */
import type { PageImages } from './images';
import type { MeView, MessageView, OutboxItemView, PersonView } from '../protocol';
import { firstLine, type Thread, type ThreadLayout } from '../../../services/conversation/conversationModel';
import type { MentionLookup, MessageRenderer } from './markdown';
import type { Sanitizer } from './sanitize';
import { decorateCodeBlocks } from './code/codeBlocks';
import type { CardSlots } from './cards/cardView';
import type { CodeView } from './code/codeView';
import { decorateSnippetLink } from './snippetLink';
import { colorSlot, dayLabel, fileIcon, formatBytes, fullTime, initials, shortTime } from './format';
import { mentionsPerson } from '../../../webex/mentions';
import * as l10n from '@vscode/l10n';

/** Replies shown under a collapsed thread (the newest ones). */
export const VISIBLE_REPLIES = 2;
/** Threads with more replies than this start collapsed. */
export const COLLAPSE_OVER = 3;

export interface RenderContext {
  me: MeView | undefined;
  people: ReadonlyMap<string, PersonView>;
  renderer: MessageRenderer;
  sanitizer: Sanitizer;
  mentions: MentionLookup;
  expanded: ReadonlySet<string>;
  /** The first message that arrived while the user was scrolled up. */
  newMarkerId: string | undefined;
  /** The message being edited in place. */
  editingId: string | undefined;
  /** Rendered bodies by message id and version (markdown-it and DOMPurify run once per version). */
  bodies: Map<string, DocumentFragment>;
  /** Code blocks: opened state, highlighting, toolbar (page/code/). */
  code: CodeView | undefined;
  /** Cards: one slot per message with a card, rendered when on screen (page/cards/). */
  cards: CardSlots | undefined;
  /** Pictures of image files (page/images.ts); undefined before the page is set up. */
  images: PageImages | undefined;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function iconButton(action: string, icon: string, label: string): HTMLButtonElement {
  const button = el('button', 'icon-button');
  button.type = 'button';
  button.dataset.action = action;
  button.title = label;
  button.setAttribute('aria-label', label);
  button.append(el('span', `codicon codicon-${icon}`));
  button.firstElementChild?.setAttribute('aria-hidden', 'true');
  return button;
}

export function authorName(message: { personId: string; personEmail: string }, ctx: RenderContext): string {
  if (ctx.me && message.personId === ctx.me.id) {
    return ctx.me.displayName;
  }
  return ctx.people.get(message.personId)?.displayName ?? message.personEmail;
}

function isOwn(message: MessageView, ctx: RenderContext): boolean {
  return ctx.me !== undefined && message.personId === ctx.me.id;
}

function mentionsMe(message: MessageView, ctx: RenderContext): boolean {
  return mentionsPerson(message, ctx.me?.id);
}

/** What changes the drawing of a thread; equal signatures keep the existing element. */
export function threadSignature(thread: Thread<MessageView>, layout: ThreadLayout, pending: OutboxItemView[], ctx: RenderContext): string {
  const parts = [layout.showDay ? layout.dayKey : '', layout.showAuthor ? 'a' : '', ctx.expanded.has(thread.id) ? 'x' : ''];
  for (const m of [thread.root, ...thread.replies]) {
    if (m) {
      parts.push(m.id, m.updated ?? '', m.id === ctx.newMarkerId ? 'new' : '', m.id === ctx.editingId ? 'edit' : '');
      // File names, types and sizes arrive after the message (the host asks Webex lazily).
      parts.push(...m.files.map((f) => `${f.name}/${f.contentType ?? ''}/${f.size ?? ''}`));
    }
  }
  for (const p of pending) {
    parts.push(p.localId, p.state, p.error ?? '');
  }
  return parts.join('|');
}

function body(message: MessageView, ctx: RenderContext): DocumentFragment {
  const key = `${message.id}|${message.updated ?? ''}`;
  let cached = ctx.bodies.get(key);
  if (!cached) {
    const html = message.markdown
      ? ctx.renderer.markdown(message.markdown, ctx.mentions)
      : ctx.renderer.text(message.text ?? '');
    cached = ctx.sanitizer.fragment(html);
    decorateCodeBlocks(cached);
    // Snippets of Send Selection: the path in the header becomes a link (snippetLink.ts).
    decorateSnippetLink(cached, message.markdown);
    ctx.bodies.set(key, cached);
  }
  return cached.cloneNode(true) as DocumentFragment;
}

function avatar(personId: string, name: string): HTMLElement {
  const a = el('div', `avatar slot-${colorSlot(personId)}`, initials(name));
  a.setAttribute('aria-hidden', 'true');
  return a;
}

function renderMessage(message: MessageView, showAuthor: boolean, isReply: boolean, ctx: RenderContext): HTMLElement {
  const name = authorName(message, ctx);
  const own = isOwn(message, ctx);
  const article = el('article', 'message');
  article.dataset.messageId = message.id;
  article.tabIndex = -1;
  article.classList.toggle('own', own);
  article.classList.toggle('mentions-me', mentionsMe(message, ctx));
  article.classList.toggle('continued', !showAuthor);
  article.classList.toggle('reply', isReply);
  article.setAttribute('aria-label', message.updated ? l10n.t('{0}, {1}, edited', own ? l10n.t('You') : name, fullTime(message.created)) : l10n.t('{0}, {1}', own ? l10n.t('You') : name, fullTime(message.created)));

  const main = el('div', 'main');
  if (showAuthor) {
    main.append(messageMeta(message, name, own));
  }
  main.append(ctx.editingId === message.id ? editBox(message) : messageBody(message, ctx));
  if (message.hasCard && ctx.cards) {
    main.append(ctx.cards.slot(message));
  } else if (message.hasCard) {
    const card = el('div', 'card');
    card.append(el('span', 'codicon codicon-preview'), el('span', 'card-label', l10n.t('Card')), el('span', 'card-note', l10n.t('Open it in Webex to interact with it.')));
    main.append(card);
  }
  const pictures = ctx.images?.render(message);
  if (pictures) {
    main.append(pictures);
  }
  if (message.files.length > 0) {
    main.append(fileList(message));
  }
  article.append(gutter(message, name, showAuthor), main, messageToolbar(message, own, isReply));
  return article;
}

/** The avatar beside the first message of a run, the time beside the others. */
function gutter(message: MessageView, name: string, showAuthor: boolean): HTMLElement {
  const gutter = el('div', 'gutter');
  if (showAuthor) {
    gutter.append(avatar(message.personId, name));
  } else {
    const t = el('time', 'gutter-time', shortTime(message.created));
    t.dateTime = message.created;
    gutter.append(t);
  }
  return gutter;
}

function messageMeta(message: MessageView, name: string, own: boolean): HTMLElement {
  const meta = el('div', 'meta');
  meta.append(el('span', 'author', name));
  if (own) {
    meta.append(el('span', 'badge', l10n.t('You')));
  }
  const t = el('time', 'time', shortTime(message.created));
  t.dateTime = message.created;
  t.title = fullTime(message.created);
  meta.append(t);
  return meta;
}

function messageBody(message: MessageView, ctx: RenderContext): HTMLElement {
  const content = el('div', 'body');
  content.append(body(message, ctx));
  ctx.code?.attach(content, message.id);
  if (message.updated) {
    const edited = el('span', 'edited', l10n.t('(edited)'));
    edited.title = l10n.t('Edited {0}', fullTime(message.updated));
    content.append(edited);
  }
  return content;
}

function fileList(message: MessageView): HTMLElement {
  const list = el('ul', 'files');
  list.setAttribute('aria-label', l10n.t('Files'));
  for (const file of message.files) {
    const item = el('li', 'file');
    item.dataset.index = String(file.index);
    const icon = el('span', `codicon codicon-${fileIcon(file.name, file.contentType)}`);
    icon.setAttribute('aria-hidden', 'true');
    const size = file.size === undefined ? undefined : formatBytes(file.size);
    const name = el('span', 'file-name', file.name);
    name.title = file.contentType ? `${file.name} (${file.contentType})` : file.name;
    const button = iconButton('download', 'cloud-download', l10n.t('Download {0}{1}', file.name, size ? `, ${size}` : ''));
    item.append(icon, name);
    if (size) {
      item.append(el('span', 'file-size', size));
    }
    item.append(button);
    list.append(item);
  }
  return list;
}

/** Reply, and for one's own messages Edit (not with a file or card: Webex refuses) and Delete. */
function messageToolbar(message: MessageView, own: boolean, isReply: boolean): HTMLElement {
  const actions = el('div', 'actions');
  actions.setAttribute('role', 'toolbar');
  actions.setAttribute('aria-label', l10n.t('Message actions'));
  if (!isReply) {
    actions.append(iconButton('reply', 'reply', l10n.t('Reply in thread')));
  }
  if (own && message.files.length === 0 && !message.hasCard) {
    actions.append(iconButton('edit', 'edit', l10n.t('Edit')));
  }
  if (own) {
    actions.append(iconButton('delete', 'trash', l10n.t('Delete')));
  }
  actions.append(iconButton('quote', 'quote', l10n.t('Quote')));
  return actions;
}

function editBox(message: MessageView): HTMLElement {
  const box = el('div', 'edit-box');
  const area = el('textarea', 'edit-input');
  area.value = message.markdown ?? message.text ?? '';
  area.setAttribute('aria-label', l10n.t('Edit message'));
  area.rows = Math.min(10, area.value.split('\n').length + 1);
  const row = el('div', 'edit-row');
  const save = el('button', 'button primary', l10n.t('Save'));
  save.type = 'button';
  save.dataset.action = 'save-edit';
  const cancel = el('button', 'button secondary', l10n.t('Cancel'));
  cancel.type = 'button';
  cancel.dataset.action = 'cancel-edit';
  row.append(el('span', 'hint', l10n.t('Enter to save · Escape to cancel')), cancel, save);
  box.append(area, row);
  return box;
}

/** A message typed here that Webex has not confirmed: "Sending…" or failed with Retry. */
export function renderPending(item: OutboxItemView, ctx: RenderContext): HTMLElement {
  const article = el('article', `message own pending ${item.state}`);
  article.dataset.localId = item.localId;
  article.tabIndex = -1;
  article.classList.toggle('reply', item.parentId !== undefined);
  article.setAttribute('aria-label', item.state === 'failed' ? l10n.t('Your message, not sent') : l10n.t('Your message, sending'));
  const gutter = el('div', 'gutter');
  const main = el('div', 'main');
  const content = el('div', 'body');
  content.append(ctx.sanitizer.fragment(ctx.renderer.markdown(item.markdown, ctx.mentions)));
  const status = el('div', 'send-status');
  if (item.state === 'failed' && item.mustLook) {
    // Webex may have it and this space cannot be checked (a bot in a group space): the user looks,
    // then says which it is. Nothing is sent again without that click.
    status.setAttribute('role', 'alert');
    status.append(el('span', 'codicon codicon-warning'), el('span', 'send-error', item.error ?? l10n.t('Look for it in Webex before sending it again.')));
    status.append(
      textButton('retry-checked', 'button secondary small', l10n.t('Not there: send again'), l10n.t('I looked in Webex and it is not there: send it again')),
      textButton('discard', 'button secondary small', l10n.t('It arrived: remove'), l10n.t('I found it in Webex: remove it from this list')),
    );
  } else if (item.state === 'failed') {
    status.setAttribute('role', 'alert');
    status.append(el('span', 'codicon codicon-error'), el('span', 'send-error', item.error ?? l10n.t('Not sent.')));
    status.append(textButton('retry', 'button primary small', l10n.t('Retry')), textButton('discard', 'button secondary small', l10n.t('Edit and send again')));
  } else {
    status.append(el('span', 'codicon codicon-loading codicon-modifier-spin'), el('span', '', l10n.t('Sending…')));
  }
  main.append(content, status);
  article.append(gutter, main);
  return article;
}

/** The whole thread block. */
export function renderThread(thread: Thread<MessageView>, layout: ThreadLayout, pending: OutboxItemView[], ctx: RenderContext): HTMLElement {
  const block = el('div', 'thread');
  block.dataset.threadId = thread.id;
  if (layout.showDay) {
    const sep = el('div', 'day-separator');
    sep.setAttribute('role', 'separator');
    sep.append(el('span', '', dayLabel(layout.dayKey)));
    block.append(sep);
  }
  if (thread.root !== undefined && thread.root.id === ctx.newMarkerId) {
    block.append(newDivider());
  }
  if (thread.root) {
    block.append(renderMessage(thread.root, layout.showAuthor, false, ctx));
  } else {
    const missing = el('div', 'message missing', l10n.t('The first message of this thread is not available.'));
    block.append(missing);
  }
  if (thread.replies.length > 0 || pending.length > 0) {
    const replies = el('div', 'replies');
    replies.setAttribute('role', 'group');
    replies.setAttribute('aria-label', `${thread.replies.length} ${thread.replies.length === 1 ? 'reply' : 'replies'}`);
    const collapsed = thread.replies.length > COLLAPSE_OVER && !ctx.expanded.has(thread.id);
    const shown = collapsed ? thread.replies.slice(-VISIBLE_REPLIES) : thread.replies;
    if (collapsed) {
      const hidden = thread.replies.length - shown.length;
      const more = el('button', 'more-replies', l10n.t('Show {0} more {1}', hidden, hidden === 1 ? 'reply' : 'replies'));
      more.type = 'button';
      more.dataset.action = 'expand';
      replies.append(more);
    }
    let previous: MessageView | undefined;
    for (const reply of shown) {
      if (reply.id === ctx.newMarkerId) {
        replies.append(newDivider());
      }
      replies.append(renderMessage(reply, previous?.personId !== reply.personId, true, ctx));
      previous = reply;
    }
    for (const item of pending) {
      replies.append(renderPending(item, ctx));
    }
    block.append(replies);
  }
  return block;
}

function textButton(action: string, className: string, label: string, description?: string): HTMLButtonElement {
  const button = el('button', className, label);
  button.type = 'button';
  button.dataset.action = action;
  if (description) {
    button.title = description;
    button.setAttribute('aria-label', description);
  }
  return button;
}

/** What changes the drawing of a reply preview. */
export function previewSignature(thread: Thread<MessageView>, reply: MessageView, layout: ThreadLayout, ctx: RenderContext): string {
  const root = thread.root;
  return ['preview', layout.showDay ? layout.dayKey : '', reply.id, reply.updated ?? '', root?.id ?? '', root?.updated ?? '', reply.id === ctx.newMarkerId ? 'new' : ''].join('|');
}

/**
 * "↳ Reply in thread: <first line of its first message>", then who answered and what: a thread's
 * newest reply shown where it was posted, when its thread sits further up (conversationEntries).
 * One button: it jumps to the thread (`show-thread`). Plain text only (textContent).
 */
export function renderReplyPreview(thread: Thread<MessageView>, reply: MessageView, layout: ThreadLayout, ctx: RenderContext): HTMLElement {
  const block = el('div', 'reply-preview-block');
  if (layout.showDay) {
    const sep = el('div', 'day-separator');
    sep.setAttribute('role', 'separator');
    sep.append(el('span', '', dayLabel(layout.dayKey)));
    block.append(sep);
  }
  if (reply.id === ctx.newMarkerId) {
    block.append(newDivider());
  }
  const parent = thread.root ? firstLine(thread.root) || (thread.root.files.length > 0 ? 'a file' : 'a message') : undefined;
  const context = parent === undefined ? '↳ Reply in a thread whose first message is not available' : `↳ Reply in thread: ${parent}`;
  const name = isOwn(reply, ctx) ? l10n.t('You') : authorName(reply, ctx);
  const said = firstLine(reply) || (reply.files.length > 0 ? 'sent a file' : '');
  const button = el('button', 'reply-preview');
  button.type = 'button';
  button.dataset.action = 'show-thread';
  button.dataset.threadId = thread.id;
  button.dataset.replyId = reply.id;
  button.setAttribute('aria-label', l10n.t('{0} replied in a thread, {1}: {2}. {3}. Show the thread.', name, fullTime(reply.created), said, context.slice(2)));
  const line = el('span', 'reply-preview-line');
  const t = el('time', 'time', shortTime(reply.created));
  t.dateTime = reply.created;
  line.append(el('span', 'author', name), el('span', 'reply-preview-text', said), t);
  button.append(el('span', 'reply-preview-context', context), line);
  block.append(button);
  return block;
}

function newDivider(): HTMLElement {
  const divider = el('div', 'new-divider');
  divider.setAttribute('role', 'separator');
  divider.append(el('span', '', l10n.t('New messages')));
  return divider;
}

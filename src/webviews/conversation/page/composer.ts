/**
 * The composer at the bottom: a textarea (`aria-label="Write a message"`), Enter sends,
 * Shift+Enter breaks the line, `@` suggests people to mention (mentions/), a byte counter near the
 * 7439-byte limit, a "Replying to …" chip, and the draft handed to the host (debounced, and at once
 * when the tab goes away).
 */
import type { DraftView } from '../protocol';
import { applyFormatting, byteHint, canSend, formattingKey, isSendKey, type Formatting } from './composerRules';
import { MentionPicker, type MentionSource } from './mentions/mentionPicker';
import * as l10n from '@vscode/l10n';

export interface ComposerHooks {
  send(markdown: string, parentId: string | undefined): void;
  draftChanged(draft: DraftView): void;
  /** Up arrow in an empty composer: edit the user's last message here (in this thread when replying). */
  editLast(parentId: string | undefined): void;
  /** Who the `@` list offers. */
  mentions: MentionSource;
}

const DRAFT_DELAY_MS = 400;
const PLACEHOLDER = l10n.t('Write a message (Markdown; Enter to send, Shift+Enter for a new line)');

export class Composer {
  readonly element: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly hint: HTMLElement;
  private readonly replyChip: HTMLElement;
  private readonly replyLabel: HTMLElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly picker: MentionPicker;
  private parentId: string | undefined;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private maxBytes = 7439;
  private enabled = true;
  /** Why the user may not post here (an announcement space), if so. */
  private blocked: string | undefined;

  constructor(private readonly hooks: ComposerHooks) {
    this.element = document.createElement('footer');
    this.element.className = 'composer';

    const chip = replyChip(() => this.setReplyTo(undefined));
    this.replyChip = chip.element;
    this.replyLabel = chip.label;

    const row = document.createElement('div');
    row.className = 'composer-row';
    this.textarea = document.createElement('textarea');
    this.textarea.className = 'composer-input';
    this.textarea.rows = 1;
    this.textarea.placeholder = PLACEHOLDER;
    this.textarea.setAttribute('aria-label', l10n.t('Write a message'));
    this.sendButton = iconButton('icon-button send', 'send', l10n.t('Send'), l10n.t('Send (Enter)'));
    row.append(this.textarea, this.sendButton);

    this.hint = document.createElement('div');
    this.hint.className = 'byte-hint';
    this.hint.setAttribute('aria-live', 'polite');

    this.picker = new MentionPicker(this.textarea, hooks.mentions);
    this.element.append(this.replyChip, this.picker.element, row, this.hint);

    this.textarea.addEventListener('keydown', (e) => {
      const formatting = formattingKey(e);
      if (this.picker.onKeyDown(e)) {
        e.preventDefault();
      } else if (formatting) {
        e.preventDefault();
        this.format(formatting);
      } else if (e.key === 'ArrowUp' && this.textarea.value === '' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        this.hooks.editLast(this.parentId);
      } else if (isSendKey(e)) {
        e.preventDefault();
        this.submit();
      } else if (e.key === 'Escape' && this.parentId !== undefined) {
        e.preventDefault();
        this.setReplyTo(undefined);
      }
    });
    this.textarea.addEventListener('input', () => {
      this.changed();
      this.picker.update();
    });
    this.textarea.addEventListener('blur', () => this.flushDraft());
    this.sendButton.addEventListener('click', () => this.submit());
    // The tab can close at any moment: hand over the last keystrokes.
    window.addEventListener('pagehide', () => this.flushDraft());
    document.addEventListener('visibilitychange', () => this.flushDraft());
    this.update();
  }

  setLimit(maxBytes: number): void {
    this.maxBytes = maxBytes;
    this.update();
  }

  /** Restores a draft (from the host's store) without announcing it as a change. */
  setDraft(draft: DraftView | undefined, replyLabel?: string): void {
    this.textarea.value = this.picker.load(draft?.text ?? '');
    this.parentId = draft?.parentId;
    this.showReply(replyLabel);
    this.update();
  }

  /** Answers a thread (its first message's id) or, with undefined, the space. */
  setReplyTo(parentId: string | undefined, label?: string): void {
    this.parentId = parentId;
    this.showReply(label);
    this.changed();
    this.focus();
  }

  /** Puts text back (a failed message the user wants to change). */
  restore(markdown: string, parentId: string | undefined, replyLabel?: string): void {
    const current = this.textarea.value.trim();
    const text = this.picker.load(markdown, { append: true });
    this.textarea.value = current ? `${text}\n${current}` : text;
    this.parentId = parentId;
    this.showReply(replyLabel);
    this.changed();
    this.focus();
  }

  /** Quote: the quote (markdown with its mention markup) goes above what is typed; the thread stays. */
  insertQuote(markdown: string): void {
    const current = this.textarea.value.trim();
    const text = this.picker.load(markdown, { append: true });
    this.textarea.value = current ? `${text}${current}` : text;
    this.changed();
    this.focus();
    this.textarea.setSelectionRange(this.textarea.value.length, this.textarea.value.length);
  }

  focus(): void {
    this.textarea.focus();
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.applyDisabled();
  }

  /** Disables the composer where the user may not post, and says why; undefined allows it again. */
  setBlocked(reason: string | undefined): void {
    this.blocked = reason;
    this.applyDisabled();
  }

  private applyDisabled(): void {
    this.textarea.disabled = !this.enabled || this.blocked !== undefined;
    this.textarea.placeholder = this.blocked ?? PLACEHOLDER;
    this.update();
  }

  /** Bold, italic, inline code or a code block around the selection; the selection stays on the text. */
  private format(kind: Formatting): void {
    const { selectionStart, selectionEnd, value } = this.textarea;
    const next = applyFormatting(value, selectionStart, selectionEnd, kind);
    this.textarea.setRangeText(next.text.slice(selectionStart, next.text.length - (value.length - selectionEnd)), selectionStart, selectionEnd);
    this.textarea.setSelectionRange(next.start, next.end);
    this.changed();
  }

  private showReply(label: string | undefined): void {
    this.replyChip.hidden = this.parentId === undefined;
    this.replyLabel.textContent = this.parentId === undefined ? '' : l10n.t('Replying to {0}', label ?? 'a thread');
  }

  private submit(): void {
    const markdown = this.picker.markdown(this.textarea.value);
    if (!canSend(markdown, this.maxBytes) || this.textarea.disabled) {
      this.update();
      return;
    }
    this.hooks.send(markdown, this.parentId);
    this.picker.reset();
    this.textarea.value = '';
    this.parentId = undefined;
    this.showReply(undefined);
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    this.update();
  }

  private changed(): void {
    this.update();
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.flushDraft(), DRAFT_DELAY_MS);
  }

  /** Sends a draft still waiting for its debounce now (the preview tab is about to show another space). */
  flush(): void {
    this.flushDraft();
  }

  private flushDraft(): void {
    if (this.draftTimer === undefined) {
      return;
    }
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    this.hooks.draftChanged({ text: this.picker.markdown(this.textarea.value), parentId: this.parentId });
  }

  private update(): void {
    // What is sent is counted, mentions' markup included, not what is shown.
    const markdown = this.picker.markdown(this.textarea.value);
    const hint = byteHint(markdown, this.maxBytes);
    this.hint.textContent = this.blocked ?? hint.text;
    this.hint.className = this.blocked !== undefined ? 'byte-hint blocked' : `byte-hint ${hint.level}`;
    this.sendButton.disabled = this.textarea.disabled || !canSend(markdown, this.maxBytes);
    // Grow with the text up to a third of the view (CSSOM, which the CSP allows; no style attribute).
    this.textarea.style.height = 'auto';
    this.textarea.style.height = `${Math.min(this.textarea.scrollHeight, Math.max(120, window.innerHeight / 3))}px`;
  }
}

/** A button showing a codicon, named for screen readers. */
function iconButton(className: string, icon: string, label: string, title: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.title = title;
  button.setAttribute('aria-label', label);
  const glyph = document.createElement('span');
  glyph.className = `codicon codicon-${icon}`;
  glyph.setAttribute('aria-hidden', 'true');
  button.append(glyph);
  return button;
}

/** "Replying to …" with a button that stops replying. */
function replyChip(stop: () => void): { element: HTMLElement; label: HTMLElement } {
  const element = document.createElement('div');
  element.className = 'reply-chip';
  element.hidden = true;
  const icon = document.createElement('span');
  icon.className = 'codicon codicon-reply';
  icon.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'reply-label';
  const cancel = iconButton('icon-button', 'close', l10n.t('Stop replying'), l10n.t('Stop replying (Escape)'));
  cancel.addEventListener('click', stop);
  element.append(icon, label, cancel);
  return { element, label };
}

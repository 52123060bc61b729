/**
 * The `@` suggestion list of the composer: typing `@` and letters in a group space shows the
 * space's people (`role="listbox"`, each a `role="option"`), best match first; arrow keys move,
 * Enter or Tab inserts, Escape closes, and the mouse works too. The text shows "@Name"; what is
 * sent carries the mention's markup (mentionModel.ts). A direct space has no list.
 */
import {
  activeMentionQuery,
  fromMarkdown,
  matchMentions,
  mentionLabel,
  mentionMarkup,
  toMarkdown,
  type InsertedMention,
  type MentionCandidate,
  type MentionOption,
} from './mentionModel';
import * as l10n from '@vscode/l10n';

export interface MentionSource {
  /** The space's people (members, and authors the page has seen). */
  people(): readonly MentionCandidate[];
  /** Group spaces have a list (and `@all`); a direct space has one other person and none. */
  isGroup(): boolean;
  /** The signed-in person, never offered. */
  meId(): string | undefined;
}

const LIST_ID = 'mention-list';

export class MentionPicker {
  readonly element: HTMLElement;
  private inserted: InsertedMention[] = [];
  private options: MentionOption[] = [];
  private active = 0;
  private query: { start: number; query: string } | undefined;

  constructor(
    private readonly textarea: HTMLTextAreaElement,
    private readonly source: MentionSource,
  ) {
    this.element = document.createElement('div');
    this.element.id = LIST_ID;
    this.element.className = 'mention-list';
    this.element.setAttribute('role', 'listbox');
    this.element.setAttribute('aria-label', l10n.t('People to mention'));
    this.element.hidden = true;
    textarea.setAttribute('aria-autocomplete', 'list');
    textarea.setAttribute('aria-controls', LIST_ID);
    // No aria-expanded: a <textarea> keeps its textbox role (ARIA in HTML allows it no other), and a
    // textbox has no expanded state (axe-core's aria-allowed-attr). The list is announced through
    // aria-activedescendant while it is open.
    // mousedown, not click: the textarea must keep its focus and caret.
    this.element.addEventListener('mousedown', (e) => {
      const option = (e.target as Element).closest<HTMLElement>('[role="option"]');
      if (option) {
        e.preventDefault();
        this.insert(Number(option.dataset.index));
      }
    });
    textarea.addEventListener('keyup', (e) => {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') {
        this.update();
      }
    });
    textarea.addEventListener('click', () => this.update());
    textarea.addEventListener('blur', () => this.close());
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** A key in the textarea while the list is open; true when the list used it (no send, no newline). */
  onKeyDown(e: KeyboardEvent): boolean {
    if (!this.isOpen || e.isComposing) {
      return false;
    }
    switch (e.key) {
      case 'ArrowDown':
        this.move(1);
        return true;
      case 'ArrowUp':
        this.move(-1);
        return true;
      case 'Enter':
      case 'Tab':
        if (e.shiftKey) {
          return false;
        }
        this.insert(this.active);
        return true;
      case 'Escape':
        this.close();
        return true;
      default:
        return false;
    }
  }

  /** After the text or the caret changed: open, filter or close the list. */
  update(): void {
    const caret = this.textarea.selectionStart;
    const found = this.source.isGroup() && caret === this.textarea.selectionEnd ? activeMentionQuery(this.textarea.value.slice(0, caret)) : undefined;
    if (!found) {
      this.close();
      return;
    }
    this.query = found;
    this.options = matchMentions(found.query, this.source.people(), { group: true, excludeId: this.source.meId() });
    this.active = Math.min(this.active, Math.max(0, this.options.length - 1));
    if (this.options.length === 0) {
      this.close();
      return;
    }
    this.render();
  }

  /** The markdown to send for the text shown. */
  markdown(text: string): string {
    return toMarkdown(text, this.inserted);
  }

  /** Text for the composer from markdown (a draft, a failed message): mentions shown as names. */
  load(markdown: string, options: { append?: boolean } = {}): string {
    const { text, mentions } = fromMarkdown(markdown);
    this.inserted = options.append === true ? [...mentions, ...this.inserted] : mentions;
    return text;
  }

  /** Sent or cleared: nothing inserted any more. */
  reset(): void {
    this.inserted = [];
    this.close();
  }

  private move(by: number): void {
    this.active = (this.active + by + this.options.length) % this.options.length;
    this.render();
  }

  private insert(index: number): void {
    const option = this.options[index];
    const query = this.query;
    if (!option || !query) {
      return;
    }
    const label = mentionLabel(option);
    this.inserted.push({ label, markup: mentionMarkup(option) });
    this.textarea.setRangeText(`${label} `, query.start, this.textarea.selectionStart, 'end');
    this.close();
    // The composer counts bytes and keeps the draft on input.
    this.textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }

  private close(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
    this.textarea.removeAttribute('aria-activedescendant');
    this.query = undefined;
    this.active = 0;
  }

  private render(): void {
    const items = this.options.map((option, i) => {
      const item = document.createElement('div');
      item.id = `mention-option-${i}`;
      item.className = 'mention-option';
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', String(i === this.active));
      item.dataset.index = String(i);
      const name = document.createElement('span');
      name.className = 'mention-name';
      // textContent: a name with markup or right-to-left characters is shown as text.
      name.textContent = option.kind === 'all' ? l10n.t('@all') : option.person.displayName;
      const detail = document.createElement('span');
      detail.className = 'mention-detail';
      detail.textContent = option.kind === 'all' ? l10n.t('Everyone in this space') : (option.person.email ?? '');
      item.append(name, detail);
      return item;
    });
    this.element.replaceChildren(...items);
    this.element.hidden = false;
    this.textarea.setAttribute('aria-activedescendant', `mention-option-${this.active}`);
    items[this.active]?.scrollIntoView({ block: 'nearest' });
  }
}

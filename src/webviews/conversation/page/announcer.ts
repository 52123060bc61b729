/**
 * What a screen reader hears when messages arrive: one polite summary per batch ("2 new messages
 * from Lena Fischer and Sam Carter"), not every article the log gains. The log itself is
 * `aria-live="off"` (its role would announce each insertion, older pages included), and this
 * visually hidden status region speaks instead, a moment after the last arrival of a burst.
 */
import * as l10n from '@vscode/l10n';

const SETTLE_MS = 1000;

export class Announcer {
  readonly element: HTMLElement;
  private names: string[] = [];
  private count = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'visually-hidden';
    this.element.setAttribute('role', 'status');
    this.element.setAttribute('aria-live', 'polite');
  }

  /** Messages from others that just arrived, by their authors' names. */
  arrived(authors: string[]): void {
    if (authors.length === 0) {
      return;
    }
    this.count += authors.length;
    for (const name of authors) {
      if (!this.names.includes(name)) {
        this.names.push(name);
      }
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.speak(), SETTLE_MS);
  }

  private speak(): void {
    const [first, second] = this.names;
    const text =
      this.count === 1
        ? l10n.t('New message from {0}', first)
        : this.names.length === 1
          ? l10n.t('{0} new messages from {1}', this.count, first)
          : this.names.length === 2
            ? l10n.t('{0} new messages from {1} and {2}', this.count, first, second)
            : l10n.t('{0} new messages from {1} and {2} others', this.count, first, this.names.length - 1);
    this.element.textContent = text;
    this.count = 0;
    this.names = [];
  }
}

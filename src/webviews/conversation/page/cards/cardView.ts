/**
 * Cards in the conversation page. A message with a card gets a slot at once: its fallback text
 * (always available behind "Fallback text"), and the card itself once the slot scrolls near the
 * screen, from the cards chunk (`cards.js`, loaded with the page's nonce the first time a card is on
 * screen; cardApi.ts). A rendered card is kept per message, so re-drawing a thread keeps what the
 * user typed. A card that cannot render shows the fallback text with the reason.
 *
 * Submitting: the renderer checks and merges the inputs (cardRules.ts); the slot shows
 * "Sending…", then "Sent", or the error with Copy Tracking ID and Retry. A press gets one
 * `submissionId`; Retry reuses it, so the host never posts it twice, and an outcome Webex may have
 * kept asks the user before it is sent again (`resend`).
 */
import type { MessageView } from '../../protocol';
import { CARDS_CHUNK, CARDS_GLOBAL, type CardAction, type CardHost, type CardRegistry, type CardRenderer } from './cardApi';
import { checkCard, fallbackText, readCard, type CardCheck, type JsonObject } from './cardRules';
import * as l10n from '@vscode/l10n';

export interface CardServices {
  /** Where the chunk is (a folder URL ending in `/`); undefined: cards show their fallback text only. */
  chunkBase: string | undefined;
  nonce: string;
  /** Markdown → sanitized HTML (the page's markdown-it + DOMPurify). */
  markdown(text: string): string;
  /** Posts the submission; resolves with the host's outcome. */
  submit(messageId: string, submissionId: string, inputs: JsonObject, resend: boolean): Promise<SubmitResult>;
  openUrl(url: string): void;
  image(messageId: string, url: string): Promise<{ dataUrl?: string; off?: boolean }>;
  copy(text: string): void;
  /** The element cards scroll in (for the visibility observer); undefined: render at once. */
  scroller: HTMLElement | undefined;
}

export interface SubmitResult {
  sent: boolean;
  error?: string;
  trackingId?: string;
  mayHaveLanded?: boolean;
}

let chunk: Promise<CardRenderer> | undefined;

/** Loads the cards chunk once per page. */
export function loadCardRenderer(base: string, nonce: string): Promise<CardRenderer> {
  chunk ??= new Promise<CardRenderer>((resolve, reject) => {
    const registry: CardRegistry = { renderer: resolve };
    (globalThis as Record<string, unknown>)[CARDS_GLOBAL] = registry;
    const script = document.createElement('script');
    script.nonce = nonce;
    script.src = new URL(CARDS_CHUNK, base).toString();
    script.addEventListener('error', () => {
      chunk = undefined;
      reject(new Error('The card renderer did not load.'));
    });
    document.head.append(script);
  });
  return chunk;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', 'card-status-button', label);
  b.type = 'button';
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    onClick();
  });
  return b;
}

/** The fallback text behind a disclosure (or open, when the card cannot render). */
function fallbackBox(text: string, open: boolean): HTMLElement {
  const details = el('details', 'card-fallback');
  details.open = open;
  details.append(el('summary', 'card-fallback-summary', l10n.t('Fallback text')), el('div', 'card-fallback-text', text || l10n.t('(none)')));
  return details;
}

interface Submission {
  id: string;
  inputs: JsonObject;
  title: string;
}

let sequence = 0;
function newSubmissionId(): string {
  sequence += 1;
  return `${Date.now().toString(36)}-${sequence}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Renders a checked card into `target` with the chunk: the piece the Preview Card webview shares. */
export function drawCard(renderer: CardRenderer, card: JsonObject, host: CardHost, target: HTMLElement): void {
  const rendered = renderer.render(card, host);
  rendered.element.classList.add('card-body');
  target.replaceChildren(rendered.element);
  if (rendered.skipped.length > 0) {
    target.append(el('div', 'card-note', l10n.t('Not shown here (Webex renders Adaptive Cards 1.3): {0}', rendered.skipped.join('; '))));
  }
}

/** One message's card: its slot element, kept across re-renders. */
class CardSlot {
  readonly element = el('div', 'card-slot');
  private readonly body = el('div', 'card-content');
  private readonly status = el('div', 'card-status');
  private pending: Submission | undefined;
  private drawn = false;

  constructor(
    private readonly message: MessageView,
    private readonly check: CardCheck,
    private readonly services: CardServices,
  ) {
    this.element.dataset.cardFor = message.id;
    this.status.setAttribute('role', 'status');
    this.status.hidden = true;
    const fallback = fallbackText(check.ok ? check.card : undefined, message.text ?? message.markdown);
    if (!check.ok || !services.chunkBase) {
      const reason = check.ok ? 'Cards cannot be shown here.' : check.reason;
      this.body.append(el('div', 'card-note', reason));
      this.element.append(this.body, fallbackBox(fallback, true));
      this.drawn = true;
      return;
    }
    this.body.append(el('div', 'card-note', l10n.t('Loading the card…')));
    this.element.append(this.body, this.status, fallbackBox(fallback, false));
  }

  get needsDrawing(): boolean {
    return !this.drawn;
  }

  async draw(): Promise<void> {
    if (this.drawn || !this.check.ok || !this.services.chunkBase) {
      return;
    }
    this.drawn = true;
    const card = this.check.card;
    try {
      const renderer = await loadCardRenderer(this.services.chunkBase, this.services.nonce);
      drawCard(renderer, card, this.host(), this.body);
    } catch (error) {
      this.body.replaceChildren(el('div', 'card-note', l10n.t('The card cannot be shown: {0}', error instanceof Error ? error.message : String(error))));
      this.element.querySelector('details')?.setAttribute('open', '');
    }
  }

  private host(): CardHost {
    return {
      markdown: (text) => this.services.markdown(text),
      onAction: (action) => this.onAction(action),
      image: (url, img) => {
        img.dataset.cardImage = 'waiting';
        this.services.image(this.message.id, url).then(
          (answer) => {
            if (answer.dataUrl) {
              img.src = answer.dataUrl;
              img.dataset.cardImage = 'loaded';
            } else {
              this.imagePlaceholder(img, answer.off === true);
            }
          },
          () => this.imagePlaceholder(img, false),
        );
      },
    };
  }

  private imagePlaceholder(img: HTMLImageElement, off: boolean): void {
    const alt = img.alt.trim();
    const box = el('span', 'card-image-placeholder', alt || (off ? l10n.t('Image (images are off: webex.cards.loadImages)') : l10n.t('Image not shown')));
    img.replaceWith(box);
  }

  private onAction(action: CardAction): void {
    if (action.kind === 'openUrl') {
      this.services.openUrl(action.url);
      return;
    }
    if (this.pending) {
      return; // one submission at a time per card
    }
    this.send({ id: newSubmissionId(), inputs: action.inputs, title: action.title }, false);
  }

  private send(submission: Submission, resend: boolean): void {
    this.pending = submission;
    this.showStatus('sending', l10n.t('Sending…'));
    this.services.submit(this.message.id, submission.id, submission.inputs, resend).then(
      (result) => {
        if (result.sent) {
          this.pending = undefined;
          this.showStatus('sent', submission.title ? l10n.t('Sent ({0})', submission.title) : l10n.t('Sent'));
        } else {
          this.failed(submission, result);
        }
      },
      (error: Error) => this.failed(submission, { sent: false, error: error.message }),
    );
  }

  private failed(submission: Submission, result: SubmitResult): void {
    this.showStatus('failed', result.error ?? l10n.t('The answer was not sent.'));
    if (result.trackingId) {
      const id = result.trackingId;
      this.status.append(button(l10n.t('Copy Tracking ID'), () => this.services.copy(id)));
    }
    this.status.append(
      button(result.mayHaveLanded ? l10n.t('Send Again Anyway') : l10n.t('Retry'), () => this.send(submission, result.mayHaveLanded === true)),
      button(l10n.t('Dismiss'), () => {
        this.pending = undefined;
        this.status.hidden = true;
      }),
    );
  }

  private showStatus(state: 'sending' | 'sent' | 'failed', text: string): void {
    this.status.hidden = false;
    this.status.dataset.state = state;
    this.status.replaceChildren(el('span', 'card-status-text', text));
  }
}

/** The card slots of one page, by message id and card text. */
export class CardSlots {
  private readonly slots = new Map<string, CardSlot>();
  private readonly observer: IntersectionObserver | undefined;

  constructor(private readonly services: CardServices) {
    if (services.scroller && typeof IntersectionObserver === 'function') {
      this.observer = new IntersectionObserver((entries) => this.onVisible(entries), { root: services.scroller, rootMargin: '300px 0px' });
    }
  }

  /** The slot of a message with a card (the same element each time for the same card). */
  slot(message: MessageView): HTMLElement {
    const key = `${message.id}\u0000${message.card ?? ''}`;
    let slot = this.slots.get(key);
    if (!slot) {
      const check: CardCheck = message.card === undefined ? { ok: false, reason: 'This card is not an Adaptive Card this page can show.' } : readCard(message.card);
      slot = new CardSlot(message, check.ok ? checkCard(check.card) : check, this.services);
      this.slots.set(key, slot);
    }
    if (slot.needsDrawing) {
      if (this.observer) {
        this.observer.observe(slot.element);
      } else {
        void slot.draw();
      }
    }
    return slot.element;
  }

  private onVisible(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) {
        continue;
      }
      this.observer?.unobserve(entry.target);
      const id = (entry.target as HTMLElement).dataset.cardFor;
      for (const slot of this.slots.values()) {
        if (slot.element === entry.target && id !== undefined) {
          void slot.draw();
        }
      }
    }
  }
}

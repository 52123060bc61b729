/**
 * The pictures of image files inside messages (DESIGN.md "an image file": an `<img>` whose `alt` is
 * the file name, its bytes fetched by the extension). An image file gets an empty frame at once;
 * only when the frame comes on screen (IntersectionObserver) does the page ask the host (`image`),
 * which fetches it with the token, a few at a time, and answers a `data:` URL of what the bytes are.
 * Answers are kept per file, so a message drawn again shows its picture at once. A file over the
 * size cap loses its frame (the attachment row keeps its name and size); a file that is not a
 * picture, or whose bytes the browser cannot decode, shows a broken-image placeholder.
 */
import { isInlineImageType } from '../../../services/conversation/imageSniff';
import type { FileView, MessageView, RequestResult } from '../protocol';
import type { HostChannel } from './hostChannel';
import * as l10n from '@vscode/l10n';

type Answer = RequestResult<'image'>;

export class PageImages {
  private readonly answers = new Map<string, Answer | Promise<Answer>>();
  private readonly observer: IntersectionObserver;
  private readonly pending = new WeakMap<Element, () => void>();

  constructor(
    private readonly host: HostChannel,
    scroller: HTMLElement,
    private readonly toast: (message: string) => void,
  ) {
    // A margin of half a screen, so a picture is usually there by the time it scrolls in.
    this.observer = new IntersectionObserver((entries) => this.onVisible(entries), { root: scroller, rootMargin: '50% 0px' });
  }

  /** The frames of a message's image files (undefined when it has none). */
  render(message: MessageView): HTMLElement | undefined {
    const files = message.files.filter((f) => isInlineImageType(f.contentType));
    if (files.length === 0) {
      return undefined;
    }
    const block = document.createElement('div');
    block.className = 'pictures';
    for (const file of files) {
      block.append(this.frame(message.id, file));
    }
    return block;
  }

  private frame(messageId: string, file: FileView): HTMLElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'picture loading';
    button.dataset.index = String(file.index);
    button.setAttribute('aria-label', l10n.t('Open {0} full size', file.name));
    const img = document.createElement('img');
    img.alt = file.name;
    img.decoding = 'async';
    // Bytes that passed the magic-number check and still do not decode: a corrupt picture.
    img.addEventListener('error', () => this.broken(button, file.name));
    img.addEventListener('load', () => button.classList.remove('loading'));
    button.append(img);
    button.addEventListener('click', () => {
      this.host.request('openImage', { messageId, index: file.index }).catch((error: Error) => this.toast(error.message));
    });
    const key = `${messageId}/${file.index}`;
    const known = this.answers.get(key);
    if (known !== undefined && !(known instanceof Promise)) {
      this.apply(button, img, file.name, known);
    } else {
      this.pending.set(button, () => void this.fetch(key, messageId, file.index).then((answer) => this.apply(button, img, file.name, answer)));
      this.observer.observe(button);
    }
    return button;
  }

  private onVisible(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) {
        continue;
      }
      this.observer.unobserve(entry.target);
      const start = this.pending.get(entry.target);
      this.pending.delete(entry.target);
      start?.();
    }
  }

  private fetch(key: string, messageId: string, index: number): Promise<Answer> {
    const known = this.answers.get(key);
    if (known !== undefined) {
      return Promise.resolve(known);
    }
    const asked = this.host.request('image', { messageId, index }).then(
      (answer) => {
        // A failed download may work later (the host does not keep it either): ask again next time.
        if (answer.state === 'broken') {
          this.answers.delete(key);
        } else {
          this.answers.set(key, answer);
        }
        return answer;
      },
      (error: Error): Answer => {
        this.answers.delete(key);
        return { state: 'broken', reason: error.message };
      },
    );
    this.answers.set(key, asked);
    return asked;
  }

  private apply(button: HTMLButtonElement, img: HTMLImageElement, name: string, answer: Answer): void {
    if (answer.state === 'image' && answer.src !== undefined && /^data:image\/(?:png|jpeg|gif|webp);base64,/.test(answer.src)) {
      img.src = answer.src;
    } else if (answer.state === 'tooLarge') {
      const block = button.parentElement;
      button.remove();
      if (block && block.childElementCount === 0) {
        block.remove();
      }
    } else {
      this.broken(button, name, answer.reason);
    }
  }

  private broken(button: HTMLButtonElement, name: string, reason?: string): void {
    const placeholder = document.createElement('span');
    placeholder.className = 'picture broken';
    placeholder.setAttribute('role', 'img');
    placeholder.setAttribute('aria-label', l10n.t('{0}: the picture cannot be shown', name));
    placeholder.title = reason ?? l10n.t('The file is damaged or not a picture.');
    const icon = document.createElement('span');
    icon.className = 'codicon codicon-file-media';
    icon.setAttribute('aria-hidden', 'true');
    const text = document.createElement('span');
    text.textContent = l10n.t('Picture cannot be shown');
    placeholder.append(icon, text);
    button.replaceWith(placeholder);
  }
}

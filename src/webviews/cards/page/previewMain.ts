/**
 * The Preview Card page: draws the card with the conversation page's card code (page/cards/: the
 * same checks, the same renderer chunk, the same markdown-it + DOMPurify path), lists the problems
 * the host sent, switches light/dark/high contrast (palettes in media/cardPreview.css set the
 * variables the card's host config reads), and shows a submit's `inputs` as JSON instead of posting.
 */
// First: the translations, before any module builds a string.
import '../../conversation/page/l10n';
import type { PreviewHostMessage, PreviewPageMessage } from '../previewProtocol';
import { checkCard, readCard } from '../../conversation/page/cards/cardRules';
import { drawCard, loadCardRenderer } from '../../conversation/page/cards/cardView';
import type { CardHost } from '../../conversation/page/cards/cardApi';
import { createMessageRenderer } from '../../conversation/page/markdown';
import { createSanitizer } from '../../conversation/page/sanitize';
import * as l10n from '@vscode/l10n';

interface VsCodeApi {
  postMessage(message: PreviewPageMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const root = document.getElementById('preview') as HTMLElement;
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
const renderer = createMessageRenderer();
const sanitizer = createSanitizer(window);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

const toolbar = el('div', 'preview-toolbar');
const frame = el('div', 'preview-frame theme-editor');
const slot = el('div', 'card-slot');
const problems = el('ul', 'preview-problems');
const submitted = el('pre', 'preview-submitted');
submitted.hidden = true;
problems.setAttribute('aria-label', l10n.t('Problems'));
for (const [theme, label] of [['editor', 'Editor theme'], ['light', 'Light'], ['dark', 'Dark'], ['highContrast', 'High contrast']] as const) {
  const b = el('button', 'card-status-button', label);
  b.type = 'button';
  b.dataset.theme = theme;
  b.addEventListener('click', () => {
    frame.className = `preview-frame theme-${theme}`;
  });
  toolbar.append(b);
}
frame.append(slot);
root.append(toolbar, frame, el('h3', 'preview-heading', l10n.t('Problems')), problems, submitted);

const host: CardHost = {
  markdown: (text) => {
    const holder = document.createElement('div');
    holder.append(sanitizer.fragment(renderer.markdown(text)));
    return holder.innerHTML;
  },
  onAction: (action) => {
    if (action.kind === 'openUrl') {
      api.postMessage({ type: 'openLink', href: action.url });
      return;
    }
    submitted.hidden = false;
    submitted.textContent = l10n.t('A bot would receive these inputs (nothing was posted):\n{0}', JSON.stringify(action.inputs, null, 2));
  },
  image: (_url, img) => {
    // The preview loads no remote images; the alt text stands in.
    img.replaceWith(el('span', 'card-image-placeholder', img.alt.trim() || l10n.t('Image (not loaded in the preview)')));
  },
};

async function show(message: PreviewHostMessage): Promise<void> {
  problems.replaceChildren(...message.problems.map((p) => el('li', `problem problem-${p.severity}`, l10n.t('Line {0}: {1}', p.line, p.message))));
  const check = message.cardJson === undefined ? ({ ok: false, reason: message.error ?? 'The card cannot be read.' } as const) : readCard(message.cardJson);
  const checked = check.ok ? checkCard(check.card) : check;
  if (!checked.ok) {
    problems.prepend(el('li', 'problem problem-error', checked.reason));
    slot.replaceChildren(el('div', 'card-note', checked.reason));
    return;
  }
  const base = root.dataset.cards;
  if (!base) {
    return;
  }
  try {
    drawCard(await loadCardRenderer(base, nonce), checked.card, host, slot);
  } catch (error) {
    slot.replaceChildren(el('div', 'card-note', l10n.t('The card cannot be shown: {0}', error instanceof Error ? error.message : String(error))));
  }
  if (message.problems.length === 0 && problems.childElementCount === 0) {
    problems.append(el('li', 'problem problem-none', l10n.t('No problems.')));
  }
}

window.addEventListener('message', (event: MessageEvent<PreviewHostMessage>) => {
  if (event.data.type === 'card') {
    void show(event.data);
  }
});
api.postMessage({ type: 'ready' });

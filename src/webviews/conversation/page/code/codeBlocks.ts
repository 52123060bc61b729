/**
 * The plain drawing of fenced code blocks, done once per rendered message body right after the
 * sanitizer: a header with the language, the line count and a toolbar (Copy code, Open in editor,
 * Insert at cursor, Save as…), a "Show all N lines" button on long blocks, and visible markers for
 * control and bidirectional characters. Highlighting comes later (highlighter.ts).
 *
 * The structure other code may rely on, inside a message's `.body`:
 *
 *     <p>…</p>                                  (a snippet's own header paragraph, untouched)
 *     <div class="code-block" data-index="0" data-language="typescript">
 *       <div class="code-header">…label, lines, toolbar…</div>
 *       <pre><code class="language-typescript">the exact text</code></pre>
 *       <button class="code-expand">Show all 40 lines</button>   (long blocks only)
 *     </div>
 *
 * The `<code>` element's textContent is always the block's exact text: a marker keeps its
 * character and shows its name with CSS (`::before`), so copying never adds or loses anything.
 */
import { hasInvisible, invisibleTitle, codePointLabel, isCollapsible, lineCount, linesLabel, splitInvisible, tooBigToHighlight } from './codeText';
import { languageByKey } from './languages';
import { codicon } from '../dom';
import * as l10n from '@vscode/l10n';

/** The toolbar's buttons: `data-action`, codicon, aria-label (the labels tests and users find them by). */
export const CODE_ACTIONS = [
  ['code-copy', 'copy', l10n.t('Copy code')],
  ['code-open', 'go-to-file', l10n.t('Open in editor')],
  ['code-insert', 'insert', l10n.t('Insert at cursor')],
  ['code-save', 'save-as', l10n.t('Save as…')],
] as const;

export type CodeAction = (typeof CODE_ACTIONS)[number][0];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), { className }, text === undefined ? {} : { textContent: text });
}

function toolButton(action: string, icon: string, label: string): HTMLButtonElement {
  const button = Object.assign(el('button', 'icon-button code-action'), { type: 'button', title: label });
  button.dataset.action = action;
  button.setAttribute('aria-label', label);
  button.append(codicon(icon));
  return button;
}

/** The language key of a `<code class="language-…">` (the sanitizer lets through only known ones). */
export function blockLanguage(code: Element): string | undefined {
  for (const c of code.classList) {
    if (c.startsWith('language-') && languageByKey(c.slice('language-'.length))) {
      return c.slice('language-'.length);
    }
  }
  return undefined;
}

/** Replaces the invisible characters in the text nodes under `root` by visible markers. */
export function markInvisible(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (hasInvisible((node as Text).data) && !(node.parentElement?.classList.contains('code-invisible') ?? false)) {
      found.push(node as Text);
    }
  }
  for (const node of found) {
    node.replaceWith(...splitInvisible(node.data).map((piece) => (piece.kind === 'text' ? document.createTextNode(piece.text) : marker(piece.char))));
  }
}

function marker(char: string): HTMLElement {
  const span = el('span', 'code-invisible', char);
  span.dataset.char = codePointLabel(char);
  span.title = invisibleTitle(char);
  return span;
}

function header(label: string, lines: number, note: string | undefined): HTMLElement {
  const head = el('div', 'code-header');
  head.append(el('span', 'code-lang', label || l10n.t('Plain text')), el('span', 'code-lines', linesLabel(lines)));
  if (note) {
    head.append(el('span', 'code-note', note));
  }
  const toolbar = el('div', 'code-toolbar');
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', l10n.t('Code actions'));
  toolbar.append(...CODE_ACTIONS.map(([action, icon, text]) => toolButton(action, icon, text)));
  head.append(toolbar);
  return head;
}

/** Draws the blocks of one sanitized message body (markdown.ts's `.code-block` elements). */
export function decorateCodeBlocks(root: DocumentFragment | Element): void {
  const blocks = root.querySelectorAll<HTMLElement>('.code-block');
  blocks.forEach((block, index) => {
    const code = block.querySelector('pre > code');
    if (!code || block.dataset.index !== undefined) {
      return;
    }
    const text = code.textContent ?? '';
    const lines = lineCount(text);
    const language = blockLanguage(code);
    const labelEl = block.querySelector(':scope > .code-lang');
    const label = labelEl?.textContent ?? '';
    labelEl?.remove();
    block.dataset.index = String(index);
    const tooBig = language ? tooBigToHighlight(text, lines) : undefined;
    if (language && !tooBig) {
      block.dataset.language = language;
    }
    block.prepend(header(label, lines, tooBig));
    markInvisible(code);
    if (isCollapsible(lines)) {
      block.classList.add('collapsed');
      const more = el('button', 'code-expand', l10n.t('Show all {0}', linesLabel(lines)));
      more.type = 'button';
      more.dataset.action = 'code-expand';
      more.setAttribute('aria-expanded', 'false');
      block.append(more);
    }
  });
}

/** Opens or closes a long block; true when it is now open. */
export function toggleBlock(block: HTMLElement, open = block.classList.contains('collapsed')): boolean {
  const button = block.querySelector<HTMLButtonElement>(':scope > .code-expand');
  if (!button) {
    return false;
  }
  const lines = lineCount(block.querySelector('pre > code')?.textContent ?? '');
  block.classList.toggle('collapsed', !open);
  button.textContent = open ? l10n.t('Show fewer lines') : l10n.t('Show all {0}', linesLabel(lines));
  button.setAttribute('aria-expanded', String(open));
  return open;
}

/** The exact text of a block (markers keep their characters, so textContent is the text). */
export function blockText(block: Element): string {
  return block.querySelector('pre > code')?.textContent ?? '';
}

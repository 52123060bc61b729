/**
 * The page's side of code blocks once they are drawn (codeBlocks.ts): which long blocks the user
 * opened (kept across re-renders of their thread), handing visible blocks to the highlighter, and
 * the toolbar's buttons, which ask the host (codeActions.ts) to copy, open, insert or save the
 * block's exact text.
 */
import type { HostChannel } from '../hostChannel';
import { blockText, toggleBlock } from './codeBlocks';
import type { CodeHighlighter } from './highlighter';
import * as l10n from '@vscode/l10n';

type HostAction = 'copy' | 'open' | 'insert' | 'save';

/** The toolbar's `data-action`s (codeBlocks.ts CODE_ACTIONS) and what the host is asked. */
const HOST_ACTIONS: Partial<Record<string, HostAction>> = {
  'code-copy': 'copy',
  'code-open': 'open',
  'code-insert': 'insert',
  'code-save': 'save',
};

export class CodeView {
  /** Long blocks the user opened, by `<message id>:<block index>`. */
  private readonly opened = new Set<string>();

  constructor(
    private readonly host: HostChannel,
    private readonly highlighter: CodeHighlighter,
    private readonly toast: (message: string) => void,
  ) {}

  /** A message body was placed: restore opened blocks and watch the blocks for highlighting. */
  attach(body: HTMLElement, messageId: string): void {
    for (const block of body.querySelectorAll<HTMLElement>('.code-block.collapsed')) {
      if (this.opened.has(`${messageId}:${block.dataset.index ?? ''}`)) {
        toggleBlock(block, true);
      }
    }
    this.highlighter.observe(body);
  }

  /** Handles a click on a code block's button; false when the click was not one. */
  onClick(e: MouseEvent): boolean {
    const button = (e.target as Element).closest<HTMLElement>('[data-action^="code-"]');
    const block = button?.closest<HTMLElement>('.code-block');
    const messageId = block?.closest<HTMLElement>('article')?.dataset.messageId;
    if (!button || !block) {
      return false;
    }
    const action = button.dataset.action ?? '';
    if (action === 'code-expand') {
      const key = `${messageId ?? ''}:${block.dataset.index ?? ''}`;
      if (toggleBlock(block)) {
        this.opened.add(key);
      } else {
        this.opened.delete(key);
        block.scrollIntoView({ block: 'nearest' });
      }
      return true;
    }
    const hostAction = HOST_ACTIONS[action];
    if (!hostAction || !messageId) {
      return hostAction !== undefined;
    }
    const language = block.dataset.language ?? block.querySelector('pre > code')?.className.match(/\blanguage-([\w-]+)/)?.[1];
    this.host
      .request('codeAction', { action: hostAction, messageId, code: blockText(block), language })
      .then((result) => {
        if (result.done && hostAction === 'copy') {
          confirmCopied(button);
        }
      })
      .catch((error: Error) => this.toast(error.message));
    return true;
  }
}

/** The Copy button shows a check for a moment (the toast is for errors). */
function confirmCopied(button: HTMLElement): void {
  const icon = button.querySelector('.codicon');
  if (!icon) {
    return;
  }
  icon.classList.replace('codicon-copy', 'codicon-check');
  button.title = l10n.t('Copied');
  setTimeout(() => {
    icon.classList.replace('codicon-check', 'codicon-copy');
    button.title = l10n.t('Copy code');
  }, 1500);
}

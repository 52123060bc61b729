/**
 * A snippet's path becomes a link: the `<code>` that opens the header Send Selection writes
 * ("`src/a.ts` lines 7–12 · …") is wrapped in an `<a>` whose text is the path. Activating it
 * (click, or Enter on the focused link) asks the host to open the file at those lines; the page
 * sends only the message id, and the host decides from its own copy of the message whether
 * anything may open. The link never navigates the page.
 */
import { describeLines } from '../../../services/sharing/snippet';
import { parseSnippetMessage } from '../../../services/sharing/snippetHeader';
import * as l10n from '@vscode/l10n';

const LINK_CLASS = 'snippet-link';

/** Wraps the header's path in a link, in a freshly sanitized body of a message with `markdown`. */
export function decorateSnippetLink(body: DocumentFragment, markdown: string | undefined): void {
  const ref = markdown ? parseSnippetMessage(markdown) : undefined;
  const first = body.firstElementChild;
  const code = first?.tagName === 'P' ? first.firstChild : null;
  if (!ref || !(code instanceof HTMLElement) || code.tagName !== 'CODE' || code.textContent !== ref.path) {
    return;
  }
  const link = document.createElement('a');
  link.className = LINK_CLASS;
  link.href = '#';
  link.title = l10n.t('Open {0}, {1}, in the workspace', ref.path, describeLines(ref));
  code.replaceWith(link);
  link.append(code);
}

/** One listener on the log, before the one for ordinary links (those go to the browser). */
export function installSnippetLinks(log: HTMLElement, open: (messageId: string) => void): void {
  log.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.(`a.${LINK_CLASS}`);
      if (!link) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      const messageId = link.closest<HTMLElement>('article')?.dataset.messageId;
      if (messageId) {
        open(messageId);
      }
    },
    { capture: true },
  );
}

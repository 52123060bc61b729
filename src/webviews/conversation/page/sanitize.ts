/**
 * The last gate before message HTML reaches the DOM: DOMPurify over what markdown-it produced
 * (markdown.ts). markdown-it already escapes raw HTML; this pass makes sure that, whatever a bug
 * or a future option lets through, only a small set of formatting tags survives, links are only
 * http/https/mailto, and class names are only ours (no CSS tricks from a sender).
 */
import DOMPurify from 'dompurify';
import { ALLOWED_LINK } from '../protocol';

const ALLOWED_TAGS = [
  'a', 'p', 'br', 'strong', 'b', 'em', 'i', 's', 'del', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'span', 'div',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
];
const ALLOWED_CLASSES = new Set(['mention', 'mention-me', 'mention-all', 'code-block', 'code-lang']);

export interface Sanitizer {
  /** Clean, inert nodes for `html` (never assigned with innerHTML as a string). */
  fragment(html: string): DocumentFragment;
}

export function createSanitizer(window: Window): Sanitizer {
  // A private instance, so its hooks are ours alone.
  const purify = DOMPurify(window as unknown as Parameters<typeof DOMPurify>[0]);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'class') {
      data.attrValue = data.attrValue
        .split(/\s+/)
        .filter((c) => ALLOWED_CLASSES.has(c))
        .join(' ');
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!ALLOWED_LINK.test(href)) {
        node.removeAttribute('href');
      }
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  const config = {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'class', 'start'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true as const,
  };
  return {
    fragment: (html) => purify.sanitize(html, config),
  };
}

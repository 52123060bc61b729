/**
 * The last gate before message HTML reaches the DOM: DOMPurify over what markdown-it produced
 * (markdown.ts). markdown-it already escapes raw HTML; this pass makes sure that, whatever a bug
 * or a future option lets through, only a small set of formatting tags survives, links are only
 * http/https/mailto, and class names are only ours (no CSS tricks from a sender).
 */
import DOMPurify from 'dompurify';
import { ALLOWED_LINK } from '../protocol';
import { languageByKey } from './code/languages';

const ALLOWED_TAGS = [
  'a', 'p', 'br', 'strong', 'b', 'em', 'i', 's', 'del', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'span', 'div',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
];
const ALLOWED_CLASSES = new Set(['mention', 'mention-me', 'mention-all', 'code-block', 'code-lang']);

function allowedClass(c: string): boolean {
  // `language-<key>` only for the languages we highlight (markdown.ts writes no other).
  return ALLOWED_CLASSES.has(c) || (c.startsWith('language-') && languageByKey(c.slice('language-'.length)) !== undefined);
}

/**
 * highlight.js's class names: `hljs-<scope>` and its sub-scope suffixes such as `function_`
 * (https://highlightjs.readthedocs.io/en/latest/css-classes-reference.html).
 */
const TOKEN_CLASS = /^(?:hljs-[a-z][a-z0-9_-]{0,40}|[a-z][a-z0-9]{0,40}_+)$/;

export interface Sanitizer {
  /** Clean, inert nodes for `html` (never assigned with innerHTML as a string). */
  fragment(html: string): DocumentFragment;
  /** highlight.js's markup of a code block: only `<span>`s with highlight.js classes, and text. */
  tokens(html: string): DocumentFragment;
}

function tokenSanitizer(window: Window): (html: string) => DocumentFragment {
  const purify = DOMPurify(window as unknown as Parameters<typeof DOMPurify>[0]);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'class') {
      data.attrValue = data.attrValue
        .split(/\s+/)
        .filter((c) => TOKEN_CLASS.test(c))
        .join(' ');
    }
  });
  const config = { ALLOWED_TAGS: ['span'], ALLOWED_ATTR: ['class'], ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false, RETURN_DOM_FRAGMENT: true as const };
  return (html) => purify.sanitize(html, config);
}

export function createSanitizer(window: Window): Sanitizer {
  // A private instance, so its hooks are ours alone.
  const purify = DOMPurify(window as unknown as Parameters<typeof DOMPurify>[0]);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'class') {
      data.attrValue = data.attrValue
        .split(/\s+/)
        .filter(allowedClass)
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
    tokens: tokenSanitizer(window),
  };
}

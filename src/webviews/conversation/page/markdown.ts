/**
 * Message bodies to HTML, the way Webex renders them: markdown with bold, lists, links, quotes,
 * inline code and fenced code (with its language shown), single newlines kept, mentions
 * highlighted. Plain `text` messages keep their line breaks and get clickable links.
 *
 * Message content is hostile input. markdown-it runs with `html: false` (raw HTML is shown as
 * text), images disabled (nothing loads), and a link validator that lets through only http, https
 * and mailto (a `javascript:` link stays plain text). The page then passes the result through
 * DOMPurify (sanitize.ts) before it touches the DOM; this module has no DOM so it is unit-tested in
 * Node. Webex's own `html` field is never used.
 */
import MarkdownIt from 'markdown-it';
import { ALLOWED_LINK } from '../protocol';
import { fenceLabel, resolveLanguage } from './code/languages';

/** How the page names and weighs mentions (`<@personEmail:…>`, `<@personId:…|Name>`, `<@all>`; Webex messaging API, messages). */
export interface MentionLookup {
  /** A display name for the mention target, if known. */
  name(kind: 'personEmail' | 'personId', value: string): string | undefined;
  /** True when the target is the signed-in person: drawn stronger. */
  isMe(kind: 'personEmail' | 'personId', value: string): boolean;
}

interface RenderEnv {
  mentions?: MentionLookup;
}

const MENTION = /^<@(?:(personEmail|personId):([^|>\s]{1,256})(?:\|([^>\n]{0,256}))?|(all|groupMention:all))>/;

export interface MessageRenderer {
  /** Renders a `markdown` field. */
  markdown(source: string, mentions?: MentionLookup): string;
  /** Renders a plain `text` field: escaped, line breaks kept, links clickable. */
  text(source: string): string;
}

function isAllowedLink(url: string): boolean {
  return ALLOWED_LINK.test(url.trim());
}

/** The markdown-it instance for `markdown` fields (exported for the unit tests of its rules). */
export function createMarkdownIt(): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false });
  md.validateLink = isAllowedLink;
  // An image would be a remote load chosen by the sender (a tracking pixel at best).
  md.disable(['image']);

  md.inline.ruler.before('autolink', 'webex_mention', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x3c /* < */ || state.src.charCodeAt(state.pos + 1) !== 0x40 /* @ */) {
      return false;
    }
    const match = MENTION.exec(state.src.slice(state.pos));
    if (!match) {
      return false;
    }
    if (!silent) {
      const token = state.push('webex_mention', 'span', 0);
      token.meta = match[4] ? { kind: 'all' } : { kind: match[1], value: match[2], label: match[3] };
    }
    state.pos += match[0].length;
    return true;
  });

  md.renderer.rules.webex_mention = (tokens, idx, _options, rawEnv) => {
    const env = (rawEnv ?? {}) as RenderEnv;
    const meta = tokens[idx].meta as { kind: string; value?: string; label?: string };
    if (meta.kind === 'all') {
      return '<span class="mention mention-all">All</span>';
    }
    const kind = meta.kind as 'personEmail' | 'personId';
    const value = meta.value ?? '';
    const name = meta.label?.trim() || env.mentions?.name(kind, value) || (kind === 'personEmail' ? value : 'someone');
    const me = env.mentions?.isMe(kind, value) === true;
    return `<span class="mention${me ? ' mention-me' : ''}">${md.utils.escapeHtml(name)}</span>`;
  };

  // A fenced block: the label says the language (the sender's word when we do not know it), and
  // `language-<key>` is set only for a language of languages.ts, so nothing else reaches a class
  // name. The page draws the header, toolbar and colours from this (page/code/codeBlocks.ts).
  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx];
    const info = md.utils.unescapeAll(token.info);
    const language = resolveLanguage(info);
    const label = fenceLabel(info);
    const header = label ? `<div class="code-lang">${md.utils.escapeHtml(label)}</div>` : '';
    const lang = language ? ` class="language-${language.key}"` : '';
    return `<div class="code-block">${header}<pre><code${lang}>${md.utils.escapeHtml(token.content)}</code></pre></div>\n`;
  };

  // Show where a link goes on hover: the text of a link is the sender's choice.
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = tokens[idx].attrGet('href');
    if (href) {
      tokens[idx].attrSet('title', href);
    }
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

/** The markdown-it instance for plain `text` fields: only paragraphs, line breaks and links. */
export function createTextIt(): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true });
  md.enable(['linkify', 'newline']);
  md.validateLink = isAllowedLink;
  return md;
}

export function createMessageRenderer(): MessageRenderer {
  const markdown = createMarkdownIt();
  const text = createTextIt();
  return {
    markdown: (source, mentions) => markdown.render(source, { mentions } satisfies RenderEnv),
    text: (source) => text.render(source),
  };
}

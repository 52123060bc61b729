/**
 * What Webex derives from a message's markdown: `html` (read-only in the Webex messaging API), the
 * plain `text` alternative when none is given, and the mentions. Mention syntax `<@personEmail:…>`
 * is in the API's message examples; `<@personId:…|name>` and `<@all>` appear in no source we
 * checked ([UNVERIFIED]) but are what Webex clients send. The html is deliberately simple (a small
 * subset of markdown), but always escaped.
 */

export interface MentionTarget {
  id: string;
  displayName: string;
}

export interface MentionResolver {
  byEmail(email: string): MentionTarget | undefined;
  byId(id: string): MentionTarget | undefined;
}

const MENTION = /<@(personEmail|personId):([^|>\s]+)(?:\|([^>]*))?>|<@all>/g;

export interface Mentions {
  people: string[];
  groups: string[];
}

export function findMentions(markdown: string | undefined, resolve: MentionResolver): Mentions {
  const people: string[] = [];
  const groups: string[] = [];
  if (!markdown) {
    return { people, groups };
  }
  for (const match of markdown.matchAll(MENTION)) {
    if (match[1] === undefined) {
      if (!groups.includes('all')) {
        groups.push('all');
      }
      continue;
    }
    const target = match[1] === 'personEmail' ? resolve.byEmail(match[2]) : resolve.byId(match[2]);
    if (target && !people.includes(target.id)) {
      people.push(target.id);
    }
  }
  return { people, groups };
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function mentionName(kind: string | undefined, value: string, label: string | undefined, resolve: MentionResolver): string {
  if (kind === undefined) {
    return 'All';
  }
  if (label) {
    return label;
  }
  const target = kind === 'personEmail' ? resolve.byEmail(value) : resolve.byId(value);
  return target ? target.displayName : value;
}

/** Inline markdown of one line of (unescaped) source to safe html. */
function inlineHtml(src: string, resolve: MentionResolver): string {
  // Split out code spans first so nothing inside them is interpreted.
  const parts = src.split(/(`[^`]+`)/);
  return parts
    .map((part) => {
      if (part.length > 1 && part.startsWith('`') && part.endsWith('`')) {
        return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      }
      const tokens: string[] = [];
      const stash = (html: string): string => `\uE000${tokens.push(html) - 1}\uE000`;
      let s = part.replace(MENTION, (_m, kind: string | undefined, value: string, label: string | undefined) => {
        const target = kind === 'personEmail' ? resolve.byEmail(value) : kind === 'personId' ? resolve.byId(value) : undefined;
        const name = escapeHtml(mentionName(kind, value, label, resolve));
        return kind === undefined
          ? stash(`<spark-mention data-object-type="groupMention" data-group-type="all">${name}</spark-mention>`)
          : stash(`<spark-mention data-object-type="person" data-object-id="${escapeHtml(target?.id ?? value)}">${name}</spark-mention>`);
      });
      s = s.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label: string, url: string) =>
        stash(`<a href="${escapeHtml(url)}" rel="nofollow">${escapeHtml(label)}</a>`),
      );
      s = s.replace(/<(https?:\/\/[^>\s]+)>/g, (_m, url: string) =>
        stash(`<a href="${escapeHtml(url)}" rel="nofollow">${escapeHtml(url)}</a>`),
      );
      s = escapeHtml(s)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/__([^_]+)__/g, '<strong>$1</strong>')
        .replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>')
        .replace(/(^|[^\w])_([^_]+)_(?!\w)/g, '$1<em>$2</em>');
      return s.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => tokens[Number(i)]);
    })
    .join('');
}

/** Renders markdown to the html Webex returns: paragraphs, fenced code, lists, quotes, headings. */
export function markdownToHtml(markdown: string, resolve: MentionResolver): string {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) {
      out.push(`<p>${paragraph.map((l) => inlineHtml(l, resolve)).join('<br />')}</p>`);
      paragraph = [];
    }
    if (list.length > 0) {
      out.push(`<ul>${list.map((l) => `<li>${inlineHtml(l, resolve)}</li>`).join('')}</ul>`);
      list = [];
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^```\s*([\w+#.-]*)\s*$/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      i++;
      while (i < lines.length && !/^```\s*$/.test(lines[i])) {
        code.push(lines[i]);
        i++;
      }
      const cls = fence[1] ? ` class="language-${escapeHtml(fence[1])}"` : '';
      out.push(`<pre><code${cls}>${escapeHtml(code.join('\n'))}\n</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      out.push(`<h${heading[1].length}>${inlineHtml(heading[2], resolve)}</h${heading[1].length}>`);
    } else if (item) {
      if (paragraph.length > 0) {
        flush();
      }
      list.push(item[1]);
    } else if (quote) {
      flush();
      out.push(`<blockquote>${inlineHtml(quote[1], resolve)}</blockquote>`);
    } else {
      if (list.length > 0) {
        flush();
      }
      paragraph.push(line);
    }
  }
  flush();
  return out.join('');
}

/** The plain-text alternative Webex fills in when only markdown is sent. */
export function markdownToText(markdown: string, resolve: MentionResolver): string {
  return markdown
    .replace(/\r\n/g, '\n')
    .replace(/^```[^\n]*$/gm, '')
    .replace(MENTION, (_m, kind: string | undefined, value: string, label: string | undefined) =>
      mentionName(kind, value, label, resolve),
    )
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

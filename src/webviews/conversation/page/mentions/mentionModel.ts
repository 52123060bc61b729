/**
 * Mentions in the composer, apart from the DOM so they are unit-tested in Node: which people match
 * what was typed after `@`, and how the text the user sees ("@Priya Raman") becomes the markdown
 * Webex reads (`<@personId:…|Priya Raman>`, `<@all>`), which is what fills the message's
 * `mentionedPeople` / `mentionedGroups` and notifies them (Webex messaging API, POST /messages
 * `markdown`; the `<@personId:…>` and `<@all>` forms are the ones developer.webex.com's
 * "Formatting Messages" page gives).
 */

/** Someone the list can offer. */
export interface MentionCandidate {
  id: string;
  displayName: string;
  email?: string;
  /** When they last wrote in this space (ms), if they did in what the page has loaded. */
  lastSpoke?: number;
}

/** An entry of the list: a person, or everyone in the space. */
export type MentionOption = { kind: 'person'; person: MentionCandidate } | { kind: 'all' };

/** A mention the user inserted: the label shown in the text and the markup sent for it. */
export interface InsertedMention {
  label: string;
  markup: string;
}

/** Case and accents folded away, so "jose" finds "José". */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function initials(name: string): string {
  return foldText(name)
    .split(/[\s.\-_'’]+/)
    .filter((w) => w !== '')
    .map((w) => w[0])
    .join('');
}

/** How well `query` (folded) matches a person: lower is better, undefined is no match. */
function score(query: string, person: MentionCandidate): number | undefined {
  const name = foldText(person.displayName);
  if (name.startsWith(query)) {
    return 0;
  }
  if (name.split(/[\s.\-_'’]+/).some((w) => w.startsWith(query))) {
    return 1;
  }
  if (query.length >= 2 && initials(person.displayName).startsWith(query)) {
    return 2;
  }
  const email = foldText(person.email ?? '');
  if (email.startsWith(query)) {
    return 3;
  }
  if (query.length >= 2 && (name.includes(query) || email.split('@')[0].includes(query))) {
    return 4;
  }
  return undefined;
}

/**
 * The options for `query` (what follows the `@`), best first: how well the name, its initials or
 * the email match, then who spoke most recently, then the name. `@all` first when the query starts
 * it and the space is a group. At most `limit` (a 5,000-person space stays a short list).
 */
export function matchMentions(
  query: string,
  people: readonly MentionCandidate[],
  options: { group: boolean; excludeId?: string; limit?: number },
): MentionOption[] {
  const q = foldText(query.trim());
  const limit = options.limit ?? 8;
  const scored: Array<{ person: MentionCandidate; score: number }> = [];
  for (const person of people) {
    if (person.id === options.excludeId) {
      continue;
    }
    const s = q === '' ? 0 : score(q, person);
    if (s !== undefined) {
      scored.push({ person, score: s });
    }
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      (b.person.lastSpoke ?? 0) - (a.person.lastSpoke ?? 0) ||
      a.person.displayName.localeCompare(b.person.displayName),
  );
  const result: MentionOption[] = [];
  if (options.group && 'all'.startsWith(q)) {
    result.push({ kind: 'all' });
  }
  for (const { person } of scored) {
    if (result.length >= limit) {
      break;
    }
    result.push({ kind: 'person', person });
  }
  return result.slice(0, limit);
}

/** The label shown in the composer. */
export function mentionLabel(option: MentionOption): string {
  return option.kind === 'all' ? '@all' : `@${option.person.displayName}`;
}

/**
 * The markup sent for an option. The name inside `<@personId:…|Name>` cannot hold `>` or a line
 * break (either would end or break the tag); those become spaces, and the rest of the name stays.
 */
export function mentionMarkup(option: MentionOption): string {
  if (option.kind === 'all') {
    return '<@all>';
  }
  const name = option.person.displayName.replace(/[>\r\n]+/g, ' ').trim() || option.person.email || 'someone';
  return `<@personId:${option.person.id}|${name}>`;
}

/** The `@query` being typed just before the caret, if any: where it starts and what follows `@`. */
export function activeMentionQuery(textBeforeCaret: string): { start: number; query: string } | undefined {
  const match = /(^|[\s(])@([^\s@<>]{0,40})$/u.exec(textBeforeCaret);
  if (!match) {
    return undefined;
  }
  return { start: match.index + match[1].length, query: match[2] };
}

/**
 * The markdown to send: each inserted mention whose label is still in the text, in order, becomes
 * its markup; a label the user changed since is plain text again.
 */
export function toMarkdown(text: string, mentions: readonly InsertedMention[]): string {
  let out = '';
  let rest = text;
  const pending = [...mentions];
  for (;;) {
    let best: { index: number; mention: InsertedMention; at: number } | undefined;
    for (let i = 0; i < pending.length; i++) {
      const at = rest.indexOf(pending[i].label);
      if (at >= 0 && (best === undefined || at < best.at)) {
        best = { index: i, mention: pending[i], at };
      }
    }
    if (!best) {
      return out + rest;
    }
    out += rest.slice(0, best.at) + best.mention.markup;
    rest = rest.slice(best.at + best.mention.label.length);
    pending.splice(best.index, 1);
  }
}

/**
 * The other way, for text that comes back to the composer (a failed message, a draft): markup
 * becomes its label again, remembered as an inserted mention so it is sent as markup once more.
 */
export function fromMarkdown(markdown: string): { text: string; mentions: InsertedMention[] } {
  const mentions: InsertedMention[] = [];
  const text = markdown.replace(/<@(?:(personId|personEmail):([^|>\s]{1,256})(?:\|([^>\n]{0,256}))?|(all))>/g, (markup: string, kind?: string, value?: string, name?: string) => {
    const label = kind === undefined ? '@all' : `@${name?.trim() || value || ''}`;
    mentions.push({ label, markup });
    return label;
  });
  return { text, mentions };
}

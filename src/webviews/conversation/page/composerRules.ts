/**
 * The composer's rules, kept apart from the DOM so they are unit-tested in Node: the byte limit
 * hint and which keys send. Webex limits `text`/`markdown` to 7439 bytes, counted in UTF-8, not in
 * characters (Webex messaging API, messages): "é" is 2 bytes, most emoji 4.
 */

import { isBlank, utf8ByteLength as utf8Bytes } from '../../../webex/validation';

export interface ByteHint {
  /** `hidden` far from the limit, `near` in its last fifth, `over` past it (Send refuses). */
  level: 'hidden' | 'near' | 'over';
  text: string;
}

/** The counter shown near the composer as the message nears the limit. */
export function byteHint(s: string, max: number): ByteHint {
  const bytes = utf8Bytes(s);
  if (bytes > max) {
    return { level: 'over', text: `${plural(bytes - max, 'byte')} over the ${max}-byte limit` };
  }
  if (bytes >= max * 0.8) {
    return { level: 'near', text: `${plural(max - bytes, 'byte')} left` };
  }
  return { level: 'hidden', text: '' };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What a message must be to be sent: not blank (invisible characters count as blank), within the limit. */
export function canSend(s: string, max: number): boolean {
  return !isBlank(s) && utf8Bytes(s) <= max;
}

/** Enter sends; Shift+Enter (and Enter while an IME composes a word) breaks the line. */
export function isSendKey(e: { key: string; shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean; isComposing: boolean }): boolean {
  return e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.isComposing;
}

/** A formatting key of the composer: Ctrl/Cmd+B bold, +I italic, +E inline code, +Shift+C a code block. */
export type Formatting = 'bold' | 'italic' | 'code' | 'codeBlock';

export function formattingKey(e: { key: string; shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): Formatting | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) {
    return undefined;
  }
  const key = e.key.toLowerCase();
  if (e.shiftKey) {
    return key === 'c' ? 'codeBlock' : undefined;
  }
  return key === 'b' ? 'bold' : key === 'i' ? 'italic' : key === 'e' ? 'code' : undefined;
}

/**
 * Wraps the selection in markdown for `kind` and returns the new text and selection. With nothing
 * selected the markers go in with the caret between them. Inline code takes a longer run of
 * backticks than the selection holds; a code block takes a longer fence and sits on lines of its own.
 */
export function applyFormatting(text: string, start: number, end: number, kind: Formatting): { text: string; start: number; end: number } {
  const selected = text.slice(start, end);
  let before: string;
  let after: string;
  if (kind === 'bold' || kind === 'italic') {
    before = after = kind === 'bold' ? '**' : '_';
  } else if (kind === 'code') {
    const ticks = '`'.repeat(longestRun(selected, '`') + 1);
    const pad = selected.startsWith('`') || selected.endsWith('`') ? ' ' : '';
    before = ticks + pad;
    after = pad + ticks;
  } else {
    const fence = '`'.repeat(Math.max(3, longestRun(selected, '`') + 1));
    const lead = start > 0 && text[start - 1] !== '\n' ? '\n' : '';
    const trail = end < text.length && text[end] !== '\n' ? '\n' : '';
    before = `${lead}${fence}\n`;
    after = `${selected.endsWith('\n') || selected === '' ? '' : '\n'}${fence}${trail}`;
  }
  return {
    text: text.slice(0, start) + before + selected + after + text.slice(end),
    start: start + before.length,
    end: start + before.length + selected.length,
  };
}

function longestRun(s: string, c: string): number {
  let longest = 0;
  let run = 0;
  for (const ch of s) {
    run = ch === c ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

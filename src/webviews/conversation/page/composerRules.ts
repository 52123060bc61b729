/**
 * The composer's rules, kept apart from the DOM so they are unit-tested in Node: the byte limit
 * hint and which keys send. Webex limits `text`/`markdown` to 7439 bytes, counted in UTF-8, not in
 * characters (notes §6): "é" is 2 bytes, most emoji 4.
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

/**
 * Pure rules for a code block's text (no DOM, unit-tested in Node): how many lines it has, when it
 * is collapsed, which characters are shown as visible markers, whether it is small enough to
 * highlight, and how a big block is cut into slices that are highlighted one idle moment each.
 */
import * as l10n from '@vscode/l10n';
import { language } from '../l10n';

/** A block is collapsed to this many lines... */
export const COLLAPSED_LINES = 25;
/** ...when it has more than this (hiding two or three lines behind a button helps nobody). */
export const COLLAPSE_OVER = 30;
/** Blocks over either bound are not highlighted: they stay plain and say why. */
export const MAX_HIGHLIGHT_LINES = 5000;
export const MAX_HIGHLIGHT_CHARS = 200_000;
/** A slice aims at this many lines and characters (a few milliseconds of highlight.js each). */
export const SLICE_LINES = 200;
export const SLICE_CHARS = 16_000;

/** Lines of a block's text; markdown-it ends a fence's content with a newline, which is not a line. */
export function lineCount(text: string): number {
  if (text === '') {
    return 0;
  }
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    count++;
  }
  return text.endsWith('\n') ? count - 1 : count;
}

export function isCollapsible(lines: number): boolean {
  return lines > COLLAPSE_OVER;
}

/** "1 line", "1,204 lines". */
export function linesLabel(lines: number): string {
  const n = lines.toLocaleString(language ?? 'en-US');
  return lines === 1 ? l10n.t('{0} line', n) : l10n.t('{0} lines', n);
}

/** Why a block is not highlighted, or undefined when it may be. */
export function tooBigToHighlight(text: string, lines = lineCount(text)): string | undefined {
  if (lines > MAX_HIGHLIGHT_LINES) {
    return l10n.t('Not highlighted: {0}, more than {1}.', linesLabel(lines), MAX_HIGHLIGHT_LINES.toLocaleString(language ?? 'en-US'));
  }
  if (text.length > MAX_HIGHLIGHT_CHARS) {
    return l10n.t('Not highlighted: {0} K characters, more than {1} K.', Math.round(text.length / 1000).toLocaleString(language ?? 'en-US'), MAX_HIGHLIGHT_CHARS / 1000);
  }
  return undefined;
}

/**
 * Where to cut a block's text into slices: offsets `[start, end)` that cover it exactly. A slice
 * ends after the first blank line once it has {@link SLICE_LINES} lines, so a comment or string
 * rarely spans two slices (highlight.js starts each slice afresh); with no blank line it ends at
 * twice that, and a slice never grows far past {@link SLICE_CHARS} characters unless one line does.
 */
export function planSlices(text: string, sliceLines = SLICE_LINES, sliceChars = SLICE_CHARS): Array<[number, number]> {
  const slices: Array<[number, number]> = [];
  let start = 0;
  let lines = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 0x0a) {
      continue;
    }
    const blank = text.slice(lineStart, i).trim() === '';
    lines++;
    lineStart = i + 1;
    const size = lineStart - start;
    if ((lines >= sliceLines && blank) || lines >= 2 * sliceLines || size >= sliceChars) {
      slices.push([start, lineStart]);
      start = lineStart;
      lines = 0;
    }
  }
  if (start < text.length || slices.length === 0) {
    slices.push([start, text.length]);
  }
  return slices;
}

/**
 * Characters that change how code reads without being seen: C0 and C1 controls (tab and newline
 * are fine), bidirectional embeddings, overrides, isolates and marks (the "Trojan Source" attack,
 * CVE-2021-42574, https://trojansource.codes/), zero-width characters, soft hyphens, and line and
 * paragraph separators. VS Code's editor shows the same kinds
 * (https://code.visualstudio.com/updates/v1_63#_unicode-highlighting).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** "U+202E" */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What a marker's tooltip says: "U+202E RIGHT-TO-LEFT OVERRIDE". */
export function invisibleTitle(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const name = NAMES[code] ?? (code < 0x20 || (code >= 0x7f && code <= 0x9f) ? l10n.t('control character') : l10n.t('invisible formatting character'));
  return `${codePointLabel(char)} ${name}`;
}

/** A piece of text: plain, or one invisible character to show as a marker. */
export type TextPiece = { kind: 'text'; text: string } | { kind: 'invisible'; char: string };

/** The text cut around its invisible characters (their concatenation is the text again). */
export function splitInvisible(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  INVISIBLE.lastIndex = 0;
  for (let match = INVISIBLE.exec(text); match !== null; match = INVISIBLE.exec(text)) {
    if (match.index > last) {
      pieces.push({ kind: 'text', text: text.slice(last, match.index) });
    }
    pieces.push({ kind: 'invisible', char: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) {
    pieces.push({ kind: 'text', text: text.slice(last) });
  }
  return pieces;
}

/** True when the text has a character {@link splitInvisible} would mark. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

/**
 * Whether `code` is text of a message's `source` (its markdown or text), as the host checks before
 * acting on a block the page names: the page renders hostile content, so it could be made to ask
 * for other text. A fence's content is a substring of the source, but inside a quote or a list each
 * line loses its prefix, so then every line is looked for on its own (markdown-it also turns CR LF
 * into LF and NUL into U+FFFD).
 */
export function isTextOf(code: string, source: string): boolean {
  const normalized = source.replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd');
  if (normalized.includes(code)) {
    return true;
  }
  const sourceLines = new Set(normalized.split('\n').map((line) => line.trim()));
  return code.split('\n').every((line) => {
    const trimmed = line.trim();
    return trimmed === '' || sourceLines.has(trimmed) || normalized.includes(trimmed);
  });
}

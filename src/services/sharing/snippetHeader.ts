/**
 * Reads back what Send Selection wrote (snippet.ts): the header line "`path` lines 7–12 · …" and
 * the fenced block after it. Any message can look like that (the sender controls every byte), so
 * this only extracts; snippetPath.ts decides whether the path may open anything. Pure: the page
 * uses it to draw the link, the host again to act on it.
 */

export interface SnippetReference {
  /** As written: workspace-relative with forward slashes, or anything a hostile sender chose. */
  path: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  wholeFile: boolean;
  /** The code of the fenced block (LF line ends), when the snippet was sent inline. */
  code?: string;
  /** The fence's language word, if any. */
  language?: string;
  /** The short sha the header names, if any. */
  commit?: string;
}

/** Longer paths or later lines than these are not snippets Send Selection wrote. */
const MAX_PATH = 1024;
const MAX_LINE = 10_000_000;

const LINES = /^ (?:line (\d{1,8})|lines (\d{1,8})–(\d{1,8})|whole file \((\d{1,8}) lines?\))(?= · |, sent as a file|$)/;

/** The text of a CommonMark code span opening `line` and the rest of the line, or undefined. */
function leadingCodeSpan(line: string): { text: string; rest: string } | undefined {
  const open = /^`+/.exec(line);
  if (!open) {
    return undefined;
  }
  const ticks = open[0];
  let from = ticks.length;
  for (;;) {
    const at = line.indexOf(ticks, from);
    if (at < 0) {
      return undefined;
    }
    // A run of exactly as many backticks closes it; a longer run is part of the span.
    const after = line.charCodeAt(at + ticks.length) === 0x60;
    if (!after && line.charCodeAt(at - 1) !== 0x60) {
      let text = line.slice(ticks.length, at);
      if (text.length >= 2 && text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') {
        text = text.slice(1, -1);
      }
      return { text, rest: line.slice(at + ticks.length) };
    }
    from = at + 1;
    while (line.charCodeAt(from) === 0x60) {
      from++;
    }
  }
}

/** Parses the header line alone. */
export function parseSnippetHeader(line: string): Omit<SnippetReference, 'code' | 'language'> | undefined {
  const span = leadingCodeSpan(line);
  if (!span || span.text === '' || span.text.length > MAX_PATH) {
    return undefined;
  }
  const lines = LINES.exec(span.rest);
  if (!lines) {
    return undefined;
  }
  const [startLine, endLine, wholeFile] = lines[1]
    ? [Number(lines[1]), Number(lines[1]), false]
    : lines[2]
      ? [Number(lines[2]), Number(lines[3]), false]
      : [1, Number(lines[4]), true];
  if (startLine < 1 || endLine < startLine || endLine > MAX_LINE) {
    return undefined;
  }
  const commit = / · commit `([0-9a-f]{7,64})`/.exec(span.rest.slice(lines[0].length))?.[1];
  return { path: span.text, startLine, endLine, wholeFile, ...(commit ? { commit } : {}) };
}

/**
 * The snippet a message's markdown carries, or undefined: the header on the first line, then
 * (for inline snippets) a blank line and one fenced block that ends the message.
 */
export function parseSnippetMessage(markdown: string): SnippetReference | undefined {
  const text = markdown.replace(/\r\n?/g, '\n');
  const newline = text.indexOf('\n');
  const header = parseSnippetHeader(newline < 0 ? text : text.slice(0, newline));
  if (!header) {
    return undefined;
  }
  const rest = newline < 0 ? '' : text.slice(newline + 1);
  const fence = /^\n(`{3,})([^`\n]*)\n/.exec(rest);
  if (!fence) {
    return header;
  }
  const body = rest.slice(fence[0].length);
  const close = `\n${fence[1]}`;
  const end = body.endsWith(`${close}\n`) ? body.length - close.length - 1 : body.endsWith(close) ? body.length - close.length : -1;
  if (end < 0 && body !== fence[1] && body !== `${fence[1]}\n`) {
    return header;
  }
  const code = end < 0 ? '' : body.slice(0, end);
  const language = fence[2].trim().split(/\s+/)[0];
  return { ...header, code, ...(language ? { language } : {}) };
}

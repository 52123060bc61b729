/**
 * Where a snippet's lines are in the file now: still at the lines it names, moved (the same lines
 * elsewhere, the nearest place first), or changed. Lines compare without trailing whitespace and
 * line-end differences (editors and Webex both change those without changing the code). Pure.
 */

export type SnippetLocation =
  | { kind: 'same'; startLine: number; endLine: number }
  | { kind: 'moved'; startLine: number; endLine: number }
  | { kind: 'changed' };

export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

function comparable(line: string): string {
  return line.replace(/\s+$/, '');
}

/** The snippet's lines, without the final empty line a trailing newline leaves. */
function snippetLines(code: string): string[] {
  const lines = splitLines(code).map(comparable);
  while (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}

function matchesAt(file: readonly string[], wanted: readonly string[], at: number): boolean {
  if (at < 0 || at + wanted.length > file.length) {
    return false;
  }
  for (let i = 0; i < wanted.length; i++) {
    if (file[at + i] !== wanted[i]) {
      return false;
    }
  }
  return true;
}

/**
 * Finds `code` in `fileText`, preferring the lines it names (`startLine`, 1-based), then the match
 * nearest to them. A snippet of blank lines only is never "found" elsewhere (it would match anywhere).
 */
export function locateSnippet(fileText: string, code: string, startLine: number): SnippetLocation {
  const file = splitLines(fileText).map(comparable);
  const wanted = snippetLines(code);
  const length = wanted.length;
  if (matchesAt(file, wanted, startLine - 1)) {
    return { kind: 'same', startLine, endLine: startLine + length - 1 };
  }
  if (wanted.every((l) => l.trim() === '')) {
    return { kind: 'changed' };
  }
  let best: number | undefined;
  for (let at = 0; at + length <= file.length; at++) {
    if (file[at] === wanted[0] && matchesAt(file, wanted, at)) {
      if (best === undefined || Math.abs(at - (startLine - 1)) < Math.abs(best - (startLine - 1))) {
        best = at;
      }
    }
  }
  return best === undefined ? { kind: 'changed' } : { kind: 'moved', startLine: best + 1, endLine: best + length };
}

/**
 * The file's text with lines `startLine`–`endLine` replaced by the snippet: the left side of
 * "Compare with my copy", so the diff shows the snippet against the current lines in place.
 */
export function withSnippetAt(fileText: string, code: string, startLine: number, endLine: number): string {
  const eol = fileText.includes('\r\n') ? '\r\n' : '\n';
  const file = splitLines(fileText);
  const from = Math.min(Math.max(startLine - 1, 0), file.length);
  const to = Math.min(Math.max(endLine, from), file.length);
  const lines = splitLines(code).slice(0, snippetLines(code).length);
  const replaced = [...file.slice(0, from), ...lines, ...file.slice(to)];
  return replaced.join(eol);
}

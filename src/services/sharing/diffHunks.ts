/**
 * "Send Changes": a file's uncommitted changes as a unified diff (what `git diff HEAD -- file`
 * prints, https://git-scm.com/docs/git-diff), cut down to the hunks that touch the selected lines,
 * in a ```diff block under the path. Pure, unit-tested.
 */
import { SHORT_SHA, describeLines, fitMessage, inlineCode, longestBacktickRun, type Snippet } from './snippet';

export interface Hunk {
  /** 1-based first line and line count on each side, from `@@ -a,b +c,d @@`. */
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** The `@@` line, then its ` `, `-`, `+` and `\ No newline` lines. */
  lines: string[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** The hunks of a unified diff of one file (file headers and anything before the first `@@` skipped). */
export function parseHunks(diff: string): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  for (const line of diff.replace(/\r\n?/g, '\n').split('\n')) {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      current = {
        oldStart: Number(header[1]),
        oldCount: header[2] === undefined ? 1 : Number(header[2]),
        newStart: Number(header[3]),
        newCount: header[4] === undefined ? 1 : Number(header[4]),
        lines: [line],
      };
      hunks.push(current);
    } else if (current && /^[ +\-\\]/.test(line)) {
      current.lines.push(line);
    } else {
      // A context line keeps its leading space even when empty: anything else ends the hunk.
      current = undefined;
    }
  }
  return hunks;
}

/**
 * The hunks whose lines in the current file overlap `startLine`–`endLine` (1-based, inclusive).
 * A hunk that only removes lines sits between two lines of the new file; it counts when that
 * place is inside the range or touches its edge.
 */
export function hunksTouching(hunks: readonly Hunk[], startLine: number, endLine: number): Hunk[] {
  return hunks.filter((h) => {
    if (h.newCount === 0) {
      // `+c,0`: the removal is after line c of the new file.
      return h.newStart >= startLine - 1 && h.newStart <= endLine;
    }
    const last = h.newStart + h.newCount - 1;
    return h.newStart <= endLine && last >= startLine;
  });
}

/** A unified diff of `path` with these hunks (`--- a/…`, `+++ b/…`, then the hunks as they were). */
export function formatDiff(path: string, hunks: readonly Hunk[]): string {
  return [`--- a/${path}`, `+++ b/${path}`, ...hunks.flatMap((h) => h.lines)].join('\n');
}

/** How many lines each side of the hunks added and removed ("+3 −1"). */
export function diffStat(hunks: readonly Hunk[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of hunks.flatMap((h) => h.lines.slice(1))) {
    if (line.startsWith('+')) {
      added++;
    } else if (line.startsWith('-')) {
      removed++;
    }
  }
  return { added, removed };
}

export interface ChangesInput {
  /** Workspace-relative path (the header) and the path inside the repository (the diff's). */
  path: string;
  repoPath: string;
  /** `git diff HEAD -- file` of the file. */
  diff: string;
  /** Only the hunks touching these lines (1-based, inclusive), when lines were selected. */
  lines?: { startLine: number; endLine: number };
  /** HEAD's sha, named in the header. */
  commit?: string;
}

export type ChangesMessage = Snippet | { kind: 'none'; reason: string };

/**
 * "`src/a.ts`: uncommitted changes in lines 7–12 (+3 −1) against commit `abc1234`" and a ```diff
 * block; over the message limit the diff goes as `a.diff`. The header is deliberately not a snippet
 * header (snippetHeader.ts): a diff is not lines of the file to open and compare.
 */
export function buildChanges(input: ChangesInput, maxBytes?: number): ChangesMessage {
  const all = parseHunks(input.diff);
  const hunks = input.lines ? hunksTouching(all, input.lines.startLine, input.lines.endLine) : all;
  if (hunks.length === 0) {
    const reason = all.length === 0 || !input.lines ? 'no uncommitted changes' : `no uncommitted changes in ${describeLines({ ...input.lines, wholeFile: false })}`;
    return { kind: 'none', reason };
  }
  const stat = diffStat(hunks);
  const where = input.lines ? ` in ${describeLines({ ...input.lines, wholeFile: false })}` : '';
  const against = input.commit ? ` against commit ${inlineCode(input.commit.slice(0, SHORT_SHA))}` : '';
  const header = `${inlineCode(input.path)}: uncommitted changes${where} (+${stat.added} −${stat.removed})${against}`;
  const diff = formatDiff(input.repoPath, hunks);
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(diff) + 1));
  const base = input.path.split('/').pop() || 'changes';
  return fitMessage({ header, block: `${fence}diff\n${diff}\n${fence}`, file: `${diff}\n`, filename: `${base}.diff` }, maxBytes);
}

/**
 * Builds the message for "Send Selection": the workspace-relative path and line range, then the code
 * in a fenced block with the editor's language. Pure, unit-tested in plain Node.
 *
 * - The fence is one backtick longer than the longest backtick run in the code (at least three), so
 *   code that contains ``` cannot close it early (CommonMark fenced code blocks).
 * - Line endings become LF: Webex renders them the same and CRLF would waste the byte budget.
 * - Over the 7439-byte limit (Webex messaging API, POST /messages, counted in UTF-8 bytes) the code goes as
 *   a file attachment instead, and the text says so.
 */
import { MAX_MESSAGE_BYTES, utf8ByteLength } from '../../webex/validation';

export interface SnippetInput {
  /** The selected text (or the whole document). */
  code: string;
  /** The editor's language id (`typescript`, `typescriptreact`, `plaintext`, …). */
  languageId: string;
  /** Workspace-relative path with forward slashes, or the file name of an untitled document. */
  path: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Nothing was selected, so the whole file is sent. */
  wholeFile: boolean;
  /** Where the file is in a git repository: the commit it was sent at, and its permalink. */
  source?: SnippetSource;
}

/** The git facts of a snippet (gitRemote.ts builds the permalink). */
export interface SnippetSource {
  /** HEAD's full sha. */
  commit: string;
  /** The lines at `commit` on the remote's web site, where the remote is a known host. */
  permalink?: { url: string; hostName: string };
  /** The file differs from `commit` (unsaved, unstaged or staged changes): the permalink shows other lines. */
  uncommitted: boolean;
}

/** How many characters of a sha the header shows (git's usual abbreviation). */
export const SHORT_SHA = 7;

export type Snippet =
  | { kind: 'message'; markdown: string }
  | {
      kind: 'file';
      /** The text that goes with the file. */
      markdown: string;
      filename: string;
      contentType: string;
      data: Uint8Array;
      /** The UTF-8 size of the inline message that did not fit. */
      inlineBytes: number;
    };

/** VS Code language ids whose usual fence name differs (what Webex's renderer and readers expect). */
const FENCE_LANGUAGE: Record<string, string> = {
  typescriptreact: 'tsx',
  javascriptreact: 'jsx',
  shellscript: 'bash',
  plaintext: '',
  jsonc: 'json',
  'objective-c': 'objectivec',
  'objective-cpp': 'objectivecpp',
  dockercompose: 'yaml',
  'git-commit': '',
  'git-rebase': '',
  ignore: '',
};

export function fenceLanguage(languageId: string): string {
  const mapped = FENCE_LANGUAGE[languageId] ?? languageId;
  // An info string must not contain backticks or spaces; keep it to a plain word.
  return mapped.replace(/[^\w+#.-]/g, '');
}

/** Fence names whose VS Code language id differs (what Send Selection writes, and common short names). */
const FENCE_TO_LANGUAGE: Record<string, string> = {
  tsx: 'typescriptreact',
  jsx: 'javascriptreact',
  bash: 'shellscript',
  sh: 'shellscript',
  objectivec: 'objective-c',
  objectivecpp: 'objective-cpp',
  ts: 'typescript',
  js: 'javascript',
  py: 'python',
  yml: 'yaml',
};

/** The VS Code language id a fence name most likely means (`tsx` → `typescriptreact`). */
export function languageOfFence(fence: string): string {
  const word = fence.toLowerCase();
  return FENCE_TO_LANGUAGE[word] ?? word;
}

/** The longest run of consecutive backticks in `text`. */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) {
    longest = Math.max(longest, match[0].length);
  }
  return longest;
}

/** `text` as inline code that its own backticks cannot break (CommonMark code spans). */
export function inlineCode(text: string): string {
  const ticks = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** "line 7", "lines 7–12" or "whole file (40 lines)". */
export function describeLines(input: Pick<SnippetInput, 'startLine' | 'endLine' | 'wholeFile'>): string {
  if (input.wholeFile) {
    const n = input.endLine - input.startLine + 1;
    return `whole file (${n} ${n === 1 ? 'line' : 'lines'})`;
  }
  return input.startLine === input.endLine ? `line ${input.startLine}` : `lines ${input.startLine}–${input.endLine}`;
}

/**
 * "`src/a.ts` lines 7–12", then, in a git repository, " · commit `abc1234` · [permalink on GitHub](…)"
 * and uncommitted changes said plainly. The first part stays as it was: snippetHeader.ts parses it.
 */
export function snippetHeader(input: Pick<SnippetInput, 'path' | 'startLine' | 'endLine' | 'wholeFile' | 'source'>): string {
  const parts = [`${inlineCode(input.path)} ${describeLines(input)}`];
  const source = input.source;
  if (source) {
    parts.push(`commit ${inlineCode(source.commit.slice(0, SHORT_SHA))}`);
    if (source.permalink) {
      // Parentheses would end a Markdown link destination early (CommonMark "link destination").
      const url = source.permalink.url.replace(/\(/g, '%28').replace(/\)/g, '%29');
      parts.push(`[permalink on ${source.permalink.hostName}](${url})`);
    }
    if (source.uncommitted) {
      parts.push(source.permalink ? 'uncommitted changes: the permalink shows the committed lines' : 'uncommitted changes: the commit has other lines');
    }
  }
  return parts.join(' · ');
}

/** The fenced block alone (what would be posted inline after the header). */
export function fencedBlock(code: string, languageId: string): string {
  const body = normalizeNewlines(code).replace(/\n$/, '');
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  return `${fence}${fenceLanguage(languageId)}\n${body}\n${fence}`;
}

export function buildSnippet(input: SnippetInput, maxBytes = MAX_MESSAGE_BYTES): Snippet {
  return fitMessage(
    { header: snippetHeader(input), block: fencedBlock(input.code, input.languageId), file: input.code, filename: snippetFilename(input) },
    maxBytes,
  );
}

/**
 * The header and its fenced block as one message, or, over `maxBytes` (UTF-8, the Webex limit),
 * the header alone with `file` attached as `filename`, saying why.
 */
export function fitMessage(parts: { header: string; block: string; file: string; filename: string }, maxBytes = MAX_MESSAGE_BYTES): Snippet {
  const markdown = `${parts.header}\n\n${parts.block}`;
  const inlineBytes = utf8ByteLength(markdown);
  if (inlineBytes <= maxBytes) {
    return { kind: 'message', markdown };
  }
  const data = new TextEncoder().encode(normalizeNewlines(parts.file));
  return {
    kind: 'file',
    markdown: `${parts.header}, sent as a file: ${formatBytes(data.byteLength)} is over the ${maxBytes}-byte limit of a Webex message.`,
    filename: parts.filename,
    contentType: 'text/plain; charset=utf-8',
    data,
    inlineBytes,
  };
}

/** `widget.ts` for a whole file, `widget.L10-L42.ts` for part of it. */
export function snippetFilename(input: Pick<SnippetInput, 'path' | 'startLine' | 'endLine' | 'wholeFile'>): string {
  const base = input.path.split(/[\\/]/).pop() || 'snippet.txt';
  if (input.wholeFile) {
    return base;
  }
  const dot = base.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, '.txt'];
  return `${stem}.L${input.startLine}-L${input.endLine}${ext}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) {
    return `${n} bytes`;
  }
  if (n < 1024 * 1024) {
    return `${(n / 1024).toFixed(1)} KB`;
  }
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The 1-based line range of a selection given 0-based positions. A selection that ends at column 0
 * of a line (how whole lines are usually selected) does not include that line.
 */
export function selectionLines(
  start: { line: number; character: number },
  end: { line: number; character: number },
): { startLine: number; endLine: number } {
  const lastLine = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
  return { startLine: start.line + 1, endLine: lastLine + 1 };
}

/**
 * The languages a fenced block may name, and what each means on both sides: the highlight.js
 * grammar that colours it on the page, the VS Code language ids of an editor opened with it, and
 * the file extension it is saved with. Shared by the page and the host (no DOM, no vscode), so
 * both read a fence's info string the same way.
 *
 * Only names in this table are highlighted: an unknown or misspelled name stays plain, and nothing
 * is guessed from the text (highlight.js's auto-detection can colour prose as code).
 * Grammar names are highlight.js's module names (lib/languages/<name>.js,
 * https://github.com/highlightjs/highlight.js/blob/main/SUPPORTED_LANGUAGES.md); VS Code ids are
 * its "known language identifiers" (https://code.visualstudio.com/docs/languages/identifiers).
 */
import grammarList from './grammars.json';

export interface CodeLanguage {
  /** Stable key, used in the page's class names (`language-<key>`). */
  key: string;
  /** What the block's header says. */
  label: string;
  /** The highlight.js grammars to load, in order (a grammar may embed an earlier one). */
  grammars: readonly string[];
  /** VS Code language ids, the first one VS Code knows wins (plaintext otherwise). */
  vscodeIds: readonly string[];
  /** Usual file extension, with the dot (empty when the usual name has none). */
  extension: string;
  /** Usual file name when there is no extension (Dockerfile). */
  fileName?: string;
}

type Entry = [key: string, label: string, grammars: readonly string[], vscodeIds: readonly string[], extension: string, aliases: readonly string[]];

const ENTRIES: readonly Entry[] = [
  ['typescript', 'TypeScript', ['typescript'], ['typescript'], '.ts', ['ts', 'typescript', 'mts', 'cts']],
  ['tsx', 'TSX', ['typescript'], ['typescriptreact'], '.tsx', ['tsx']],
  ['javascript', 'JavaScript', ['javascript'], ['javascript'], '.js', ['js', 'javascript', 'mjs', 'cjs', 'node']],
  ['jsx', 'JSX', ['javascript'], ['javascriptreact'], '.jsx', ['jsx']],
  ['python', 'Python', ['python'], ['python'], '.py', ['py', 'python', 'python3', 'py3']],
  ['go', 'Go', ['go'], ['go'], '.go', ['go', 'golang']],
  ['java', 'Java', ['java'], ['java'], '.java', ['java']],
  ['kotlin', 'Kotlin', ['kotlin'], ['kotlin'], '.kt', ['kt', 'kotlin', 'kts']],
  ['c', 'C', ['c'], ['c'], '.c', ['c', 'h']],
  ['cpp', 'C++', ['cpp'], ['cpp'], '.cpp', ['cpp', 'c++', 'cc', 'cxx', 'hpp', 'hh', 'hxx']],
  ['csharp', 'C#', ['csharp'], ['csharp'], '.cs', ['cs', 'csharp', 'c#']],
  ['rust', 'Rust', ['rust'], ['rust'], '.rs', ['rs', 'rust']],
  ['ruby', 'Ruby', ['ruby'], ['ruby'], '.rb', ['rb', 'ruby']],
  ['php', 'PHP', ['php'], ['php'], '.php', ['php']],
  ['swift', 'Swift', ['swift'], ['swift'], '.swift', ['swift']],
  ['shell', 'Shell', ['bash'], ['shellscript'], '.sh', ['sh', 'bash', 'zsh', 'shell', 'shellscript']],
  ['console', 'Shell session', ['bash', 'shell'], ['shellscript'], '.sh', ['console', 'shell-session', 'shellsession']],
  ['powershell', 'PowerShell', ['powershell'], ['powershell'], '.ps1', ['ps1', 'powershell', 'pwsh', 'ps']],
  ['sql', 'SQL', ['sql'], ['sql'], '.sql', ['sql']],
  ['json', 'JSON', ['json'], ['json'], '.json', ['json']],
  ['jsonc', 'JSON with comments', ['json'], ['jsonc'], '.jsonc', ['jsonc', 'json5']],
  ['yaml', 'YAML', ['yaml'], ['yaml'], '.yaml', ['yml', 'yaml']],
  ['toml', 'TOML', ['ini'], ['toml', 'ini'], '.toml', ['toml']],
  ['ini', 'INI', ['ini'], ['ini'], '.ini', ['ini', 'cfg']],
  ['xml', 'XML', ['xml'], ['xml'], '.xml', ['xml', 'svg', 'plist', 'xsd', 'xsl']],
  ['html', 'HTML', ['css', 'javascript', 'xml'], ['html'], '.html', ['html', 'htm', 'xhtml']],
  ['css', 'CSS', ['css'], ['css'], '.css', ['css']],
  ['markdown', 'Markdown', ['markdown'], ['markdown'], '.md', ['md', 'markdown', 'mkd']],
  ['dockerfile', 'Dockerfile', ['dockerfile'], ['dockerfile'], '', ['dockerfile', 'docker', 'containerfile']],
  ['diff', 'Diff', ['diff'], ['diff'], '.diff', ['diff', 'patch']],
];

const BY_KEY = new Map<string, CodeLanguage>();
const BY_ALIAS = new Map<string, CodeLanguage>();
for (const [key, label, grammars, vscodeIds, extension, aliases] of ENTRIES) {
  const language: CodeLanguage = { key, label, grammars, vscodeIds, extension, ...(key === 'dockerfile' ? { fileName: 'Dockerfile' } : {}) };
  BY_KEY.set(key, language);
  for (const alias of aliases) {
    BY_ALIAS.set(alias, language);
  }
}

/**
 * Every highlight.js grammar the page may load: esbuild.js builds one chunk for each, from the same
 * list (a unit test checks that the table above names no other).
 */
export const GRAMMARS: readonly string[] = grammarList;

/** The longest language name we read from an info string; longer words are not a language. */
const MAX_NAME = 32;

/**
 * The language word of a fence's info string: its first word, without the `{.lang}` / `.lang` /
 * `language-lang` dressings some writers use. Empty when there is none or it is too long to be one.
 */
export function fenceWord(info: string): string {
  const word = info.trim().split(/\s+/, 1)[0] ?? '';
  const bare = word.replace(/^\{?\.?/, '').replace(/\}$/, '').replace(/^language-/i, '');
  return bare.length > MAX_NAME ? '' : bare;
}

/** The language a fence's info string names, or undefined (then the block stays plain). */
export function resolveLanguage(info: string): CodeLanguage | undefined {
  const word = fenceWord(info).toLowerCase();
  return word ? BY_ALIAS.get(word) : undefined;
}

/** The language of a key made by {@link resolveLanguage} (from a class name or a page request). */
export function languageByKey(key: string): CodeLanguage | undefined {
  return BY_KEY.get(key);
}

/** What a block's header says for an info string: the language's name, the sender's word, or "". */
export function fenceLabel(info: string): string {
  const language = resolveLanguage(info);
  if (language) {
    return language.label;
  }
  const first = info.trim().split(/\s+/, 1)[0] ?? '';
  // The sender's word as they wrote it (shown as text), cut so a 10,000-character one fits.
  return first.length > MAX_NAME ? `${first.slice(0, MAX_NAME)}…` : first;
}

/** A file name to offer when saving a block. */
export function suggestedFileName(language: CodeLanguage | undefined): string {
  if (!language) {
    return 'snippet.txt';
  }
  return language.fileName ?? `snippet${language.extension}`;
}

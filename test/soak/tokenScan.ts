/**
 * Token hygiene from outside: every file of the soak's VS Code (its whole temp folder: user data with
 * logs, settings, globalStorage and workspaceStorage, extensions, the workspace, the browser profile
 * with its local storage and caches) and every frame of the workbench page (the webview's rendered
 * HTML included) is searched for the token, as written and base64-encoded.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

export interface ScanResult {
  files: number;
  bytes: number;
  /** Files that must exist for the search to mean something, and whether they were found. */
  expected: Record<string, boolean>;
  leaks: string[];
  frames: number;
}

/** Every file under `dir` (none when it does not exist). */
export function filesUnder(dir: string | undefined): string[] {
  if (dir === undefined) {
    return [];
  }
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.isFile() ? [full] : [];
  });
}

/**
 * What VS Code's extension host itself logged as "rejected promise not handled within 1 second" (its
 * own unhandled-rejection watch, which also covers the time before the soak's listener existed), and
 * how many of those name the extension's bundle.
 */
export function unhandledInHostLogs(root: string): { all: number; ours: string[] } {
  const lines = filesUnder(root)
    .filter((f) => /exthost/i.test(f) && f.endsWith('.log'))
    .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n'));
  const hits: string[] = [];
  lines.forEach((line, i) => {
    if (/rejected promise not handled/i.test(line)) {
      hits.push([line, ...lines.slice(i + 1, i + 6)].join('\n'));
    }
  });
  return { all: hits.length, ours: hits.filter((h) => /webex-vscode|dist[\\/]extension\.js/i.test(h)) };
}

export async function scanForToken(root: string, page: Page | undefined, token: string): Promise<ScanResult> {
  const needles = [Buffer.from(token), Buffer.from(Buffer.from(token).toString('base64').replace(/=+$/, ''))];
  const files = filesUnder(root);
  const leaks: string[] = [];
  let bytes = 0;
  for (const file of files) {
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch {
      continue; // a socket or a file that went away
    }
    bytes += data.length;
    if (needles.some((n) => data.includes(n))) {
      leaks.push(path.relative(root, file));
    }
  }
  const rel = files.map((f) => path.relative(root, f));
  const expected = {
    'user settings.json': rel.some((f) => f.endsWith(path.join('User', 'settings.json'))),
    'extension host log': rel.some((f) => /exthost/.test(f) && f.endsWith('.log')),
    '"Webex" output channel log': rel.some((f) => /Webex\.log$/.test(f)),
    'browser profile': rel.some((f) => f.includes('browser-profile-')),
  };
  let frames = 0;
  for (const frame of page?.frames() ?? []) {
    const html = await frame.content().catch(() => undefined);
    if (html === undefined) {
      continue;
    }
    frames++;
    if (needles.some((n) => html.includes(n.toString()))) {
      leaks.push(`frame ${frame.url().slice(0, 120)}`);
    }
  }
  return { files: files.length, bytes, expected, leaks, frames };
}

/**
 * Which workspace file a snippet's path may open. The path comes from a message, that is, from
 * anyone: it may only name a file inside one of the workspace folders, written relative to it
 * (as `vscode.workspace.asRelativePath` writes it: with the folder's name first when the window has
 * several folders). Absolute paths, `..`, URIs of any scheme (`file:`, `command:`, `vscode:`),
 * drive letters, UNC paths, `~` and control characters never resolve. Pure: the host joins the
 * segments to a folder URI, and checks again that the result stays inside that folder.
 */
import * as l10n from '@vscode/l10n';

export interface WorkspaceFolderRef {
  /** The folder's name (what asRelativePath puts first in a multi-root window). */
  name: string;
}

/** One place the path may mean: folder `folderIndex`, then these segments. */
export interface PathCandidate {
  folderIndex: number;
  segments: string[];
}

export type PathResolution = { ok: true; candidates: PathCandidate[] } | { ok: false; reason: string };

const MAX_SEGMENTS = 64;

/** Why `path` can never name a workspace file, or undefined when it might. */
export function refusalReason(path: string): string | undefined {
  if (path.trim() === '') {
    return l10n.t('the path is empty');
  }
  // C0/C1 controls and the bidirectional overrides that can make a path read as another one.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(path)) {
    return l10n.t('the path holds control characters');
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(path)) {
    return l10n.t('it is a URI, not a path in the workspace');
  }
  if (/^[a-z]:/i.test(path) || path.startsWith('/') || path.startsWith('\\') || path.startsWith('~')) {
    return l10n.t('it is an absolute path, not one relative to the workspace');
  }
  const segments = path.split(/[\\/]/);
  if (segments.some((s) => s === '..')) {
    return l10n.t('it goes up out of the workspace (..)');
  }
  if (segments.some((s) => /[<>:"|?*]/.test(s))) {
    return l10n.t('the path holds characters no file name has');
  }
  if (segments.length > MAX_SEGMENTS) {
    return l10n.t('the path is too deep');
  }
  return undefined;
}

/**
 * The folders and relative segments `path` may mean, first the likeliest: in a multi-root window a
 * first segment equal to a folder's name means that folder; otherwise each folder in order.
 */
export function resolveSnippetPath(path: string, folders: readonly WorkspaceFolderRef[]): PathResolution {
  const reason = refusalReason(path);
  if (reason) {
    return { ok: false, reason };
  }
  if (folders.length === 0) {
    return { ok: false, reason: l10n.t('no folder is open in this window') };
  }
  const segments = path.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) {
    return { ok: false, reason: l10n.t('the path names no file') };
  }
  const candidates: PathCandidate[] = [];
  if (folders.length > 1 && segments.length > 1) {
    folders.forEach((folder, folderIndex) => {
      if (folder.name === segments[0]) {
        candidates.push({ folderIndex, segments: segments.slice(1) });
      }
    });
  }
  folders.forEach((_folder, folderIndex) => candidates.push({ folderIndex, segments }));
  return { ok: true, candidates };
}

/** True when `child` (a URI path, forward slashes) is strictly inside `folder`. */
export function isInside(folder: string, child: string): boolean {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return child.startsWith(base) && child.length > base.length && !child.slice(base.length).split('/').includes('..');
}

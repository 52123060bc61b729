/**
 * What the built-in Git extension (`vscode.git`, its API version 1) knows about a file: its
 * repository, HEAD's commit, the remote, whether the file differs from HEAD, and its diff against
 * HEAD. Only the few members used here are typed (the API's shape is documented in the extension's
 * README, https://github.com/microsoft/vscode/tree/main/extensions/git#api). Everything is best
 * effort: without git, a repository or a known remote, snippets simply go without those parts.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { HOST_NAMES, parseRemoteUrl, permalink } from '../../services/sharing/gitRemote';
import type { SnippetSource } from '../../services/sharing/snippet';

interface GitBranch {
  readonly name?: string;
  readonly commit?: string;
  readonly upstream?: { readonly remote: string; readonly name: string };
}

interface GitRemote {
  readonly name: string;
  readonly fetchUrl?: string;
  readonly pushUrl?: string;
}

interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: { readonly HEAD: GitBranch | undefined; readonly remotes: readonly GitRemote[] };
  status(): Promise<void>;
  /** `git diff HEAD -- <path>` (an absolute file path). */
  diffWithHEAD(path: string): Promise<string>;
  /** The file at `ref` (`git show <ref>:<path>`, an absolute file path). */
  show(ref: string, path: string): Promise<string>;
}

interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** The file's repository, or undefined (no git extension, git disabled, not in a repository). */
export async function repositoryOf(uri: vscode.Uri): Promise<GitRepository | undefined> {
  if (uri.scheme !== 'file') {
    return undefined;
  }
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) {
    return undefined;
  }
  const git = extension.isActive ? extension.exports : await extension.activate();
  if (!git.enabled) {
    return undefined;
  }
  const repository = git.getAPI(1).getRepository(uri) ?? undefined;
  if (repository && !repository.state.HEAD?.commit) {
    await repository.status(); // a repository just found has no state until its first status
  }
  return repository;
}

/** The file's path inside its repository, forward slashes. */
export function repositoryPath(repository: GitRepository, uri: vscode.Uri): string {
  return path.relative(repository.rootUri.fsPath, uri.fsPath).split(path.sep).join('/');
}

/** The remote whose web pages to link: HEAD's upstream's remote, else `origin`, else the first. */
function linkRemote(repository: GitRepository): GitRemote | undefined {
  const remotes = repository.state.remotes;
  const wanted = repository.state.HEAD?.upstream?.remote;
  return remotes.find((r) => r.name === wanted) ?? remotes.find((r) => r.name === 'origin') ?? remotes[0];
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');
}

/**
 * The commit and permalink of lines of `document`, or undefined outside a repository or without a
 * commit. The file counts as changed when its text (unsaved edits included) differs from HEAD's.
 */
export async function snippetSource(
  document: vscode.TextDocument,
  lines: { startLine: number; endLine: number; wholeFile: boolean },
  log: { warn(message: string): void },
): Promise<SnippetSource | undefined> {
  try {
    const repository = await repositoryOf(document.uri);
    const commit = repository?.state.HEAD?.commit;
    if (!repository || !commit) {
      return undefined;
    }
    const repoPath = repositoryPath(repository, document.uri);
    const committed = await repository.show(commit, document.uri.fsPath).catch(() => undefined);
    const uncommitted = committed === undefined || !sameText(committed, document.getText());
    const remote = linkRemote(repository);
    const repo = remote ? parseRemoteUrl(remote.fetchUrl ?? remote.pushUrl ?? '') : undefined;
    // A file that is not in the commit has no page there.
    const url = repo && committed !== undefined ? permalink(repo, { commit, path: repoPath, ...lines }) : undefined;
    return { commit, uncommitted, ...(repo && url ? { permalink: { url, hostName: HOST_NAMES[repo.host] } } : {}) };
  } catch (error) {
    log.warn(`Git: no commit for the snippet: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** The file's diff against HEAD and HEAD's sha, or why there is none. */
export async function changesOf(uri: vscode.Uri): Promise<{ diff: string; commit: string; repoPath: string } | { reason: string }> {
  const repository = await repositoryOf(uri);
  const commit = repository?.state.HEAD?.commit;
  if (!repository || !commit) {
    return { reason: 'it is not in a git repository with a commit' };
  }
  return { diff: await repository.diffWithHEAD(uri.fsPath), commit, repoPath: repositoryPath(repository, uri) };
}

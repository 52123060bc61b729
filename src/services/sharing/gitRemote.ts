/**
 * Git remote URLs to the web page of a file at a commit (a permalink), for the hosts whose URL
 * shapes are documented: GitHub, GitLab, Bitbucket Cloud and Azure DevOps. Pure, unit-tested.
 *
 * Remote URLs come in the forms git documents (https://git-scm.com/docs/git-clone#_git_urls):
 * `https://host/owner/repo.git`, `ssh://[user@]host[:port]/owner/repo.git` and the scp-like
 * `user@host:owner/repo.git`. Whatever user name or password a remote URL carries (a token in
 * `https://x-access-token:…@github.com/…` is common) never reaches the permalink: it is rebuilt
 * from the host and the path only.
 */

export type GitHost = 'github' | 'gitlab' | 'bitbucket' | 'azure';

/** A repository on a known host, enough to build its web URLs. */
export type RemoteRepository =
  | {
      host: 'github' | 'gitlab' | 'bitbucket';
      /** `https://github.com`, `https://gitlab.example.com` (never with credentials). */
      web: string;
      /** `owner/repo`; GitLab groups may nest (`group/sub/repo`). */
      path: string;
    }
  | { host: 'azure'; web: string; organization: string; project: string; repository: string };

/** The shown name of each host ("on GitHub"). */
export const HOST_NAMES: Record<GitHost, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  bitbucket: 'Bitbucket',
  azure: 'Azure DevOps',
};

interface SplitUrl {
  hostname: string;
  /** Path without leading or trailing slashes and without `.git`. */
  path: string;
}

/** Host name and path of a remote URL in any of git's forms, or undefined. */
function splitRemote(raw: string): SplitUrl | undefined {
  const url = raw.trim();
  if (url === '' || /[\s\0]/.test(url)) {
    return undefined;
  }
  let hostname: string;
  let rest: string;
  const withScheme = /^(?:git\+)?(?:https?|ssh|git):\/\//i.exec(url);
  if (withScheme) {
    let parsed: URL;
    try {
      parsed = new URL(url.replace(/^git\+/i, ''));
    } catch {
      return undefined;
    }
    hostname = parsed.hostname;
    rest = decodeURIComponent(parsed.pathname);
  } else {
    // scp-like syntax: [user@]host:path (git-clone: "no slashes before the first colon").
    const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.+)$/.exec(url);
    if (!scp) {
      return undefined;
    }
    hostname = scp[1];
    rest = scp[2];
  }
  const path = rest
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/i, '')
    .replace(/\/+$/, '');
  if (hostname === '' || path === '' || path.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    return undefined;
  }
  return { hostname: hostname.toLowerCase(), path };
}

/**
 * Which known host a remote URL points to, or undefined (another host, a local path, garbage).
 * Self-hosted GitLab and GitHub Enterprise are recognised by a host name that starts with
 * `gitlab.` or `github.`; others cannot be told apart from their URL.
 */
export function parseRemoteUrl(raw: string): RemoteRepository | undefined {
  const split = splitRemote(raw);
  if (!split) {
    return undefined;
  }
  const { hostname, path } = split;
  const segments = path.split('/');
  // Azure DevOps: https://dev.azure.com/{org}/{project}/_git/{repo},
  // git@ssh.dev.azure.com:v3/{org}/{project}/{repo}, https://{org}.visualstudio.com/[DefaultCollection/]{project}/_git/{repo}
  // (https://learn.microsoft.com/azure/devops/repos/git/clone).
  if (hostname === 'dev.azure.com' && segments.length === 4 && segments[2] === '_git') {
    return azure(segments[0], segments[1], segments[3]);
  }
  if (hostname === 'ssh.dev.azure.com' && segments.length === 4 && segments[0] === 'v3') {
    return azure(segments[1], segments[2], segments[3]);
  }
  const vs = /^([a-z0-9-]+)\.visualstudio\.com$/.exec(hostname);
  if (vs) {
    const project = segments[0] === 'DefaultCollection' ? segments.slice(1) : segments;
    return project.length === 3 && project[1] === '_git' ? azure(vs[1], project[0], project[2]) : undefined;
  }
  const web = `https://${hostname}`;
  if ((hostname === 'github.com' || hostname.startsWith('github.')) && segments.length === 2) {
    return { host: 'github', web, path };
  }
  if (hostname === 'bitbucket.org' && segments.length === 2) {
    return { host: 'bitbucket', web, path };
  }
  if ((hostname === 'gitlab.com' || hostname.startsWith('gitlab.')) && segments.length >= 2) {
    return { host: 'gitlab', web, path };
  }
  return undefined;
}

function azure(organization: string, project: string, repository: string): RemoteRepository {
  return { host: 'azure', web: 'https://dev.azure.com', organization, project, repository };
}

export interface PermalinkTarget {
  /** Full commit sha (a permalink names a commit, never a branch). */
  commit: string;
  /** Path inside the repository, forward slashes. */
  path: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** The whole file: no line anchor. */
  wholeFile?: boolean;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The web page of `target` on `repo`, at its commit, with its lines marked. */
export function permalink(repo: RemoteRepository, target: PermalinkTarget): string | undefined {
  if (!/^[0-9a-f]{7,64}$/i.test(target.commit) || target.path === '' || target.startLine < 1 || target.endLine < target.startLine) {
    return undefined;
  }
  const file = encodePath(target.path);
  const single = target.startLine === target.endLine;
  switch (repo.host) {
    case 'github': {
      // https://docs.github.com/en/repositories/working-with-files/using-files/getting-permanent-links-to-files
      const anchor = target.wholeFile ? '' : single ? `#L${target.startLine}` : `#L${target.startLine}-L${target.endLine}`;
      return `${repo.web}/${encodePath(repo.path)}/blob/${target.commit}/${file}${anchor}`;
    }
    case 'gitlab': {
      // https://docs.gitlab.com/user/project/repository/files/#link-to-specific-lines (`#L7-12`)
      const anchor = target.wholeFile ? '' : single ? `#L${target.startLine}` : `#L${target.startLine}-${target.endLine}`;
      return `${repo.web}/${encodePath(repo.path)}/-/blob/${target.commit}/${file}${anchor}`;
    }
    case 'bitbucket': {
      // Bitbucket Cloud source view: /src/{commit}/{path}#lines-7:12
      const anchor = target.wholeFile ? '' : single ? `#lines-${target.startLine}` : `#lines-${target.startLine}:${target.endLine}`;
      return `${repo.web}/${encodePath(repo.path)}/src/${target.commit}/${file}${anchor}`;
    }
    case 'azure': {
      // Azure Repos file links: ?path=/{path}&version=GC{commit}&line=…&lineEnd=… (GC = a commit).
      const query = new URLSearchParams({ path: `/${target.path}`, version: `GC${target.commit}` });
      if (!target.wholeFile) {
        query.set('line', String(target.startLine));
        query.set('lineEnd', String(target.endLine + 1));
        query.set('lineStartColumn', '1');
        query.set('lineEndColumn', '1');
        query.set('lineStyle', 'plain');
      }
      query.set('_a', 'contents');
      const base = [repo.organization, repo.project, '_git', repo.repository].map(encodeURIComponent).join('/');
      return `${repo.web}/${base}?${query.toString()}`;
    }
  }
}

import * as assert from 'node:assert/strict';
import { parseRemoteUrl, permalink, type PermalinkTarget, type RemoteRepository } from '../../../../src/services/sharing/gitRemote';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const lines: PermalinkTarget = { commit: SHA, path: 'src/a b/(x).ts', startLine: 7, endLine: 12 };

function link(remote: string, target = lines): string | undefined {
  const repo = parseRemoteUrl(remote);
  assert.ok(repo, `${remote} is a known host`);
  return permalink(repo, target);
}

describe('git remote URLs and permalinks', () => {
  it('reads GitHub remotes in https, scp-like ssh and ssh:// form alike', () => {
    const expected: RemoteRepository = { host: 'github', web: 'https://github.com', path: 'o/r' };
    for (const url of [
      'https://github.com/o/r.git',
      'https://github.com/o/r',
      'https://github.com/o/r/',
      'git@github.com:o/r.git',
      'ssh://git@github.com/o/r.git',
      'ssh://git@github.com:22/o/r.git',
      'git+ssh://git@github.com/o/r.git',
      'git://github.com/o/r.git',
    ]) {
      assert.deepEqual(parseRemoteUrl(url), expected, url);
    }
  });

  it('never puts the credentials of a remote URL into the permalink', () => {
    const url = link('https://x-access-token:ghp_SECRET123@github.com/acme/widgets.git');
    assert.equal(url, `https://github.com/acme/widgets/blob/${SHA}/src/a%20b/(x).ts#L7-L12`);
    assert.ok(!url?.includes('SECRET') && !url.includes('x-access-token'));
    assert.ok(!link('https://user:pw@gitlab.com/g/r.git')?.includes('pw'));
  });

  it('builds a GitHub permalink to a line, to lines, and to a whole file', () => {
    assert.equal(link('git@github.com:acme/widgets.git', { ...lines, path: 'src/app.ts' }), `https://github.com/acme/widgets/blob/${SHA}/src/app.ts#L7-L12`);
    assert.equal(link('git@github.com:acme/widgets.git', { ...lines, path: 'a.ts', endLine: 7 }), `https://github.com/acme/widgets/blob/${SHA}/a.ts#L7`);
    assert.equal(link('git@github.com:acme/widgets.git', { ...lines, path: 'a.ts', startLine: 1, endLine: 40, wholeFile: true }), `https://github.com/acme/widgets/blob/${SHA}/a.ts`);
  });

  it('builds GitLab permalinks, nested groups and self-hosted included', () => {
    assert.equal(link('git@gitlab.com:group/sub/repo.git', { ...lines, path: 'x.py' }), `https://gitlab.com/group/sub/repo/-/blob/${SHA}/x.py#L7-12`);
    assert.equal(link('ssh://git@gitlab.example.com/g/r.git', { ...lines, path: 'x.py' }), `https://gitlab.example.com/g/r/-/blob/${SHA}/x.py#L7-12`);
  });

  it('builds Bitbucket permalinks', () => {
    assert.equal(link('git@bitbucket.org:team/repo.git', { ...lines, path: 'x.go' }), `https://bitbucket.org/team/repo/src/${SHA}/x.go#lines-7:12`);
    assert.equal(link('https://me@bitbucket.org/team/repo.git', { ...lines, path: 'x.go', endLine: 7 }), `https://bitbucket.org/team/repo/src/${SHA}/x.go#lines-7`);
  });

  it('reads Azure DevOps remotes in their https, ssh and visualstudio.com forms', () => {
    const expected: RemoteRepository = { host: 'azure', web: 'https://dev.azure.com', organization: 'org', project: 'proj', repository: 'repo' };
    for (const url of [
      'https://dev.azure.com/org/proj/_git/repo',
      'https://org@dev.azure.com/org/proj/_git/repo',
      'git@ssh.dev.azure.com:v3/org/proj/repo',
      'ssh://git@ssh.dev.azure.com/v3/org/proj/repo',
      'https://org.visualstudio.com/proj/_git/repo',
      'https://org.visualstudio.com/DefaultCollection/proj/_git/repo',
    ]) {
      assert.deepEqual(parseRemoteUrl(url), expected, url);
    }
    const url = new URL(link('git@ssh.dev.azure.com:v3/org/proj/repo', { ...lines, path: 'src/a.ts' }) ?? '');
    assert.equal(url.origin + url.pathname, 'https://dev.azure.com/org/proj/_git/repo');
    assert.equal(url.searchParams.get('path'), '/src/a.ts');
    assert.equal(url.searchParams.get('version'), `GC${SHA}`);
    assert.equal(url.searchParams.get('line'), '7');
    assert.equal(url.searchParams.get('lineEnd'), '13');
  });

  it('knows no other hosts, local paths or garbage, and no permalink without a commit sha', () => {
    for (const url of ['', '/srv/git/r.git', 'file:///srv/r.git', '../r', 'https://example.com/o/r.git', 'git@github.com:', 'https://github.com/o', 'https://github.com/o/../r', 'a b']) {
      assert.equal(parseRemoteUrl(url), undefined, url);
    }
    const repo = parseRemoteUrl('git@github.com:o/r.git');
    assert.ok(repo);
    assert.equal(permalink(repo, { ...lines, commit: 'main' }), undefined);
    assert.equal(permalink(repo, { ...lines, startLine: 9, endLine: 3 }), undefined);
  });
});

import * as assert from 'node:assert/strict';
import { FileDetailsCache, type FileDetails } from '../../../../src/services/conversation/fileDetails';
import type { WebexClient } from '../../../../src/webex/client';
import { SMALL, requestsTo, roomIdByTitle, useLocalWebex } from '../../webex/harness';

/** File names learned with HEAD through the real client, against the local Webex over loopback. */
describe('file details of shown messages (local Webex)', () => {
  const local = useLocalWebex();

  async function upload(client: WebexClient, title: string, names: string[]): Promise<string[]> {
    const roomId = await roomIdByTitle(client, title);
    const urls: string[] = [];
    for (const filename of names) {
      const sent = await client.messages.create({ roomId, file: { data: new TextEncoder().encode(`${filename}\n`), filename } });
      urls.push(sent.files?.[0] ?? '');
    }
    return urls;
  }

  function cacheFor(client: WebexClient, options: { concurrency?: number; limit?: number } = {}) {
    const resolved: Array<[string, FileDetails]> = [];
    let active = 0;
    let maxActive = 0;
    const cache = new FileDetailsCache({
      ...options,
      lookup: async (url, signal) => {
        active++;
        maxActive = Math.max(maxActive, active);
        try {
          const info = await client.messages.fileInfo(url, { signal });
          return { name: info.filename, contentType: info.contentType, size: info.size };
        } finally {
          active--;
        }
      },
      onResolved: (url, details) => resolved.push([url, details]),
    });
    return { cache, resolved, maxActive: () => maxActive };
  }

  it('asks once per URL, a few at a time, and reports each name as it arrives', async () => {
    const { client } = local.client();
    const urls = await upload(client, SMALL.rooms.notes, ['a.txt', 'b.md', 'c.csv', 'd.png', 'e.pdf']);
    // A file of a space Ada is not in: Webex answers 404, and the file keeps its generic name.
    const grace = local.client({ token: SMALL.grace.token }).client;
    const [hidden] = await upload(grace, SMALL.rooms.secret, ['secret.txt']);
    local.webex.clearRequests();
    local.webex.faults.add({ match: { method: 'HEAD' }, kind: 'delay', delayMs: 50, times: 6 });
    const { cache, resolved, maxActive } = cacheFor(client, { concurrency: 2 });

    cache.want([...urls, hidden]);
    cache.want(urls);
    assert.equal(cache.get(urls[0]), undefined, 'nothing is known before the answers come');
    await cache.idle();

    assert.equal(maxActive(), 2, 'never more than two HEADs at once');
    const heads = requestsTo(local.webex, 'HEAD', /^\/contents\//);
    assert.equal(heads.length, 6, 'one HEAD per file, though asked twice');
    assert.deepEqual(
      resolved.map(([url, d]) => [urls.indexOf(url), d.name]).sort(),
      [
        [-1, undefined],
        [0, 'a.txt'],
        [1, 'b.md'],
        [2, 'c.csv'],
        [3, 'd.png'],
        [4, 'e.pdf'],
      ],
    );
    assert.deepEqual(cache.get(urls[2]), { name: 'c.csv', contentType: 'text/csv', size: 'c.csv\n'.length });
    assert.deepEqual(cache.get(hidden), {}, 'a refused file is remembered as unknown, not asked again');
    cache.want([...urls, hidden]);
    await cache.idle();
    assert.equal(requestsTo(local.webex, 'HEAD', /^\/contents\//).length, 6, 'answers are cached');
  });

  it('reports nothing after dispose and forgets the oldest URLs beyond its limit', async () => {
    const { client } = local.client();
    const urls = await upload(client, SMALL.rooms.notes, ['one.txt', 'two.txt', 'three.txt']);
    local.webex.faults.add({ match: { method: 'HEAD' }, kind: 'delay', delayMs: 200, times: 3 });
    const stopped = cacheFor(client);
    stopped.cache.want(urls);
    stopped.cache.dispose();
    await stopped.cache.idle();
    assert.deepEqual(stopped.resolved, []);
    assert.equal(stopped.cache.get(urls[0]), undefined);

    const small = cacheFor(client, { limit: 2 });
    small.cache.want(urls);
    await small.cache.idle();
    assert.equal(small.resolved.length, 3);
    assert.equal([...urls].filter((u) => small.cache.get(u) !== undefined).length, 2);
  });
});

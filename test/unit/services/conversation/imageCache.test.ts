import * as assert from 'node:assert/strict';
import { ImageCache } from '../../../../src/services/conversation/imageCache';
import { isInlineImageType, sniffImage } from '../../../../src/services/conversation/imageSniff';
import type { WebexClient } from '../../../../src/webex/client';
import { redPng as tinyPng } from '../../../kit/pictures';
import { SMALL, requestsTo, roomIdByTitle, useLocalWebex } from '../../webex/harness';

describe('image magic numbers', () => {
  it('tells PNG, JPEG, GIF and WebP by their bytes, and nothing else', () => {
    assert.equal(sniffImage(tinyPng()), 'image/png');
    assert.equal(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'image/jpeg');
    assert.equal(sniffImage(new TextEncoder().encode('GIF89a\x01\x00')), 'image/gif');
    assert.equal(sniffImage(new TextEncoder().encode('GIF87a')), 'image/gif');
    assert.equal(sniffImage(new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 ')), 'image/webp');
    assert.equal(sniffImage(new TextEncoder().encode('RIFF\x10\x00\x00\x00WAVEfmt ')), undefined, 'a WAV is RIFF but not WebP');
    assert.equal(sniffImage(new TextEncoder().encode('<html><script>alert(1)</script>')), undefined);
    assert.equal(sniffImage(new Uint8Array()), undefined);
    assert.equal(sniffImage(Uint8Array.from([0x89, 0x50, 0x4e])), undefined, 'a truncated signature');
  });

  it('tries only the inline picture types Webex names', () => {
    assert.ok(isInlineImageType('image/png'));
    assert.ok(isInlineImageType('IMAGE/JPEG; charset=binary'));
    assert.ok(isInlineImageType('image/webp'));
    assert.ok(!isInlineImageType('image/svg+xml'), 'SVG is a document, not a picture');
    assert.ok(!isInlineImageType('text/html'));
    assert.ok(!isInlineImageType(undefined));
  });
});

/** The image cache over the real client against the local Webex (GET /contents over loopback). */
describe('image cache of shown messages (local Webex)', () => {
  const local = useLocalWebex();

  async function upload(client: WebexClient, files: Array<[string, Uint8Array]>): Promise<string[]> {
    const roomId = await roomIdByTitle(client, SMALL.rooms.notes);
    const urls: string[] = [];
    for (const [filename, data] of files) {
      const sent = await client.messages.create({ roomId, file: { data, filename } });
      urls.push(sent.files?.[0] ?? '');
    }
    return urls;
  }

  function cacheFor(client: WebexClient, options: { concurrency?: number; maxBytes?: number; keepBytes?: number } = {}): ImageCache {
    return new ImageCache({
      concurrency: options.concurrency,
      keepBytes: options.keepBytes,
      maxBytes: () => options.maxBytes ?? 1024 * 1024,
      fetch: async (url, signal) => (await client.messages.download(url, { signal })).data,
    });
  }

  it('downloads each URL once, at most two at a time, and shows only real pictures', async () => {
    const { client } = local.client();
    const png = tinyPng();
    const urls = await upload(client, [
      ['one.png', png],
      ['two.png', png],
      ['three.png', png],
      ['four.png', png],
      // HTML claimed as PNG (the local Webex types files by their name, as a lying client would).
      ['evil.png', new TextEncoder().encode('<html><img src=x onerror=alert(1)></html>')],
      // PNG bytes named as a GIF: shown as the PNG they are.
      ['liar.gif', png],
    ]);
    local.webex.clearRequests();
    local.webex.faults.add({ match: { method: 'GET', path: '^/contents/' }, kind: 'delay', delayMs: 40, times: 6 });
    const cache = cacheFor(client, { concurrency: 2 });

    const results = await Promise.all([...urls, ...urls].map((url) => cache.load(url)));

    assert.equal(cache.peakConcurrency, 2, 'never more than two downloads at once');
    assert.equal(requestsTo(local.webex, 'GET', /^\/contents\//).length, 6, 'one download per URL, though asked twice');
    assert.deepEqual(results.slice(0, 6).map((r) => (r.kind === 'image' ? r.type : r.kind)), ['image/png', 'image/png', 'image/png', 'image/png', 'broken', 'image/png']);
    const first = results[0];
    assert.ok(first.kind === 'image' && Buffer.from(first.data).equals(Buffer.from(png)), 'the bytes Webex stored');
    await cache.load(urls[0]);
    assert.equal(requestsTo(local.webex, 'GET', /^\/contents\//).length, 6, 'cached within the session');
    cache.dispose();
  });

  it('refuses files over the cap before or after the download, and tries a failed one again', async () => {
    const { client } = local.client();
    const png = tinyPng();
    const [url] = await upload(client, [['big.png', png]]);
    const cache = cacheFor(client, { maxBytes: png.length - 1 });
    local.webex.clearRequests();

    assert.deepEqual(await cache.load(url, png.length), { kind: 'tooLarge', size: png.length });
    assert.equal(requestsTo(local.webex, 'GET', /^\/contents\//).length, 0, 'a known size needs no download');
    assert.deepEqual(await cache.load(url), { kind: 'tooLarge', size: png.length }, 'an unknown size is checked by length');

    const ok = cacheFor(client);
    local.webex.faults.add({ match: { method: 'GET', path: '^/contents/' }, kind: 'status', status: 503, times: 10 });
    const failed = await ok.load(url);
    assert.equal(failed.kind, 'broken');
    local.webex.faults.clear();
    assert.equal((await ok.load(url)).kind, 'image', 'a failed download is not remembered');
  });

  it('forgets the oldest pictures beyond the bytes it keeps', async () => {
    const { client } = local.client();
    const png = tinyPng();
    const urls = await upload(client, [['a.png', png], ['b.png', png], ['c.png', png]]);
    const cache = cacheFor(client, { keepBytes: png.length * 2 });
    for (const url of urls) {
      await cache.load(url);
    }
    local.webex.clearRequests();
    await cache.load(urls[2]);
    await cache.load(urls[1]);
    assert.equal(requestsTo(local.webex, 'GET', /^\/contents\//).length, 0, 'the newest two are kept');
    await cache.load(urls[0]);
    assert.equal(requestsTo(local.webex, 'GET', /^\/contents\//).length, 1, 'the oldest was forgotten');
  });
});

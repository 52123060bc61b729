// Pure parsers of the client: no HTTP needed to show they read real-world headers and ids correctly.
import * as assert from 'node:assert/strict';
import { decodeWebexId, encodeWebexId } from '../../../src/webex/ids';
import { findLink, parseLinkHeader } from '../../../src/webex/linkHeader';
import { fixNextUrl } from '../../../src/webex/pagination';
import { filenameFromDisposition } from '../../../src/webex/responses';
import { backoffMs, parseRetryAfter, rateLimitWaitSeconds } from '../../../src/webex/retry';
import { MAX_MESSAGE_BYTES, isValidEmail, utf8ByteLength } from '../../../src/webex/validation';
import { escapeHtml, isRecord } from '../../../src/webex/text';

describe('webex parsers', () => {
  describe('Link header (RFC 8288)', () => {
    it('finds rel="next" among several links, whatever their order', () => {
      const header =
        '<https://webexapis.com/v1/rooms?max=1&after=A>; rel="first", ' +
        '<https://webexapis.com/v1/rooms?max=1&after=B>; rel="next", ' +
        '<https://webexapis.com/v1/rooms?max=1&after=Z>; rel="last"';
      assert.equal(findLink(header, 'next'), 'https://webexapis.com/v1/rooms?max=1&after=B');
      assert.equal(findLink(header, 'prev'), undefined);
    });

    it('reads bare and quoted values, commas and escaped quotes inside quotes, several rel types, any case', () => {
      const header = '<a?x=1>; title="one, \\"two\\""; rel="prev first", <b?y=2> ;REL=Next;type=text/html';
      const links = parseLinkHeader(header);
      assert.equal(links.length, 2);
      assert.deepEqual(links[0].rel, ['prev', 'first']);
      assert.equal(links[0].params.title, 'one, "two"');
      assert.deepEqual(links[1].rel, ['next']);
      assert.equal(links[1].params.type, 'text/html');
      assert.equal(findLink(header, 'next'), 'b?y=2');
    });

    it('keeps the first rel and skips garbage between links', () => {
      const header = 'garbage, <c>; rel=prev; rel=next, <d>; rel=next';
      assert.equal(findLink(header, 'next'), 'd');
      assert.equal(findLink('', 'next'), undefined);
      assert.equal(findLink(null, 'next'), undefined);
    });
  });

  describe('next-link repair (WebexPythonSDK _fix_next_url)', () => {
    const first = new URL('https://webexapis.com/v1/messages?roomId=R&mentionedPeople=me&max=10&parentId=P');

    it('strips max=null and restores max, re-adds dropped parameters, keeps the cursor', () => {
      const next = new URL('https://webexapis.com/v1/messages?roomId=R&max=null&after=CUR');
      const fixed = fixNextUrl(next, first);
      assert.equal(fixed.searchParams.get('max'), '10');
      assert.equal(fixed.searchParams.get('mentionedPeople'), 'me');
      assert.equal(fixed.searchParams.get('parentId'), 'P');
      assert.equal(fixed.searchParams.get('after'), 'CUR');
      assert.equal(fixed.searchParams.getAll('max').length, 1);
    });

    it('drops max=null when the first request had no max, and keeps values the link does carry', () => {
      const fixed = fixNextUrl(
        new URL('https://webexapis.com/v1/messages?roomId=R2&max=null&before'),
        new URL('https://webexapis.com/v1/messages?roomId=R&before=2024-01-01T00:00:00.000Z'),
      );
      assert.equal(fixed.searchParams.get('max'), null);
      assert.equal(fixed.searchParams.get('roomId'), 'R2');
      assert.equal(fixed.searchParams.get('before'), '2024-01-01T00:00:00.000Z');
    });
  });

  describe('Retry-After', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    it('reads delta-seconds and HTTP-dates, rejects the rest', () => {
      assert.equal(parseRetryAfter('7', now), 7);
      assert.equal(parseRetryAfter(' 0 ', now), 0);
      assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now), 30);
      assert.equal(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now), 0);
      assert.equal(parseRetryAfter('soon', now), undefined);
      assert.equal(parseRetryAfter('1.5', now), undefined);
      assert.equal(parseRetryAfter('-3', now), undefined);
      assert.equal(parseRetryAfter(null, now), undefined);
    });

    it('defaults to 15 s, waits at least 1 s and at most the cap', () => {
      assert.equal(rateLimitWaitSeconds(undefined, 60), 15);
      assert.equal(rateLimitWaitSeconds(0, 60), 1);
      assert.equal(rateLimitWaitSeconds(3600, 60), 60);
      assert.equal(rateLimitWaitSeconds(5, 60), 5);
    });

    it('backs off with full jitter under a doubling ceiling', () => {
      assert.equal(backoffMs(0, () => 0.999), 499);
      assert.equal(backoffMs(2, () => 0.5), 1000);
      assert.equal(backoffMs(10, () => 0.5), 4000);
      assert.equal(backoffMs(3, () => 0), 0);
    });
  });

  describe('Content-Disposition', () => {
    it('prefers filename* (UTF-8), falls back to filename, removes directories', () => {
      assert.equal(filenameFromDisposition(`attachment; filename="r_sum_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`), 'résumé.pdf');
      assert.equal(filenameFromDisposition('attachment; filename="a \\"b\\".txt"'), 'a "b".txt');
      assert.equal(filenameFromDisposition('attachment; filename=plain.txt'), 'plain.txt');
      assert.equal(filenameFromDisposition('attachment; filename="../../etc/passwd"'), 'passwd');
      assert.equal(filenameFromDisposition('inline'), undefined);
      assert.equal(filenameFromDisposition(null), undefined);
    });
  });

  describe('Webex ids', () => {
    it('decodes the API example room id and round-trips', () => {
      const id = 'Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0';
      assert.deepEqual(decodeWebexId(id), { cluster: 'us', type: 'ROOM', uuid: 'bbceb1ad-43f1-3b58-9147-f14bb0c4d154' });
      const membership = encodeWebexId('MEMBERSHIP', 'a-b:c-d', 'urn:TEAM:eu-central-1_k');
      assert.deepEqual(decodeWebexId(membership), { cluster: 'urn:TEAM:eu-central-1_k', type: 'MEMBERSHIP', uuid: 'a-b:c-d' });
      assert.ok(!membership.includes('='));
    });

    it('answers undefined for things that are not Webex ids', () => {
      assert.equal(decodeWebexId(''), undefined);
      assert.equal(decodeWebexId('not an id!'), undefined);
      assert.equal(decodeWebexId(Buffer.from('https://example.com/ROOM/x').toString('base64url')), undefined);
      assert.equal(decodeWebexId(Buffer.from('ciscospark://us/room/x').toString('base64url')), undefined);
    });
  });

  describe('validation helpers', () => {
    it('counts UTF-8 bytes, not characters', () => {
      assert.equal(utf8ByteLength('é'), 2);
      assert.equal(utf8ByteLength('€'), 3);
      assert.equal(utf8ByteLength('😀'), 4);
      assert.equal(MAX_MESSAGE_BYTES, 7439);
    });

    it('counts a lone surrogate as the 3-byte replacement it is encoded as, and long text exactly', () => {
      assert.equal(utf8ByteLength('\ud83d'), 3);
      assert.equal(utf8ByteLength('a\ud83db'), 5);
      assert.equal(utf8ByteLength('é'.repeat(3719) + 'a'), 7439);
      assert.equal(utf8ByteLength(''), 0);
    });

    it('escapes hostile text for HTML content and attributes', () => {
      assert.equal(escapeHtml('<img src=x onerror="a()">'), '&#60;img src=x onerror=&#34;a()&#34;&#62;');
      assert.equal(escapeHtml(`Tom & 'Jerry'`), 'Tom &#38; &#39;Jerry&#39;');
      assert.equal(escapeHtml('plain text, ünïcode'), 'plain text, ünïcode');
    });

    it('tells plain objects from arrays, null and other values', () => {
      assert.equal(isRecord({}), true);
      assert.equal(isRecord({ a: 1 }), true);
      assert.equal(isRecord([]), false);
      assert.equal(isRecord(null), false);
      assert.equal(isRecord('x'), false);
      assert.equal(isRecord(undefined), false);
    });

    it('accepts addresses and rejects display names and typos', () => {
      assert.ok(isValidEmail('alice@example.com'));
      assert.ok(isValidEmail('a.b+tag@sub.example.co'));
      for (const bad of ['alice', 'alice@', '@example.com', 'alice@example', 'Alice <alice@example.com>', 'a b@example.com', 'a@@b.com', 'a@b..com']) {
        assert.ok(!isValidEmail(bad), bad);
      }
    });
  });
});

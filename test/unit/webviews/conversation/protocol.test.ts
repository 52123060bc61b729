// The conversation page's protocol: one table of schemas from which the host's checks of what the
// page posts come (the page is untrusted), and the page's check of each answer.
import * as assert from 'node:assert/strict';
import { parsePageMessage, parseResult, REQUESTS } from '../../../../src/webviews/conversation/protocol';
import { array, integer, literal, object, optional, string } from '../../../../src/webviews/shared/schema';

describe('page protocol (typed RPC table)', () => {
  it('accepts each request of the table with its params and keeps only the declared fields', () => {
    const parsed = parsePageMessage({
      type: 'request',
      requestId: 7,
      method: 'send',
      params: { localId: 'l1', markdown: 'hi', parentId: 'p1', extra: 'dropped' },
      alsoDropped: true,
    });
    assert.deepEqual(parsed, { type: 'request', requestId: 7, method: 'send', params: { localId: 'l1', markdown: 'hi', parentId: 'p1' } });
    assert.deepEqual(parsePageMessage({ type: 'request', requestId: 1, method: 'loadOlder', params: {} }), {
      type: 'request',
      requestId: 1,
      method: 'loadOlder',
      params: {},
    });
  });

  it('refuses unknown methods, wrong params, missing ids and inherited names', () => {
    const bad: unknown[] = [
      null,
      'ready',
      { type: 'request', requestId: 1, method: 'nope', params: {} },
      { type: 'request', requestId: 1, method: 'toString', params: {} },
      { type: 'request', requestId: 1, method: '__proto__', params: {} },
      { type: 'request', requestId: 1.5, method: 'loadOlder', params: {} },
      { type: 'request', method: 'loadOlder', params: {} },
      { type: 'request', requestId: 1, method: 'edit', params: { messageId: 5, markdown: 'x' } },
      { type: 'request', requestId: 1, method: 'download', params: { messageId: 'm', index: 0.5 } },
      { type: 'request', requestId: 1, method: 'retry', params: { localId: 'l', checked: 'yes' } },
      { type: 'request', requestId: 1, method: 'send', params: [] },
      { type: 'openLink' },
      { type: 'draft', draft: { text: 3 } },
      { type: 'constructor' },
    ];
    for (const value of bad) {
      assert.equal(parsePageMessage(value), undefined, JSON.stringify(value));
    }
  });

  it('parses the notifications and drops what they do not declare', () => {
    assert.deepEqual(parsePageMessage({ type: 'ready', x: 1 }), { type: 'ready' });
    assert.deepEqual(parsePageMessage({ type: 'openLink', href: 'https://x.example' }), { type: 'openLink', href: 'https://x.example' });
    assert.deepEqual(parsePageMessage({ type: 'draft', draft: { text: 'half', parentId: 'p', junk: 1 } }), {
      type: 'draft',
      draft: { text: 'half', parentId: 'p' },
    });
  });

  it('checks an answer against its request\'s result schema on the page', () => {
    assert.deepEqual(parseResult('loadOlder', { added: 3, hasOlder: false }), { ok: true, value: { added: 3, hasOlder: false } });
    assert.equal(parseResult('send', { queued: false }).ok, false);
    assert.equal(parseResult('delete', {}).ok, false);
    assert.ok(Object.keys(REQUESTS).length >= 7);
  });

  it('schemas say where a value failed', () => {
    const schema = object({ items: array(object({ n: integer, state: literal('a', 'b'), note: optional(string) })) });
    const parsed = schema.parse({ items: [{ n: 1, state: 'a' }, { n: 2, state: 'c' }] });
    assert.deepEqual(parsed, { ok: false, error: 'items[1].state: expected "a" or "b"' });
    assert.deepEqual(schema.parse({ items: [{ n: 1, state: 'b', note: 'x' }] }), { ok: true, value: { items: [{ n: 1, state: 'b', note: 'x' }] } });
  });
});

// The snippet link's request: only a message id crosses from the page, and the host's answer is
// one of the outcomes it can report.
import * as assert from 'node:assert/strict';
import { parsePageMessage, parseResult } from '../../../../src/webviews/conversation/protocol';

describe('page protocol: openSnippet', () => {
  it('carries only the message id, whatever else the page sends', () => {
    const parsed = parsePageMessage({ type: 'request', requestId: 3, method: 'openSnippet', params: { messageId: 'm1', path: '/etc/passwd', code: 'x' } });
    assert.deepEqual(parsed, { type: 'request', requestId: 3, method: 'openSnippet', params: { messageId: 'm1' } });
    assert.equal(parsePageMessage({ type: 'request', requestId: 3, method: 'openSnippet', params: { path: 'src/a.ts' } }), undefined);
    assert.equal(parsePageMessage({ type: 'request', requestId: 3, method: 'openSnippet', params: { messageId: 7 } }), undefined);
  });

  it('accepts only the outcomes the host reports', () => {
    for (const outcome of ['opened', 'moved', 'changed', 'outside', 'refused']) {
      assert.deepEqual(parseResult('openSnippet', { outcome }), { ok: true, value: { outcome } });
    }
    assert.equal(parseResult('openSnippet', { outcome: 'ran' }).ok, false);
  });
});

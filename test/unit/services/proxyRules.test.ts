import * as assert from 'node:assert/strict';
import { shouldUseProxy } from '../../../src/services/proxyRules';

describe('proxy rules', () => {
  it('proxies the Webex clouds', () => {
    assert.equal(shouldUseProxy('https://webexapis.com/v1', []), true);
    assert.equal(shouldUseProxy('https://api-usgov.webex.com/v1', []), true);
  });

  it('never proxies loopback (a local Webex)', () => {
    assert.equal(shouldUseProxy('http://127.0.0.1:4321/v1', []), false);
    assert.equal(shouldUseProxy('http://localhost:4321/v1', []), false);
    assert.equal(shouldUseProxy('http://[::1]:4321/v1', []), false);
  });

  it('honours http.noProxy / NO_PROXY entries', () => {
    assert.equal(shouldUseProxy('https://webexapis.com/v1', ['webexapis.com']), false);
    assert.equal(shouldUseProxy('https://api.webexapis.com/v1', ['.webexapis.com']), false);
    assert.equal(shouldUseProxy('https://api.webexapis.com/v1', ['*.webexapis.com']), false);
    assert.equal(shouldUseProxy('https://notwebexapis.com/v1', ['webexapis.com']), true);
    assert.equal(shouldUseProxy('https://webexapis.com/v1', ['webexapis.com:8443']), true);
    assert.equal(shouldUseProxy('https://webexapis.com/v1', ['webexapis.com:443']), false);
    assert.equal(shouldUseProxy('https://webexapis.com/v1', ['*']), false);
    assert.equal(shouldUseProxy('https://webexapis.com/v1', ['', '  ']), true);
  });

  it('does not proxy what it cannot parse', () => {
    assert.equal(shouldUseProxy('not a url', []), false);
  });
});

import * as assert from 'node:assert/strict';
import { fileIcon, formatBytes } from '../../../../src/webviews/conversation/page/format';

describe('files on the conversation page', () => {
  it('shows sizes as people read them', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(812), '812 B');
    assert.equal(formatBytes(1024), '1 KB');
    assert.equal(formatBytes(4300), '4.2 KB');
    assert.equal(formatBytes(13 * 1024 * 1024 + 1), '13 MB');
    assert.equal(formatBytes(100 * 1024 ** 3), '100 GB');
  });

  it('picks the icon from the type Webex gave, else from the name', () => {
    assert.equal(fileIcon('shot', 'image/png'), 'file-media');
    assert.equal(fileIcon('report.PDF'), 'file-pdf');
    assert.equal(fileIcon('logs.tar.gz', 'application/gzip'), 'file-zip');
    assert.equal(fileIcon('RateLimiter.ts', 'application/octet-stream'), 'file-code');
    assert.equal(fileIcon('gateway-design.md', 'text/markdown; charset=utf-8'), 'file-text');
    assert.equal(fileIcon('Attachment 1'), 'file');
  });
});

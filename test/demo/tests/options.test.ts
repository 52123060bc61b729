// The command line of `npm start` (test/demo/options.ts).
import * as assert from 'node:assert/strict';
import { parseDemoOptions } from '../options';

describe('npm start options', () => {
  it('defaults to the local Webex, a free port, code-server and the development folder', () => {
    assert.deepEqual(parseDemoOptions([]), { port: 0, desktop: false, vsix: false, help: false });
  });

  it('reads --api, --port, --desktop, --vsix and --help, with a value after a space or =', () => {
    assert.deepEqual(parseDemoOptions(['--api', 'https://webexapis.com/v1/', '--port=8080', '--desktop', '--vsix', '--help']), {
      api: 'https://webexapis.com/v1',
      port: 8080,
      desktop: true,
      vsix: true,
      help: true,
    });
    assert.equal(parseDemoOptions(['--api=https://api-usgov.webex.com/v1']).api, 'https://api-usgov.webex.com/v1');
    assert.equal(parseDemoOptions(['--api', 'local']).api, undefined);
  });

  it('refuses what it cannot use, with a message that names the option', () => {
    assert.throws(() => parseDemoOptions(['--api']), /--api needs a value/);
    assert.throws(() => parseDemoOptions(['--api', 'webexapis.com']), /--api must be a URL/);
    assert.throws(() => parseDemoOptions(['--api', 'ftp://webexapis.com/v1']), /http\(s\) URL/);
    assert.throws(() => parseDemoOptions(['--api', 'https://user:secret@webexapis.com/v1']), /must not carry credentials/);
    assert.throws(() => parseDemoOptions(['--port', '70000']), /--port must be a number from 0 to 65535/);
    assert.throws(() => parseDemoOptions(['--port', '80a']), /--port must be a number/);
    assert.throws(() => parseDemoOptions(['--port', '-1']), /--port must be a number/);
    assert.throws(() => parseDemoOptions(['--open']), /Unknown option --open/);
  });
});

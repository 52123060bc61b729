// Smoke test of the test runner itself and of the extension's manifest, inside a real VS Code.
// Runs first (index.ts), so "not active yet" is observed before any other test activates it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'webex-vscode.webex-vscode';

/** The public commands: users bind keys to them and tests drive them, so their ids stay stable. */
const DESIGN_COMMANDS = [
  'webex.signIn',
  'webex.signOut',
  'webex.refresh',
  'webex.createSpace',
  'webex.createTeam',
  'webex.openSpace',
  'webex.postMessage',
  'webex.sendSelection',
  'webex.sendFile',
  'webex.addMember',
  'webex.removeMember',
  'webex.directMessage',
];

interface Manifest {
  activationEvents?: string[];
  contributes?: { commands?: Array<{ command: string }> };
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded in this VS Code`);
  return ext;
}

describe('Extension activation', () => {
  it('is present and not active before anything asks for it', () => {
    const ext = extension();
    assert.equal(ext.isActive, false, 'activated at startup: the extension activates on demand');
    // The runner says what is under test: the development folder, or the VSIX it installed.
    if (process.env.WEBEX_TEST_FROM_VSIX === '1') {
      const manifest = ext.packageJSON as Manifest & { version: string };
      assert.equal(path.basename(ext.extensionPath), `${EXTENSION_ID}-${manifest.version}`, 'not the installed VSIX');
    } else if (process.env.WEBEX_TEST_DEVELOPMENT_PATH !== undefined) {
      assert.equal(ext.extensionPath, process.env.WEBEX_TEST_DEVELOPMENT_PATH, 'not the development folder');
    }
    const events = (ext.packageJSON as Manifest).activationEvents ?? [];
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), `eager activation events: ${events.join(', ')}`);
  });

  it('activates on a command and registers every public command', async () => {
    // Contributed commands activate the extension on use (implicit onCommand activation events).
    await vscode.commands.executeCommand('webex.refresh');
    assert.equal(extension().isActive, true);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = DESIGN_COMMANDS.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], 'public commands that activate() did not register');
    const contributed = ((extension().packageJSON as Manifest).contributes?.commands ?? []).map((c) => c.command);
    const dead = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(dead, [], 'commands in package.json that no code registers (the palette would fail)');
  });

  it('reads webex.apiBaseUrl from the user settings: the local Webex', () => {
    const origin = process.env.WEBEX_TEST_SANDBOX_ORIGIN;
    assert.ok(origin, 'the runner sets WEBEX_TEST_SANDBOX_ORIGIN to the local Webex it started');
    const inspected = vscode.workspace.getConfiguration('webex').inspect<string>('apiBaseUrl');
    assert.equal(inspected?.globalValue, `${origin}/v1`);
    assert.equal(vscode.workspace.getConfiguration('webex').get<string>('apiBaseUrl'), `${origin}/v1`);
  });

  it('reaches the local Webex over loopback from the extension host', async () => {
    const origin = process.env.WEBEX_TEST_SANDBOX_ORIGIN;
    assert.ok(origin, 'WEBEX_TEST_SANDBOX_ORIGIN is set');
    // No token: the real service answers 401 (every operation of the Webex messaging API needs a bearer token).
    const response = await fetch(`${origin}/v1/people/me`);
    assert.equal(response.status, 401);
  });
});

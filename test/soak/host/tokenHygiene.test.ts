/**
 * Token hygiene, seen from inside the extension host after the soak and the corpus: the token is in
 * none of the extension's state (globalState, workspaceState), its storage folders, its log folder
 * (the "Webex" output channel's file), the Webex settings, or the HTML and messages of the
 * conversation tabs. The runner then searches every file of the whole VS Code profile and the page's
 * frames (test/soak/main.ts). A conversation tab stays open for that.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Room } from '../../../src/webex/types';
import { Rest, tokenOf } from '../../integration/fixtures/localWebex';
import { testing } from '../../integration/fixtures/signedIn';
import { ADA, SOAK_SPACE } from '../soakPlan';
import { filesUnder } from '../tokenScan';
import { openSpace, record, threadHooks } from './soakKit';

describe('Token hygiene (extension host)', function () {
  this.timeout(60_000);

  it('keeps the token out of state, storage, logs, settings and the conversation tabs', async () => {
    const t = await testing();
    const hooks = await threadHooks();
    const token = await tokenOf(ADA);
    assert.ok(token.length >= 16, 'a distinctive token, so a search means something');
    const rooms = await (await Rest.as(ADA)).items<Room>('/rooms?max=1000');
    const soak = rooms.find((r) => r.title === SOAK_SPACE);
    assert.ok(soak);
    // A tab stays open: its HTML is checked here, its rendered frame by the runner.
    const panel = await openSpace(hooks, soak.id);
    const { context } = t.services;
    const places: Record<string, string> = {
      globalState: JSON.stringify(context.globalState.keys().map((k) => [k, context.globalState.get(k)])),
      workspaceState: JSON.stringify(context.workspaceState.keys().map((k) => [k, context.workspaceState.get(k)])),
      settings: JSON.stringify(vscode.workspace.getConfiguration('webex')),
      webviewHtml: hooks.panels().map((p) => p.panel.webview.html).join('\n'),
      postedToPages: JSON.stringify(hooks.panels().map((p) => p.posted)),
    };
    const folders = { logs: context.logUri.fsPath, globalStorage: context.globalStorageUri.fsPath, workspaceStorage: context.storageUri?.fsPath };
    const files: Record<string, number> = {};
    for (const [name, dir] of Object.entries(folders)) {
      const found = filesUnder(dir);
      files[name] = found.length;
      for (const file of found) {
        places[`${name}: ${path.basename(file)}`] = fs.readFileSync(file, 'latin1');
      }
    }
    const leaks = Object.entries(places)
      .filter(([, text]) => text.includes(token))
      .map(([where]) => where);
    record('soak.hygieneHost', { checked: Object.keys(places), files, leaks });
    assert.ok(files.logs > 0, 'the Webex log file was found and read');
    assert.ok(panel.panel.webview.html.length > 0);
    assert.deepEqual(leaks, [], 'the token appears nowhere the extension writes');
  });
});

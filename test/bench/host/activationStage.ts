/**
 * Activation, measured in a cold extension host (the runner starts a fresh code-server for each run,
 * so dist/extension.js has never been loaded):
 * - VS Code's own numbers: the workbench keeps the activation times the extension host reports
 *   (`$onDidActivateExtension`: code loading, the activate() call, its promise). The API does not
 *   expose them, but the workbench's "Developer: Startup Performance" document does, in its
 *   "Extension Activation Stats" table; the document is served by a text model provider for the
 *   `perf:` scheme, which an extension can open like any document once the command has created it.
 * - Our own cross-check: `performance.now()` around `Extension.activate()` from here.
 * - What activation does: requests the local Webex saw from activation until one second later
 *   (nothing but registration happens in `activate()`, so 0).
 */
import * as vscode from 'vscode';
import { activateForTesting, apiRequests, clearRequests, extension, record, sleep } from './hostKit';

interface PerfRow {
  loadCodeMs: number;
  callActivateMs: number;
  finishActivateMs: number;
  event: string;
}

/** The row of `extensionId` in the "Extension Activation Stats" table of the Startup Performance document. */
export function parseActivationStats(text: string, extensionId: string): PerfRow | undefined {
  const start = text.indexOf('Extension Activation Stats');
  if (start < 0) {
    return undefined;
  }
  for (const line of text.slice(start).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | Extension | Eager | Load Code | Call Activate | Finish Activate | Event | By |
    if (cells.length >= 8 && cells[1].toLowerCase() === extensionId.toLowerCase()) {
      const [loadCodeMs, callActivateMs, finishActivateMs] = [cells[3], cells[4], cells[5]].map(Number);
      if ([loadCodeMs, callActivateMs, finishActivateMs].every(Number.isFinite)) {
        return { loadCodeMs, callActivateMs, finishActivateMs, event: cells[6] };
      }
    }
  }
  return undefined;
}

async function startupPerformance(extensionId: string): Promise<PerfRow | undefined> {
  // The `perf:` provider is a lazy workbench contribution: "Developer: Startup Performance"
  // (perfview.show) brings it up; it also opens the document as an editor, which is harmless here.
  await vscode.commands.executeCommand('perfview.show');
  // The workbench fills the table from what the extension host reported; that message may trail
  // the activate() promise by a moment.
  for (let attempt = 0; attempt < 20; attempt++) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'perf', path: 'Startup Performance' }));
    const row = parseActivationStats(doc.getText(), extensionId);
    if (row) {
      return row;
    }
    await sleep(250);
  }
  return undefined;
}

export async function activationStage(): Promise<void> {
  const ext = extension();
  // A user opens the Webex view after the window has started, not while the built-in extensions are
  // still starting up: let the extension host settle first (the module stays unloaded meanwhile,
  // unless the manifest asks for activation at startup).
  await sleep(Number(process.env.WEBEX_BENCH_SETTLE_MS ?? '3000'));
  if (ext.isActive) {
    // Activated at startup (e.g. `onStartupFinished`): VS Code's own timing still holds; the request
    // log has run since the local Webex started, which is since before activation.
    record('activation.eager', true);
  } else {
    await clearRequests();
    const t0 = performance.now();
    await activateForTesting();
    record('activation.apiMs', performance.now() - t0);
  }
  // Anything activation started in the background would reach the local Webex within this second.
  await sleep(1000);
  record('activation.requests', (await apiRequests()).length);
  const row = await startupPerformance(ext.id);
  if (row) {
    record('activation.vscode', row);
  } else {
    record('activation.vscodeMissing', 'no row for the extension in perf:Startup Performance');
  }
}

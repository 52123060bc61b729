/**
 * What the bench stages share inside the extension host: reporting a record to the runner, the
 * local Webex's request log over its control endpoints, signing in through the real command, and
 * waiting without busy loops. Tokens only ever go into the scripted prompt, never into a record.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { WebexExtensionApi } from '../../../src/extension';
import type { NodeProvider, TreeNode } from '../../../src/views/treeNode';
import { clearRequests, origin, type RequestRecord, sandboxRequests } from '../../integration/fixtures/localWebex';
import { EXTENSION_ID, signInAs, type Testing } from '../../integration/fixtures/signedIn';
import { formatRecord } from '../records';

export { clearRequests, origin, sandboxRequests, type RequestRecord, type Testing };

export function record(key: string, value: unknown): void {
  console.log(formatRecord({ key, value }));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function extension(): vscode.Extension<WebexExtensionApi> {
  const ext = vscode.extensions.getExtension<WebexExtensionApi>(EXTENSION_ID);
  if (!ext) {
    throw new Error(`${EXTENSION_ID} is not loaded in this VS Code`);
  }
  return ext;
}

export async function activateForTesting(): Promise<Testing> {
  const api = await extension().activate();
  if (!api.testing) {
    throw new Error('activate() exports `testing` only under WEBEX_TEST=1');
  }
  return api.testing;
}

/**
 * Signs in through `webex.signIn` with the integration suite's helper (fixtures/signedIn.ts signInAs), which
 * answers whatever the sign-in flow asks today, so the bench follows the flow as it changes.
 */
export async function signIn(t: Testing, email: string): Promise<void> {
  await t.services.session.ready();
  t.prompts.reset();
  await signInAs(t, email);
  t.prompts.reset();
}

/** Requests to the Webex API (and the live part's catalog/device services) since the log was cleared. */
export async function apiRequests(): Promise<RequestRecord[]> {
  return (await sandboxRequests()).filter((r) => r.path.startsWith('/v1/') || r.path.startsWith('/u2c/') || r.path.startsWith('/wdm/'));
}

/**
 * The extension host's memory after a full garbage collection. The host does not expose `gc`;
 * `--expose-gc` set at run time and read from a fresh context is the usual way to reach it.
 */
export function memory(): { rssMB: number; heapUsedMB: number; externalMB: number } {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as (() => void) | undefined)?.();
  } catch {
    // No forced GC: the figure then includes garbage not collected yet.
  }
  const m = process.memoryUsage();
  return { rssMB: m.rss / 1048576, heapUsedMB: m.heapUsed / 1048576, externalMB: m.external / 1048576 };
}

/**
 * What a tree node is, from its tree item's contextValue (the manifest's menus key on it, so it is
 * stable; class names are not: the production bundle is minified).
 */
export function nodeKind(provider: NodeProvider, node: TreeNode): 'space' | 'team' | 'error' | 'other' {
  const value = provider.getTreeItem(node).contextValue ?? '';
  return value.startsWith('webex:space:') ? 'space' : value === 'webex:team' ? 'team' : value.startsWith('webex:error') ? 'error' : 'other';
}

/**
 * Shared helpers for the sidebar's integration tests in the real extension host: the extension's
 * testing API (services, scripted prompts, views) and the local Webex over HTTP (its REST API with
 * other people's tokens, and its `/_sandbox` control endpoints). Tokens go only into headers; no
 * assertion message ever contains one.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WebexExtensionApi } from '../../src/extension';
import type { ExtensionServices } from '../../src/extensionServices';
import type { ScriptedPrompts } from '../../src/commands/scriptedPrompts';
import type { SidebarViews } from '../../src/views/registerViews';
import type { NodeProvider, TreeNode } from '../../src/views/treeNode';

export const EXTENSION_ID = 'webex-vscode.webex-vscode';

export interface Testing {
  services: ExtensionServices;
  prompts: ScriptedPrompts;
  views: SidebarViews;
}

export async function testing(): Promise<Testing> {
  const ext = vscode.extensions.getExtension<WebexExtensionApi>(EXTENSION_ID);
  assert.ok(ext, 'the extension is installed in this VS Code');
  const api = await ext.activate();
  assert.ok(api.testing, 'activate() exports `testing` under WEBEX_TEST=1');
  return api.testing;
}

export function origin(): string {
  const value = process.env.WEBEX_TEST_SANDBOX_ORIGIN;
  assert.ok(value, 'the runner sets WEBEX_TEST_SANDBOX_ORIGIN');
  return value;
}

export interface SandboxPerson {
  id: string;
  email: string;
  displayName: string;
  type: string;
  token: string;
}

export async function sandboxPeople(): Promise<SandboxPerson[]> {
  const response = await fetch(`${origin()}/_sandbox/people`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { items: SandboxPerson[] }).items;
}

export async function tokenOf(email: string): Promise<string> {
  const person = (await sandboxPeople()).find((p) => p.email === email);
  assert.ok(person, `${email} is in the local Webex`);
  return person.token;
}

/** Back to the scenario's first state; faults and the request log are cleared. */
export async function resetSandbox(): Promise<void> {
  const response = await fetch(`${origin()}/_sandbox/reset`, { method: 'POST' });
  assert.equal(response.status, 204);
}

export interface FaultRule {
  match?: { method?: string; path?: string };
  times?: number;
  kind: 'status' | 'delay' | 'drop' | 'dropAfter' | 'malformed' | 'dropNextParams';
  status?: number;
  retryAfter?: number | null;
  delayMs?: number;
}

export async function addFault(rule: FaultRule | FaultRule[]): Promise<void> {
  const response = await fetch(`${origin()}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rule),
  });
  assert.equal(response.status, 200);
}

export async function clearFaults(): Promise<void> {
  await fetch(`${origin()}/_sandbox/faults`, { method: 'DELETE' });
}

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  personEmail?: string;
}

export async function sandboxRequests(): Promise<RequestRecord[]> {
  const response = await fetch(`${origin()}/_sandbox/requests`);
  return ((await response.json()) as { items: RequestRecord[] }).items;
}

export async function clearRequests(): Promise<void> {
  await fetch(`${origin()}/_sandbox/requests`, { method: 'DELETE' });
}

/** The Webex REST API of the local Webex as someone (another person "posts" this way). */
export class Rest {
  constructor(private readonly token: string) {}

  static async as(email: string): Promise<Rest> {
    return new Rest(await tokenOf(email));
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${origin()}/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async get<T>(path: string): Promise<T> {
    const r = await this.call<T>('GET', path);
    assert.equal(r.status, 200, `GET ${path}`);
    return r.body;
  }

  async items<T>(path: string): Promise<T[]> {
    return (await this.get<{ items: T[] }>(path)).items;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const r = await this.call<T>('POST', path, body);
    assert.equal(r.status, 200, `POST ${path}`);
    return r.body;
  }

  /** Downloads a file URL of a message (needs the token, like the real service). */
  async download(url: string): Promise<{ status: number; text: string; disposition: string | null }> {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${this.token}` } });
    return { status: response.status, text: await response.text(), disposition: response.headers.get('content-disposition') };
  }
}

/**
 * Signs in through the real command, answering the token prompt from the script. The argument
 * 'token' says "paste an access token" (the command then skips asking how to sign in).
 */
export async function signInAs(t: Testing, email: string): Promise<void> {
  const token = await tokenOf(email);
  t.prompts.enqueue({ input: token });
  await vscode.commands.executeCommand('webex.signIn', 'token');
  assert.equal(t.services.session.me?.emails[0], email, `signed in as ${email}`);
}

/** Makes sure the session is `email` with fresh caches, the sandbox fresh, and the prompts clean. */
export async function freshSession(t: Testing, email: string): Promise<void> {
  await resetSandbox();
  await t.services.session.ready();
  t.prompts.reset();
  if (t.services.session.me?.emails[0] !== email) {
    await signInAs(t, email);
  }
  t.views.spaces.setFilter('');
  t.services.spaces.pageSize = 1000;
  t.services.selection.clear();
  t.services.members.clear();
  t.services.spaces.clear();
  await clearRequests();
  t.prompts.reset();
}

/** Leaves nothing behind for the next suite: page size, filter, faults. */
export async function restoreSidebar(t: Testing): Promise<void> {
  t.services.spaces.pageSize = 1000;
  t.views.spaces.setFilter('');
  await clearFaults();
}

/** The children the real tree provider (registered in VS Code) gives, with their tree items. */
export async function childrenOf(
  provider: NodeProvider,
  node?: TreeNode,
): Promise<Array<{ node: TreeNode; item: vscode.TreeItem }>> {
  const nodes = await provider.getChildren(node);
  return nodes.map((n) => ({ node: n, item: provider.getTreeItem(n) }));
}

export function labelOf(item: vscode.TreeItem): string {
  const label = item.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

export async function labels(provider: NodeProvider, node?: TreeNode): Promise<string[]> {
  return (await childrenOf(provider, node)).map((c) => labelOf(c.item));
}

export async function find(provider: NodeProvider, label: string, node?: TreeNode): Promise<TreeNode> {
  const hit = (await childrenOf(provider, node)).find((c) => labelOf(c.item) === label);
  assert.ok(hit, `"${label}" is in the tree`);
  return hit.node;
}

/** Resolves on the next `onDidChange` of an event source that satisfies `ready` (checked first). */
export function whenChanged(event: vscode.Event<unknown>, ready: () => boolean, timeoutMs = 10_000): Promise<void> {
  if (ready()) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('timed out waiting for a change'));
    }, timeoutMs);
    const sub = event(() => {
      if (ready()) {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  });
}

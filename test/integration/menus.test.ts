// The context menus' `when` clauses against the contextValues the real tree items carry: each
// command shows on the items it fits and on no others (a wrong regex is otherwise invisible).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, freshSession, testing, type Testing } from './fixtures/signedIn';
import { childrenOf } from './fixtures/trees';
import type { NodeProvider, TreeNode } from '../../src/views/treeNode';

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

/** Evaluates the subset of `when` syntax the item menus use: view ==, viewItem == / =~, &&, ||, (). */
function matches(when: string, view: string, viewItem: string): boolean {
  const expr = when
    .replace(/view == ([\w.]+)/g, (_m, v: string) => String(v === view))
    .replace(/viewItem == ([\w:]+)/g, (_m, v: string) => String(v === viewItem))
    .replace(/viewItem =~ \/((?:[^/\\]|\\.)*)\//g, (_m, re: string) => String(new RegExp(re).test(viewItem)));
  assert.match(expr, /^[\s()!&|truefals]*$/, `unsupported when clause: ${when}`);
  let e = expr.replace(/\s+/g, '');
  // Innermost parentheses first, then || of && of (possibly negated) literals.
  for (let inner = /\(([^()]*)\)/.exec(e); inner; inner = /\(([^()]*)\)/.exec(e)) {
    e = e.replace(inner[0], String(flat(inner[1])));
  }
  return flat(e);
}

function flat(e: string): boolean {
  return e.split('||').some((all) => all.split('&&').every((lit) => (lit.startsWith('!') ? lit.slice(1) !== 'true' : lit === 'true')));
}

async function allItems(provider: NodeProvider, depth = 3, node?: TreeNode): Promise<string[]> {
  const out: string[] = [];
  for (const child of await childrenOf(provider, node)) {
    out.push(child.item.contextValue ?? '');
    if (depth > 1 && child.item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
      out.push(...(await allItems(provider, depth - 1, child.node)));
    }
  }
  return out;
}

describe('Item menus (real VS Code)', () => {
  let t: Testing;
  let menu: MenuEntry[];

  before(async () => {
    t = await testing();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { menus: Record<string, MenuEntry[]> };
    };
    menu = manifest.contributes.menus['view/item/context'];
  });

  beforeEach(() => freshSession(t, 'ada@example.com'));

  /** The commands the context menu of an item with this contextValue in this view offers. */
  const commandsFor = (view: string, contextValue: string): string[] =>
    [...new Set(menu.filter((m) => m.when && matches(m.when, view, contextValue)).map((m) => m.command))].sort();

  it('offers on each kind of item exactly the commands that fit it', async () => {
    const spaces = new Set(await allItems(t.views.spaces));
    const teams = new Set(await allItems(t.views.teams));
    const release = (await childrenOf(t.views.spaces)).find((c) => c.item.label === 'Release Planning')?.node as
      | (TreeNode & { room: { id: string } })
      | undefined;
    assert.ok(release);
    t.services.selection.setActiveSpace(release.room.id);
    const members = new Set(await allItems(t.views.members));

    // Every kind the trees produce is covered below.
    assert.ok(spaces.has('webex:space:direct') && spaces.has('webex:space:group') && spaces.has('webex:space:group:team:locked'));
    assert.ok(teams.has('webex:team') && teams.has('webex:teamMembers') && teams.has('webex:space:group:team'));
    assert.ok(members.has('webex:member:space:moderator') && members.has('webex:member:space:member:me'));

    // Spaces, teams and people also carry the developer's Copy ID and Open in API Console.
    const withDev = (...ids: string[]): string[] => [...ids, 'webex.copyId', 'webex.openInApiConsole'].sort();
    const group = withDev('webex.addMember', 'webex.leaveSpace', 'webex.openSpace', 'webex.postMessage', 'webex.renameSpace');
    assert.deepEqual(commandsFor('webex.spaces', 'webex:space:group'), group);
    assert.deepEqual(commandsFor('webex.spaces', 'webex:space:group:team:locked'), group);
    assert.deepEqual(commandsFor('webex.teams', 'webex:space:group:team'), group);
    assert.deepEqual(commandsFor('webex.spaces', 'webex:space:direct'), withDev('webex.openSpace', 'webex.postMessage'));
    assert.deepEqual(commandsFor('webex.teams', 'webex:team'), withDev('webex.addMember', 'webex.createSpace'));
    assert.deepEqual(commandsFor('webex.teams', 'webex:teamMembers'), ['webex.addMember', 'webex.refresh']);
    assert.deepEqual(commandsFor('webex.members', 'webex:member:space:moderator'), withDev('webex.removeMember', 'webex.unmakeModerator'));
    assert.deepEqual(commandsFor('webex.members', 'webex:member:space:member:me'), withDev('webex.makeModerator', 'webex.removeMember'));
    assert.deepEqual(commandsFor('webex.teams', 'webex:member:team:member'), withDev('webex.makeModerator', 'webex.removeMember'));
    assert.deepEqual(commandsFor('webex.spaces', 'webex:loadMore'), []);
    assert.deepEqual(commandsFor('webex.spaces', 'webex:error:tracked'), ['webex.copyTrackingId']);
    assert.deepEqual(commandsFor('webex.spaces', 'webex:error'), []);
  });

  it('lists every contributed command in the palette except the item-only helpers', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { menus: Record<string, MenuEntry[]> };
    };
    const hidden = manifest.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command).sort();
    assert.deepEqual(
      hidden.filter((c) => ['webex.addMemberToSelection', 'webex.copyTrackingId', 'webex.loadMoreSpaces'].includes(c)),
      ['webex.addMemberToSelection', 'webex.copyTrackingId', 'webex.loadMoreSpaces'],
    );
    for (const visible of ['webex.signIn', 'webex.createSpace', 'webex.postMessage', 'webex.sendSelection', 'webex.sendFile', 'webex.addMember']) {
      assert.ok(!hidden.includes(visible), `${visible} is in the palette`);
    }
  });
});

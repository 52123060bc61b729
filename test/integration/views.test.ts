// What the Spaces, Teams and Members views show, read through the real tree providers registered in
// VS Code, checked against the local Webex over REST. The extension runs from its bundle, so nodes
// are recognised by their contextValue and fields, not with instanceof against out/ classes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Room, Team } from '../../src/webex/types';
import type { SpaceNode } from '../../src/views/spaces/spaceNode';
import type { TeamMembersNode } from '../../src/views/teams/teamsProvider';
import type { TreeNode } from '../../src/views/treeNode';
import { addFault, clearRequests, Rest, sandboxRequests } from './fixtures/localWebex';
import { freshSessionEachTest, type Testing, testing } from './fixtures/signedIn';
import { childrenOf, find, labelOf, labels } from './fixtures/trees';

const ADA = 'ada@example.com';

describe('Sidebar views (real VS Code)', () => {
  let t: Testing;
  let ada: Rest;

  before(async () => {
    t = await testing();
    ada = await Rest.as(ADA);
    // Conversation tabs left open by earlier suites select their space whenever they become active,
    // which would move the Members view under these tests.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  freshSessionEachTest(() => t, ADA);

  it('lists the spaces most recently active first, direct and group told apart, with team names', async () => {
    const rooms = await ada.items<Room>('/rooms?sortBy=lastactivity&max=1000');
    const teams = await ada.items<Team>('/teams');
    const children = await childrenOf(t.views.spaces);
    const byActivity = [...rooms].sort((a, b) => Date.parse(b.lastActivity ?? b.created) - Date.parse(a.lastActivity ?? a.created));
    assert.deepEqual(children.map((c) => labelOf(c.item)), byActivity.map((r) => r.title));
    assert.ok(!children.some((c) => labelOf(c.item) === 'Secret Project'), 'only spaces Ada is in');

    for (const { node, item } of children) {
      const room = asSpace(node).room;
      assert.equal((item.iconPath as vscode.ThemeIcon).id, room.type === 'direct' ? 'person' : room.teamId ? 'organization' : 'comment-discussion');
      assert.match(item.contextValue ?? '', room.type === 'direct' ? /^webex:space:direct/ : /^webex:space:group/);
      assert.ok(item.tooltip instanceof vscode.MarkdownString);
      assert.ok(item.tooltip.value.includes(room.type === 'direct' ? 'Direct space' : 'Group space'));
      assert.equal(item.command?.command, 'webex.openSpace');
      if (room.teamId) {
        const team = teams.find((x) => x.id === room.teamId);
        assert.ok(team && String(item.description).startsWith(`${team.name} · `), `${room.title}: ${String(item.description)}`);
      }
      assert.match(String(item.description), /ago|just now|yesterday|[A-Z][a-z]{2} \d/);
    }
    const release = children.find((c) => labelOf(c.item) === 'Release Planning');
    assert.equal(release?.item.contextValue, 'webex:space:group:team:locked');
  });

  it('loads the sidebar with one rooms page and one teams request, not one per team', async () => {
    await childrenOf(t.views.spaces);
    const teams = await childrenOf(t.views.teams);
    for (const { node } of teams) {
      await childrenOf(t.views.teams, node);
    }
    const requests = await sandboxRequests();
    assert.equal(requests.filter((r) => r.path === '/v1/rooms').length, 1, JSON.stringify(requests));
    assert.equal(requests.filter((r) => r.path === '/v1/teams').length, 1);
    assert.equal(requests.filter((r) => r.path === '/v1/team/memberships').length, 0, 'members load only when expanded');
    assert.equal(requests.length, 2);
  });

  it('shows each team with its spaces and, when expanded, its members', async () => {
    assert.deepEqual(await labels(t.views.teams), ['Engineering', 'Research']);
    const engineering = await find(t.views.teams, 'Engineering');
    const under = await childrenOf(t.views.teams, engineering);
    const titles = under.map((c) => labelOf(c.item));
    assert.ok(['Backend', 'Frontend', 'Release Planning'].every((x) => titles.includes(x)), titles.join());
    assert.equal(titles.at(-1), 'Members');
    assert.equal(under.at(-1)?.item.contextValue, 'webex:teamMembers');
    const membersFolder = under.at(-1)?.node as TeamMembersNode;
    await clearRequests();
    const members = await childrenOf(t.views.teams, membersFolder);
    const expected = (await ada.items<{ personDisplayName: string; isModerator: boolean }>(`/team/memberships?teamId=${encodeURIComponent(membersFolder.teamId)}`))
      .map((m) => m.personDisplayName)
      .sort((a, b) => a.localeCompare(b));
    assert.deepEqual(members.map((c) => labelOf(c.item).replace(' (you)', '')), expected);
    const grace = members.find((c) => labelOf(c.item) === 'Grace Hopper');
    assert.match(String(grace?.item.description), /moderator/);
    assert.equal(grace?.item.contextValue, 'webex:member:team:moderator');
    assert.equal((await sandboxRequests()).filter((r) => r.path === '/v1/team/memberships').length, 2, 'one for the view, one for this check');
  });

  it('shows the members of the selected space, by name, moderators marked, and follows the selection', async () => {
    const release = asSpace(await find(t.views.spaces, 'Release Planning'));
    t.services.selection.setActiveSpace(release.room.id);
    const members = await childrenOf(t.views.members);
    assert.deepEqual(members.map((c) => labelOf(c.item)), ['Ada Lovelace (you)', 'Grace Hopper', 'Margaret Hamilton']);
    const grace = members[1];
    assert.equal((grace.item.iconPath as vscode.ThemeIcon).id, 'shield');
    assert.equal(grace.item.contextValue, 'webex:member:space:moderator');
    assert.equal(members[0].item.contextValue, 'webex:member:space:member:me');
    assert.equal(t.views.membersView.description, 'Release Planning');

    const coffee = asSpace(await find(t.views.spaces, 'Coffee Chat'));
    t.services.selection.setActiveSpace(coffee.room.id);
    assert.equal((await labels(t.views.members)).length, 6);
    assert.equal(t.views.membersView.description, 'Coffee Chat');
  });

  it('filters the Spaces view from its title and shows the filter until cleared', async () => {
    const all = await labels(t.views.spaces);
    t.prompts.enqueue({ input: 'back' });
    await vscode.commands.executeCommand('webex.filterSpaces');
    assert.deepEqual(await labels(t.views.spaces), ['Backend']);
    assert.match(t.views.spacesView.description ?? '', /filter: “back”/);
    t.prompts.enqueue({ input: 'no such space' });
    await vscode.commands.executeCommand('webex.filterSpaces');
    assert.deepEqual(await labels(t.views.spaces), ['No spaces match “no such space”']);
    await vscode.commands.executeCommand('webex.clearSpacesFilter');
    assert.deepEqual(await labels(t.views.spaces), all);
    assert.doesNotMatch(t.views.spacesView.description ?? '', /filter/);
  });

  it('ends a long list with "Load more…", which loads the next page', async () => {
    t.services.spaces.pageSize = 5;
    t.services.spaces.clear();
    const first = await childrenOf(t.views.spaces);
    assert.equal(first.length, 6);
    assert.equal(first[5].item.contextValue, 'webex:loadMore');
    assert.equal(labelOf(first[5].item), 'Load more…');
    assert.equal(first[5].item.command?.command, 'webex.loadMoreSpaces');
    await vscode.commands.executeCommand('webex.loadMoreSpaces');
    const second = await childrenOf(t.views.spaces);
    assert.equal(second.length, 11);
    const total = (await ada.items<Room>('/rooms?max=1000')).length;
    while ((await childrenOf(t.views.spaces)).some((c) => c.item.contextValue === 'webex:loadMore')) {
      await vscode.commands.executeCommand('webex.loadMoreSpaces');
    }
    assert.equal((await childrenOf(t.views.spaces)).length, total);
  });

  it('still fills when Webex answers 429 while loading (it waits Retry-After)', async () => {
    await addFault({ match: { method: 'GET', path: '^/v1/rooms$' }, kind: 'status', status: 429, retryAfter: 1 });
    const spaces = await labels(t.views.spaces);
    assert.ok(spaces.includes('Backend'));
    const statuses = (await sandboxRequests()).filter((r) => r.path === '/v1/rooms').map((r) => r.status);
    assert.deepEqual(statuses, [429, 200]);
    assert.deepEqual(t.prompts.notifications('error'), []);
  });

  it('shows a failed load in the tree (server words, tracking id) and recovers on refresh', async () => {
    await addFault({ match: { method: 'GET', path: '^/v1/rooms$' }, kind: 'status', status: 400 });
    const children = await childrenOf(t.views.spaces);
    assert.equal(children.length, 1);
    const error = children[0];
    assert.equal(labelOf(error.item), 'Could not load spaces');
    assert.match(String(error.item.description), /400/);
    assert.equal(error.item.contextValue, 'webex:error:tracked');
    assert.equal(error.item.command?.command, 'webex.refresh');
    await vscode.commands.executeCommand('webex.refresh');
    assert.ok((await labels(t.views.spaces)).includes('Backend'));
  });
});

function asSpace(node: TreeNode): SpaceNode {
  assert.ok('room' in node, `${node.id} is a space`);
  return node as SpaceNode;
}

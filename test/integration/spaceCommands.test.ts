// Space, team and member commands in the real extension host, from the palette (scripted prompts)
// and from tree items (no prompt for what was clicked), checked in the local Webex over REST.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Membership, Room, Team, TeamMembership } from '../../src/webex/types';
import type { TreeNode } from '../../src/views/treeNode';
import { type Rest, sandboxRequests } from './fixtures/localWebex';
import { freshSessionEachTest, type Testing, testingAs } from './fixtures/signedIn';
import { childrenOf, find, labelOf, labels } from './fixtures/trees';

const ADA = 'ada@example.com';
const GRACE = 'grace@example.com';
const BARBARA = 'barbara@example.com';

describe('Space, team and member commands (real VS Code)', () => {
  let t: Testing;
  let ada: Rest;
  let grace: Rest;

  before(async () => {
    ({ t, rest: [ada, grace] } = await testingAs(ADA, GRACE));
  });

  freshSessionEachTest(() => t, ADA);

  const roomByTitle = async (who: Rest, title: string): Promise<Room | undefined> =>
    (await who.items<Room>('/rooms?max=1000')).find((r) => r.title === title);

  const spaceNode = (title: string): Promise<TreeNode> => find(t.views.spaces, title);

  it('creates a space from the palette: title, no team, a description; the view shows it at the top', async () => {
    t.prompts.enqueue({ input: 'Launch Party' }, { pick: 'No team' }, { input: 'Cake and balloons' });
    await vscode.commands.executeCommand('webex.createSpace');
    const room = await roomByTitle(ada, 'Launch Party');
    assert.ok(room, 'the space exists in Webex');
    assert.equal(room.teamId, undefined);
    assert.equal(room.description, 'Cake and balloons');
    assert.equal((await labels(t.views.spaces))[0], 'Launch Party');
    assert.equal(t.services.selection.activeSpaceId, room.id, 'the Members view follows the new space');
  });

  it('creates a space in a team from the team item without asking for the team', async () => {
    const research = await find(t.views.teams, 'Research');
    t.prompts.enqueue({ input: 'Reading Group' }, { input: '' });
    await vscode.commands.executeCommand('webex.createSpace', research);
    const room = await roomByTitle(ada, 'Reading Group');
    const team = (await ada.items<Team>('/teams')).find((x) => x.name === 'Research');
    assert.ok(room && team);
    assert.equal(room.teamId, team.id);
    assert.equal(room.description, undefined);
    assert.ok(!t.prompts.asked.some((p) => p.kind === 'pick'), 'no team picker');
    const under = await labels(t.views.teams, await find(t.views.teams, 'Research'));
    assert.ok(under.includes('Reading Group'), under.join());
  });

  it('does nothing and says nothing when the title prompt is cancelled', async () => {
    t.prompts.enqueue({ input: undefined });
    await vscode.commands.executeCommand('webex.createSpace');
    assert.deepEqual(t.prompts.notifications(), []);
    assert.equal((await sandboxRequests()).filter((r) => r.method === 'POST').length, 0);
  });

  it('creates a team and shows it in the Teams view', async () => {
    await labels(t.views.teams);
    t.prompts.enqueue({ input: 'Design' });
    await vscode.commands.executeCommand('webex.createTeam');
    assert.ok((await ada.items<Team>('/teams')).some((x) => x.name === 'Design'));
    assert.ok((await labels(t.views.teams)).includes('Design'));
  });

  it('renames a space from its item', async () => {
    const node = await spaceNode('Coffee Chat');
    t.prompts.enqueue({ input: 'Coffee & Cake' });
    await vscode.commands.executeCommand('webex.renameSpace', node);
    assert.equal(t.prompts.asked[0]?.value, 'Coffee Chat', 'the box starts with the current title');
    assert.ok(await roomByTitle(grace, 'Coffee & Cake'), 'Grace sees the new title');
    assert.ok((await labels(t.views.spaces)).includes('Coffee & Cake'));
  });

  it('leaves a space Ada does not moderate, after a confirmation that says "leave"', async () => {
    const coffee = await roomByTitle(ada, 'Coffee Chat');
    assert.ok(coffee);
    t.prompts.enqueue({ confirm: true });
    await vscode.commands.executeCommand('webex.leaveSpace', await spaceNode('Coffee Chat'));
    const confirm = t.prompts.asked.find((p) => p.kind === 'confirm');
    assert.match(confirm?.text ?? '', /^Leave the space “Coffee Chat”\?/);
    assert.deepEqual(confirm?.choices, ['Leave Space']);
    const members = await grace.items<Membership>(`/memberships?roomId=${encodeURIComponent(coffee.id)}`);
    assert.ok(!members.some((m) => m.personEmail === ADA), 'Ada is no longer a member');
    assert.ok(members.length > 0, 'the space still exists for the others');
    assert.ok(!(await labels(t.views.spaces)).includes('Coffee Chat'));
  });

  it('deletes a space Ada moderates, after a confirmation that says "delete"', async () => {
    const room = await ada.post<Room>('/rooms', { title: 'Temporary', isLocked: true });
    await t.services.spaces.refresh();
    t.prompts.enqueue({ confirm: true });
    await vscode.commands.executeCommand('webex.leaveSpace', await spaceNode('Temporary'));
    const confirm = t.prompts.asked.find((p) => p.kind === 'confirm');
    assert.match(confirm?.text ?? '', /^Delete the space “Temporary” for everyone\?/);
    assert.deepEqual(confirm?.choices, ['Delete Space']);
    assert.equal((await ada.call('GET', `/rooms/${encodeURIComponent(room.id)}`)).status, 404);
  });

  it('keeps the space when the confirmation is declined', async () => {
    t.prompts.enqueue({ confirm: false });
    await vscode.commands.executeCommand('webex.leaveSpace', await spaceNode('Coffee Chat'));
    assert.ok(await roomByTitle(ada, 'Coffee Chat'));
    assert.equal((await sandboxRequests()).filter((r) => r.method === 'DELETE').length, 0);
  });

  it('asks which space to leave from the palette, listing only group spaces', async () => {
    t.prompts.enqueue({ pick: 'Coffee Chat' }, { confirm: false });
    await vscode.commands.executeCommand('webex.leaveSpace');
    const pick = t.prompts.asked.find((p) => p.kind === 'pick');
    assert.ok(pick?.choices?.includes('Backend'));
    assert.ok(!pick?.choices?.includes('Grace Hopper'), 'no direct spaces');
  });

  it('adds a member by email to a space from its item, and the Members view shows them', async () => {
    const node = await spaceNode('Backend');
    const room = (node as unknown as { room: Room }).room;
    t.services.selection.setActiveSpace(room.id);
    await labels(t.views.members);
    t.prompts.enqueue({ input: BARBARA }, { pick: 'Member' });
    await vscode.commands.executeCommand('webex.addMember', node);
    const members = await grace.items<Membership>(`/memberships?roomId=${encodeURIComponent(room.id)}`);
    assert.equal(members.find((m) => m.personEmail === BARBARA)?.isModerator, false);
    assert.ok((await labels(t.views.members)).includes('Barbara Liskov'));
  });

  it('refuses an invalid email in the prompt before anything is sent', async () => {
    t.prompts.enqueue({ input: 'not an email' });
    await vscode.commands.executeCommand('webex.addMember', await spaceNode('Backend'));
    assert.match(t.prompts.unexpected[0] ?? '', /Enter one email address/);
    t.prompts.unexpected.length = 0;
    assert.equal((await sandboxRequests()).filter((r) => r.method === 'POST').length, 0);
  });

  it('adds a member to a team as a moderator from the palette', async () => {
    // Ada created Engineering, so she moderates it. (Its General space has the same title: pick the team.)
    t.prompts.enqueue({ pick: (i) => i.label === 'Engineering' && i.description === 'team' }, { input: BARBARA }, { pick: 'Moderator' });
    await vscode.commands.executeCommand('webex.addMember');
    assert.deepEqual(t.prompts.notifications('error'), []);
    const team = (await ada.items<Team>('/teams')).find((x) => x.name === 'Engineering');
    assert.ok(team);
    const members = await grace.items<TeamMembership>(`/team/memberships?teamId=${encodeURIComponent(team.id)}`);
    assert.equal(members.find((m) => m.personEmail === BARBARA)?.isModerator, true);
    assert.match(t.prompts.notifications('info')[0]?.text ?? '', /Added barbara@example\.com to Engineering as a moderator/);
  });

  it('shows Webex’s own words when the person is already a member (409) with "Copy Tracking ID"', async () => {
    t.prompts.enqueue({ input: GRACE }, { pick: 'Member' });
    await vscode.commands.executeCommand('webex.addMember', await spaceNode('Backend'));
    const error = t.prompts.notifications('error')[0];
    assert.match(error?.text ?? '', /^Could not add grace@example\.com to Backend: Webex said: .*\(409 POST \/memberships\)/);
    assert.deepEqual(error?.choices, ['Copy Tracking ID']);
  });

  it('removes a member from their item in the Members view after confirming', async () => {
    const backend = (await spaceNode('Backend')) as unknown as { room: Room };
    t.services.selection.setActiveSpace(backend.room.id);
    const alan = (await childrenOf(t.views.members)).find((c) => labelOf(c.item) === 'Alan Turing');
    assert.ok(alan);
    t.prompts.enqueue({ confirm: true });
    await vscode.commands.executeCommand('webex.removeMember', alan.node);
    assert.match(t.prompts.asked[0]?.text ?? '', /^Remove Alan Turing from Backend\?/);
    const members = await grace.items<Membership>(`/memberships?roomId=${encodeURIComponent(backend.room.id)}`);
    assert.ok(!members.some((m) => m.personEmail === 'alan@example.com'));
    assert.ok(!(await labels(t.views.members)).includes('Alan Turing'));
  });

  it('makes and unmakes a moderator from member items', async () => {
    const room = await ada.post<Room>('/rooms', { title: 'Moderated', isLocked: true });
    await ada.post('/memberships', { roomId: room.id, personEmail: BARBARA });
    await t.services.spaces.refresh();
    t.services.selection.setActiveSpace(room.id);
    const barbara = async (): Promise<{ node: TreeNode; item: vscode.TreeItem }> => {
      const hit = (await childrenOf(t.views.members)).find((c) => labelOf(c.item) === 'Barbara Liskov');
      assert.ok(hit);
      return hit;
    };
    const isModerator = async (): Promise<boolean | undefined> =>
      (await ada.items<Membership>(`/memberships?roomId=${encodeURIComponent(room.id)}`)).find((m) => m.personEmail === BARBARA)
        ?.isModerator;

    assert.equal((await barbara()).item.contextValue, 'webex:member:space:member');
    await vscode.commands.executeCommand('webex.makeModerator', (await barbara()).node);
    assert.equal(await isModerator(), true);
    assert.equal((await barbara()).item.contextValue, 'webex:member:space:moderator');
    await vscode.commands.executeCommand('webex.unmakeModerator', (await barbara()).node);
    assert.equal(await isModerator(), false);
    assert.equal((await barbara()).item.contextValue, 'webex:member:space:member');
  });

  it('from the palette, offers only members who are not moderators for "Make Moderator"', async () => {
    t.prompts.enqueue({ pick: 'Release Planning' }, { pick: undefined });
    await vscode.commands.executeCommand('webex.makeModerator');
    const pick = t.prompts.asked.filter((p) => p.kind === 'pick')[1];
    assert.deepEqual(pick?.choices, ['Ada Lovelace', 'Margaret Hamilton']);
  });
});

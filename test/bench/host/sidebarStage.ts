/**
 * The sidebar with a big account (3,000 spaces in 200 teams, generateScenario), through the real
 * SpacesStore and the tree providers registered in VS Code, in the extension host:
 * - first screen: both views asked for their roots at once (as VS Code does when the Webex side bar
 *   opens) and every tree item built;
 * - filled: "Load more…" (the real command) until Webex has no more pages, then every team's
 *   children built from the store. The budget: ceil(3000/1000)+1 requests for 3,000 spaces in 200 teams.
 * - the naive way, in the same extension host with the same WebexClient: all rooms, all teams, and
 *   `GET /rooms?teamId=…` once per team (what a Teams view that asks Webex per team would do to show
 *   every team's spaces).
 * Requests are counted in the local Webex's log. Memory of the extension host is sampled after
 * activation and with the big account loaded (before the naive way ever ran in the process).
 */
import * as vscode from 'vscode';
import type { NodeProvider, TreeNode } from '../../../src/views/treeNode';
import { activateForTesting, apiRequests, clearRequests, memory, nodeKind, record, signIn, sleep, type Testing } from './hostKit';

const ADA = 'ada@example.com';

async function build(provider: NodeProvider, node?: TreeNode): Promise<TreeNode[]> {
  const children = await provider.getChildren(node);
  for (const child of children) {
    provider.getTreeItem(child);
  }
  return children;
}

async function settle(): Promise<void> {
  // Lets refresh events from the previous step run out before the request log is cleared.
  await sleep(300);
  await clearRequests();
}

async function oursOnce(t: Testing): Promise<Record<string, number>> {
  const { views, services } = t;
  services.spaces.clear();
  await settle();
  const t0 = performance.now();
  const [spaceRoots, teamRoots] = await Promise.all([build(views.spaces), build(views.teams)]);
  const firstMs = performance.now() - t0;
  const firstRequests = (await apiRequests()).length;
  const firstSpaces = spaceRoots.filter((n) => nodeKind(views.spaces, n) === 'space').length;

  while (services.spaces.hasMoreRooms) {
    await vscode.commands.executeCommand('webex.loadMoreSpaces');
  }
  const [allSpaces, allTeams] = await Promise.all([build(views.spaces), build(views.teams)]);
  let teamSpaces = 0;
  for (const team of allTeams) {
    teamSpaces += (await build(views.teams, team)).filter((n) => nodeKind(views.teams, n) === 'space').length;
  }
  const fullMs = performance.now() - t0;
  const fullRequests = (await apiRequests()).length;
  return {
    firstMs,
    firstRequests,
    firstSpaces,
    firstTeams: teamRoots.length,
    fullMs,
    fullRequests,
    spaces: allSpaces.filter((n) => nodeKind(views.spaces, n) === 'space').length,
    teams: allTeams.filter((n) => nodeKind(views.teams, n) === 'team').length,
    teamSpaces,
  };
}

async function naiveOnce(t: Testing): Promise<Record<string, number>> {
  const client = t.services.session.client;
  if (!client) {
    throw new Error('signed out');
  }
  await settle();
  const t0 = performance.now();
  const [rooms, teams] = await Promise.all([
    client.rooms.list({ sortBy: 'lastactivity', max: 1000 }).toArray(),
    client.teams.list({ max: 1000 }).toArray(),
  ]);
  const perTeam = await Promise.all(teams.map((team) => client.rooms.list({ teamId: team.id, max: 1000 }).toArray()));
  const fullMs = performance.now() - t0;
  return {
    fullMs,
    fullRequests: (await apiRequests()).length,
    spaces: rooms.length,
    teams: teams.length,
    teamSpaces: perTeam.reduce((sum, list) => sum + list.length, 0),
  };
}

export async function sidebarStage(): Promise<void> {
  const runs = Math.max(1, Number(process.env.WEBEX_BENCH_RUNS ?? '5'));
  record('memory.beforeActivation', memory());
  const t = await activateForTesting();
  await sleep(500);
  record('memory.activated', memory());
  await signIn(t, ADA);
  record('memory.signedIn', memory());
  // Page size as shipped: the API maximum (GET /rooms takes `max` 1–1000).
  t.services.spaces.pageSize = 1000;
  t.views.spaces.setFilter('');
  // Memory first, before the naive way has run in this process: RSS does not shrink after a GC, so
  // a later reading would carry whatever the naive runs allocated.
  const first = await oursOnce(t);
  await sleep(2000);
  record('memory.bigAccount', memory());
  record('sidebar.ours', first);
  // Then naive and ours by turns (ours, naive, ours, naive, …), so neither always runs warmer.
  for (let i = 0; i < runs; i++) {
    record('sidebar.naive', await naiveOnce(t));
    if (i + 1 < runs) {
      record('sidebar.ours', await oursOnce(t));
    }
  }
}

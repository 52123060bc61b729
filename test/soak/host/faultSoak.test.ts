/**
 * The fault soak, in the real extension host: the local Webex answers requests at random (fixed seed)
 * with 429 + Retry-After, 5xx, slow answers and dropped connections, while a scripted user browses
 * the Spaces/Teams/Members views, opens conversations, pages back, refreshes, and posts a numbered
 * series of messages — alternately from a conversation tab (its send queue, Retry on failure, as
 * the page's button does) and with "Webex: Post Message" (which offers the unsent text again; the
 * user sends it again as the error message says: at once if "safe", after looking in the space if
 * "the space could not be checked").
 * Bounded by time, by messages and by requests (soakPlan.ts). Then the faults stop and it checks:
 * every message exactly once and in order; nothing typed lost; few error notifications, none
 * repeated within the collapse window; the views and open tabs right again after one refresh.
 * Unhandled rejections are checked for the whole run by index.ts.
 */
import * as assert from 'node:assert/strict';
import type { Message, Room, Team } from '../../../src/webex/types';
import type { ConversationPanel } from '../../../src/webviews/conversation/conversationPanel';
import type { ConversationTestHooks } from '../../../src/webviews/conversation/conversationWebview';
import type { TreeNode } from '../../../src/views/treeNode';
import { nodeKind } from '../../bench/host/hostKit';
import { addFault, clearFaults, sandboxRequests, type Rest } from '../../integration/fixtures/localWebex';
import type { Testing } from '../../integration/fixtures/signedIn';
import { ADA, SOAK_SPACE, parseSeries, seriesText, soakPlan } from '../soakPlan';
import { prng } from '../../sandbox/prng';
import type { AfterRecord, FaultPhaseRecord, SeriesRecord } from '../soakRecords';
import { closeAllTabs, openSpace, record, signedInUser, sleep, type User } from './soakKit';
import { until } from '../../kit/until';

const plan = soakPlan(process.env.WEBEX_SOAK_SHORT === '1', Number(process.env.WEBEX_SOAK_SEED) || undefined);
const ATTEMPTS = 10;

describe('Fault soak', function () {
  this.timeout(plan.durationMs + 6 * 60_000);
  let t: Testing;
  let hooks: ConversationTestHooks;
  let user: User;
  let rest: Rest;
  let rooms: Room[];
  let soakRoom: Room;
  const stats = { browse: 0, open: 0, older: 0, refresh: 0, tabPosts: 0, commandPosts: 0, tabRetries: 0, commandRetries: 0, reopened: 0, looked: 0, foundByLooking: 0, gaveUp: [] as number[] };
  const lost: string[] = [];

  before(async () => {
    ({ t, hooks, user, rest } = await signedInUser(ADA));
    rooms = await rest.items<Room>('/rooms?max=1000');
    const found = rooms.find((r) => r.title === SOAK_SPACE);
    assert.ok(found, `the scenario has "${SOAK_SPACE}"`);
    soakRoom = found;
    // Open tabs look for new messages often, so they too meet the faults.
    hooks.setIntervals({ focusedMs: 3000, backgroundMs: 6000 });
  });

  after(async () => {
    await clearFaults();
    await closeAllTabs(hooks);
  });

  async function browse(random: () => number): Promise<void> {
    stats.browse++;
    const roots = await t.views.spaces.getChildren();
    if (roots.some((n) => nodeKind(t.views.spaces, n) === 'error')) {
      // What the user does with "Could not load spaces — Try Again".
      stats.refresh++;
      await user.command([], 'webex.refresh');
      return;
    }
    const spaces = roots.filter((n) => nodeKind(t.views.spaces, n) === 'space') as Array<TreeNode & { room: Room }>;
    const chosen = spaces[Math.floor(random() * spaces.length)];
    if (chosen) {
      t.services.selection.setActiveSpace(chosen.room.id);
      await t.views.members.getChildren();
    }
    const teams = await t.views.teams.getChildren();
    const team = teams[Math.floor(random() * teams.length)];
    if (team && nodeKind(t.views.teams, team) === 'team') {
      await t.views.teams.getChildren(team);
    }
  }

  async function open(random: () => number): Promise<void> {
    stats.open++;
    const room = rooms[Math.floor(random() * rooms.length)];
    const panel = await openSpace(hooks, room.id);
    if (panel.currentStatus === 'ready' && random() < 0.5) {
      stats.older++;
      await user.ask(panel, { method: 'loadOlder', params: {} });
    }
    // Like a user, keep a few tabs: close the oldest beyond three (never the series' tab mid-send).
    const open = hooks.panels();
    for (const extra of open.slice(0, Math.max(0, open.length - 3))) {
      if (extra.roomId !== soakRoom.id) {
        extra.panel.dispose();
      }
    }
  }

  async function readyTab(): Promise<ConversationPanel | undefined> {
    const panel = await openSpace(hooks, soakRoom.id);
    if (panel.currentStatus === 'ready' && panel.space) {
      return panel;
    }
    // The tab shows "Could not open this space": the user closes it and opens it again.
    stats.reopened++;
    panel.panel.dispose();
    await sleep(300);
    return undefined;
  }

  /** Sends from the tab's composer; Retry (as the page's button) until Webex has it. */
  async function postViaTab(n: number, text: string): Promise<boolean> {
    stats.tabPosts++;
    const localId = `soak-${plan.seed}-${n}`;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const panel = await readyTab();
      if (!panel) {
        continue;
      }
      const queued = () => panel.space?.queue.items().find((e) => e.localId === localId);
      if (attempt === 0 || !queued()) {
        const response = await user.ask(panel, { method: 'send', params: { localId, markdown: text } });
        assert.ok(response.ok, `the tab refused to send #${n}: ${JSON.stringify(response)}`);
      } else {
        stats.tabRetries++;
        await user.ask(panel, { method: 'retry', params: { localId } });
      }
      await until(`#${n} sent or failed`, () => queued()?.state !== 'sending', { timeoutMs: 120_000 });
      const entry = queued();
      if (!entry) {
        return true;
      }
      if (entry.markdown !== text) {
        lost.push(`tab #${n}: the outbox holds ${JSON.stringify(entry.markdown)}`);
      }
      await sleep(300); // reading the error before clicking Retry
    }
    return false;
  }

  /**
   * Whether the space shows `text`, as the user sees it in the space's tab (reopened until it loads).
   * Undefined when the tab could not load (the user looks again later).
   */
  async function lookInSpace(text: string): Promise<boolean | undefined> {
    const panel = await readyTab();
    if (!panel?.space) {
      return undefined;
    }
    await panel.pollNow();
    return panel.space.conversation.snapshot().upsert.some((m) => (m.markdown ?? m.text ?? '').trim() === text);
  }

  /**
   * "Webex: Post Message" on the space. A failed post's text comes back in the box and the user sends
   * it again — at once when the extension says it is safe to, after looking in the space when it says
   * the space could not be checked (a careful user; `looked` counts how often that was needed).
   */
  async function postViaCommand(n: number, text: string): Promise<boolean> {
    stats.commandPosts++;
    let mustLook = false;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (mustLook) {
        stats.looked++;
        const there = await lookInSpace(text);
        if (there === true) {
          stats.foundByLooking++;
          return true;
        }
        if (there === undefined) {
          continue;
        }
      }
      if (attempt > 0) {
        stats.commandRetries++;
      }
      const shown = await user.command([{ input: text }], 'webex.postMessage', { room: soakRoom });
      const input = shown.find((p) => p.kind === 'input');
      if (attempt > 0 && input && input.value !== text) {
        lost.push(`command #${n}: after a failed post the box held ${JSON.stringify(input.value)}`);
      }
      const failure = shown.find((p) => p.kind === 'notify' && p.severity === 'error' && p.text.startsWith('Could not post'));
      if (input?.answer === text && !failure) {
        return true;
      }
      mustLook = failure !== undefined && /look in the space/i.test(failure.text);
      await sleep(300);
    }
    return false;
  }

  it('posts a numbered series exactly once and in order while Webex misbehaves, and recovers', async () => {
    const random = prng(plan.seed);
    const requestsBefore = (await sandboxRequests()).length;
    await addFault([{ kind: 'random', rate: plan.rate, seed: plan.seed, kinds: plan.faults }]);
    const started = Date.now();
    let posted = 0;
    let actions = 0;
    let requests = 0;
    while (posted < plan.messages && Date.now() - started < plan.durationMs && requests < plan.maxRequests) {
      const roll = random();
      actions++;
      if (roll < 0.2) {
        await browse(random);
      } else if (roll < 0.35) {
        await open(random);
      } else if (roll < 0.4) {
        stats.refresh++;
        await user.command([], 'webex.refresh');
      } else {
        const n = posted + 1;
        const ok = n % 2 === 1 ? await postViaTab(n, seriesText(plan.seed, n)) : await postViaCommand(n, seriesText(plan.seed, n));
        if (!ok) {
          stats.gaveUp.push(n);
        }
        posted = n;
      }
      requests = (await sandboxRequests()).length - requestsBefore;
    }
    const faultedRequests = (await sandboxRequests()).slice(requestsBefore);
    await clearFaults();
    const faultCounts: Record<string, number> = {};
    for (const r of faultedRequests) {
      if (r.fault !== undefined) {
        const key = r.fault === 'status' ? `status ${r.status}` : r.fault;
        faultCounts[key] = (faultCounts[key] ?? 0) + 1;
      }
    }
    const phase: FaultPhaseRecord = { seconds: (Date.now() - started) / 1000, actions, posted, requests: faultedRequests.length, faults: faultCounts, ...stats };
    record('soak.faultPhase', phase);

    // Faults are over. Whatever was in flight settles; the user clicks Refresh once.
    await sleep(3000);
    const spacesBefore = await t.views.spaces.getChildren();
    record('soak.viewsBeforeRefresh', { errorNodes: spacesBefore.filter((n) => nodeKind(t.views.spaces, n) === 'error').length });
    await user.command([], 'webex.refresh');

    // Every message of the series exactly once, in order (Webex lists newest first).
    const inSpace = (await rest.items<Message>(`/messages?roomId=${encodeURIComponent(soakRoom.id)}&max=1000`)).reverse();
    const numbers = inSpace.map((m) => parseSeries(plan.seed, m.markdown ?? m.text)).filter((x): x is number => x !== undefined);
    const expected = Array.from({ length: posted }, (_, i) => i + 1).filter((n) => !stats.gaveUp.includes(n));
    const series: SeriesRecord = { posted, inSpace: numbers.length, duplicates: numbers.length - new Set(numbers).size, gaveUp: stats.gaveUp };
    record('soak.series', series);

    // The views as Webex has them now.
    const wantRooms = (await rest.items<Room>('/rooms?sortBy=lastactivity&max=1000')).map((r) => r.id);
    const spaceRoots = await t.views.spaces.getChildren();
    const shownRooms = (spaceRoots.filter((n) => nodeKind(t.views.spaces, n) === 'space') as Array<TreeNode & { room: Room }>).map((n) => n.room.id);
    const wantTeams = (await rest.items<Team>('/teams?max=1000')).map((x) => x.id).sort();
    const teamRoots = await t.views.teams.getChildren();
    const shownTeams = (teamRoots.filter((n) => nodeKind(t.views.teams, n) === 'team') as Array<TreeNode & { team: Team }>).map((n) => n.team.id).sort();
    // Open tabs: loaded, and showing what Webex has (the series' tab: every message of the series).
    const tabs: string[] = [];
    for (const panel of hooks.panels()) {
      await panel.pollNow();
      const conversation = panel.space?.conversation;
      const title = panel.panel.title;
      if (panel.currentStatus !== 'ready' || !conversation) {
        tabs.push(`${title}: ${panel.currentStatus}`);
      } else if (panel.roomId === soakRoom.id) {
        const missing = inSpace.filter((m) => !conversation.message(m.id)).length;
        const outbox = panel.space?.queue.items().length ?? 0;
        if (missing > 0 || outbox > 0) {
          tabs.push(`${title}: ${missing} messages missing, ${outbox} still in the outbox`);
        }
      }
    }
    const errors = user.errorNotifications();
    const repeats = errors.filter((e, i) => errors.slice(0, i).some((p) => p.text === e.text));
    const afterRecord: AfterRecord = {
      errorNotifications: errors.length,
      distinctErrors: [...new Set(errors.map((e) => e.text))],
      repeatedTexts: repeats.length,
      surprises: user.surprises,
      lost,
      tabs,
      spacesRight: JSON.stringify(shownRooms) === JSON.stringify(wantRooms),
      teamsRight: JSON.stringify(shownTeams) === JSON.stringify(wantTeams),
    };
    record('soak.after', afterRecord);

    assert.deepEqual(numbers, expected, 'every message of the series exactly once, in order');
    assert.deepEqual(stats.gaveUp, [], 'the user got every message through within the attempts');
    assert.deepEqual(lost, [], 'nothing the user typed was lost');
    assert.deepEqual(shownRooms, wantRooms, 'the Spaces view shows what Webex has, in order, after one refresh');
    assert.deepEqual(shownTeams, wantTeams, 'the Teams view shows what Webex has after one refresh');
    assert.deepEqual(tabs, [], 'every open tab is loaded and up to date');
    assert.ok(errors.length <= Math.ceil(actions / 10) + 3, `few error notifications: ${errors.length} for ${actions} actions: ${JSON.stringify(errors.map((e) => e.text))}`);
    assert.ok(posted >= Math.min(plan.messages, 5), `the soak got far enough to mean something (${posted} messages)`);
  });
});

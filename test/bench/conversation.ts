/**
 * The conversation tab in the real browser (code-server in Chromium, driven by Playwright) with the
 * big account: a space of 10,000 messages against a space of 10.
 * - open → newest page on screen: from the Enter that picks the space in "Webex: Open Space" (the
 *   workbench page's clock) to the page's own `performance.mark('webex:firstPage')`, set once the
 *   first page has been painted (src/webviews/conversation/page/app.ts). Both are read as epoch times
 *   (timeOrigin + startTime); the two frames share the machine's clock. Each open is a new tab.
 * - 10 older pages: scroll the log to the top, wait for the page to ask for the next older page and
 *   for the answer to be rendered (the log's aria-busy clears), ten times.
 * - DOM nodes and the page's JS heap after that (after a forced GC, through CDP), and the same for
 *   the 10-message space.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import { startWorkbench, type Workbench } from '../runner/workbench';
import { findWebviewFrame } from '../ui/webviewFrame';
import { runFromCommandPalette } from '../ui/workbenchActions';
import { BUSY_MESSAGES, BUSY_SPACE, SMALL_SPACE, benchScenario } from './benchScenario';
import { fromSamples, median, type Figure } from './figures';
import type { StageOptions } from './hostStages';
import { codeHighlightingFigures } from './codeHighlighting';

const LOG = '[role="log"]';
const MARK = 'webex:firstPage';

/** Signs in as a user would: "Webex: Sign In", "Paste an access token" when asked how, the token. */
async function signIn(page: Page, token: string): Promise<void> {
  await runFromCommandPalette(page, 'Webex: Sign In');
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input.input');
  const method = widget.locator('.monaco-list-row', { hasText: 'Paste an access token' });
  const password = widget.locator('input[type="password"]');
  // The first command may wait for the extension to activate: on a busy machine that takes seconds.
  await Promise.race([method.waitFor({ state: 'visible', timeout: 90_000 }), password.waitFor({ state: 'visible', timeout: 90_000 })]);
  if (!(await password.isVisible())) {
    await input.fill('Paste an access token');
    await input.press('Enter');
  }
  await password.waitFor({ state: 'visible', timeout: 30_000 });
  await password.fill(token);
  await password.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 60_000 });
}

/**
 * Opens `title` through the palette; resolves with its frame, the ms from Enter to the mark, and the
 * ms from Enter to the start of the page's own document (the rest is the page loading and rendering).
 */
async function openTimed(page: Page, title: string): Promise<{ frame: Frame; openMs: number; documentMs: number; phases: Phases }> {
  await runFromCommandPalette(page, 'Webex: Open Space');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(title);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 60_000 });
  const t0 = await page.evaluate(() => performance.timeOrigin + performance.now());
  await input.press('Enter');
  const frame = await findWebviewFrame(page, `${LOG}[aria-label="Messages in ${title}"]`, { timeoutMs: 60_000 });
  await frame.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout: 60_000, polling: 50 });
  const { at, origin, marks } = await frame.evaluate(
    ({ mark, names }) => ({
      at: performance.timeOrigin + performance.getEntriesByName(mark)[0].startTime,
      origin: performance.timeOrigin,
      marks: names.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN),
    }),
    { mark: MARK, names: PHASE_MARKS },
  );
  const [script, ready, init, messages] = marks;
  return {
    frame,
    openMs: at - t0,
    documentMs: origin - t0,
    // The page's own marks are ms since its document started (main.ts, app.ts).
    phases: { toScript: script, toReady: ready - script, toMessages: Math.max(init, messages) - ready, toScreen: at - origin - Math.max(init, messages) },
  };
}

/** The page's marks in order: its script runs, it says `ready`, the host's init and first page arrive. */
const PHASE_MARKS = ['webex:script', 'webex:ready', 'webex:init', 'webex:firstMessages'];

/** Where the page's part of an open goes (ms). */
interface Phases {
  /** Document start → the page's script runs (HTML, CSS, fonts, the bundle parsed). */
  toScript: number;
  /** Script start → `ready` posted (the page built). */
  toReady: number;
  /** `ready` → the init and the first page have arrived from the host. */
  toMessages: number;
  /** Arrived → rendered and painted (the mark is set after the next frame). */
  toScreen: number;
}

async function closeAll(page: Page): Promise<void> {
  await runFromCommandPalette(page, 'View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
}

/** Scrolls to the top until the page has loaded `pages` older pages; ms for each. */
async function loadOlder(workbench: Workbench, frame: Frame, pages: number): Promise<number[]> {
  const sandbox = workbench.sandbox;
  const older = (): number => sandbox?.requests.filter((r) => r.path === '/v1/messages' && r.query.beforeMessage !== undefined).length ?? 0;
  const times: number[] = [];
  for (let i = 0; i < pages; i++) {
    const before = older();
    const t0 = Date.now();
    // Keep nudging to the top: the page asks for more only when the top edge is reached.
    while (older() === before) {
      await frame.evaluate((selector) => {
        const log = document.querySelector(selector) as HTMLElement;
        log.scrollTop = 0;
        log.dispatchEvent(new Event('scroll'));
      }, LOG);
      if (Date.now() - t0 > 30_000) {
        throw new Error(`older page ${i + 1} was never asked for`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await frame.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('aria-busy') !== 'true', LOG, { timeout: 30_000, polling: 'raf' });
    times.push(Date.now() - t0);
  }
  return times;
}

/** The JS heap of the renderer that runs `frame` (its own process when it is out of process), after a GC. */
async function heapMB(page: Page, frame: Frame): Promise<{ mb: number; scope: string }> {
  let session: CDPSession;
  let scope = 'the webview’s own renderer';
  try {
    session = await page.context().newCDPSession(frame);
  } catch {
    session = await page.context().newCDPSession(page);
    scope = 'the renderer shared with the workbench';
  }
  try {
    await session.send('HeapProfiler.collectGarbage');
    const usage = await session.send('Runtime.getHeapUsage');
    return { mb: usage.usedSize / 1048576, scope };
  } finally {
    await session.detach().catch(() => undefined);
  }
}

async function domNodes(frame: Frame): Promise<{ nodes: number; articles: number }> {
  return frame.evaluate(() => ({ nodes: document.querySelectorAll('*').length, articles: document.querySelectorAll('article').length }));
}

export async function conversationFigures(options: StageOptions): Promise<Figure[]> {
  // Without WEBEX_TEST the extension shows its real prompts (the scripted ones are for extension host
  // tests), so the sign-in here is the user's: the palette, the method, the token.
  const workbench = await startWorkbench({ scenario: benchScenario(), env: { WEBEX_TEST: '0' } });
  try {
    const { page } = workbench;
    const sandbox = workbench.sandbox;
    if (!sandbox) {
      throw new Error('no local Webex');
    }
    await signIn(page, sandbox.tokenFor('ada@example.com'));
    // The window's first webview pays for starting the webview host (its page, service worker and
    // fonts): measured on its own, so it does not land in one space's samples only.
    const firstTab = (await openTimed(page, SMALL_SPACE)).openMs;
    await closeAll(page);
    const busy: number[] = [];
    const small: number[] = [];
    const busyDocument: number[] = [];
    const busyPhases: Phases[] = [];
    for (let i = 0; i < options.runs; i++) {
      for (const [title, into] of i % 2 === 0 ? ([[BUSY_SPACE, busy], [SMALL_SPACE, small]] as const) : ([[SMALL_SPACE, small], [BUSY_SPACE, busy]] as const)) {
        const { openMs, documentMs, phases } = await openTimed(page, title);
        into.push(openMs);
        if (title === BUSY_SPACE) {
          busyDocument.push(documentMs);
          busyPhases.push(phases);
        }
        await closeAll(page);
      }
      console.log(`  open ${i + 1}/${options.runs}: ${BUSY_SPACE} ${busy[i].toFixed(0)} ms, ${SMALL_SPACE} ${small[i].toFixed(0)} ms`);
    }
    const smallOpen = await openTimed(page, SMALL_SPACE);
    const smallDom = await domNodes(smallOpen.frame);
    const smallHeap = await heapMB(page, smallOpen.frame);
    await closeAll(page);

    const busyOpen = await openTimed(page, BUSY_SPACE);
    const firstDom = await domNodes(busyOpen.frame);
    const olderMs = await loadOlder(workbench, busyOpen.frame, 10);
    const busyDom = await domNodes(busyOpen.frame);
    const busyHeap = await heapMB(page, busyOpen.frame);
    await closeAll(page);

    const code = await codeHighlightingFigures({
      workspaceDir: workbench.workspaceDir,
      runs: options.runs,
      open: (title) => openTimed(page, title),
      closeAll: () => closeAll(page),
    });

    const group = `Conversation (${BUSY_MESSAGES.toLocaleString('en')} messages vs 10)`;
    const vsSmall = (value: number): Figure['reference'] => ({ value, what: '10-message space' });
    return [
      fromSamples(
        {
          group,
          name: 'open → newest page on screen',
          unit: 'ms',
          budget: { max: 300, text: '≤ 300 ms' },
          reference: { value: median(small) ?? NaN, what: '10-message space' },
          note: `from Enter in "Webex: Open Space" to performance.mark('${MARK}') in the page, a new tab each time; compared with the 10-message space opened the same way, alternating`,
        },
        busy,
      ),
      fromSamples(
        { group, name: '  of which Enter → the page’s document starts', unit: 'ms', note: 'the command, the tab and VS Code’s webview frames, before the page’s own HTML and script (its performance.timeOrigin)' },
        busyDocument,
      ),
      ...(
        [
          ['toScript', 'of which the page’s document → its script runs', 'HTML, CSS and fonts loaded, the bundle parsed (performance.mark in main.ts)'],
          ['toReady', 'of which the script → the page says ready', 'the page built; the host posts nothing before ready'],
          ['toMessages', 'of which ready → the first page arrives from the host', 'the handshake, the host’s init and the messages (through VS Code’s webview messaging)'],
          ['toScreen', 'of which the first page arrives → on screen', 'rendered, then the next frame painted'],
        ] as const
      ).map(([key, name, note]) => fromSamples({ group, name: `  ${name}`, unit: 'ms', note }, busyPhases.map((p) => p[key]))),
      { group, name: 'first tab of a new window (10-message space)', unit: 'ms', value: firstTab, note: 'includes starting VS Code’s webview host in the window; not in the samples above' },
      fromSamples({ group, name: 'load one older page (median of 10)', unit: 'ms', note: 'scroll to the top → the page asks (GET /messages?beforeMessage=…) → rendered (aria-busy cleared)' }, olderMs),
      { group, name: 'load 10 older pages (total)', unit: 'ms', value: olderMs.reduce((a, b) => a + b, 0) },
      { group, name: 'DOM nodes, newest page', unit: 'nodes', value: firstDom.nodes, reference: vsSmall(smallDom.nodes), note: `${firstDom.articles} articles on the newest page` },
      {
        group,
        name: 'DOM nodes after 10 older pages',
        unit: 'nodes',
        value: busyDom.nodes,
        reference: vsSmall(smallDom.nodes),
        note: `${busyDom.articles} articles after 10 older pages (the timeline is windowed); 10-message space: ${smallDom.articles}`,
      },
      {
        group,
        name: 'JS heap after 10 older pages',
        unit: 'MB',
        value: busyHeap.mb,
        reference: vsSmall(smallHeap.mb),
        note: `CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage, of ${busyHeap.scope} (same-site webview frames share the workbench's renderer and V8 heap, so the space's own cost is the difference below)`,
      },
      { group, name: 'JS heap: 10,000-message space minus 10-message space', unit: 'MB', value: busyHeap.mb - smallHeap.mb },
      ...code,
    ];
  } catch (error) {
    const shot = await workbench.screenshot('bench-conversation-failure').catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}${shot ? ` (screenshot: ${shot})` : ''}`, { cause: error });
  } finally {
    await workbench.stop();
  }
}

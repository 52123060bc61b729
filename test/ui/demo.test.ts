// `npm start` as a newcomer runs it: start it as a child process, wait for the address it prints,
// open that address in a real (headless) Chromium, sign in with the printed demo token through the
// real password input, see the demo spaces, take the README's screenshots (media/screenshots/),
// then press "Ctrl+C" (SIGINT to its process group) and check that nothing it started is left:
// no process, no listening port, no temp folder.
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, Locator, Page, chromium } from 'playwright-core';
import { DEMO } from '../demo/demoScenario';
import { repoRoot } from '../host/paths';
import { CHROMIUM_PATH, requireChromium } from '../host/prerequisites';
import { findWebviewFrame } from './webviewFrame';
import { activityBarItem, viewHeader } from './workbenchActions';

/** Without the background-networking flags Chromium keeps trying to reach the internet. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** What `npm start` printed that the test needs. */
interface Printed {
  url: string;
  token: string;
  localWebex: string;
  tempDirs: string[];
}

/** `npm start`'s output so far, with the demo token masked (team rule: no token in test output). */
function shown(output: string): string {
  return output.split(DEMO.you.token).join('<demo token>');
}

function waitForReady(child: ChildProcess, output: () => string, timeoutMs: number): Promise<Printed> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`npm start printed no address within ${timeoutMs / 1000} s:\n${shown(output())}`)), timeoutMs);
    const check = (): void => {
      const text = output();
      const url = /^\s*Open VS Code:\s+(http:\/\/127\.0\.0\.1:\d+\/\S*)$/m.exec(text)?.[1];
      const token = /^\s*Demo token:\s+(\S+)/m.exec(text)?.[1];
      const localWebex = /^\s*Local Webex:\s+(http:\/\/127\.0\.0\.1:\d+\/v1)/m.exec(text)?.[1];
      if (url !== undefined && token !== undefined && localWebex !== undefined && /Press Ctrl\+C to stop/.test(text)) {
        const tempDirs = [...text.matchAll(/^\s*Temp folder:\s+(\S+)/gm)].map((m) => m[1]);
        finish(undefined, { url, token, localWebex, tempDirs });
      }
    };
    const onExit = (code: number | null): void => finish(new Error(`npm start exited (${String(code)}) before it was ready:\n${shown(output())}`));
    function finish(error: Error | undefined, printed?: Printed): void {
      clearTimeout(timer);
      child.stdout?.removeListener('data', check);
      child.removeListener('exit', onExit);
      if (error !== undefined) {
        reject(error);
      } else if (printed !== undefined) {
        resolve(printed);
      }
    }
    child.stdout?.on('data', check);
    child.on('exit', onExit);
  });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when nothing accepts connections on `origin`'s port any more. */
function refused(origin: string): Promise<boolean> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** Pids whose command line mentions `text` (what a leftover code-server or extension host would show). */
function processesMentioning(text: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e) && Number(e) !== process.pid)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * Opens "Get started with Webex" from the palette. VS Code tracks a walkthrough's completion events
 * only once its walkthrough service runs (it starts with the Welcome page or a walkthrough), and an
 * `onContext` that is already true then does not count: so the test opens it before signing in, as
 * VS Code's own Welcome page would at startup.
 */
async function openWalkthrough(page: Page): Promise<void> {
  // A click on the status bar's empty middle takes the focus out of any webview, so F1 reaches the workbench.
  await page.locator('.part.statusbar').click({ position: { x: 640, y: 10 } });
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.fill('>Welcome: Open Walkthrough');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
  await input.press('Enter');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Webex' }).first().waitFor();
  await input.fill('Get started with Webex');
  await input.press('Enter');
  await page.locator('.gettingStartedContainer .getting-started-step').first().waitFor({ state: 'visible', timeout: 30_000 });
}

async function signIn(page: Page, token: string): Promise<void> {
  // The Spaces view's welcome (viewsWelcome while signed out) has the Sign In button.
  await activityBarItem(page, 'Webex').click();
  await page.locator('.part.sidebar .welcome-view-content .monaco-button', { hasText: 'Sign In' }).first().click({ timeout: 60_000 });
  const password = page.locator('.quick-input-widget input[type="password"]');
  const pasteToken = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Paste an access token' });
  // Sign In may first ask how (OAuth, a token, a bot token); the demo signs in with a token.
  await password.or(pasteToken).first().waitFor({ state: 'visible', timeout: 30_000 });
  if (await pasteToken.isVisible()) {
    await pasteToken.click();
  }
  await password.waitFor({ state: 'visible', timeout: 30_000 });
  await password.pressSequentially(token);
  await password.press('Enter');
  await password.waitFor({ state: 'hidden', timeout: 30_000 });
}

describe('npm start: the demo (UI)', function () {
  // The first run may install code-server (a couple of minutes on 2 cores).
  this.timeout(12 * 60_000);
  const root = repoRoot();
  // Test artifacts go to test-results/; the README's copies in media/screenshots/ are rewritten only
  // on request (WEBEX_UPDATE_SCREENSHOTS=1), so a test run leaves the work tree clean.
  const screenshots = process.env.WEBEX_UPDATE_SCREENSHOTS === '1' ? path.join(root, 'media', 'screenshots') : path.join(root, 'test-results');
  let child: ChildProcess | undefined;
  let output = '';
  let printed: Printed | undefined;
  let browser: BrowserContext | undefined;
  let profileDir: string | undefined;

  before(async () => {
    requireChromium();
    // Its own process group, like a terminal's foreground job, so SIGINT to the group is Ctrl+C.
    child = spawn('npm', ['start'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WEBEX_TEST: undefined } });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    printed = await waitForReady(child, () => output, 10 * 60_000);
  });

  afterEach(async function () {
    // A failure leaves a picture of the workbench in test-results/ (not the README's folder).
    const page = browser?.pages()[0];
    if (this.currentTest?.state === 'failed' && page !== undefined) {
      const file = path.join(root, 'test-results', `demo-failed-${(this.currentTest.title).replace(/\W+/g, '-')}.png`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file }).catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    if (profileDir !== undefined) {
      fs.rmSync(profileDir, { recursive: true, force: true });
    }
    // If a test failed before the stop test ran, still stop everything npm start started.
    if (child?.pid !== undefined && groupAlive(child.pid)) {
      process.kill(-child.pid, 'SIGINT');
      await new Promise((r) => setTimeout(r, 10_000));
      if (groupAlive(child.pid)) {
        process.kill(-child.pid, 'SIGKILL');
      }
    }
  });

  it('prints the address, the demo token and the local Webex', () => {
    assert.ok(printed);
    assert.equal(printed.token, DEMO.you.token);
    // code-server listens on loopback only.
    assert.match(printed.url, /^http:\/\/127\.0\.0\.1:\d+\/\?folder=/);
    assert.ok(printed.tempDirs.length >= 1 && printed.tempDirs.every((d) => fs.existsSync(d)), 'its temp folders exist while it runs');
  });

  it('opens in a real browser, signs in with the demo token and shows the demo spaces', async () => {
    assert.ok(printed);
    profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-demo-browser-'));
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(printed.url);
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 60_000 });
    // The window opens on the demo folder's README (workbench.startupEditor: readme): how to sign in, what to try.
    const readme = await findWebviewFrame(page, 'h1:has-text("Webex for VS Code: demo")', { timeoutMs: 60_000 });
    assert.match(await readme.locator('body').innerText(), new RegExp(`demo token ${printed.token}`));
    await openWalkthrough(page);
    await page.locator('.tabs-container .tab', { hasText: 'README.md' }).first().click();
    await signIn(page, printed.token);
    await viewHeader(page, 'Spaces').waitFor({ state: 'visible' });
    for (const title of [DEMO.spaces.busy, DEMO.spaces.gateway, DEMO.spaces.release]) {
      await page.locator('.part.sidebar .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 60_000 });
    }
    fs.mkdirSync(screenshots, { recursive: true });
    await page.mouse.move(640, 1);
    await page.screenshot({ path: path.join(screenshots, 'demo-spaces.png') });
  });

  it('opens a conversation of the demo account from the Spaces view', async () => {
    assert.ok(browser);
    const page = browser.pages()[0];
    await page.locator('.part.sidebar .monaco-list-row', { hasText: DEMO.spaces.gateway }).first().click();
    const frame = await findWebviewFrame(page, `[role="log"] article`, { timeoutMs: 60_000 });
    await frame.locator('[role="log"] article', { hasText: 'Token bucket per key' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.mouse.move(640, 1);
    await page.screenshot({ path: path.join(screenshots, 'demo-conversation.png') });
  });

  it('ticks off the walkthrough steps the user has done: token, sign-in, spaces, a conversation', async () => {
    assert.ok(browser);
    const page = browser.pages()[0];
    await openWalkthrough(page);
    const step = (id: string): Locator => page.locator(`.gettingStartedContainer [data-step-id="webex-vscode.webex-vscode#webex.gettingStarted#${id}"]`);
    // completionEvents: onContext:webex:signedIn, onView:webex.spaces, onCommand:webex.openSpace.
    for (const done of ['getToken', 'signIn', 'seeSpaces', 'readConversation']) {
      await step(done).and(page.locator('[aria-checked="true"]')).waitFor({ state: 'attached', timeout: 30_000 });
    }
    for (const notYet of ['createSpace', 'postMessage', 'sendSnippet']) {
      assert.equal(await step(notYet).getAttribute('aria-checked'), 'false', `${notYet} is not done yet`);
    }
    // A step shows its markdown media beside the list.
    await step('createSpace').click();
    await findWebviewFrame(page, 'h1:has-text("Create a space")', { timeoutMs: 30_000 });
    // Wide enough for VS Code to put the media beside the steps.
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.mouse.move(800, 1);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(screenshots, 'demo-walkthrough.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('stops on Ctrl+C and leaves nothing running', async () => {
    assert.ok(child?.pid !== undefined && printed);
    const pgid = child.pid;
    await browser?.close();
    browser = undefined;
    const exited = new Promise<string>((resolve) => child?.once('exit', (code, signal) => resolve(signal ?? `exit ${String(code)}`)));
    process.kill(-pgid, 'SIGINT');
    // npm re-raises the signal on itself once its script has exited, as a terminal's Ctrl+C expects.
    assert.ok(['exit 0', 'SIGINT'].includes(await exited), `npm start ended with ${await exited} after Ctrl+C:\n${shown(output)}`);
    // npm, its shell and the launcher are one group; code-server and its extension host are another.
    for (let i = 0; i < 50 && groupAlive(pgid); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(groupAlive(pgid), false, 'a process of npm start is still running');
    assert.ok(await refused(printed.url), 'VS Code still listens');
    assert.ok(await refused(printed.localWebex), 'the local Webex still listens');
    for (const dir of printed.tempDirs) {
      assert.equal(fs.existsSync(dir), false, `${dir} was not removed`);
      assert.deepEqual(processesMentioning(dir), [], `processes still use ${dir}`);
    }
    assert.match(output, /stopped; nothing left running/);
  });
});

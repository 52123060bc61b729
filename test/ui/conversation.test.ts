// The conversation tab in the real workbench (code-server in Chromium, driven by Playwright):
// sign in, open a space, write in the composer and send with Enter; open a space of hostile
// messages and prove nothing ran, nothing was fetched and nothing navigated; scroll a long space
// back and check the DOM stays bounded. Screenshots of the conversation in the dark and the light
// theme go to test-results/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Dialog } from 'playwright-core';
import { Workbench, startWorkbench } from '../runner/workbench';
import { findWebviewFrame } from './webviewFrame';
import { runFromCommandPalette } from './workbenchActions';
import { LOG, openSpace, signInOrShow } from './conversationPage';
import { checkHostileCode } from './codeBlockChecks';
import { HOSTILE_SPACE, LONG_COUNT, LONG_SPACE, hostileBodies, conversationScenario } from './conversationScenario';

describe('Conversation tab (UI)', function () {
  this.timeout(10 * 60_000);
  let workbench: Workbench;
  const dialogs: string[] = [];

  before(async () => {
    // WEBEX_TEST=0: the real quick inputs (the runner's default scripts them for extension-host tests).
    workbench = await startWorkbench({ env: { WEBEX_TEST: '0' } });
    const sandbox = workbench.sandbox;
    assert.ok(sandbox);
    sandbox.reset(conversationScenario(`${sandbox.origin}/canary`));
    // Any dialog (alert, confirm, print…) from any frame would mean a payload ran.
    workbench.page.on('dialog', (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInOrShow(workbench, sandbox.tokenFor('ada@example.com'), 'conversation');
  });

  after(async () => {
    await workbench?.stop();
  });

  it('shows a space, sends a message with Enter, and looks right in the dark and the light theme', async () => {
    const { page } = workbench;
    const frame = await openSpace(page, 'Backend');
    assert.equal(await frame.evaluate(() => performance.getEntriesByName('webex:firstPage').length), 1, 'the first page is marked for the benchmark');
    // Threads, code with its language, mentions and files as Webex shows them.
    await frame.locator('.code-block .code-lang', { hasText: 'TypeScript' }).waitFor();
    await frame.locator('.mention.mention-me').first().waitFor();
    // The file's own name and size, which the host asked Webex for (HEAD) after the page showed.
    await frame.locator('.file .file-name', { hasText: 'gateway-design.md' }).waitFor({ timeout: 30_000 });
    await frame.locator('.file .file-size').first().waitFor();
    assert.ok((await frame.locator('.replies article').count()) >= 3, 'replies sit under their thread');

    const composer = frame.locator('textarea[aria-label="Write a message"]');
    await composer.click();
    await composer.pressSequentially('Hello from **Playwright**');
    await composer.press('Shift+Enter');
    await composer.pressSequentially('second line');
    assert.equal(await composer.inputValue(), 'Hello from **Playwright**\nsecond line', 'Shift+Enter breaks the line');
    await composer.press('Enter');
    const mine = frame.locator(`${LOG} article[data-message-id]`, { hasText: 'second line' });
    await mine.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await mine.locator('strong', { hasText: 'Playwright' }).count(), 1, 'markdown rendered');
    assert.equal(await composer.inputValue(), '', 'the composer is cleared');
    const posts = workbench.sandbox?.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages') ?? [];
    assert.equal(posts.length, 1);
    assert.match((await mine.getAttribute('class')) ?? '', /\bown\b/, 'own messages are told apart');

    // One screenshot per theme, named after the theme the workbench shows.
    const themed = async (): Promise<string> => {
      const dark = await page.evaluate(() => document.querySelector('.monaco-workbench')?.classList.contains('vs-dark') === true);
      return await workbench.screenshot(dark ? 'conversation-dark' : 'conversation-light');
    };
    const first = await themed();
    await runFromCommandPalette(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.waitForFunction((before) => document.querySelector('.monaco-workbench')?.classList.contains('vs-dark') !== before, first.endsWith('conversation-dark.png'), { timeout: 15_000 });
    await frame.locator(LOG).waitFor();
    await page.waitForTimeout(500); // the webview picks up the new theme variables
    const second = await themed();
    const [dark, light] = first.endsWith('conversation-dark.png') ? [first, second] : [second, first];
    assert.ok(fs.statSync(dark).size > 0 && fs.statSync(light).size > 0);
    await runFromCommandPalette(page, 'Preferences: Toggle between Light/Dark Themes');
  });

  it('mentions a member typed as @ and letters, picked with the keyboard, Webex stores the mention, and Up arrow edits it', async () => {
    const { page } = workbench;
    const sandbox = workbench.sandbox;
    assert.ok(sandbox);
    const frame = await openSpace(page, 'Backend');
    const composer = frame.locator('textarea[aria-label="Write a message"]');
    await composer.click();
    await composer.pressSequentially('@gr');
    const list = frame.locator('[role="listbox"]');
    await list.waitFor({ state: 'visible', timeout: 30_000 });
    const first = list.locator('[role="option"]').first();
    assert.match((await first.textContent()) ?? '', /Grace Hopper/, 'the best match first');
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    await composer.press('Enter');
    assert.equal(await list.isVisible(), false, 'Enter inserts and closes the list');
    await composer.pressSequentially('can you review the retry change?');
    assert.equal(await composer.inputValue(), '@Grace Hopper can you review the retry change?', 'the composer shows the name');
    await composer.press('Enter');
    const mine = frame.locator(`${LOG} article[data-message-id]`, { hasText: 'review the retry change' });
    await mine.waitFor({ state: 'visible', timeout: 30_000 });
    // What Webex stored, read back over its REST API as the mentioned person.
    const as = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
    const graceToken = sandbox.tokenFor('grace@example.com');
    const grace = (await (await fetch(`${sandbox.baseUrl}/people/me`, as(graceToken))).json()) as { id: string };
    const rooms = (await (await fetch(`${sandbox.baseUrl}/rooms?max=100`, as(graceToken))).json()) as { items: Array<{ id: string; title: string }> };
    const backend = rooms.items.find((r) => r.title === 'Backend');
    assert.ok(backend);
    const listed = (await (await fetch(`${sandbox.baseUrl}/messages?roomId=${encodeURIComponent(backend.id)}&max=5`, as(graceToken))).json()) as {
      items: Array<{ markdown?: string; mentionedPeople?: string[] }>;
    };
    const sent = listed.items.find((m) => m.markdown?.includes('review the retry change'));
    assert.ok(sent, 'the message is in the space');
    assert.equal(sent.markdown, `<@personId:${grace.id}|Grace Hopper> can you review the retry change?`);
    assert.deepEqual(sent.mentionedPeople, [grace.id], 'Webex filled mentionedPeople');

    // Up arrow in the empty composer edits the last own message here; Escape leaves it as it was.
    await composer.click();
    await composer.press('ArrowUp');
    const editBox = frame.locator('.edit-input');
    await editBox.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await editBox.inputValue(), /review the retry change/, 'the newest own message is the one edited');
    await editBox.press('Escape');
    await editBox.waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('opens a space with news where the user left off, under a New divider', async () => {
    const { page } = workbench;
    const sandbox = workbench.sandbox;
    assert.ok(sandbox);
    // Edsger writes in Frontend while Ada has it closed.
    const edsger = { Authorization: `Bearer ${sandbox.tokenFor('edsger@example.com')}`, 'Content-Type': 'application/json' };
    const rooms = (await (await fetch(`${sandbox.baseUrl}/rooms?max=100`, { headers: edsger })).json()) as { items: Array<{ id: string; title: string }> };
    const frontend = rooms.items.find((r) => r.title === 'Frontend');
    assert.ok(frontend);
    const posted = await fetch(`${sandbox.baseUrl}/messages`, { method: 'POST', headers: edsger, body: JSON.stringify({ roomId: frontend.id, text: 'The new build is up for review' }) });
    assert.equal(posted.status, 200);
    const { id } = (await posted.json()) as { id: string };
    const frame = await openSpace(page, 'Frontend');
    const divider = frame.locator('.new-divider');
    await divider.waitFor({ state: 'visible', timeout: 30_000 });
    // The divider sits right above the first unread message.
    const next = await divider.evaluate((d) => d.nextElementSibling?.getAttribute('data-message-id') ?? d.nextElementSibling?.querySelector('article')?.getAttribute('data-message-id'));
    assert.equal(next, id);
  });

  it('renders hostile messages inert: nothing runs, loads, navigates or escapes the sanitizer', async () => {
    const { page } = workbench;
    const sandbox = workbench.sandbox;
    assert.ok(sandbox);
    // The detector works: a request to a canary path is in the log.
    assert.equal((await fetch(`${sandbox.origin}/canary/control`)).status, 404);
    assert.ok(sandbox.requests.some((r) => r.path === '/canary/control'), 'canary requests are logged');

    const frame = await openSpace(page, HOSTILE_SPACE);
    const articles = frame.locator(`${LOG} article[data-message-id]`);
    const expected = hostileBodies('x').length + 1;
    for (let i = 0; i < 50 && (await articles.count()) < expected; i++) {
      await page.waitForTimeout(100);
    }
    assert.equal(await articles.count(), expected, 'every hostile message is shown (as text)');
    // Named character references are decoded by the browser's table (page/htmlEntities.ts), strictly
    // (`&ampx;` and unknown names stay as written), and a decoded `<` is text, never markup.
    const entities = frame.locator(`${LOG} article[data-message-id] p`, { hasText: 'Entities:' });
    assert.equal(await entities.textContent(), 'Entities: © ∉ &lt;b&gt; <i>x</i> &ampx; &notit; ; &nosuch; & end');
    assert.equal(await entities.locator('i, b').count(), 0, 'no element came out of an entity');
    const frameUrl = frame.url();
    // A click on a link goes to the host (openExternal after the click); the page never navigates.
    // (Only one, and not a canary: opening a clicked link in the browser is what should happen.)
    await frame.locator(`${LOG} a[href^="https://papers.example.com"]`).click();
    // VS Code's own link protection asks before opening an external site: proof the click went to
    // the host's openExternal. Cancel it.
    const confirm = page.locator('.monaco-dialog-box', { hasText: 'papers.example.com' });
    await confirm.waitFor({ state: 'visible', timeout: 30_000 });
    await confirm.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.waitForTimeout(1000); // time for anything that would run or load
    for (const f of page.frames()) {
      const pwned = await f.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => undefined);
      assert.equal(pwned, undefined, `a payload ran in ${f.url()}`);
    }
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.equal(frame.url(), frameUrl, 'the page did not navigate');
    const inLog = await frame.evaluate((selector) => {
      const log = document.querySelector(selector);
      if (!log) {
        return undefined;
      }
      // A card is drawn by the reference renderer (page/cards/), with its own style properties and
      // data: images; it is checked on its own below.
      const all = [...log.querySelectorAll('*')].filter((e) => !e.closest('.card-slot'));
      const inCards = [...log.querySelectorAll('.card-slot *')];
      return {
        forbiddenTags: all.filter((e) => /^(script|img|svg|iframe|style|link|meta|base|form|object|embed|video|audio|math|details|image)$/i.test(e.tagName)).map((e) => e.tagName),
        handlerAttributes: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'style' || a.name === 'srcdoc').map((a) => `${e.tagName}[${a.name}]`)),
        hrefs: all.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href') ?? ''),
        scriptsInApp: document.querySelectorAll('#app script').length,
        cardTags: inCards.filter((e) => /^(script|iframe|object|embed|form|base|link|meta|style)$/i.test(e.tagName)).map((e) => e.tagName),
        cardHandlers: inCards.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'srcdoc').map((a) => `${e.tagName}[${a.name}]`)),
        cardImages: inCards.filter((e) => e.tagName === 'IMG').map((e) => e.getAttribute('src') ?? '').filter((src) => !src.startsWith('data:')),
        // The page's bundle is inside its HTML (html.ts), and the body's only script is ours, carrying
        // this load's nonce; the only scripts loaded from a URL are the highlighter's and the card renderer's chunks, from
        // the extension's dist/webview, with the nonce too.
        scriptSources: [...document.querySelectorAll('script[src]')]
          .map((e) => `${new URL((e as HTMLScriptElement).src).pathname.split('/').slice(-3).join('/')}${(e as HTMLScriptElement).nonce ? '' : ' (no nonce)'}`)
          .filter((source) => !/^dist\/webview\/(highlight-[a-z]+|cards)\.js$/.test(source)),
        bodyScripts: [...document.querySelectorAll('body > script')].map((e) => ({ inline: !(e as HTMLScriptElement).src, nonced: (e as HTMLScriptElement).nonce !== '' })),
      };
    }, LOG);
    assert.ok(inLog);
    assert.deepEqual(inLog.forbiddenTags, []);
    assert.deepEqual(inLog.handlerAttributes, []);
    assert.deepEqual(inLog.hrefs.filter((h) => !/^(https?:|mailto:)/i.test(h)), [], 'only http, https and mailto links');
    assert.equal(inLog.scriptsInApp, 0);
    assert.deepEqual(inLog.scriptSources, [], 'no script loaded from a URL but the highlighter’s and the card renderer’s chunks');
    assert.deepEqual(inLog.bodyScripts, [{ inline: true, nonced: true }], 'only the page bundle, with its nonce');
    assert.deepEqual([inLog.cardTags, inLog.cardHandlers, inLog.cardImages], [[], [], []], 'a card brings no scripts, handlers or remote images');
    await frame.locator(`${LOG} .card-slot .ac-adaptiveCard`).waitFor();
    await checkHostileCode(frame);
    await frame.locator(`${LOG}`, { hasText: "<script>window.__pwned='text-script'" }).waitFor();

    // The card's image is fetched by the extension, never the page, and without the token
    // (services/cards/cardImages.ts): it reaches the local Webex as an anonymous request.
    const cardImage = sandbox.requests.filter((r) => r.path === '/canary/card-image');
    assert.ok(cardImage.every((r) => r.personEmail === undefined));
    const canaries = sandbox.requests.filter((r) => r.path.startsWith('/canary/') && r.path !== '/canary/control' && r.path !== '/canary/card-image');
    assert.deepEqual(canaries.map((r) => r.path), [], 'the local Webex never saw a canary path');
    await workbench.screenshot('conversation-hostile');
  });

  it('keeps the DOM bounded while scrolling back through a long space, and keeps the reading position', async () => {
    const { page } = workbench;
    const frame = await openSpace(page, LONG_SPACE);
    const sandbox = workbench.sandbox;
    assert.ok(sandbox);
    const pages = (): number => sandbox.requests.filter((r) => r.path === '/v1/messages' && r.query.beforeMessage !== undefined).length;
    const before = pages();
    let oldestShown = '';
    let anchored = 0;
    for (let i = 0; i < 60 && oldestShown !== 'Long message 1'; i++) {
      await frame.evaluate((selector) => {
        (document.querySelector(selector) as HTMLElement).scrollTop = 0;
      }, LOG);
      await page.waitForTimeout(80);
      const seen = await frame.evaluate((selector) => {
        const anchor = document.querySelector(selector)?.querySelector('article');
        return { id: anchor?.getAttribute('data-message-id') ?? '', top: anchor?.getBoundingClientRect().top ?? 0 };
      }, LOG);
      await page.waitForTimeout(400);
      // Older messages went in above: the message the user was reading did not move on screen.
      const now = await frame.evaluate(
        ({ selector, id }) => document.querySelector(selector)?.querySelector(`article[data-message-id="${CSS.escape(id)}"]`)?.getBoundingClientRect().top,
        { selector: LOG, id: seen.id },
      );
      if (now !== undefined) {
        assert.ok(Math.abs(now - seen.top) <= 2, `reading position kept (moved ${now - seen.top}px)`);
        anchored++;
      }
      oldestShown = ((await frame.locator(`${LOG} article .body`).first().textContent()) ?? '').trim();
    }
    assert.ok(anchored > 5, 'the reading position was checked after several loads');
    assert.match(oldestShown, /^Long message 1$/, 'scrolled back to the first message');
    assert.ok(pages() - before >= Math.floor(LONG_COUNT / 50) - 1, 'older pages were fetched with beforeMessage');
    const counts = await frame.evaluate(() => ({ articles: document.querySelectorAll('article').length, nodes: document.querySelectorAll('*').length }));
    assert.ok(counts.articles <= 220, `the DOM keeps at most ~200 messages (had ${counts.articles})`);
    assert.ok(counts.nodes < 5000, `DOM nodes stay bounded (had ${counts.nodes})`);
    // Back down to the newest: threads are rebuilt from memory, no request.
    const pagesBeforeDown = pages();
    for (let i = 0; i < 150; i++) {
      const done = await frame.evaluate((selector) => {
        const log = document.querySelector(selector) as HTMLElement;
        log.scrollTop = log.scrollHeight;
        return [...log.querySelectorAll('article .body')].some((b) => b.textContent?.trim() === 'Long message 700');
      }, LOG);
      if (done) {
        break;
      }
      await page.waitForTimeout(150);
    }
    const drawn = await frame.locator(LOG).getAttribute('data-window');
    assert.match(drawn ?? '', new RegExp(`/${LONG_COUNT}$`), 'all threads are in memory');
    await frame.locator(`${LOG} article`, { hasText: 'Long message 700' }).waitFor();
    // Polls for new messages may happen meanwhile; what must not happen is fetching pages again.
    assert.equal(pages(), pagesBeforeDown, 'threads scrolled away were rebuilt from memory, not fetched again');

    // Reading further up when Grace writes: the view stays put and a "New messages" button appears.
    await frame.evaluate((selector) => {
      const log = document.querySelector(selector) as HTMLElement;
      log.scrollTop = Math.max(0, log.scrollHeight / 2);
    }, LOG);
    await page.waitForTimeout(300);
    /** The first message in view and where it is on screen. */
    const reading = (): Promise<{ id: string; top: number }> =>
      frame.evaluate((selector) => {
        const log = document.querySelector(selector) as HTMLElement;
        const viewTop = log.getBoundingClientRect().top;
        const first = [...log.querySelectorAll('article')].find((a) => a.getBoundingClientRect().bottom > viewTop);
        return { id: first?.getAttribute('data-message-id') ?? '', top: first?.getBoundingClientRect().top ?? 0 };
      }, LOG);
    const readingAt = await reading();
    const rooms = (await (await fetch(`${sandbox.baseUrl}/rooms?max=1000`, { headers: { Authorization: `Bearer ${sandbox.tokenFor('ada@example.com')}` } })).json()) as {
      items: Array<{ id: string; title: string }>;
    };
    const longId = rooms.items.find((r) => r.title === LONG_SPACE)?.id;
    assert.ok(longId);
    const posted = await fetch(`${sandbox.baseUrl}/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.tokenFor('grace@example.com')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ roomId: longId, text: 'Are you still there?' }),
    });
    assert.equal(posted.status, 200);
    // Live updates bring it at once; without them the poll does (10 s focused, 60 s otherwise).
    const jump = frame.locator('button.jump');
    await jump.waitFor({ state: 'visible', timeout: 90_000 });
    const stillAt = await reading();
    assert.equal(stillAt.id, readingAt.id, 'the same message is in view');
    assert.ok(Math.abs(stillAt.top - readingAt.top) <= 2, `the view did not jump (${readingAt.top} → ${stillAt.top})`);
    await jump.click();
    await frame.locator(`${LOG} article`, { hasText: 'Are you still there?' }).waitFor({ state: 'visible' });
    await frame.locator('.new-divider').waitFor({ state: 'visible' });

    // A reply to the message read earlier, far above: it shows at the bottom as a reply preview,
    // and the preview takes the reader to the thread.
    const replied = await fetch(`${sandbox.baseUrl}/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.tokenFor('grace@example.com')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ roomId: longId, parentId: readingAt.id, text: 'Answering that one, far below' }),
    });
    assert.equal(replied.status, 200);
    const preview = frame.locator('button.reply-preview', { hasText: 'Answering that one, far below' });
    await preview.waitFor({ state: 'visible', timeout: 90_000 });
    assert.match((await preview.textContent()) ?? '', /↳ Reply in thread: Long message \d+/);
    await workbench.screenshot('conversation-reply-preview');
    await preview.click();
    const inThread = frame.locator(`${LOG} .thread[data-thread-id="${readingAt.id}"] .replies article`, { hasText: 'Answering that one, far below' });
    await inThread.waitFor({ state: 'visible' });
    assert.equal(await inThread.evaluate((el) => el === document.activeElement), true, 'the reply in its thread has the focus');
  });

  it('comes back after the window reloads (WebviewPanelSerializer and the page state)', async () => {
    const { page } = workbench;
    await page.reload();
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 60_000 });
    const frame = await findWebviewFrame(page, `${LOG}[aria-label="Messages in ${LONG_SPACE}"] article`, { timeoutMs: 60_000 });
    await frame.locator(`${LOG} article`, { hasText: 'Are you still there?' }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok((await page.locator('.tabs-container .tab', { hasText: 'Backend' }).count()) > 0, 'the other tabs are back too');
  });
});

// The extension in German, in the real workbench: VS Code started with `--locale de` (the runner
// installs a stub language pack, so VS Code's own strings stay English and every extension runs in
// German). Sign in through the German welcome view, read the views' German names, open a space
// from the German command and check the conversation page speaks German; then look through
// everything our views and the page show for any English message of our bundles that has a German
// translation of its own. The expected words come from the shipped translation files, so the test
// follows them and fails when a string stops going through l10n.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { repoRoot } from '../runner/paths';
import { Workbench, startWorkbench } from '../runner/workbench';
import { LOG } from './conversationPage';
import { findWebviewFrame } from './webviewFrame';
import { activityBarItem, runFromCommandPalette, viewHeader } from './workbenchActions';

type Strings = Record<string, string>;

function readStrings(file: string): Strings {
  const json = JSON.parse(fs.readFileSync(path.join(repoRoot(), file), 'utf8')) as Record<string, string | { message: string }>;
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, typeof v === 'string' ? v : v.message]));
}

const nlsEn = readStrings('package.nls.json');
const nlsDe = readStrings('package.nls.de.json');
const bundleEn = readStrings('l10n/bundle.l10n.json');
const bundleDe = readStrings('l10n/bundle.l10n.de.json');

/** The German of a manifest key, checked to differ from its English (or the test would prove nothing). */
function manifest(key: string): string {
  const de = nlsDe[key];
  assert.ok(de !== undefined && de !== nlsEn[key], `package.nls.de.json translates ${key}`);
  return de;
}

/** The German of a code message (the bundle's key is the English message). */
function t(message: string, ...args: string[]): string {
  const de = bundleDe[message];
  assert.ok(de !== undefined && de !== message, `bundle.l10n.de.json translates "${message}"`);
  return de.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? '');
}

/**
 * English phrases that must not show in German: the fixed pieces (between placeholders) of every
 * English message whose German differs, long enough (three words of two letters or more) not to match a name or a word
 * German shares with English.
 */
function englishPhrases(): string[] {
  const pairs: Array<[string, string | undefined]> = [
    ...Object.entries(bundleEn).map(([k, v]): [string, string | undefined] => [v, bundleDe[k]]),
    ...Object.entries(nlsEn).map(([k, v]): [string, string | undefined] => [v, nlsDe[k]]),
  ];
  const phrases = new Set<string>();
  for (const [en, de] of pairs) {
    if (de === undefined || de === en) {
      continue;
    }
    for (const piece of en.split(/\{\d+\}|\[|\]\([^)]*\)|\n/)) {
      const phrase = piece.trim();
      if (phrase.split(/\s+/).filter((word) => /\p{L}{2,}/u.test(word)).length >= 3 && !de.includes(phrase)) {
        phrases.add(phrase);
      }
    }
  }
  return [...phrases];
}

/** What our views show: their titles, rows, welcome text and buttons (not VS Code's own parts). */
async function sideBarText(page: Page): Promise<string> {
  return page.locator('.part.sidebar').evaluate((sidebar) => {
    const parts: string[] = [sidebar.textContent ?? ''];
    for (const el of Array.from(sidebar.querySelectorAll('[aria-label], [title]'))) {
      parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
    }
    return parts.join('\n');
  });
}

/** What the page shows and says to a screen reader, without what people wrote (message bodies, names, files). */
async function pageText(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    // Scripts hold the bundle itself (English keys beside German values); the rest is what people wrote.
    for (const el of Array.from(copy.querySelectorAll('script, style, .body, .author, .file-name, .card-body, .reply-preview-text'))) {
      el.remove();
    }
    const parts: string[] = [copy.textContent ?? ''];
    for (const el of Array.from(copy.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))) {
      parts.push(...['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''));
    }
    return parts.join('\n');
  });
}

function englishIn(text: string): string[] {
  const normalized = text.replace(/\s+/g, ' ');
  return englishPhrases().filter((phrase) => normalized.includes(phrase));
}

describe('In German (UI)', function () {
  this.timeout(10 * 60_000);
  let workbench: Workbench | undefined;

  before(async () => {
    // WEBEX_TEST=0: the real quick inputs, so their German labels are what is clicked.
    workbench = await startWorkbench({ locale: 'de', env: { WEBEX_TEST: '0' } });
  });

  after(async () => {
    await workbench?.stop();
  });

  it('signs in, names its views, opens a space and writes in German, with no English message of ours left', async () => {
    assert.ok(workbench?.sandbox);
    const { page, sandbox } = workbench;
    const english = englishPhrases();
    assert.ok(english.length > 100, `the English phrases are found (${english.length})`);

    await activityBarItem(page, 'Webex').click(); // a name, the same in German
    const welcome = manifest('viewsWelcome.spaces.0').split('\n')[0];
    await page.locator('.part.sidebar .welcome-view-content', { hasText: welcome.slice(0, 40) }).first().waitFor({ timeout: 60_000 });
    assert.deepEqual(englishIn(await sideBarText(page)), [], 'English in the signed-out side bar');
    await workbench.screenshot('german-welcome');

    await page.locator('.part.sidebar .welcome-view-content .monaco-button', { hasText: manifest('command.signIn.title') }).first().click();
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    const method = page.locator('.quick-input-widget .monaco-list-row', { hasText: t('Paste an access token') });
    if (await method.count()) {
      await method.first().click();
      await page.waitForTimeout(300);
    }
    await input.fill(sandbox.tokenFor('ada@example.com'));
    await input.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 30_000 });
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Backend' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    for (const key of ['view.spaces.name', 'view.members.name', 'view.webhookEvents.name']) {
      await viewHeader(page, manifest(key)).waitFor({ state: 'visible' });
    }
    const signedIn = await sideBarText(page);
    assert.deepEqual(englishIn(signedIn), [], 'English in the signed-in side bar');
    // Dates come from Intl in the display language: "27. Nov.", not "Nov 27".
    assert.doesNotMatch(signedIn, /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d/, 'an English date in the side bar');
    assert.match(signedIn, /\bgestern\b|vor \d/, 'the relative times are German');

    await runFromCommandPalette(page, `Webex: ${manifest('command.openSpace.title')}`);
    await input.waitFor({ state: 'visible' });
    await input.fill('Backend');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Backend' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await input.press('Enter');
    const frame = await findWebviewFrame(page, `${LOG}[aria-label="${t('Messages in {0}', 'Backend')}"] article`);
    await frame.locator(`${LOG} article`).first().waitFor({ state: 'visible', timeout: 30_000 });
    await frame.locator(`textarea[aria-label="${t('Write a message')}"]`).waitFor({ state: 'visible' });
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'de', 'the page says its language');
    // Message actions appear on hover and focus; show them so their labels are read too.
    await frame.locator(`${LOG} article`).first().hover();
    assert.deepEqual(englishIn(await pageText(frame)), [], 'English in the conversation page');
    await workbench.screenshot('german-conversation');
  });
});

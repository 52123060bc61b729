// Steps the conversation UI tests share: sign in through the welcome view and open a space's tab.
import type { Frame, Page } from 'playwright-core';
import type { Workbench } from '../runner/workbench';
import { findWebviewFrame } from './webviewFrame';
import { activityBarItem, runFromCommandPalette } from './workbenchActions';

export const LOG = '[role="log"]';

export async function signIn(page: Page, token: string, firstSpace = 'Backend'): Promise<void> {
  // The welcome view's Sign In button (viewsWelcome while signed out) runs webex.signIn.
  await activityBarItem(page, 'Webex').click();
  await page.locator('.part.sidebar .welcome-view-content .monaco-button', { hasText: 'Sign In' }).first().click({ timeout: 60_000 });
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  // Sign-in asks how first (OAuth, access token, bot token) when it offers more than one way.
  const method = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Paste an access token' });
  if (await method.count().catch(() => 0)) {
    await method.first().click();
    await page.waitForTimeout(300);
  }
  await input.fill(token);
  await input.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 30_000 });
  await page.locator('.part.sidebar .monaco-list-row', { hasText: firstSpace }).first().waitFor({ state: 'visible', timeout: 30_000 });
}

/** Opens a space through "Webex: Open Space" and returns the frame of its page once messages show. */
export async function openSpace(page: Page, title: string): Promise<Frame> {
  await runFromCommandPalette(page, 'Webex: Open Space');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(title);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await input.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: title }).first().waitFor({ state: 'visible', timeout: 30_000 });
  const frame = await findWebviewFrame(page, `${LOG}[aria-label="Messages in ${title}"] article`);
  await frame.locator(`${LOG} article`).first().waitFor({ state: 'visible', timeout: 30_000 });
  return frame;
}

/** Signs in; on failure keeps a screenshot (`<name>-sign-in-failed`) and prints the last log lines. */
export async function signInOrShow(workbench: Workbench, token: string, name: string, firstSpace?: string): Promise<void> {
  try {
    await signIn(workbench.page, token, firstSpace);
  } catch (error) {
    await workbench.screenshot(`${name}-sign-in-failed`);
    console.error(workbench.logs.slice(-30).join('\n'));
    throw error;
  }
}

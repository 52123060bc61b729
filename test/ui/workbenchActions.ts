// Small actions on the real workbench that UI tests share. Selectors follow what VS Code 1.139
// renders (roles and aria-labels first, classes where VS Code offers nothing else).
import { Locator, Page } from 'playwright-core';
import { poll } from '../kit/until';

/** The activity bar item of a view container, e.g. `activityBarItem(page, 'Webex')`. */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator('.part.activitybar .action-item').filter({ has: page.locator(`a[aria-label^="${title}"]`) });
}

/** The header of a view in the side bar (its title, e.g. "Spaces"). */
export function viewHeader(page: Page, title: string): Locator {
  return page.locator('.part.sidebar .pane-header').filter({ has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) });
}

/**
 * Opens the command palette and runs the command whose label is `label` (e.g. "Webex: Sign In").
 * The palette lists the commands whose `when` clause held when it opened, so a command that is not
 * there yet (an editor still loading, an extension still registering) is looked for again in a
 * freshly opened palette until `timeoutMs`.
 */
export async function runFromCommandPalette(page: Page, label: string, timeoutMs = 30_000): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  const picked = await poll(
    async () => {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${label}`);
      const found = await row.waitFor({ state: 'visible', timeout: 3000 }).then(
        () => true,
        () => false,
      );
      if (!found) {
        await page.keyboard.press('Escape');
        return false;
      }
      // Pick the row whose label is exactly `label`, not a longer command that contains it.
      const exact = page.locator('.quick-input-widget .monaco-list-row').filter({
        has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }),
      });
      await ((await exact.count()) > 0 ? exact.first().click() : input.press('Enter'));
      return true;
    },
    { timeoutMs, everyMs: 0 },
  );
  if (!picked) {
    throw new Error(`The command palette has no "${label}" after ${timeoutMs} ms`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens a workspace file by name through Quick Open (the palette without `>`). */
export async function openFileFromQuickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first().waitFor({ state: 'visible' });
  await input.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label^="${fileName}"]`).first().waitFor({ state: 'visible' });
}

// UI smoke test: the real workbench in Chromium shows the Webex view container and its three views.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Workbench, startWorkbench } from '../runner/workbench';
import { activityBarItem, viewHeader } from './workbenchActions';

describe('Webex in the activity bar (UI)', function () {
  // The first run may install code-server (a couple of minutes); later starts take seconds.
  this.timeout(10 * 60_000);
  let workbench: Workbench | undefined;

  before(async () => {
    workbench = await startWorkbench();
  });

  after(async () => {
    await workbench?.stop();
  });

  it('opens the Webex container with the Spaces, Teams and Members views', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    const item = activityBarItem(page, 'Webex');
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    await item.click();
    await page.locator('.part.sidebar .composite.title', { hasText: /webex/i }).waitFor({ state: 'visible', timeout: 30_000 });
    for (const view of ['Spaces', 'Teams', 'Members']) {
      await viewHeader(page, view).waitFor({ state: 'visible', timeout: 30_000 });
    }
    const file = await workbench.screenshot('sidebar-views');
    assert.ok(fs.statSync(file).size > 0);
  });
});

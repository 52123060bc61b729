/**
 * Renders test/demo/icon.svg to media/icon.png (256×256, transparent corners) with the Debian
 * Chromium the UI tests use, so the marketplace icon needs no image tool of its own:
 *
 *   npx tsc -p test/tsconfig.json && node out/test/demo/renderIcon.js
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from '../runner/paths';
import { CHROMIUM_PATH, requireChromium } from '../runner/prerequisites';

const SIZE = 256;

async function main(): Promise<void> {
  requireChromium();
  const root = repoRoot();
  const svg = fs.readFileSync(path.join(root, 'test', 'demo', 'icon.svg'), 'utf8');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'webex-icon-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: SIZE, height: SIZE },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const out = path.join(root, 'media', 'icon.png');
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
    console.log(`${path.relative(root, out)}: ${fs.statSync(out).size} bytes`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

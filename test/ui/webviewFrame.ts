// Webview content lives two iframes deep in the workbench: an outer `iframe.webview` (VS Code's
// host page) and an inner `#active-frame` with the extension's HTML. Frames come and go as webviews
// are shown, hidden and reloaded, so the helper finds the frame by what it contains.
import { Frame, Page } from 'playwright-core';
import { poll } from '../kit/until';

export interface FindWebviewFrameOptions {
  /** Default 30 s. */
  timeoutMs?: number;
  /** Only frames whose URL contains this (e.g. the webview's `extensionId=` or `purpose=`). */
  urlIncludes?: string;
}

/**
 * Resolves with the frame (at any depth) in which `selector` matches an element, e.g.
 * `findWebviewFrame(page, '[role="log"]')` for the thread webview, polling until `timeoutMs`.
 * The workbench's own document is never returned: only frames inside it.
 */
export async function findWebviewFrame(page: Page, selector: string, options: FindWebviewFrameOptions = {}): Promise<Frame> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const frame = await poll(() => frameWith(page, selector, options.urlIncludes), { timeoutMs, everyMs: 200 });
  if (frame === undefined) {
    const urls = page.frames().map((f) => f.url()).filter((u) => u !== '' && u !== 'about:blank');
    throw new Error(`No webview frame contains ${selector} after ${timeoutMs} ms. Frames: ${urls.join(', ') || '(none)'}`);
  }
  return frame;
}

async function frameWith(page: Page, selector: string, urlIncludes: string | undefined): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || frame.isDetached()) {
      continue;
    }
    if (urlIncludes !== undefined && !frame.url().includes(urlIncludes)) {
      continue;
    }
    // A frame can be detached between listing and querying; that just means "not this one".
    const count = await frame.locator(selector).count().catch(() => 0);
    if (count > 0) {
      return frame;
    }
  }
  return undefined;
}

/**
 * What highlighting code costs the conversation tab, on the space of code snippets: the open time
 * (Enter → the first page on screen) with `webex.conversation.highlightCode` on and off, opened
 * alternately in new tabs, and with it on, the time from the first page on screen to the page's
 * `webex:highlighted` mark (every block seen in view so far coloured; page/code/highlighter.ts).
 * The setting is switched through the workspace's .vscode/settings.json, which VS Code watches;
 * each open checks the page it got follows it (its `#app` names the chunks only when on).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { CODE_MESSAGES, CODE_SPACE } from './benchScenario';
import { fromSamples, type Figure } from './figures';

export interface CodeBenchSteps {
  workspaceDir: string;
  runs: number;
  open(title: string): Promise<{ frame: Frame; openMs: number }>;
  closeAll(): Promise<void>;
}

function setHighlighting(workspaceDir: string, on: boolean): void {
  const folder = path.join(workspaceDir, '.vscode');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'settings.json'), JSON.stringify({ 'webex.conversation.highlightCode': on }, null, 2));
}

/** Opens the code space until its page follows the setting (VS Code reads the file within a moment). */
async function openWith(steps: CodeBenchSteps, on: boolean): Promise<{ frame: Frame; openMs: number }> {
  for (let attempt = 0; ; attempt++) {
    const opened = await steps.open(CODE_SPACE);
    const highlighting = await opened.frame.evaluate(() => document.getElementById('app')?.dataset.chunks !== undefined);
    if (highlighting === on) {
      return opened;
    }
    if (attempt >= 10) {
      throw new Error(`the conversation did not follow webex.conversation.highlightCode = ${String(on)}`);
    }
    await steps.closeAll();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** First page on screen → every block seen so far coloured (ms), and how many blocks that was. */
async function highlightTime(frame: Frame): Promise<{ ms: number; blocks: number }> {
  await frame.waitForFunction(() => performance.getEntriesByName('webex:highlighted').length > 0, undefined, { timeout: 60_000, polling: 20 });
  return await frame.evaluate(() => {
    const first = performance.getEntriesByName('webex:firstPage')[0]?.startTime ?? NaN;
    const done = performance.getEntriesByName('webex:highlighted')[0]?.startTime ?? NaN;
    return { ms: done - first, blocks: document.querySelectorAll('.code-block.highlighted').length };
  });
}

export async function codeHighlightingFigures(steps: CodeBenchSteps): Promise<Figure[]> {
  const on: number[] = [];
  const off: number[] = [];
  const toColoured: number[] = [];
  let blocks = 0;
  try {
    for (let i = 0; i < steps.runs; i++) {
      for (const highlighting of i % 2 === 0 ? [true, false] : [false, true]) {
        setHighlighting(steps.workspaceDir, highlighting);
        const { frame, openMs } = await openWith(steps, highlighting);
        (highlighting ? on : off).push(openMs);
        if (highlighting) {
          const coloured = await highlightTime(frame);
          toColoured.push(coloured.ms);
          blocks = coloured.blocks;
        }
        await steps.closeAll();
      }
      console.log(`  code space ${i + 1}/${steps.runs}: open ${on[i].toFixed(0)} ms highlighting on, ${off[i].toFixed(0)} ms off; coloured ${toColoured[i].toFixed(0)} ms after`);
    }
  } finally {
    fs.rmSync(path.join(steps.workspaceDir, '.vscode'), { recursive: true, force: true });
  }
  const group = `Code highlighting (${CODE_MESSAGES} snippets)`;
  const offMedian = fromSamples({ group, name: '', unit: 'ms' }, off).value ?? NaN;
  return [
    fromSamples(
      {
        group,
        name: 'open → newest page on screen, highlighting on',
        unit: 'ms',
        budget: { max: 300, text: '≤ 300 ms' },
        reference: { value: offMedian, what: 'webex.conversation.highlightCode off' },
        note: 'the ratio to the same open with highlighting off is its cost on the way to the first page (none is wanted: the page renders plain first)',
      },
      on,
    ),
    fromSamples({ group, name: 'open → newest page on screen, highlighting off', unit: 'ms' }, off),
    fromSamples(
      {
        group,
        name: 'first page on screen → visible blocks coloured',
        unit: 'ms',
        note: `performance.mark('webex:firstPage') → 'webex:highlighted' (IntersectionObserver, idle slices; the core and the grammars of the blocks in view loaded on the way); ${blocks} blocks in view coloured by then`,
      },
      toColoured,
    ),
  ];
}

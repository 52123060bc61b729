/**
 * The folder the demo opens in VS Code: a little code to send to a space as a snippet
 * (walkthrough step "Send a code snippet") and a short guide.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const TOKEN_BUCKET = `// A token bucket: select a few lines, right-click and choose "Send Selection to Space".
export class TokenBucket {
  private tokens: number;
  private last = Date.now();

  constructor(private readonly ratePerSecond: number, private readonly burst: number) {
    this.tokens = burst;
  }

  /** Takes one token; returns 0 when allowed, else the seconds to wait (for Retry-After). */
  take(now = Date.now()): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - this.tokens) / this.ratePerSecond);
  }
}
`;

function guide(signIn: string): string {
  return `# Webex for VS Code: demo

${signIn}

To follow along step by step, open the walkthrough first: F1 → **Welcome: Open Walkthrough…** →
**Get started with Webex**. It ticks off each step as you do it.

Then try:

1. **Spaces** in the Webex side bar: your spaces, most recently active first. Click one to read it.
2. **Dev Chat** is a busy space: scroll up to load older messages; threads show their replies.
3. Write in the box at the bottom of a conversation and press Enter to post.
4. Open \`src/tokenBucket.ts\`, select some lines, right-click and choose **Webex: Send Selection to Space**.
5. Right-click a file in the Explorer and choose **Webex: Send File to Space**.
6. **Webex: Create Space** (F1) creates a space; the **Members** view manages who is in it.
`;
}

/** Writes the demo files into `dir` (which must exist). `signIn` says how to sign in, as one paragraph. */
export function writeDemoWorkspace(dir: string, signIn: string): void {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'tokenBucket.ts'), TOKEN_BUCKET);
  // README.md: `workbench.startupEditor: readme` shows it when the window opens.
  fs.writeFileSync(path.join(dir, 'README.md'), guide(signIn));
}

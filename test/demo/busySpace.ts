/**
 * The busy space of the demo account: a few hundred messages of an engineering chat over two weeks,
 * with threads, code and mentions, built from a seeded PRNG so every `npm start` shows the same
 * conversation. Enough to scroll back through pages (Webex pages messages newest first: GET /messages).
 */
import type { ScenarioMessage } from '../sandbox/scenario';
import { prng } from '../sandbox/prng';

export interface BusySpaceOptions {
  /** Room key of the busy space. */
  room: string;
  /** Emails of the members who talk (the signed-in person among them). */
  authors: readonly string[];
  /** How many messages, replies included. */
  count: number;
  /** `now` in ms; the messages end a few minutes before it. */
  now: number;
  /** Spread over this many days. */
  days: number;
  seed?: number;
}

const OPENERS = [
  'Has anyone seen the flaky `checkout.spec.ts` again?',
  'Heads-up: the staging database is being resized at 14:00 UTC.',
  'I just merged the pagination fix, please rebase your branches.',
  'Who owns the `billing-export` cron job these days?',
  'Reminder: code freeze for 4.2 starts Thursday.',
  'The p95 latency of `/search` went up after the last deploy. Looking into it.',
  'Is there a reason we pin `undici` to 7.x in the gateway?',
  'New ADR up for review: feature flags in the config service.',
  'Can someone pair with me on the websocket reconnect bug this afternoon?',
  'We are over the log budget again; the debug logging in `auth-service` is still on.',
  'Does anyone have a good example of contract tests for the partner API?',
  'FYI the design tokens package is now published from CI.',
  'Retro notes are in the wiki, thanks all for the candid feedback.',
  'The integration suite now runs against a local Webex, no more shared sandbox account.',
  'Anyone else getting 429s from the metrics API this morning?',
  'Docs site preview deploys are back, sorry for the outage.',
  'Please review the on-call handbook changes before Monday.',
  'Dependabot opened 14 PRs overnight; I grouped them into one.',
];

const REPLIES = [
  'Looking now.',
  'Same here, it started after lunch.',
  'I can take that.',
  'Thanks for the heads-up!',
  'Merged 👍',
  'Good catch, I will add a test.',
  'Can we move this to the Incidents space?',
  'Yes, the cache TTL was set to zero by mistake.',
  'I left a couple of comments on the PR.',
  'Not me, but check the CODEOWNERS file.',
  'Works on my machine now after `npm ci`.',
  '+1, let’s do it after the release.',
  'I think Lena changed that last sprint.',
  'Rolled back, the dashboard is green again.',
  'Let’s discuss at stand-up.',
  'Ship it 🚀',
];

const SNIPPETS = [
  'Quick repro:\n\n```bash\ncurl -s -o /dev/null -w "%{http_code}\\n" https://staging.example.com/health\n```',
  'This is the guard I ended up with:\n\n```ts\nif (response.status === 429) {\n  const wait = Number(response.headers.get("retry-after") ?? 1);\n  await sleep(wait * 1000);\n  return retry();\n}\n```',
  'The query that times out:\n\n```sql\nSELECT account_id, count(*)\nFROM events\nWHERE created_at > now() - interval \'7 days\'\nGROUP BY account_id\nORDER BY 2 DESC\nLIMIT 50;\n```',
  'Config change for the canary:\n\n```yaml\ncanary:\n  weight: 10\n  metrics:\n    - name: error-rate\n      threshold: 0.5\n```',
  'Found it:\n\n```diff\n-  timeout: 500,\n+  timeout: 5_000,\n```',
  'Python helper for the export:\n\n```python\ndef chunks(items, size):\n    for i in range(0, len(items), size):\n        yield items[i:i + size]\n```',
];

/** The busy space's messages, oldest first; about one in four top-level messages gets replies. */
export function busySpaceMessages(options: BusySpaceOptions): ScenarioMessage[] {
  const random = prng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const span = options.days * 24 * 3600_000;
  const step = span / options.count;
  // Whole minutes, like real timestamps shown in a chat; 10 minutes before now at the latest.
  const at = (i: number): string => new Date(Math.floor((options.now - 600_000 - span + i * step) / 60_000) * 60_000).toISOString();
  const messages: ScenarioMessage[] = [];
  let openThread: { key: string; replies: number } | undefined;
  for (let i = 0; messages.length < options.count; i++) {
    const author = pick(options.authors);
    const created = at(messages.length);
    if (openThread !== undefined && openThread.replies > 0) {
      openThread.replies--;
      messages.push({ room: options.room, author, created, parent: openThread.key, markdown: pick(REPLIES) });
      continue;
    }
    const roll = random();
    const key = `busy-${i}`;
    if (roll < 0.12) {
      messages.push({ key, room: options.room, author, created, markdown: pick(SNIPPETS) });
    } else if (roll < 0.18) {
      const other = pick(options.authors.filter((a) => a !== author));
      messages.push({ key, room: options.room, author, created, markdown: `<@personEmail:${other}> ${pick(OPENERS)}` });
    } else {
      messages.push({ key, room: options.room, author, created, markdown: pick(OPENERS) });
    }
    openThread = random() < 0.25 ? { key, replies: 1 + Math.floor(random() * 4) } : undefined;
  }
  return messages;
}

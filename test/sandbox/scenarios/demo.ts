/**
 * The demo account (cli.ts `--scenario demo`): a product team's Webex as Ada Lovelace sees it.
 * Three teams with their spaces, standalone and direct spaces, threads, code snippets in several
 * languages, uploaded files, a build bot, and "Release Train", a busy space of a few hundred messages.
 * Deterministic for a given `now`.
 */
import type { Scenario, ScenarioMessage, ScenarioPerson, ScenarioRoom } from '../scenario';

const PEOPLE: Array<[string, string, string?]> = [
  ['ada', 'Ada Lovelace', 'Principal Engineer'],
  ['grace', 'Grace Hopper', 'Engineering Manager'],
  ['alan', 'Alan Turing', 'Staff Engineer'],
  ['margaret', 'Margaret Hamilton', 'Reliability Lead'],
  ['edsger', 'Edsger Dijkstra', 'Senior Engineer'],
  ['barbara', 'Barbara Liskov', 'Research Scientist'],
  ['dennis', 'Dennis Ritchie', 'Senior Engineer'],
  ['radia', 'Radia Perlman', 'Network Architect'],
  ['frances', 'Frances Allen', 'Compiler Engineer'],
  ['ken', 'Ken Thompson', 'Engineer'],
  ['katherine', 'Katherine Johnson', 'Data Scientist'],
  ['john', 'John Backus', 'Product Manager'],
];

const e = (key: string): string => (key === 'bot' ? 'buildbot@webex.bot' : `${key}@example.com`);

const TS_SNIPPET = [
  '```ts',
  'export async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {',
  '  for (let i = 0; ; i++) {',
  '    try {',
  '      return await fn();',
  '    } catch (err) {',
  '      if (i + 1 >= attempts) { throw err; }',
  '      await new Promise((r) => setTimeout(r, 2 ** i * 250));',
  '    }',
  '  }',
  '}',
  '```',
].join('\n');

const PY_SNIPPET = ['```python', 'def p95(samples):', '    s = sorted(samples)', '    return s[int(len(s) * 0.95) - 1]', '```'].join('\n');
const SQL_SNIPPET = ['```sql', 'SELECT room_id, count(*) AS n', 'FROM messages', "WHERE created > now() - interval '1 day'", 'GROUP BY room_id ORDER BY n DESC LIMIT 10;', '```'].join('\n');
const SH_SNIPPET = ['```sh', 'npm ci && npm test -- --grep "pagination"', '```'].join('\n');

/** A 1×1 PNG, so the demo has a binary file too. */
const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const CHATTER = [
  'Merged the fix for the flaky pagination test.',
  'Can someone review **#{n}**? It is small.',
  'Staging looks healthy after the deploy.',
  'Reminder: code freeze starts Thursday 17:00.',
  'I bumped `undici` to the latest patch release.',
  'The 429s went away once we honoured `Retry-After`.',
  'Lunch? 🍜',
  'Docs for the new setting are up: [webex.apiBaseUrl](https://docs.example.com/settings)',
  'Who owns the release notes this week?',
  'Rolling back #{n}, it broke the sidebar on Windows.',
  'Green again ✅',
  'Please use threads for the long discussions 🙏',
];

export function demoScenario(options: { now?: Date } = {}): Scenario {
  const now = (options.now ?? new Date()).getTime();
  const minutesAgo = (m: number): string => new Date(Math.floor((now - m * 60_000) / 60_000) * 60_000).toISOString();
  const daysAgo = (d: number, h = 0): string => minutesAgo(d * 1440 + h * 60);

  const people: ScenarioPerson[] = PEOPLE.map(([key, displayName, title]) => ({
    email: e(key),
    displayName,
    title,
    token: `token-${key}`,
    created: daysAgo(700),
    status: key === 'margaret' ? 'meeting' : key === 'ken' ? 'OutOfOffice' : 'active',
  }));
  people.push({ email: e('bot'), displayName: 'Build Bot', token: 'token-buildbot', type: 'bot', created: daysAgo(500) });

  const group = (key: string, title: string, team: string | undefined, members: string[], extra: Partial<ScenarioRoom> = {}): ScenarioRoom => ({
    key,
    type: 'group',
    title,
    team,
    creator: e(members[0]),
    created: daysAgo(90),
    members: members.map((m) => ({ email: e(m) })),
    ...extra,
  });
  const direct = (other: string): ScenarioRoom => ({
    key: `dm-${other}`,
    type: 'direct',
    creator: e(other),
    created: daysAgo(120),
    members: [{ email: e('ada') }, { email: e(other) }],
  });

  const messages: ScenarioMessage[] = [];
  const say = (room: string, who: string, at: string, body: Partial<ScenarioMessage>): void => {
    messages.push({ room, author: e(who), created: at, ...body });
  };

  // Platform team.
  say('platform#general', 'grace', daysAgo(100), { markdown: 'Welcome to **Platform** 👋 Pick the spaces you need from the team.' });
  say('gateway', 'alan', daysAgo(3, 6), { key: 'gw-plan', markdown: 'Plan for the gateway: one connection pool, retries with backoff, and `Retry-After` on 429.' });
  say('gateway', 'ada', daysAgo(3, 5), { parent: 'gw-plan', markdown: `Here is the helper I mentioned:\n\n${TS_SNIPPET}` });
  say('gateway', 'edsger', daysAgo(3, 4), { parent: 'gw-plan', text: 'Please cap the attempts; unbounded retries are a bug.' });
  say('gateway', 'alan', daysAgo(3, 3), { parent: 'gw-plan', markdown: '<@personEmail:edsger@example.com> capped at 3, see above.' });
  say('gateway', 'margaret', daysAgo(1, 2), {
    markdown: 'Load test results attached.',
    file: { filename: 'loadtest-results.txt', contentType: 'text/plain', text: 'p50 42ms\np95 180ms\np99 410ms\nerrors 0.02%\n' },
  });
  say('gateway', 'ada', daysAgo(0, 3), { markdown: '<@personEmail:margaret@example.com> p99 looks fine to me — ship it?' });
  say('observability', 'katherine', daysAgo(5), { markdown: `How I compute p95 for the dashboards:\n\n${PY_SNIPPET}` });
  say('observability', 'margaret', daysAgo(4, 20), { text: 'Nice. Can we alert on it?' });
  say('incidents', 'margaret', daysAgo(9), { key: 'inc', markdown: '**INC-231** elevated 502s from the edge, mitigated by failing over.' });
  say('incidents', 'radia', daysAgo(9, -1), { parent: 'inc', text: 'Root cause: a bad route advertisement. Postmortem on Monday.' });
  say('incidents', 'grace', daysAgo(8), { parent: 'inc', text: 'Thanks both.' });

  // Editor Experience team.
  say('editor#general', 'john', daysAgo(80), { text: 'Editor Experience: everything about the IDE integrations.' });
  say('vscode', 'ada', daysAgo(2, 7), { key: 'ext', markdown: 'The sidebar now lists spaces by last activity. Screenshot:', file: { filename: 'sidebar.png', contentType: 'image/png', base64: PIXEL_PNG } });
  say('vscode', 'frances', daysAgo(2, 6), { parent: 'ext', text: 'Looks great. Does it page after 1000 spaces?' });
  say('vscode', 'ada', daysAgo(2, 5), { parent: 'ext', markdown: 'Yes, it follows `Link: rel="next"`.' });
  say('vscode', 'ken', daysAgo(1, 9), { markdown: `Repro for the test failure:\n\n${SH_SNIPPET}` });
  say('design', 'john', daysAgo(6), { markdown: 'Design review Thursday: **thread view** and the composer. <@all> please add comments beforehand.' });

  // Research team.
  say('research#general', 'barbara', daysAgo(70), { text: 'Research updates go here.' });
  say('papers', 'barbara', daysAgo(11), { markdown: 'New draft: [Behavioural subtyping revisited](https://papers.example.com/lsp-2)' });
  say('reading', 'frances', daysAgo(7), { text: 'Next week: “Can Programming Be Liberated from the von Neumann Style?”' });
  say('reading', 'john', daysAgo(7, -1), { text: 'I might know the author 😄' });

  // Standalone spaces.
  say('coffee', 'dennis', daysAgo(0, 5), { text: 'Fresh coffee on the 3rd floor ☕' });
  say('coffee', 'ken', daysAgo(0, 4), { text: 'On my way.' });
  say('hiring', 'grace', daysAgo(4), { markdown: 'Interview loop for the **Senior Engineer** role: Ada, Alan, Radia.' });
  say('analytics', 'katherine', daysAgo(2), { markdown: `Busiest spaces yesterday:\n\n${SQL_SNIPPET}` });

  // Direct spaces.
  say('dm-grace', 'grace', daysAgo(0, 6), { text: 'Got a minute for the roadmap?' });
  say('dm-grace', 'ada', daysAgo(0, 5), { text: 'After stand-up.' });
  say('dm-alan', 'alan', daysAgo(1, 1), { markdown: 'Puzzle of the day: is this `halts()` implementation correct? 😉' });
  say('dm-radia', 'radia', daysAgo(10), { text: 'Sent you the network diagram.' });
  say('dm-bot', 'ada', daysAgo(15), { text: 'help' });
  say('dm-bot', 'bot', daysAgo(15, -0.02), { markdown: 'I can `deploy <env>`, `status`, and `retry <build>`.' });

  // Release Train: a busy space of a few hundred messages over the last days, with build notices and threads.
  const trainMembers = ['ada', 'grace', 'alan', 'margaret', 'edsger', 'dennis', 'ken', 'frances', 'john', 'bot'];
  let lastTop = '';
  for (let i = 0; i < 320; i++) {
    const at = minutesAgo((320 - i) * 27 + 30);
    const key = `train-${i}`;
    if (i % 8 === 0) {
      say('train', 'bot', at, { key, markdown: `Build **#${1000 + i}** ${i % 24 === 0 ? 'failed ❌ in `test/unit`' : 'passed ✅'} on \`main\`.` });
      lastTop = key;
    } else if (i % 8 === 1 && (i - 1) % 24 === 0) {
      say('train', 'ada', at, { parent: lastTop, markdown: '<@personEmail:buildbot@webex.bot> retry' });
    } else if (i % 31 === 0) {
      say('train', 'alan', at, { key, markdown: `Snippet from the failing check:\n\n${TS_SNIPPET}` });
      lastTop = key;
    } else {
      const who = trainMembers[(i * 7) % (trainMembers.length - 1)];
      const text = CHATTER[(i * 5) % CHATTER.length].replace('#{n}', `#${400 + i}`);
      say('train', who, at, { key, markdown: i % 17 === 0 ? `<@personEmail:ada@example.com> ${text}` : text });
      lastTop = key;
    }
  }

  const rooms: ScenarioRoom[] = [
    group('gateway', 'API Gateway', 'platform', ['alan', 'ada', 'edsger', 'margaret', 'radia']),
    group('observability', 'Observability', 'platform', ['margaret', 'ada', 'katherine']),
    group('incidents', 'Incidents', 'platform', ['margaret', 'ada', 'radia', 'grace'], { isLocked: true, members: [{ email: e('margaret'), isModerator: true }, { email: e('ada') }, { email: e('radia') }, { email: e('grace') }] }),
    group('vscode', 'VS Code Extension', 'editor', ['ada', 'frances', 'ken', 'john']),
    group('design', 'Design Reviews', 'editor', ['john', 'ada', 'frances', 'grace']),
    group('papers', 'Papers', 'research', ['barbara', 'ada', 'frances']),
    group('reading', 'Reading Group', 'research', ['frances', 'ada', 'john', 'barbara']),
    group('coffee', 'Coffee Chat', undefined, ['dennis', 'ada', 'ken', 'grace', 'alan', 'katherine']),
    group('hiring', 'Hiring: Senior Engineer', undefined, ['grace', 'ada', 'alan', 'radia']),
    group('analytics', 'Analytics', undefined, ['katherine', 'ada', 'john']),
    group('train', 'Release Train', undefined, trainMembers, { description: 'Builds, releases and the chatter around them' }),
    direct('grace'),
    direct('alan'),
    direct('radia'),
    { ...direct('bot'), creator: e('ada') },
  ];

  return {
    name: 'demo',
    seed: 'demo',
    people,
    teams: [
      { key: 'platform', name: 'Platform', description: 'APIs, reliability and infrastructure', creator: e('grace'), created: daysAgo(100),
        members: ['ada', 'alan', 'margaret', 'edsger', 'radia', 'katherine'].map((k) => ({ email: e(k), isModerator: k === 'ada' })) },
      { key: 'editor', name: 'Editor Experience', creator: e('john'), created: daysAgo(80),
        members: ['ada', 'frances', 'ken', 'grace'].map((k) => ({ email: e(k) })) },
      { key: 'research', name: 'Research', creator: e('barbara'), created: daysAgo(70),
        members: ['ada', 'frances', 'john'].map((k) => ({ email: e(k) })) },
    ],
    rooms,
    messages,
  };
}

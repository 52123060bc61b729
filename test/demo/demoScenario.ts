/**
 * The account `npm start` signs you in to: Priya Raman, a staff engineer at a small software company
 * (example.com), with her colleagues, a partner from another organisation, two bots, three teams
 * with their spaces, standalone and direct spaces, threads, code snippets, mentions, a file, an
 * adaptive card from a bot and a busy space of a few hundred messages. Everything is relative to
 * `now`, so the demo always looks recent.
 */
import { APPROVAL_CARD, APPROVAL_TITLE } from '../sandbox/scenarios/approvalCard';
import type { Scenario, ScenarioMessage } from '../sandbox/scenario';
import { busySpaceMessages } from './busySpace';

/** Who is who in the demo account; `you` is the person the printed token signs in. */
export const DEMO = {
  you: { email: 'priya@example.com', token: 'demo-token-priya', displayName: 'Priya Raman' },
  marco: { email: 'marco@example.com', token: 'demo-token-marco', displayName: 'Marco Rossi' },
  lena: { email: 'lena@example.com', token: 'demo-token-lena', displayName: 'Lena Fischer' },
  kenji: { email: 'kenji@example.com', token: 'demo-token-kenji', displayName: 'Kenji Sato' },
  amara: { email: 'amara@example.com', token: 'demo-token-amara', displayName: 'Amara Okafor' },
  sam: { email: 'sam@example.com', token: 'demo-token-sam', displayName: 'Sam Carter' },
  noor: { email: 'noor@example.com', token: 'demo-token-noor', displayName: 'Noor Haddad' },
  diego: { email: 'diego@example.com', token: 'demo-token-diego', displayName: 'Diego Álvarez' },
  julia: { email: 'julia@example.com', token: 'demo-token-julia', displayName: 'Julia Novak' },
  tom: { email: 'tom@example.com', token: 'demo-token-tom', displayName: 'Tom Becker' },
  ravi: { email: 'ravi@partner.example', token: 'demo-token-ravi', displayName: 'Ravi Menon' },
  pipeline: { email: 'pipeline@webex.bot', token: 'demo-token-pipeline', displayName: 'Pipeline Bot' },
  oncall: { email: 'oncall@webex.bot', token: 'demo-token-oncall', displayName: 'On-call Bot' },
  /** Titles of the spaces the demo test and the README talk about. */
  spaces: { busy: 'Dev Chat', gateway: 'API Gateway', release: 'Release 4.2', builds: 'Build Notifications' },
  busyMessages: 320,
} as const;

const DAY = 24 * 3600_000;

export function demoScenario(options: { now?: Date } = {}): Scenario {
  const now = (options.now ?? new Date()).getTime();
  const at = (d: number, h = 0): string => new Date(Math.floor((now - d * DAY - h * 3600_000) / 60_000) * 60_000).toISOString();
  const { you, marco, lena, kenji, amara, sam, noor, diego, julia, tom, ravi, pipeline, oncall } = DEMO;
  const m = (room: string, author: { email: string }, created: string, body: Partial<ScenarioMessage>): ScenarioMessage => ({
    room,
    author: author.email,
    created,
    ...body,
  });
  const members = (...people: Array<{ email: string }>): Array<{ email: string }> => people.map((p) => ({ email: p.email }));
  return {
    name: 'demo',
    seed: 'demo',
    orgs: [
      { key: 'example', name: 'Example Software' },
      { key: 'partner', name: 'Partner Ltd.' },
    ],
    people: [
      { ...you, title: 'Staff Software Engineer', created: at(700) },
      { ...marco, title: 'Engineering Manager', created: at(900) },
      { ...lena, title: 'Backend Engineer', created: at(650), status: 'meeting' },
      { ...kenji, title: 'Frontend Engineer', created: at(600) },
      { ...amara, title: 'Product Manager', created: at(640), status: 'presenting' },
      { ...sam, title: 'Site Reliability Engineer', created: at(500), status: 'OutOfOffice' },
      { ...noor, title: 'Product Designer', created: at(450), status: 'DoNotDisturb' },
      { ...diego, title: 'QA Engineer', created: at(400), status: 'inactive' },
      { ...julia, title: 'Security Engineer', created: at(380) },
      { ...tom, title: 'Support Lead', created: at(360), status: 'call' },
      { ...ravi, org: 'partner', title: 'Solutions Architect', created: at(200) },
      { ...pipeline, type: 'bot', created: at(300) },
      { ...oncall, type: 'bot', created: at(290) },
    ],
    teams: [
      { key: 'platform', name: 'Platform', description: 'APIs, infrastructure and reliability', creator: marco.email, created: at(120),
        members: [{ email: you.email, isModerator: true }, ...members(lena, sam, julia, diego)] },
      { key: 'web', name: 'Web App', description: 'The customer-facing web application', creator: kenji.email, created: at(110),
        members: members(you, noor, amara, diego) },
      { key: 'product', name: 'Product', description: 'Roadmap, research and customer feedback', creator: amara.email, created: at(100),
        members: members(you, marco, noor, tom) },
    ],
    rooms: [
      { key: 'gateway', type: 'group', title: DEMO.spaces.gateway, team: 'platform', creator: you.email, created: at(90),
        description: 'Rate limiting, auth and routing for the public API', members: members(lena, sam, julia, pipeline) },
      { key: 'incidents', type: 'group', title: 'Incidents', team: 'platform', creator: sam.email, created: at(88),
        members: members(you, lena, marco, oncall) },
      { key: 'review', type: 'group', title: 'Code Review', team: 'platform', creator: lena.email, created: at(85),
        members: members(you, julia, diego) },
      { key: 'frontend', type: 'group', title: 'Web Frontend', team: 'web', creator: kenji.email, created: at(80),
        members: members(you, noor, diego) },
      { key: 'design', type: 'group', title: 'Design Review', team: 'web', creator: noor.email, created: at(78),
        members: members(you, kenji, amara) },
      { key: 'roadmap', type: 'group', title: 'Roadmap Q3', team: 'product', creator: amara.email, created: at(70),
        members: members(you, marco, noor, tom) },
      { key: 'feedback', type: 'group', title: 'Customer Feedback', team: 'product', creator: tom.email, created: at(68),
        members: members(you, amara) },
      { key: 'busy', type: 'group', title: DEMO.spaces.busy, creator: marco.email, created: at(60),
        members: members(you, lena, kenji, amara, sam, noor, diego, julia, tom) },
      { key: 'release', type: 'group', title: DEMO.spaces.release, creator: marco.email, created: at(30), isLocked: true,
        members: [{ email: marco.email, isModerator: true }, ...members(you, lena, kenji, diego)] },
      { key: 'builds', type: 'group', title: DEMO.spaces.builds, creator: you.email, created: at(50), members: members(pipeline, lena, kenji) },
      { key: 'partner', type: 'group', title: 'Partner Integration', creator: you.email, created: at(40), members: members(ravi, amara) },
      { key: 'lunch', type: 'group', title: 'Lunch & Coffee', creator: noor.email, created: at(45), members: members(you, kenji, lena, tom, diego) },
      { key: 'notes', type: 'group', title: 'Priya’s Notes', creator: you.email, created: at(20), members: [] },
      { key: 'dm-marco', type: 'direct', creator: marco.email, created: at(95), members: members(you, marco) },
      { key: 'dm-lena', type: 'direct', creator: you.email, created: at(94), members: members(you, lena) },
      { key: 'dm-kenji', type: 'direct', creator: kenji.email, created: at(93), members: members(you, kenji) },
      { key: 'dm-pipeline', type: 'direct', creator: you.email, created: at(92), members: members(you, pipeline) },
    ],
    messages: [
      m('platform#general', marco, at(120, -1), { markdown: 'Welcome to **Platform**! Each area has its own space under this team.' }),
      m('web#general', kenji, at(110, -1), { markdown: 'Welcome to the **Web App** team 👋' }),
      m('product#general', amara, at(100, -1), { markdown: 'Welcome to **Product**. The roadmap lives in *Roadmap Q3*.' }),

      m('gateway', lena, at(6, 5), { key: 'limiter', markdown: 'Kick-off for the **rate limiter** rewrite. Plan and open questions: <https://wiki.example.com/gateway/rate-limits>' }),
      m('gateway', sam, at(6, 4), { parent: 'limiter', text: 'I can do the Redis side. Token bucket per API key?' }),
      m('gateway', you, at(6, 3), { parent: 'limiter', markdown: 'Token bucket per key, and answer `429` with `Retry-After` like Webex does.' }),
      m('gateway', julia, at(6, 2), { parent: 'limiter', markdown: 'Please make sure the key never shows up in the logs 🔒' }),
      m('gateway', you, at(5, 3), {
        key: 'bucket',
        markdown:
          'First cut of the bucket (`src/limiter/tokenBucket.ts:12-31`):\n\n```ts\nexport class TokenBucket {\n  private tokens: number;\n  private last = Date.now();\n\n  constructor(private readonly rate: number, private readonly burst: number) {\n    this.tokens = burst;\n  }\n\n  take(now = Date.now()): boolean {\n    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);\n    this.last = now;\n    if (this.tokens < 1) {\n      return false;\n    }\n    this.tokens -= 1;\n    return true;\n  }\n}\n```',
      }),
      m('gateway', lena, at(5, 2), { parent: 'bucket', markdown: 'Looks good. Could `take()` return the seconds to wait, so we can fill in `Retry-After`?' }),
      m('gateway', you, at(5, 1), { parent: 'bucket', text: 'Good idea, will change it.' }),
      m('gateway', lena, at(3, 6), {
        markdown: 'Load test results attached: p99 stays under 40 ms up to 5k rps.',
        file: {
          filename: 'load-test-results.csv',
          contentType: 'text/csv',
          text: 'rps,p50_ms,p95_ms,p99_ms,errors\n1000,8,14,19,0\n2000,9,17,24,0\n5000,12,29,38,0\n8000,31,92,180,12\n',
        },
      }),
      m('gateway', pipeline, at(2, 4), { markdown: 'Build **#1842** of `gateway` passed on `main` (4 min 12 s).' }),
      m('gateway', sam, at(0, 3), { markdown: '<@personEmail:priya@example.com> the canary is at 10 %, error rate flat. OK to go to 50 %?' }),

      m('incidents', oncall, at(4, 8), {
        key: 'inc',
        markdown: '🚨 **INC-231** `search-api` error rate above 5 % for 10 minutes. On call: <@personEmail:sam@example.com>',
        attachments: [{
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: {
            type: 'AdaptiveCard', version: '1.3',
            body: [
              { type: 'TextBlock', text: 'INC-231: search-api errors', weight: 'Bolder' },
              { type: 'FactSet', facts: [{ title: 'Severity', value: 'SEV-2' }, { title: 'Started', value: '10 min ago' }] },
            ],
            actions: [{ type: 'Action.OpenUrl', title: 'Open runbook', url: 'https://runbooks.example.com/search-api' }],
          },
        }],
      }),
      m('incidents', lena, at(4, 7), { parent: 'inc', text: 'Looking. The connection pool to the index is exhausted.' }),
      m('incidents', lena, at(4, 6), { parent: 'inc', markdown: 'Raised the pool size:\n\n```diff\n- maxConnections: 20\n+ maxConnections: 80\n```' }),
      m('incidents', oncall, at(4, 5), { parent: 'inc', markdown: '✅ **INC-231** resolved after 52 minutes.' }),
      m('incidents', marco, at(4, 4), { markdown: 'Thanks all. Postmortem on Thursday, <@personEmail:lena@example.com> can you write it up?' }),

      m('review', julia, at(3, 9), { key: 'pr', markdown: 'PR **#512** adds token redaction to the request logger. <@personEmail:priya@example.com> could you review?' }),
      m('review', you, at(3, 7), { parent: 'pr', markdown: 'Approved with one nit: also redact the `code` query parameter of the OAuth callback.' }),
      m('review', julia, at(3, 6), { parent: 'pr', text: 'Done, thanks!' }),
      m('review', diego, at(1, 5), { markdown: 'Test plan for the 4.2 release is ready for review: `docs/test-plan-4.2.md`' }),

      m('frontend', kenji, at(9), { markdown: 'The new settings page is behind the `settings-v2` flag.' }),
      m('frontend', noor, at(8, 5), { markdown: 'Spacing on mobile is off by 4 px, see the Figma comment.' }),
      m('frontend', kenji, at(2, 2), {
        markdown: 'Anyone know why this re-renders twice?\n\n```tsx\nuseEffect(() => {\n  setItems(load());\n}, [filters]);\n```',
      }),
      m('frontend', you, at(2, 1), { markdown: '`filters` is a new object on every render; memoise it with `useMemo`.' }),

      m('design', noor, at(7), { markdown: '**Dark theme** mock-ups are ready: <https://figma.example.com/file/dark-theme>' }),
      m('design', amara, at(6, 20), { text: 'Love it. Can we ship it with 4.3?' }),

      m('roadmap', amara, at(12), { key: 'q3', markdown: '**Q3 themes**\n\n1. Faster search\n2. SSO for all plans\n3. Public API v2' }),
      m('roadmap', marco, at(11, 20), { parent: 'q3', text: 'Platform can take 1 and 3. SSO needs Julia’s review.' }),
      m('roadmap', tom, at(11, 18), { parent: 'q3', text: 'Support would love better search more than anything 🙏' }),

      m('feedback', tom, at(5), { markdown: 'Top ask this week: **export to CSV** (14 tickets).' }),
      m('feedback', amara, at(4, 22), { text: 'Adding it to the Q3 list.' }),

      ...busySpaceMessages({ room: 'busy', authors: [you, lena, kenji, amara, sam, noor, diego, julia, tom].map((p) => p.email), count: DEMO.busyMessages, now, days: 14 }),

      m('release', marco, at(3), { markdown: '**Release 4.2**: freeze on Thursday, release on Tuesday. Only moderators can post here.' }),
      m('release', marco, at(0, 6), { markdown: 'Release candidate **4.2.0-rc.2** is on staging. <@all> please test your areas today.' }),

      m('builds', pipeline, at(2, 6), { markdown: 'Build **#1839** passed on `main`.' }),
      m('builds', pipeline, at(2, 2), { markdown: 'Build **#1840** failed: `test/unit/search/ranking.test.ts` (2 failures).' }),
      m('builds', kenji, at(2, 1), { markdown: '<@personEmail:pipeline@webex.bot> retry 1840' }),
      m('builds', pipeline, at(2, 0), { markdown: 'Build **#1841** passed on `main` ✅' }),
      m('builds', pipeline, at(0, 1), { markdown: 'Deployed `web-app` **4.2.0-rc.2** to **staging**.' }),

      m('partner', ravi, at(10), { markdown: 'Our sandbox keys for the v2 API are in the shared vault.' }),
      m('partner', you, at(9, 20), { markdown: 'Thanks Ravi! The OpenAPI spec is at <https://api.example.com/v2/openapi.json>' }),

      m('lunch', noor, at(1, 4), { text: 'Ramen at 12:30? 🍜' }),
      m('lunch', kenji, at(1, 3.9), { text: 'In!' }),
      m('lunch', tom, at(0, 2), { text: 'Cake in the kitchen for Diego’s birthday 🎂' }),

      m('notes', you, at(15), { markdown: '- [ ] review PR #512\n- [ ] canary to 50 %\n- [x] load test' }),

      m('dm-marco', marco, at(1, 6), { text: 'Do you have 15 minutes for your promotion packet today?' }),
      m('dm-marco', you, at(1, 5), { text: 'Sure, after stand-up.' }),
      m('dm-pipeline', pipeline, at(0, 7), { key: 'approval', markdown: `**${APPROVAL_TITLE}** Answer the card below.`, attachments: [APPROVAL_CARD] }),
      m('dm-lena', lena, at(0, 5), { markdown: 'Can you look at the Redis config before I merge? `deploy/redis.yaml`' }),
      m('dm-kenji', kenji, at(10), { text: 'Thanks for the useMemo tip yesterday!' }),
      m('dm-pipeline', you, at(13), { text: 'help' }),
      m('dm-pipeline', pipeline, at(13, -0.01), { markdown: 'Commands: `status <service>`, `retry <build>`, `deploy <service> <env>`' }),
    ],
    // Priya's webhooks (the Webhooks view): one for mentions of her and one Webex turned off after
    // failed deliveries; other hosts than this machine are never contacted by the local Webex.
    webhooks: [
      { owner: you.email, name: 'Mentions to my notifier', targetUrl: 'https://notify.example.com/webex', resource: 'messages', event: 'created', filter: 'mentionedPeople=me', created: at(25) },
      { owner: you.email, name: 'Old deploy hook', targetUrl: 'https://deploy.example.com/hooks/webex', resource: 'messages', event: 'created', room: 'builds', status: 'inactive', created: at(48) },
      { owner: pipeline.email, name: 'Pipeline commands', targetUrl: 'https://ci.example.com/webex/events', resource: 'messages', event: 'created', created: at(50) },
    ],
  };
}

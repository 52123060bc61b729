/**
 * A small account for tests: Ada Lovelace (ada@example.com, token `token-ada`) signed in, colleagues,
 * a bot, two teams with their General spaces, team and standalone spaces, direct spaces, a space with
 * threads, markdown, code, mentions, a file and activity spread over several days.
 */
import type { Scenario, ScenarioMessage } from '../scenario';

/** Emails, tokens and titles of smallScenario(), so tests need not repeat literals. */
export const SMALL = {
  ada: { email: 'ada@example.com', token: 'token-ada', displayName: 'Ada Lovelace' },
  grace: { email: 'grace@example.com', token: 'token-grace', displayName: 'Grace Hopper' },
  alan: { email: 'alan@example.com', token: 'token-alan', displayName: 'Alan Turing' },
  margaret: { email: 'margaret@example.com', token: 'token-margaret', displayName: 'Margaret Hamilton' },
  edsger: { email: 'edsger@example.com', token: 'token-edsger', displayName: 'Edsger Dijkstra' },
  barbara: { email: 'barbara@example.com', token: 'token-barbara', displayName: 'Barbara Liskov' },
  bot: { email: 'buildbot@webex.bot', token: 'token-buildbot', displayName: 'Build Bot' },
  /** In another org: not found by email or name search from example.com. */
  katherine: { email: 'katherine@partner.example', token: 'token-katherine', displayName: 'Katherine Johnson' },
  teams: { engineering: 'Engineering', research: 'Research' },
  rooms: {
    backend: 'Backend',
    frontend: 'Frontend',
    release: 'Release Planning',
    papers: 'Papers',
    coffee: 'Coffee Chat',
    alerts: 'Build Alerts',
    partner: 'Partner Sync',
    notes: 'Ada’s Notes',
    /** Ada is not a member. */
    secret: 'Secret Project',
  },
} as const;

const DAY = 24 * 60 * 60 * 1000;

export function smallScenario(options: { now?: Date } = {}): Scenario {
  const now = (options.now ?? new Date()).getTime();
  // `d` days and `h` hours ago, on whole minutes.
  const at = (d: number, h = 0): string => new Date(Math.floor((now - d * DAY - h * 3600_000) / 60_000) * 60_000).toISOString();
  const { ada, grace, alan, margaret, edsger, barbara, bot, katherine } = SMALL;
  const msg = (room: string, author: string, created: string, body: Partial<ScenarioMessage>): ScenarioMessage => ({
    room,
    author,
    created,
    ...body,
  });
  return {
    name: 'small',
    seed: 'small',
    orgs: [
      { key: 'example', name: 'Example Inc.' },
      { key: 'partner', name: 'Partner Ltd.' },
    ],
    people: [
      { ...ada, title: 'Principal Engineer', created: at(400) },
      { ...grace, title: 'Engineering Manager', created: at(390) },
      { ...alan, created: at(380) },
      { ...margaret, created: at(370), status: 'meeting' },
      { ...edsger, created: at(360), status: 'inactive' },
      { ...barbara, created: at(350), status: 'DoNotDisturb' },
      { ...bot, type: 'bot', created: at(300) },
      { ...katherine, org: 'partner', created: at(200) },
    ],
    teams: [
      {
        key: 'engineering',
        name: SMALL.teams.engineering,
        description: 'Everyone who builds the product',
        creator: ada.email,
        created: at(60),
        members: [{ email: grace.email, isModerator: true }, { email: alan.email }, { email: margaret.email }, { email: edsger.email }],
      },
      {
        key: 'research',
        name: SMALL.teams.research,
        creator: grace.email,
        created: at(50),
        members: [{ email: ada.email }, { email: barbara.email }, { email: edsger.email }],
      },
    ],
    rooms: [
      { key: 'backend', type: 'group', title: SMALL.rooms.backend, team: 'engineering', creator: ada.email, created: at(40),
        members: [{ email: grace.email }, { email: alan.email }, { email: bot.email }] },
      { key: 'frontend', type: 'group', title: SMALL.rooms.frontend, team: 'engineering', creator: margaret.email, created: at(39),
        members: [{ email: ada.email }, { email: edsger.email }] },
      { key: 'release', type: 'group', title: SMALL.rooms.release, team: 'engineering', creator: grace.email, created: at(38),
        isLocked: true, members: [{ email: grace.email, isModerator: true }, { email: ada.email }, { email: margaret.email }] },
      { key: 'papers', type: 'group', title: SMALL.rooms.papers, team: 'research', creator: grace.email, created: at(35),
        members: [{ email: ada.email }, { email: barbara.email }] },
      { key: 'coffee', type: 'group', title: SMALL.rooms.coffee, creator: grace.email, created: at(30),
        members: [ada, alan, margaret, edsger, barbara].map((p) => ({ email: p.email })) },
      { key: 'alerts', type: 'group', title: SMALL.rooms.alerts, creator: ada.email, created: at(25),
        members: [{ email: bot.email }, { email: alan.email }] },
      { key: 'partner', type: 'group', title: SMALL.rooms.partner, creator: ada.email, created: at(20),
        members: [{ email: katherine.email }] },
      { key: 'notes', type: 'group', title: SMALL.rooms.notes, creator: ada.email, created: at(15), members: [] },
      { key: 'secret', type: 'group', title: SMALL.rooms.secret, creator: grace.email, created: at(14),
        members: [{ email: alan.email }] },
      { key: 'dm-grace', type: 'direct', creator: grace.email, created: at(45), members: [{ email: ada.email }, { email: grace.email }] },
      { key: 'dm-alan', type: 'direct', creator: ada.email, created: at(44), members: [{ email: ada.email }, { email: alan.email }] },
      { key: 'dm-bot', type: 'direct', creator: ada.email, created: at(43), members: [{ email: ada.email }, { email: bot.email }] },
      { key: 'dm-grace-alan', type: 'direct', creator: grace.email, created: at(42), members: [{ email: grace.email }, { email: alan.email }] },
    ],
    messages: [
      msg('engineering#general', ada.email, at(60, -1), { markdown: 'Welcome to **Engineering**! Spaces for each area are listed under the team.' }),
      msg('backend', grace.email, at(6, 5), { key: 'kickoff', markdown: 'Morning! The **API gateway** migration starts today. Plan: <https://wiki.example.com/gateway>' }),
      msg('backend', alan.email, at(6, 4), { parent: 'kickoff', text: 'I will take the auth service.' }),
      msg('backend', ada.email, at(6, 3), { parent: 'kickoff', markdown: 'I take the rate limiter; see `RateLimiter.ts`.' }),
      msg('backend', ada.email, at(5, 2), {
        key: 'snippet',
        markdown: 'The retry loop we discussed:\n\n```ts\nfor (let attempt = 0; attempt < 3; attempt++) {\n  if (await tryOnce()) { break; }\n}\n```',
      }),
      msg('backend', alan.email, at(4, 6), { key: 'review', markdown: '<@personEmail:ada@example.com> can you review PR #42 before Friday?' }),
      msg('backend', ada.email, at(4, 5), { parent: 'review', text: 'On it.' }),
      msg('backend', ada.email, at(3, 2), { key: 'deploy', markdown: '<@personEmail:buildbot@webex.bot> deploy staging' }),
      msg('backend', bot.email, at(3, 1), { parent: 'deploy', markdown: 'Deploying **staging** from `main`… done ✅' }),
      msg('backend', grace.email, at(2, 8), {
        markdown: 'Design notes attached.',
        file: { filename: 'gateway-design.md', contentType: 'text/markdown', text: '# Gateway design\n\n- one dispatcher\n- retries on 429\n' },
      }),
      msg('backend', grace.email, at(1, 3), { markdown: '<@all> stand-up moved to 10:30 tomorrow.' }),
      msg('frontend', margaret.email, at(9), { text: 'The new sidebar is behind a flag.' }),
      msg('frontend', edsger.email, at(8, 2), { markdown: 'Please avoid `goto` in the router 😉' }),
      msg('release', grace.email, at(7), { markdown: '**Release 2.3** freeze on Thursday.' }),
      msg('research#general', grace.email, at(50, -1), { text: 'Welcome to Research.' }),
      msg('papers', barbara.email, at(12), { markdown: 'Draft of the substitution paper: [link](https://papers.example.com/lsp)' }),
      msg('coffee', edsger.email, at(3, 9), { text: 'Anyone for coffee at 3?' }),
      msg('coffee', margaret.email, at(3, 8), { text: 'Yes!' }),
      msg('coffee', ada.email, at(0, 2), { text: 'Cake in the kitchen 🎂' }),
      msg('alerts', bot.email, at(2, 6), { markdown: 'Build **#101** passed on `main`.' }),
      msg('alerts', bot.email, at(2, 2), { markdown: 'Build **#102** failed: `test/unit/client.test.ts`.' }),
      msg('alerts', alan.email, at(2, 1), { markdown: '<@personEmail:buildbot@webex.bot> retry #102' }),
      msg('alerts', bot.email, at(2, 0), { markdown: 'Build **#103** passed on `main`.' }),
      msg('partner', katherine.email, at(11), { text: 'Trajectory numbers are in the shared folder.' }),
      msg('dm-grace', grace.email, at(1, 6), { text: 'Do you have a minute for the roadmap?' }),
      msg('dm-grace', ada.email, at(1, 5), { text: 'Sure, after lunch.' }),
      msg('dm-alan', alan.email, at(10), { text: 'Chess tonight?' }),
      msg('dm-bot', ada.email, at(13), { text: 'help' }),
      msg('dm-bot', bot.email, at(13, -0.01), { markdown: 'Commands: `deploy <env>`, `retry <build>`' }),
      msg('dm-grace-alan', grace.email, at(5), { text: 'Ada’s birthday is next week.' }),
      msg('secret', alan.email, at(4), { text: 'Surprise party plans.' }),
    ],
  };
}

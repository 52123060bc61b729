/**
 * Big accounts for the bench, at the sizes its budgets name: by default Ada is in 3,000 spaces
 * across 200 teams, and one space holds 10,000 messages. Built as plain data (no HTTP) from a seeded
 * PRNG, so the same options give the same account.
 */
import type { Scenario, ScenarioMessage, ScenarioPerson, ScenarioRoom, ScenarioTeam } from '../scenario';
import { prng } from '../prng';

export interface GenerateOptions {
  /** Spaces Ada is a member of, counting the teams' General spaces and some direct spaces. Default 3000. */
  spaces?: number;
  /** Teams Ada is a member of. Default 200. */
  teams?: number;
  /** Messages in the space titled "Busy Space". Default 10000. */
  messagesInBusySpace?: number;
  seed?: number;
  now?: Date;
}

const ADA = 'ada@example.com';
const BOT = 'buildbot@webex.bot';
const WORDS =
  'deploy review merge branch build release cache index query latency retry token schema test bug fix refactor ship docs sprint api client server queue'.split(
    ' ',
  );

export function generateScenario(options: GenerateOptions = {}): Scenario {
  const spaces = options.spaces ?? 3000;
  const teamCount = options.teams ?? 200;
  const busyCount = options.messagesInBusySpace ?? 10000;
  const seed = options.seed ?? 1;
  const now = (options.now ?? new Date()).getTime();
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const iso = (msAgo: number): string => new Date(now - msAgo).toISOString();
  const sentence = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');

  const people: ScenarioPerson[] = [
    { email: ADA, displayName: 'Ada Lovelace', token: 'token-ada' },
    { email: BOT, displayName: 'Build Bot', token: 'token-buildbot', type: 'bot' },
  ];
  for (let i = 1; i <= 60; i++) {
    people.push({ email: `colleague${i}@example.com`, displayName: `Colleague ${String(i).padStart(2, '0')}`, token: `token-colleague${i}` });
  }
  const colleague = (): string => `colleague${1 + Math.floor(random() * 60)}@example.com`;

  const teams: ScenarioTeam[] = [];
  for (let i = 0; i < teamCount; i++) {
    teams.push({
      key: `team${i}`,
      name: `Team ${i + 1} ${pick(WORDS)}`,
      creator: ADA,
      created: iso((400 + i) * 86_400_000),
      members: [{ email: colleague() }, { email: colleague() }, { email: colleague() }],
    });
  }

  const rooms: ScenarioRoom[] = [];
  const messages: ScenarioMessage[] = [];
  const directs = Math.min(20, Math.max(0, spaces - teamCount - 1));
  for (let i = 0; i < directs; i++) {
    const other = `colleague${i + 1}@example.com`;
    rooms.push({ key: `dm${i}`, type: 'direct', creator: other, created: iso(300 * 86_400_000), members: [{ email: ADA }, { email: other }] });
    messages.push({ room: `dm${i}`, author: other, created: iso(random() * 90 * 86_400_000), text: `Hi Ada, ${sentence(6)}` });
  }
  const groups = Math.max(0, spaces - teamCount - directs - 1);
  for (let i = 0; i < groups; i++) {
    // Two of three spaces belong to a team, the rest stand alone.
    const team = i % 3 === 2 || teamCount === 0 ? undefined : `team${i % teamCount}`;
    const author = colleague();
    rooms.push({
      key: `space${i}`,
      type: 'group',
      title: `Space ${i + 1} ${pick(WORDS)} ${pick(WORDS)}`,
      team,
      creator: ADA,
      created: iso((200 + random() * 100) * 86_400_000),
      members: [{ email: author }, { email: colleague() }],
    });
    messages.push({ room: `space${i}`, author, created: iso(random() * 180 * 86_400_000), text: sentence(8) });
    if (team) {
      messages.push({ room: `${team}#general`, author: ADA, created: iso(random() * 180 * 86_400_000), text: sentence(5) });
    }
  }
  const busyMembers = [ADA, BOT, ...Array.from({ length: 12 }, (_, i) => `colleague${i + 1}@example.com`)];
  rooms.push({
    key: 'busy',
    type: 'group',
    title: 'Busy Space',
    creator: ADA,
    created: iso(200 * 86_400_000),
    members: busyMembers.slice(1).map((email) => ({ email })),
  });
  // One message a minute up to now; every 10th top-level message starts a thread of two replies.
  let lastTop: string | undefined;
  for (let i = 0; i < busyCount; i++) {
    const created = iso((busyCount - i) * 60_000);
    const author = busyMembers[i % 7 === 0 ? 0 : 2 + (i % 12)];
    const replyTo = lastTop !== undefined && i % 10 >= 8 ? lastTop : undefined;
    const key = `busy${i}`;
    const mention = i % 50 === 0 ? ` <@personEmail:${BOT}>` : i % 37 === 0 ? ` <@personEmail:${ADA}>` : '';
    const markdown = i % 25 === 0 ? `Snippet ${i}:\n\n\`\`\`ts\nconst value${i} = ${i};\n\`\`\`` : `${sentence(10)}${mention}`;
    messages.push({ key, room: 'busy', author, created, markdown, parent: replyTo });
    if (i % 10 === 0) {
      lastTop = key;
    }
  }
  return { name: 'generated', seed: `generated-${seed}`, people, teams, rooms, messages };
}

/**
 * The account the bench measures: generateScenario's big account (Ada in 3,000 spaces across 200
 * teams, a "Busy Space" of 10,000 messages) plus a space of 10 messages to compare the conversation
 * figures with. Its messages are the newest of the account, so it sits at the top of the space list.
 */
import { generateScenario, type Scenario, type ScenarioMessage } from '../sandbox/scenario';

export const BIG_SPACES = 3000;
export const BIG_TEAMS = 200;
export const BUSY_MESSAGES = 10_000;
export const BUSY_SPACE = 'Busy Space';
export const SMALL_SPACE = 'Ten Messages';

export function benchScenario(now = new Date()): Scenario {
  const big = generateScenario({ spaces: BIG_SPACES - 1, teams: BIG_TEAMS, messagesInBusySpace: BUSY_MESSAGES, seed: 1, now });
  const messages: ScenarioMessage[] = Array.from({ length: 10 }, (_, i) => ({
    room: 'ten',
    author: i % 2 === 0 ? 'colleague1@example.com' : 'ada@example.com',
    created: new Date(now.getTime() - (10 - i) * 20_000).toISOString(),
    text: `Short message ${i + 1}`,
  }));
  return {
    ...big,
    rooms: [
      ...big.rooms,
      { key: 'ten', type: 'group', title: SMALL_SPACE, creator: 'ada@example.com', created: new Date(now.getTime() - 86_400_000).toISOString(), members: [{ email: 'colleague1@example.com' }] },
    ],
    messages: [...big.messages, ...messages],
  };
}

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
/** A space of code snippets in the languages people share, for the highlighting figures. */
export const CODE_SPACE = 'Code Snippets';
export const CODE_MESSAGES = 300;

const SNIPPETS: Array<[string, (i: number) => string]> = [
  ['ts', (i) => `export async function handler${i}(req: Request): Promise<Response> {\n  const body = await req.json() as { id: string };\n  // Look the item up.\n  const item = items.get(body.id) ?? null;\n  return new Response(JSON.stringify({ ok: item !== null, n: ${i} }));\n}\n`],
  ['py', (i) => `def handler_${i}(event: dict) -> dict:\n    """Answer one event."""\n    items = [x for x in event.get("items", []) if x > ${i}]\n    return {"ok": True, "count": len(items)}\n`],
  ['go', (i) => `func Handler${i}(w http.ResponseWriter, r *http.Request) {\n\tid := r.URL.Query().Get("id")\n\tif id == "" {\n\t\thttp.Error(w, "no id", 400)\n\t\treturn\n\t}\n\tfmt.Fprintf(w, "%s %d", id, ${i})\n}\n`],
  ['json', (i) => `{\n  "name": "service-${i}",\n  "replicas": ${i % 5},\n  "enabled": true,\n  "tags": ["a", "b"]\n}\n`],
  ['diff', (i) => `--- a/limits.ts\n+++ b/limits.ts\n@@ -1,3 +1,3 @@\n-export const MAX = ${i};\n+export const MAX = ${i + 1};\n export const MIN = 0;\n`],
  ['sh', (i) => `#!/bin/sh\nset -eu\nfor f in build/*.js; do\n  gzip -k "$f" && echo "packed $f (${i})"\ndone\n`],
];

export function benchScenario(now = new Date()): Scenario {
  const big = generateScenario({ spaces: BIG_SPACES - 1, teams: BIG_TEAMS, messagesInBusySpace: BUSY_MESSAGES, seed: 1, now });
  const messages: ScenarioMessage[] = Array.from({ length: 10 }, (_, i) => ({
    room: 'ten',
    author: i % 2 === 0 ? 'colleague1@example.com' : 'ada@example.com',
    created: new Date(now.getTime() - (10 - i) * 20_000).toISOString(),
    text: `Short message ${i + 1}`,
  }));
  const code: ScenarioMessage[] = Array.from({ length: CODE_MESSAGES }, (_, i) => {
    const [lang, body] = SNIPPETS[i % SNIPPETS.length];
    return {
      room: 'code',
      author: i % 3 === 0 ? 'ada@example.com' : 'colleague1@example.com',
      created: new Date(now.getTime() - (CODE_MESSAGES - i) * 30_000).toISOString(),
      markdown: `Snippet ${i + 1}:\n\n\`\`\`${lang}\n${body(i)}\`\`\``,
    };
  });
  return {
    ...big,
    rooms: [
      ...big.rooms,
      { key: 'code', type: 'group', title: CODE_SPACE, creator: 'ada@example.com', created: new Date(now.getTime() - 86_400_000).toISOString(), members: [{ email: 'colleague1@example.com' }] },
      { key: 'ten', type: 'group', title: SMALL_SPACE, creator: 'ada@example.com', created: new Date(now.getTime() - 86_400_000).toISOString(), members: [{ email: 'colleague1@example.com' }] },
    ],
    messages: [...big.messages, ...code, ...messages],
  };
}

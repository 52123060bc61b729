// Spaces for the conversation UI tests, added to smallScenario(): one full of hostile messages whose
// payloads all point at the local Webex (`{origin}/canary/<what>`), so a payload that ran or loaded
// anything shows up in the local Webex's request log; and a long space for the DOM budget.
import { smallScenario, type Scenario, type ScenarioMessage } from '../sandbox/scenario';

export const HOSTILE_SPACE = 'Hostile Space';
export const LONG_SPACE = 'Long Space';
export const LONG_COUNT = 700;

/** Every hostile body, by what it tries. `C` is the canary prefix, e.g. `http://127.0.0.1:PORT/canary`. */
export function hostileBodies(C: string): Array<Pick<ScenarioMessage, 'text' | 'markdown'>> {
  return [
    { text: `<script>window.__pwned='text-script';fetch('${C}/text-script')</script>` },
    { markdown: `<script>window.__pwned='md-script';fetch('${C}/md-script')</script>` },
    { markdown: `<img src="${C}/img-onerror" onerror="window.__pwned='img'">` },
    { markdown: `[click me](javascript:window.__pwned='md-js-link')` },
    { markdown: `[spaced](  JaVaScRiPt:window.__pwned='md-js-link-2'  ) and [encoded](&#106;avascript:window.__pwned='enc')` },
    { markdown: `<a href="javascript:window.__pwned='html-js-link'">html link</a>` },
    { markdown: `<javascript:window.__pwned='autolink'>` },
    { markdown: `<svg onload="window.__pwned='svg'"><script>window.__pwned='svg-script'</script><image href="${C}/svg-image"/></svg>` },
    { markdown: `<iframe src="${C}/iframe"></iframe><iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>` },
    {
      markdown: `<style>@import url('${C}/css-import'); body{background:url('${C}/css-bg')}</style><div style="background:url(${C}/inline-style)">styled</div>`,
    },
    { markdown: `![pixel](${C}/md-image) and ![ref][p]\n\n[p]: ${C}/md-image-ref` },
    { markdown: `[data link](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0nZGF0YSc8L3NjcmlwdD4=) [vb](vbscript:msgbox(1))` },
    { markdown: `<meta http-equiv="refresh" content="0;url=${C}/meta-refresh"><base href="${C}/base/">` },
    { markdown: `<form action="${C}/form"><button formaction="${C}/formaction">Submit</button></form>` },
    { markdown: `<link rel="stylesheet" href="${C}/link-css"><object data="${C}/object"></object><embed src="${C}/embed">` },
    { markdown: `<video src="${C}/video" autoplay></video><audio src="${C}/audio" autoplay></audio>` },
    { markdown: `<@personEmail:ada@example.com|<img src=${C}/mention onerror=window.__pwned='mention'>> hi` },
    { markdown: `\`\`\`"><img src=${C}/fence-lang onerror=window.__pwned='fence'>\ncode\n\`\`\`` },
    { markdown: 'A fine link: [the paper](https://papers.example.com/hostile)' },
    // Decoded by the browser's table in the page (page/htmlEntities.ts), strictly, never into markup.
    { markdown: 'Entities: &copy; &notin; &amp;lt;b&amp;gt; &lt;i&gt;x&lt;/i&gt; &ampx; &notit; &semi; &nosuch; &#x26; end' },
    { markdown: `<details open ontoggle="window.__pwned='details'"><summary>x</summary></details><math><mtext><img src=${C}/math></mtext></math>` },
    ...hostileCodeBodies(C),
  ];
}

/** Hostile code blocks: sizes, info strings, fences and characters that must render inertly. */
export function hostileCodeBodies(C: string): Array<Pick<ScenarioMessage, 'markdown'>> {
  return [
    { markdown: '```ts\n' + 'let x = 1; // 50,000 lines\n'.repeat(50_000) + '```' },
    { markdown: '```js\n' + `const s = "${'a'.repeat(1_000_000)}";\n` + '```' },
    { markdown: '```"><script>window.__pwned=\'fence-script\'</script>\ninfo string\n```' },
    { markdown: '```' + 'x'.repeat(10_000) + '\nlong info string\n```' },
    { markdown: '```typscript\nconst misspelled = true;\n```' },
    { markdown: '````md\n```js\nfetch(\'' + C + '/nested-fence\')\n```\n````\n\n```py\nprint("unbalanced")\n' },
    { markdown: '```ts\nconst isAdmin = false;\n/*\u202e } \u2066if (isAdmin)\u2069 \u2066 admins only */\nconsole.log("bell\u0007");\n```' },
    { markdown: '```html\n<script>window.__pwned=\'html-code\'</script><img src="' + C + '/html-code" onerror="window.__pwned=\'html-img\'">\n```' },
  ];
}

/** smallScenario() plus the hostile space (Mallory's, with Ada) and a long space. */
export function conversationScenario(canaryPrefix: string, now = new Date()): Scenario {
  const base = smallScenario({ now });
  const minute = 60_000;
  const t0 = now.getTime() - 2 * 24 * 3600_000;
  const at = (i: number): string => new Date(t0 + i * minute).toISOString();
  const messages: ScenarioMessage[] = hostileBodies(canaryPrefix).map((body, i) => ({
    room: 'hostile',
    author: 'mallory@example.com',
    created: at(i),
    ...body,
  }));
  messages.push({
    room: 'hostile',
    author: 'mallory@example.com',
    created: at(40),
    text: `A card: <img src=${canaryPrefix}/card-fallback onerror=window.__pwned='card'>`,
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: { type: 'AdaptiveCard', version: '1.0', body: [{ type: 'Image', url: `${canaryPrefix}/card-image` }] },
      },
    ],
  });
  for (let i = 0; i < LONG_COUNT; i++) {
    messages.push({
      room: 'long',
      author: i % 3 === 0 ? 'grace@example.com' : 'ada@example.com',
      created: new Date(t0 - (LONG_COUNT - i) * 5 * minute).toISOString(),
      text: `Long message ${i + 1}`,
    });
  }
  return {
    ...base,
    people: [
      ...base.people,
      {
        email: 'mallory@example.com',
        // A display name is hostile input too.
        displayName: `Mallory <img src=${canaryPrefix}/display-name onerror=window.__pwned='name'>`,
        token: 'token-mallory',
      },
    ],
    rooms: [
      ...base.rooms,
      { key: 'hostile', type: 'group', title: HOSTILE_SPACE, creator: 'mallory@example.com', created: at(-60 * 24 * 30), members: [{ email: 'ada@example.com' }] },
      { key: 'long', type: 'group', title: LONG_SPACE, creator: 'grace@example.com', created: at(-60 * 24 * 30), members: [{ email: 'ada@example.com' }] },
    ],
    messages: [...base.messages, ...messages],
  };
}

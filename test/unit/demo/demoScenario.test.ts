// The demo account of `npm start`, served by the local Webex over loopback HTTP: what the README
// and the walkthrough promise a newcomer is really there.
import * as assert from 'node:assert/strict';
import { DEMO, demoScenario } from '../../demo/demoScenario';
import { LocalWebex } from '../../sandbox/server';

interface Item {
  id: string;
  title?: string;
  type?: string;
  teamId?: string;
  parentId?: string;
  files?: string[];
  markdown?: string;
  attachments?: unknown[];
}

describe('demo account (npm start)', () => {
  let webex: LocalWebex | undefined;

  before(async () => {
    webex = await LocalWebex.start({ scenario: demoScenario() });
  });

  after(async () => {
    await webex?.stop();
  });

  /** Every page of a list, following `Link: <…>; rel="next"` as Webex pages it (developer.webex.com "Pagination"). */
  async function list(path: string, token = DEMO.you.token): Promise<Item[]> {
    assert.ok(webex);
    const items: Item[] = [];
    let url: string | undefined = `${webex.baseUrl}${path}`;
    while (url !== undefined) {
      const response: Response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200, `GET ${path}`);
      items.push(...((await response.json()) as { items: Item[] }).items);
      url = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
    }
    return items;
  }

  it('signs in the printed demo token as the demo person', async () => {
    assert.ok(webex);
    const response = await fetch(`${webex.baseUrl}/people/me`, { headers: { Authorization: `Bearer ${DEMO.you.token}` } });
    assert.equal(response.status, 200);
    const me = (await response.json()) as { displayName: string; emails: string[]; type: string };
    assert.equal(me.displayName, DEMO.you.displayName);
    assert.deepEqual(me.emails, [DEMO.you.email]);
    assert.equal(me.type, 'person');
  });

  it('has teams, team spaces, standalone and direct spaces, and the spaces the README names', async () => {
    const teams = await list('/teams');
    assert.deepEqual(teams.map((t) => (t as { name?: string }).name).sort(), ['Platform', 'Product', 'Web App']);
    const rooms = await list('/rooms?max=100');
    const titles = rooms.map((r) => r.title);
    for (const title of Object.values(DEMO.spaces)) {
      assert.ok(titles.includes(title), `${title} is missing from ${titles.join(', ')}`);
    }
    assert.ok(rooms.filter((r) => r.type === 'direct').length >= 3, 'direct spaces');
    assert.ok(rooms.filter((r) => r.teamId !== undefined).length >= 6, 'team spaces');
    assert.ok(rooms.filter((r) => r.type === 'group' && r.teamId === undefined).length >= 5, 'standalone spaces');
  });

  it('has a busy space of a few hundred messages with threads and code', async () => {
    const busy = (await list('/rooms?max=100')).find((r) => r.title === DEMO.spaces.busy);
    assert.ok(busy);
    const messages = await list(`/messages?roomId=${encodeURIComponent(busy.id)}&max=100`);
    assert.equal(messages.length, DEMO.busyMessages);
    assert.ok(messages.some((m) => m.parentId !== undefined), 'threads');
    assert.ok(messages.some((m) => m.markdown?.includes('```') === true), 'code blocks');
  });

  it('has a file, a bot card and bots in the account', async () => {
    const rooms = await list('/rooms?max=100');
    const gateway = rooms.find((r) => r.title === DEMO.spaces.gateway);
    const incidents = rooms.find((r) => r.title === 'Incidents');
    assert.ok(gateway && incidents);
    const withFile = (await list(`/messages?roomId=${encodeURIComponent(gateway.id)}`)).find((m) => (m.files?.length ?? 0) > 0);
    assert.ok(withFile?.files, 'a message with a file');
    const file = await fetch(withFile.files[0], { headers: { Authorization: `Bearer ${DEMO.you.token}` } });
    assert.equal(file.status, 200);
    assert.match(await file.text(), /^rps,p50_ms/);
    const card = (await list(`/messages?roomId=${encodeURIComponent(incidents.id)}`)).find((m) => (m.attachments?.length ?? 0) > 0);
    assert.ok(card, 'an adaptive card from the on-call bot');
    const bot = await fetch(`${webex?.baseUrl ?? ''}/people/me`, { headers: { Authorization: `Bearer ${DEMO.pipeline.token}` } });
    assert.equal(((await bot.json()) as { type: string }).type, 'bot');
  });
});

import * as assert from 'node:assert/strict';
import type { LocalWebex } from '../server';
import { SMALL } from '../scenario';
import type { Message, Person } from '../../../src/webex/types';
import { Api, startSmall, type Items } from './helpers';

describe('sandbox: bots see only what mentions them in group spaces (developer.webex.com "Bots")', () => {
  let webex: LocalWebex;
  let ada: Api;
  let bot: Api;
  let botId: string;
  let backend: string;

  before(async () => {
    webex = await startSmall();
    ada = new Api(webex);
    bot = ada.as(SMALL.bot.token);
    botId = (await bot.ok<Person>('/people/me')).id;
    backend = await bot.roomId(SMALL.rooms.backend);
  });
  after(() => webex.stop());

  it('answers 403 "Failed to get activity." to a bot listing a group room without mentionedPeople', async () => {
    const r = await bot.get(`/messages?roomId=${backend}`);
    assert.equal(r.status, 403);
    assert.equal(r.body.message, 'Failed to get activity.');
  });

  it('lists only the messages that mention the bot with mentionedPeople=me', async () => {
    const { items } = await bot.ok<Items<Message>>(`/messages?roomId=${backend}&mentionedPeople=me`);
    assert.equal(items.length, 1);
    assert.ok(items.every((m) => m.mentionedPeople?.includes(botId)));
    assert.equal(items[0].markdown, `<@personEmail:${SMALL.bot.email}> deploy staging`);
  });

  it('sees every message of a direct room', async () => {
    const dm = await bot.roomId(SMALL.ada.displayName);
    const { items } = await bot.ok<Items<Message>>(`/messages?roomId=${dm}`);
    assert.deepEqual(items.map((m) => m.personEmail), [SMALL.bot.email, SMALL.ada.email]);
  });

  it('gets 404 for a group message that does not mention it, 200 for one that does', async () => {
    const all = await ada.ok<Items<Message>>(`/messages?roomId=${backend}`);
    const notMentioning = all.items.find((m) => !m.mentionedPeople?.includes(botId));
    const mentioning = all.items.find((m) => m.mentionedPeople?.includes(botId));
    assert.equal((await bot.get(`/messages/${notMentioning?.id ?? ''}`)).status, 404);
    assert.equal((await bot.get(`/messages/${mentioning?.id ?? ''}`)).status, 200);
  });

  it('sees a new message once it is mentioned in it', async () => {
    const sent = await ada.post<Message>('/messages', { roomId: backend, markdown: `<@personId:${botId}|Build Bot> status?` });
    assert.deepEqual(sent.body.mentionedPeople, [botId]);
    const { items } = await bot.ok<Items<Message>>(`/messages?roomId=${backend}&mentionedPeople=me&max=1`);
    assert.equal(items[0].id, sent.body.id);
  });

  it('cannot be found by email from another org', async () => {
    const partner = ada.as(SMALL.katherine.token);
    const r = await partner.ok<Items<Person>>(`/people?email=${encodeURIComponent(SMALL.bot.email)}`);
    assert.deepEqual(r.items, []);
    const sameOrg = await ada.ok<Items<Person>>(`/people?email=${encodeURIComponent(SMALL.bot.email)}`);
    assert.equal(sameOrg.items[0].type, 'bot');
  });
});

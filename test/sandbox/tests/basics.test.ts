import * as assert from 'node:assert/strict';
import type { LocalWebex } from '../server';
import { SMALL } from '../scenario';
import type { Person } from '../../../src/webex/types';
import { Api, decode, type ErrorBody, type Items, smallWithAda, startSmall } from './helpers';

describe('sandbox: auth, errors, ids, people', () => {
  let webex: LocalWebex;
  let ada: Api;

  before(async () => ({ webex, ada } = await smallWithAda()));
  after(() => webex.stop());

  it('listens on 127.0.0.1 and serves under /v1', () => {
    assert.match(webex.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(webex.baseUrl, `${webex.origin}/v1`);
    assert.equal(webex.tokenFor(SMALL.ada.email), SMALL.ada.token);
    assert.throws(() => webex.tokenFor('nobody@example.com'));
  });

  for (const [name, token] of [['a missing', null], ['an unknown', 'token-nobody']] as const) {
    it(`answers 401 with the real error body for ${name} token`, async () => {
      const r = await ada.as(token).get('/people/me');
      assert.equal(r.status, 401);
      const text = 'The request requires a valid access token set in the Authorization request header.';
      assert.equal(r.body.message, text);
      assert.deepEqual(r.body.errors, [{ description: text }]);
      assert.equal(r.body.trackingId, r.headers.get('trackingid'));
      assert.ok(!r.text.includes('token-nobody'), 'the token is never echoed');
    });
  }

  it('sends a fresh TrackingID header on successful responses too', async () => {
    const me = await ada.get('/people/me');
    assert.match(me.headers.get('trackingid') ?? '', /^ROUTER_[0-9A-F-]{36}$/);
    const other = await ada.get('/people/me');
    assert.notEqual(other.headers.get('trackingid'), me.headers.get('trackingid'));
  });

  it('answers 404 for an unknown path and 405 for a wrong method on a known one', async () => {
    const missing = await ada.get('/nothing/here');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.message, 'The requested resource could not be found.');
    const wrong = await ada.call('PATCH', '/rooms');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'GET, POST');
    assert.ok(wrong.body.trackingId);
    const deleteList = await ada.delete('/messages');
    assert.equal(deleteList.status, 405);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const r = await ada.call('POST', '/rooms', undefined, { 'Content-Type': 'text/plain' });
    assert.equal(r.status, 415);
    assert.equal(r.body.message, "Content type 'text/plain' not supported");
  });

  it('uses ids of the real form: URL-safe base64 of ciscospark://us/<TYPE>/<uuid>', async () => {
    const me = await ada.ok<Person>('/people/me');
    assert.match(me.id, /^[A-Za-z0-9_-]+$/);
    assert.match(decode(me.id), /^ciscospark:\/\/us\/PEOPLE\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.match(decode(me.orgId ?? ''), /^ciscospark:\/\/us\/ORGANIZATION\//);
    const uuid = decode(me.id).split('/').pop() ?? '';
    // A bare uuid is accepted too (EMU's "Expect base64 ID or UUID.").
    assert.equal((await ada.ok<Person>(`/people/${uuid}`)).id, me.id);
    const bad = await ada.get('/people/not%20an%20id');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.message, 'Expect base64 ID or UUID.');
  });

  it('gives the same ids for the same scenario (seeded)', async () => {
    const again = await startSmall();
    try {
      const a = await ada.ok<Person>('/people/me');
      const b = await new Api(again).ok<Person>('/people/me');
      assert.equal(a.id, b.id);
    } finally {
      await again.stop();
    }
  });

  it('GET /people/me tells a bot from a person (GET /people/me; developer.webex.com "Bots")', async () => {
    assert.equal((await ada.ok<Person>('/people/me')).type, 'person');
    const bot = await ada.as(SMALL.bot.token).ok<Person>('/people/me');
    assert.equal(bot.type, 'bot');
    assert.deepEqual(bot.emails, [SMALL.bot.email]);
  });

  it('GET /people needs email, displayName or id for a non-admin', async () => {
    const r = await ada.get('/people');
    assert.equal(r.status, 400);
    const byEmail = await ada.ok<Items<Person>>(`/people?email=${encodeURIComponent(SMALL.grace.email)}`);
    assert.deepEqual(byEmail.items.map((p) => p.displayName), [SMALL.grace.displayName]);
    const byName = await ada.ok<Items<Person>>('/people?displayName=gr');
    assert.deepEqual(byName.items.map((p) => p.emails[0]), [SMALL.grace.email]);
  });

  it('finds nobody of another org by email or name (GET /people)', async () => {
    const r = await ada.ok<Items<Person>>(`/people?email=${encodeURIComponent(SMALL.katherine.email)}`);
    assert.deepEqual(r.items, []);
    const byName = await ada.ok<Items<Person>>('/people?displayName=Katherine');
    assert.deepEqual(byName.items, []);
  });

  it('GET /people?id= lists the ids found and the ones not found', async () => {
    const me = await ada.ok<Person>('/people/me');
    const grace = (await ada.ok<Items<Person>>(`/people?email=${SMALL.grace.email}`)).items[0];
    const unknown = Buffer.from('ciscospark://us/PEOPLE/00000000-0000-5000-8000-000000000000').toString('base64url');
    const r = await ada.ok<Items<Person>>(`/people?id=${me.id},${grace.id},${unknown}`);
    assert.deepEqual(r.items.map((p) => p.id), [me.id, grace.id]);
    assert.deepEqual(r.notFoundIds, [unknown]);
  });

  it('paginates people with Link and max', async () => {
    const first = await ada.get<Items<Person>>('/people?displayName=&max=2');
    // An empty displayName counts as not given.
    assert.equal(first.status, 400);
    const page = await ada.get<Items<Person>>('/people?displayName=a&max=1');
    assert.equal(page.status, 200);
    assert.equal(page.body.items.length, 1);
    assert.ok(page.headers.get('link')?.includes('rel="next"'));
  });

  it('answers 404 for an unknown person id of the right form', async () => {
    const unknown = Buffer.from('ciscospark://us/PEOPLE/00000000-0000-5000-8000-000000000000').toString('base64url');
    const r = await ada.get<ErrorBody>(`/people/${unknown}`);
    assert.equal(r.status, 404);
  });
});

/**
 * The local Webex's responses against the response schemas of the official OpenAPI description,
 * read from ../shared/webex/ next to the repository (never copied into it). Types and enums must
 * match; the fields we always send must exist; and every field we send must be declared by the API spec
 * schema or appear in the API spec's own example for that operation (the schemas omit a few fields the
 * examples show, e.g. Room.description, Message.html).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LocalWebex } from '../server';
import { SMALL } from '../scenario';
import type { Membership, Message, Person, Room, Team, TeamMembership } from '../../../src/webex/types';
import { Api, startSmall, type Items, type Reply } from './helpers';
import { check, resolveRef, type Schema } from './schemaCheck';

/** The folder with package.json and tsconfig.json above this file (the working folder if none). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'tsconfig.json'))) {
    const up = dirname(dir);
    if (up === dir) {
      return process.cwd();
    }
    dir = up;
  }
  return dir;
}

/** The Webex reference folder: `../shared/webex/` beside the repository, or `$WEBEX_REFERENCE_DIR`. */
const REFERENCE_DIR = resolve(process.env.WEBEX_REFERENCE_DIR ?? join(repoRoot(), '..', 'shared', 'webex'));
const SPEC_PATH = join(REFERENCE_DIR, 'webex-messaging.subset.openapi.json');

interface Operation {
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: Schema; example?: unknown }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
}

/** Fields the local Webex always sends, per API spec schema (each must be declared by the API spec). */
const ALWAYS: Record<string, string[]> = {
  Room: ['id', 'title', 'type', 'isLocked', 'lastActivity', 'creatorId', 'created', 'ownerId'],
  Team: ['id', 'name', 'created'],
  Membership: ['id', 'roomId', 'personId', 'personEmail', 'personDisplayName', 'personOrgId', 'isModerator', 'isRoomHidden', 'roomType', 'created'],
  TeamMembership: ['id', 'teamId', 'personId', 'personEmail', 'personDisplayName', 'personOrgId', 'isModerator', 'created'],
  ListMessage: ['id', 'roomId', 'roomType', 'personId', 'personEmail', 'created'],
  Message: ['id', 'roomId', 'roomType', 'personId', 'personEmail', 'created'],
  DirectMessage: ['id', 'roomId', 'roomType', 'personId', 'personEmail', 'created'],
  Person: ['id', 'emails', 'displayName', 'orgId', 'created', 'type'],
};

/** The API spec's Attachment schema points to an ECM File object; its examples show cards (Webex messaging API, messages). */
const SKIP_REFS = { Attachment: 'the Attachment schema of the API spec is wrong for cards (its own examples show cards)' };

function keysOf(example: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(example)) {
    example.forEach((e) => keysOf(e, into));
  } else if (typeof example === 'object' && example !== null) {
    for (const [k, v] of Object.entries(example)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

// CI always has ../shared/webex: there a missing folder is this suite's failure, naming the path.
// Elsewhere (a clone without the reference beside it) the suite is not registered, so it counts as
// neither passed nor pending, and a warning says plainly that it did not run.
if (existsSync(SPEC_PATH)) {
  describe('sandbox: responses match the API spec schemas (../shared/webex)', () => {
    let spec: Spec;
    let webex: LocalWebex;
    let ada: Api;

    before(async () => {
      spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
      webex = await startSmall();
      ada = new Api(webex);
    });
    after(() => webex.stop());

    function verify(method: string, path: string, reply: Reply<unknown>): void {
      assert.equal(reply.status, 200, `${method} ${path}: ${reply.text}`);
      const response = spec.paths[path]?.[method.toLowerCase()]?.responses['200'];
      const content = response?.content?.['application/json'];
      assert.ok(content, `the API spec has a 200 JSON response for ${method} ${path}`);
      const allowed = keysOf(content.example);
      const problems = check(reply.body, content.schema, {
        root: spec,
        required: ALWAYS,
        skipRefs: SKIP_REFS,
        extra: (_ref, key) => allowed.has(key),
      });
      assert.deepEqual(problems, [], `${method} ${path}`);
      if (reply.headers.get('link')) {
        assert.ok(response.headers?.Link, `${method} ${path} sends Link, which the API spec declares`);
      }
    }

    it('declares every field we always send', () => {
      for (const [name, fields] of Object.entries(ALWAYS)) {
        const schema = resolveRef(spec, `#/components/schemas/${name}`);
        for (const f of fields) {
          assert.ok(schema.properties?.[f], `${name}.${f} is in the API spec`);
        }
      }
    });

    it('people', async () => {
      verify('GET', '/people/me', await ada.get('/people/me'));
      const list = await ada.get<Items<Person>>('/people?displayName=a&max=2');
      verify('GET', '/people', list);
      verify('GET', '/people', await ada.get(`/people?id=${list.body.items[0].id},Y2lzY29zcGFyazovL3VzL1BFT1BMRS8w`));
      verify('GET', '/people/{personId}', await ada.get(`/people/${list.body.items[0].id}`));
      verify('GET', '/people/me', await ada.as(SMALL.bot.token).get('/people/me'));
    });

    it('rooms', async () => {
      const list = await ada.get<Items<Room>>('/rooms?max=3');
      verify('GET', '/rooms', list);
      verify('GET', '/rooms', await ada.get('/rooms?type=direct'));
      const teamId = await ada.teamId(SMALL.teams.engineering);
      const created = await ada.post<Room>('/rooms', { title: 'Schema', teamId, isLocked: true, isPublic: true, description: 'checked' });
      verify('POST', '/rooms', created);
      verify('GET', '/rooms/{roomId}', await ada.get(`/rooms/${created.body.id}`));
      verify('PUT', '/rooms/{roomId}', await ada.put(`/rooms/${created.body.id}`, { title: 'Schema 2' }));
    });

    it('teams and team memberships', async () => {
      verify('GET', '/teams', await ada.get('/teams'));
      const team = await ada.post<Team>('/teams', { name: 'Schema team', description: 'x' });
      verify('POST', '/teams', team);
      verify('GET', '/teams/{teamId}', await ada.get(`/teams/${team.body.id}`));
      verify('PUT', '/teams/{teamId}', await ada.put(`/teams/${team.body.id}`, { name: 'Schema team 2' }));
      const added = await ada.post<TeamMembership>('/team/memberships', { teamId: team.body.id, personEmail: SMALL.grace.email });
      verify('POST', '/team/memberships', added);
      verify('GET', '/team/memberships', await ada.get(`/team/memberships?teamId=${team.body.id}`));
      verify('GET', '/team/memberships/{membershipId}', await ada.get(`/team/memberships/${added.body.id}`));
      verify('PUT', '/team/memberships/{membershipId}', await ada.put(`/team/memberships/${added.body.id}`, { isModerator: true }));
    });

    it('memberships', async () => {
      verify('GET', '/memberships', await ada.get('/memberships'));
      const roomId = await ada.roomId(SMALL.rooms.coffee);
      verify('GET', '/memberships', await ada.get(`/memberships?roomId=${roomId}`));
      const added = await ada.post<Membership>('/memberships', { roomId, personEmail: SMALL.bot.email, isModerator: false });
      verify('POST', '/memberships', added);
      verify('GET', '/memberships/{membershipId}', await ada.get(`/memberships/${added.body.id}`));
      verify('PUT', '/memberships/{membershipId}', await ada.put(`/memberships/${added.body.id}`, { isModerator: true, isRoomHidden: false }));
    });

    it('messages: list, get, post (JSON, direct, card, upload), edit, direct list', async () => {
      const backend = await ada.roomId(SMALL.rooms.backend);
      verify('GET', '/messages', await ada.get(`/messages?roomId=${backend}`));
      verify('GET', '/messages', await ada.as(SMALL.bot.token).get(`/messages?roomId=${backend}&mentionedPeople=me`));
      const posted = await ada.post<Message>('/messages', { roomId: backend, markdown: `**hi** <@personEmail:${SMALL.grace.email}> <@all>` });
      verify('POST', '/messages', posted);
      verify('GET', '/messages/{messageId}', await ada.get(`/messages/${posted.body.id}`));
      verify('PUT', '/messages/{messageId}', await ada.put(`/messages/${posted.body.id}`, { roomId: backend, markdown: 'edited' }));
      verify('POST', '/messages', await ada.post('/messages', { roomId: backend, text: 'reply', parentId: posted.body.id }));
      verify('POST', '/messages', await ada.post('/messages', { toPersonEmail: SMALL.margaret.email, text: 'hello' }));
      const card = await ada.post<Message>('/messages', {
        roomId: backend,
        text: 'card fallback',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.0', body: [] } }],
      });
      verify('POST', '/messages', card);
      // The card has the shape of the API example (its Attachment schema is wrong, Webex messaging API, messages).
      assert.equal(card.body.attachments?.[0].contentType, 'application/vnd.microsoft.card.adaptive');
      const form = new FormData();
      form.append('roomId', backend);
      form.append('files', new Blob([new Uint8Array([1, 2, 3])], { type: 'application/octet-stream' }), 'a.bin');
      verify('POST', '/messages', await ada.call('POST', '/messages', form));
      verify('GET', '/messages/direct', await ada.get(`/messages/direct?personEmail=${SMALL.grace.email}`));
      const direct = await ada.get(`/messages/direct?personEmail=${SMALL.margaret.email}`);
      verify('GET', '/messages/direct', direct);
      assert.equal(direct.headers.get('link'), null);
    });

    it('the checker itself catches a wrong type, a missing field and an undeclared field', () => {
      const room = { $ref: '#/components/schemas/Room' };
      const problems = check({ id: 1, title: 't', type: 'channel', madeUp: true }, room, { root: spec, required: ALWAYS, extra: () => false });
      assert.ok(problems.some((p) => p.includes('$.id: expected string')));
      assert.ok(problems.some((p) => p.includes('"channel" is not one of')));
      assert.ok(problems.some((p) => p.includes("required field 'created' is missing")));
      assert.ok(problems.some((p) => p.includes("'madeUp' is not declared")));
    });
  });
}

if (!existsSync(SPEC_PATH) && process.env.CI === 'true') {
  describe('sandbox: responses match the API spec schemas (../shared/webex)', () => {
    it('finds the official OpenAPI subset to check against', () => {
      assert.fail(`${SPEC_PATH} is missing: CI needs the Webex reference folder ${REFERENCE_DIR} (../shared/webex/ beside the repository)`);
    });
  });
}

if (!existsSync(SPEC_PATH) && process.env.CI !== 'true') {
  console.warn(`sandbox schema test NOT RUN: ${SPEC_PATH} is missing (../shared/webex/ is not beside this repository); in CI this fails`);
}

// Posting messages: the never-twice rule of POST /messages, input checks, upload and download.
import * as assert from 'node:assert/strict';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebexApiError, WebexInputError } from '../../../src/webex/errors';
import { MAX_MESSAGE_BYTES } from '../../../src/webex/validation';
import { SMALL, rejection, requestsTo, roomIdByTitle, useLocalWebex } from './harness';

describe('webex client: messages', () => {
  const sandbox = useLocalWebex();
  const postMessages = { method: 'POST', path: '^/messages$' };

  async function textsIn(roomId: string, text: string): Promise<string[]> {
    const { client } = sandbox.client();
    return (await client.messages.list({ roomId, max: 100 }).toArray()).filter((m) => m.text === text).map((m) => m.id);
  }

  describe('POST /messages is never blindly resent', () => {
    it('after the connection drops once Webex created it, finds and returns it: the space holds it once', async () => {
      const { client } = sandbox.client();
      const coffee = await roomIdByTitle(client, SMALL.rooms.coffee);
      sandbox.webex.faults.add({ match: postMessages, kind: 'dropAfter' });

      const sent = await client.messages.create({ roomId: coffee, text: 'Lunch at noon?' });

      assert.equal(sent.text, 'Lunch at noon?');
      assert.equal(sent.roomId, coffee);
      assert.deepEqual(await textsIn(coffee, 'Lunch at noon?'), [sent.id]);
      assert.equal(requestsTo(sandbox.webex, 'POST', /^\/messages$/).length, 1);
    });

    it('finds a reply in its thread and a direct message by email the same way', async () => {
      const { client } = sandbox.client();
      const backend = await roomIdByTitle(client, SMALL.rooms.backend);
      const parent = (await client.messages.list({ roomId: backend }).toArray()).find((m) => m.parentId === undefined);
      assert.ok(parent);
      sandbox.webex.faults.add({ match: postMessages, kind: 'dropAfter', times: 2 });

      const reply = await client.messages.create({ roomId: backend, parentId: parent.id, markdown: 'Agreed **+1**' });
      assert.equal(reply.parentId, parent.id);
      const direct = await client.messages.create({ toPersonEmail: SMALL.alan.email, text: 'Chess at 8?' });
      assert.equal(direct.roomType, 'direct');

      const dm = await client.messages.listDirect({ personEmail: SMALL.alan.email }).toArray();
      assert.equal(dm.filter((m) => m.text === 'Chess at 8?').length, 1);
      assert.equal(requestsTo(sandbox.webex, 'GET', /^\/messages\/direct$/).length, 2);
      assert.equal(requestsTo(sandbox.webex, 'POST', /^\/messages$/).length, 2);
    });

    it('after a timeout, looks again after a pause and finds a message Webex committed late', async () => {
      const other = sandbox.client().client;
      const coffee = await roomIdByTitle(other, SMALL.rooms.coffee);
      // The local Webex drops a request whose client gave up; the real one may still commit it a moment
      // later. The pause before the first look stands in for that moment: Ada's message lands then.
      const waits: number[] = [];
      const { client } = sandbox.client({
        timeoutMs: 100,
        sleep: async (ms) => {
          waits.push(ms);
          if (waits.length === 1) {
            await other.messages.create({ roomId: coffee, markdown: 'Slow **but** there' });
          }
        },
      });
      sandbox.webex.faults.add({ match: postMessages, kind: 'delay', delayMs: 1000 });

      const sent = await client.messages.create({ roomId: coffee, markdown: 'Slow **but** there' });

      assert.equal(sent.markdown, 'Slow **but** there');
      assert.deepEqual(waits, [500], 'one pause, then the first look found it');
      assert.equal(requestsTo(sandbox.webex, 'GET', /^\/messages$/).length, 1);
    });

    it('when the message is not there, says it was not delivered and is safe to send again', async () => {
      const { client } = sandbox.client();
      const coffee = await roomIdByTitle(client, SMALL.rooms.coffee);
      sandbox.webex.faults.add({ match: postMessages, kind: 'drop' });

      const error = await rejection(client.messages.create({ roomId: coffee, text: 'Lost in transit' }));

      assert.ok(error instanceof WebexApiError);
      assert.equal(error.deliveryChecked, true);
      assert.equal(error.kind, 'network');
      assert.match(error.message, /not delivered.*safe to send it again/);
      assert.deepEqual(await textsIn(coffee, 'Lost in transit'), []);
      assert.equal(requestsTo(sandbox.webex, 'POST', /^\/messages$/).length, 1);
    });

    it('after a 503 does not resend, and reports the checked outcome', async () => {
      const { client } = sandbox.client();
      const coffee = await roomIdByTitle(client, SMALL.rooms.coffee);
      sandbox.webex.faults.add({ match: postMessages, kind: 'status', status: 503 });
      const error = await rejection(client.messages.create({ roomId: coffee, text: 'Busy server' }));
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.status, 503);
      assert.equal(error.deliveryChecked, true);
      assert.equal(requestsTo(sandbox.webex, 'POST', /^\/messages$/).length, 1);
    });

    it('does not take an earlier identical message of this client for the lost one', async () => {
      const { client } = sandbox.client();
      const coffee = await roomIdByTitle(client, SMALL.rooms.coffee);
      const first = await client.messages.create({ roomId: coffee, text: 'ok' });
      sandbox.webex.faults.add({ match: postMessages, kind: 'drop' });
      const error = await rejection(client.messages.create({ roomId: coffee, text: 'ok' }));
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.deliveryChecked, true);
      assert.deepEqual(await textsIn(coffee, 'ok'), [first.id]);
    });

    it('when the space cannot be checked, says so instead of claiming anything', async () => {
      // A bot may not list a group space without mentionedPeople (GET /messages), so it cannot look.
      const { client } = sandbox.client({ token: SMALL.bot.token });
      const alerts = await roomIdByTitle(client, SMALL.rooms.alerts);
      sandbox.webex.faults.add({ match: postMessages, kind: 'dropAfter' });
      const error = await rejection(client.messages.create({ roomId: alerts, text: 'Build #104 passed' }));
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.deliveryChecked, false);
      assert.match(error.message, /look in the space before sending it again/);
      assert.match(error.message, /a bot sees only the messages of a group space that mention it/);
      assert.equal(requestsTo(sandbox.webex, 'POST', /^\/messages$/).length, 1);
      // mentionedPeople=me would list fine but can never show the bot's own post: not a look at all.
      const looks = requestsTo(sandbox.webex, 'GET', /^\/messages$/);
      assert.equal(looks.length, 1, 'one look, refused, and no second one');
      assert.equal(looks[0].status, 403);
      assert.equal(looks[0].query.mentionedPeople, undefined);
    });

    it('findUnconfirmed: a later look finds the message an unconfirmed send created, once, and nothing else', async () => {
      const { client } = sandbox.client();
      const coffee = await roomIdByTitle(client, SMALL.rooms.coffee);
      const before = await client.messages.create({ roomId: coffee, markdown: 'same words' });
      // Created, then the answer is lost, and the client's own look fails: nobody knows.
      sandbox.webex.faults.add([
        { match: postMessages, kind: 'dropAfter' },
        { match: { method: 'GET', path: '^/messages$' }, kind: 'status', status: 400 },
      ]);
      const startedAt = Date.now();
      const error = await rejection(client.messages.create({ roomId: coffee, markdown: 'same words' }));
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.deliveryChecked, false);
      const found = await client.messages.findUnconfirmed({ roomId: coffee, markdown: 'same words' }, startedAt);
      assert.ok(found, 'the look finds it');
      assert.notEqual(found.id, before.id, 'not the earlier identical message this client posted');
      assert.deepEqual((await textsIn(coffee, 'same words')).sort(), [before.id, found.id].sort());
      // Found once: a second look does not hand the same message out again, and other text is not taken.
      assert.equal(await client.messages.findUnconfirmed({ roomId: coffee, markdown: 'same words' }, startedAt), undefined);
      assert.equal(await client.messages.findUnconfirmed({ roomId: coffee, markdown: 'other words' }, startedAt), undefined);
    });

    it('findUnconfirmed: a look that fails throws, so the caller asks the user', async () => {
      const { client } = sandbox.client({ token: SMALL.bot.token });
      const alerts = await roomIdByTitle(client, SMALL.rooms.alerts);
      const error = await rejection(client.messages.findUnconfirmed({ roomId: alerts, text: 'Build #105' }, Date.now()));
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.status, 403);
    });
  });

  describe('input checks before any request', () => {
    async function refused(params: Parameters<ReturnType<typeof sandbox.client>['client']['messages']['create']>[0]): Promise<WebexInputError> {
      const { client } = sandbox.client();
      sandbox.webex.clearRequests();
      const error = await rejection(client.messages.create(params));
      assert.ok(error instanceof WebexInputError, String(error));
      assert.equal(sandbox.webex.requests.length, 0, 'nothing was sent');
      return error;
    }

    it('counts the 7439-byte limit in UTF-8 bytes: 7439 is sent, 7440 is refused', async () => {
      const { client } = sandbox.client();
      const notes = await roomIdByTitle(client, SMALL.rooms.notes);
      // '€' is 3 bytes: 2479 of them are 7437 bytes, plus 2 ASCII = 7439 bytes but only 2481 characters.
      const atLimit = '€'.repeat(2479) + 'ab';
      assert.equal(Buffer.byteLength(atLimit), MAX_MESSAGE_BYTES);
      const sent = await client.messages.create({ roomId: notes, text: atLimit });
      assert.equal(sent.text, atLimit);

      const over = await refused({ roomId: notes, markdown: atLimit + 'c' });
      assert.equal(over.field, 'markdown');
      assert.match(over.message, /7440 bytes/);
    });

    it('needs exactly one destination, a valid email and some content', async () => {
      assert.equal((await refused({ text: 'to nobody' })).field, 'roomId');
      const two = await refused({ roomId: 'Y2lzY29zcGFyazovL3VzL1JPT00veA', toPersonEmail: SMALL.alan.email, text: 'hi' });
      assert.match(two.message, /only one destination/);
      assert.equal((await refused({ toPersonEmail: 'Alan Turing', text: 'hi' })).field, 'toPersonEmail');
      assert.equal((await refused({ roomId: 'r', text: '  \n ' })).field, 'text');
      // Only invisible characters (zero-width space, joiners, word joiner, soft hyphen) shows as empty.
      assert.equal((await refused({ roomId: 'r', markdown: '\u200B\u200C\u200D\u2060\u00AD \n' })).field, 'text');
      assert.equal((await refused({ roomId: 'r' })).field, 'text');
    });

    it('accepts one file only, at most 100 MB, and only one that exists', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'webex-client-'));
      try {
        const files = await refused({ roomId: 'r', files: ['https://example.com/a.png'], file: { data: new Uint8Array(1), filename: 'b.txt' } });
        assert.equal(files.field, 'files');
        await refused({ roomId: 'r', files: ['https://example.com/a.png', 'https://example.com/b.png'] });
        const missing = await refused({ roomId: 'r', file: { path: join(dir, 'nope.txt'), filename: 'nope.txt' } });
        assert.match(missing.message, /not found/);
        // A sparse file: 100 MB + 1 byte on paper, nothing on disk.
        const big = join(dir, 'big.bin');
        await writeFile(big, '');
        await truncate(big, 100 * 1024 * 1024 + 1);
        const tooBig = await refused({ roomId: 'r', file: { path: big, filename: 'big.bin' } });
        assert.match(tooBig.message, /at most 100 MB/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe('files', () => {
    it('uploads a local file as multipart and downloads it back with its name and type', async () => {
      const { client } = sandbox.client();
      const notes = await roomIdByTitle(client, SMALL.rooms.notes);
      const dir = await mkdtemp(join(tmpdir(), 'webex-client-'));
      try {
        const path = join(dir, 'ignored-on-disk-name.csv');
        const content = 'name,city\nAda,Londön\n';
        await writeFile(path, content);
        const sent = await client.messages.create({ roomId: notes, markdown: 'The **list**', file: { path, filename: 'people.csv' } });
        assert.equal(sent.markdown, 'The **list**');
        assert.equal(sent.files?.length, 1);

        const file = await client.messages.download(sent.files?.[0] ?? '');
        assert.equal(file.filename, 'people.csv');
        assert.match(file.contentType, /^text\/csv/);
        assert.equal(Buffer.from(file.data).toString('utf8'), content);

        const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
        const image = await client.messages.create({ roomId: notes, file: { data: bytes, filename: 'dot.png' } });
        const back = await client.messages.download(image.files?.[0] ?? '');
        assert.deepEqual([...back.data], [...bytes]);
        assert.equal(back.contentType, 'image/png');
        assert.equal(back.filename, 'dot.png');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('sends the token only to the API origin: other file URLs are refused without a request', async () => {
      const { client } = sandbox.client();
      sandbox.webex.clearRequests();
      const error = await rejection(client.messages.download('https://evil.example.com/v1/contents/x'));
      assert.ok(error instanceof WebexInputError);
      assert.equal(error.field, 'fileUrl');
      const sameHostOtherPort = new URL(sandbox.webex.origin);
      sameHostOtherPort.port = String(Number(sameHostOtherPort.port) + 1);
      assert.ok((await rejection(client.messages.download(`${sameHostOtherPort.origin}/v1/contents/x`))) instanceof WebexInputError);
      assert.equal(sandbox.webex.requests.length, 0);
    });
  });

  describe('file details (HEAD)', () => {
    it('reads a file’s name, type and size with HEAD, without downloading it', async () => {
      const { client } = sandbox.client();
      const notes = await roomIdByTitle(client, SMALL.rooms.notes);
      const data = new TextEncoder().encode('Zürich,8000\n');
      const sent = await client.messages.create({ roomId: notes, file: { data, filename: 'Städte 2026.csv', contentType: 'text/csv' } });
      const url = sent.files?.[0] ?? '';
      sandbox.webex.clearRequests();

      const info = await client.messages.fileInfo(url);

      assert.deepEqual(info, { filename: 'Städte 2026.csv', contentType: 'text/csv', size: data.length });
      assert.deepEqual(
        sandbox.webex.requests.map((r) => [r.method, r.status]),
        [['HEAD', 200]],
      );
    });

    it('the local Webex answers HEAD as a real server does: the GET headers and no body', async () => {
      const { client, token } = sandbox.client();
      const backend = await roomIdByTitle(client, SMALL.rooms.backend);
      const withFile = (await client.messages.list({ roomId: backend }).toArray()).find((m) => (m.files?.length ?? 0) > 0);
      const url = withFile?.files?.[0];
      assert.ok(url);
      const auth = { Authorization: `Bearer ${token}` };
      const get = await fetch(url, { headers: auth });
      const head = await fetch(url, { method: 'HEAD', headers: auth });
      assert.equal(head.status, 200);
      for (const name of ['content-type', 'content-length', 'content-disposition']) {
        assert.equal(head.headers.get(name), get.headers.get(name), name);
      }
      assert.equal(Number(head.headers.get('content-length')), (await get.arrayBuffer()).byteLength);
      assert.equal((await head.arrayBuffer()).byteLength, 0, 'HEAD has no body');
      // A file of a space the caller is not in: 404, still without a body.
      const outsider = await fetch(url, { method: 'HEAD', headers: { Authorization: `Bearer ${SMALL.barbara.token}` } });
      assert.equal(outsider.status, 404);
      assert.equal((await outsider.arrayBuffer()).byteLength, 0);
      const error = await rejection(sandbox.client({ token: SMALL.barbara.token }).client.messages.fileInfo(url));
      assert.ok(error instanceof WebexApiError);
      assert.equal(error.status, 404);
      assert.equal(error.method, 'HEAD');
    });

    it('sends the token only to the API origin, as downloads do', async () => {
      const { client } = sandbox.client();
      sandbox.webex.clearRequests();
      const error = await rejection(client.messages.fileInfo('https://evil.example.com/v1/contents/x'));
      assert.ok(error instanceof WebexInputError);
      assert.equal(error.field, 'fileUrl');
      assert.ok((await rejection(client.messages.fileInfo('not a url'))) instanceof WebexInputError);
      assert.equal(sandbox.webex.requests.length, 0);
    });
  });

  describe('edit and delete', () => {
    it('edits with PUT (roomId required) and deletes', async () => {
      const { client } = sandbox.client();
      const notes = await roomIdByTitle(client, SMALL.rooms.notes);
      const sent = await client.messages.create({ roomId: notes, text: 'teh typo' });
      const edited = await client.messages.update(sent.id, { roomId: notes, text: 'the typo' });
      assert.equal(edited.text, 'the typo');
      assert.ok(edited.updated);
      assert.equal((await client.messages.get(sent.id)).text, 'the typo');
      await client.messages.delete(sent.id);
      const gone = await rejection(client.messages.get(sent.id));
      assert.ok(gone instanceof WebexApiError);
      assert.equal(gone.status, 404);
    });
  });
});

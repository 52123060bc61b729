// The local Webex's /attachment/actions (Webex messaging API operations "Create an Attachment Action" and
// "Get Attachment Action Details", schema AttachmentActivity), its webhook deliveries and live events,
// over real loopback HTTP.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMALL } from '../scenarios/small';
import type { LocalWebex } from '../server';
import { Api, decode, startSmall, type ErrorBody } from './helpers';

interface Action {
  id: string;
  type: string;
  messageId: string;
  inputs: Record<string, unknown>;
  personId: string;
  roomId: string;
  created: string;
}

const CARD = {
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'Input.Text', id: 'comment' }], actions: [{ type: 'Action.Submit', title: 'OK' }] },
};

describe('sandbox: attachment actions', () => {
  let webex: LocalWebex;
  let ada: Api;
  let bot: Api;
  let cardId: string;
  let roomId: string;

  beforeEach(async () => {
    webex = await startSmall();
    ada = new Api(webex);
    bot = ada.as(SMALL.bot.token);
    const card = await bot.ok<{ id: string; roomId: string }>('/messages', 'POST', { toPersonEmail: SMALL.ada.email, text: 'Approve?', attachments: [CARD] });
    cardId = card.id;
    roomId = card.roomId;
  });
  afterEach(() => webex.stop());

  const submit = (body: Record<string, unknown>, as: Api = ada) => as.post<Action & ErrorBody>('/attachment/actions', body);

  it('answers 202 with the AttachmentActivity, which the submitter and the card’s sender may read', async () => {
    const made = await submit({ type: 'submit', messageId: cardId, inputs: { comment: 'ship it', decision: 'approve' } });
    assert.equal(made.status, 202);
    assert.match(decode(made.body.id), /^ciscospark:\/\/us\/ATTACHMENT_ACTION\//);
    const me = await ada.ok<{ id: string }>('/people/me');
    assert.deepEqual(Object.keys(made.body).sort(), ['created', 'id', 'inputs', 'messageId', 'personId', 'roomId', 'type']);
    assert.deepEqual(
      { type: made.body.type, messageId: made.body.messageId, personId: made.body.personId, roomId: made.body.roomId, inputs: made.body.inputs },
      { type: 'submit', messageId: cardId, personId: me.id, roomId, inputs: { comment: 'ship it', decision: 'approve' } },
    );
    assert.ok(!Number.isNaN(Date.parse(made.body.created)));
    for (const reader of [ada, bot]) {
      const got = await reader.get<Action>(`/attachment/actions/${made.body.id}`);
      assert.equal(got.status, 200);
      assert.deepEqual(got.body, made.body);
    }
  });

  it('answers 400 without type, messageId or inputs, or with a type other than submit', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ messageId: cardId, inputs: {} }, /type cannot be null/],
      [{ type: 'click', messageId: cardId, inputs: {} }, /only supported type is submit/],
      [{ type: 'submit', inputs: {} }, /messageId cannot be null/],
      [{ type: 'submit', messageId: cardId }, /inputs cannot be null/],
      [{ type: 'submit', messageId: cardId, inputs: ['a'] }, /inputs must be a JSON object/],
      [{ type: 'submit', messageId: 'not-an-id', inputs: {} }, /Expect base64 ID or UUID/],
    ];
    for (const [body, text] of cases) {
      const r = await submit(body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match(r.body.message, text);
      assert.equal(r.body.trackingId, r.headers.get('trackingid'));
    }
    assert.equal(webex.requests.filter((r) => r.status === 202).length, 0);
  });

  it('answers 404 for a card in a space the caller is not a member of, and for another person’s action', async () => {
    const grace = ada.as(SMALL.grace.token);
    assert.equal((await submit({ type: 'submit', messageId: cardId, inputs: {} }, grace)).status, 404);
    const made = await submit({ type: 'submit', messageId: cardId, inputs: { a: 1 } });
    assert.equal((await grace.get(`/attachment/actions/${made.body.id}`)).status, 404);
    assert.equal((await ada.get('/attachment/actions/not-an-id')).status, 400);
  });

  it('answers 400 for a message without a card', async () => {
    const plain = await ada.ok<{ id: string }>('/messages', 'POST', { roomId, text: 'no card here' });
    const r = await submit({ type: 'submit', messageId: plain.id, inputs: {} });
    assert.equal(r.status, 400);
    assert.match(r.body.message, /no card/);
  });

  it('delivers an attachmentActions/created webhook to the card’s sender, with ids only', async () => {
    const got: Array<Record<string, unknown>> = [];
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        got.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const hook = await bot.post('/webhooks', { name: 'cards', targetUrl: url, resource: 'attachmentActions', event: 'created', filter: `messageId=${cardId}` });
      assert.equal(hook.status, 200);
      const other = await bot.ok<{ id: string }>('/messages', 'POST', { toPersonEmail: SMALL.ada.email, text: 'another', attachments: [CARD] });
      const made = await submit({ type: 'submit', messageId: cardId, inputs: { comment: 'secret words' } });
      await submit({ type: 'submit', messageId: other.id, inputs: {} });
      await webex.webhooks.idle();
      assert.equal(got.length, 1, 'the filter keeps the other card’s submission out');
      assert.equal(got[0].resource, 'attachmentActions');
      assert.equal(got[0].event, 'created');
      const data = got[0].data as Record<string, unknown>;
      assert.equal(data.id, made.body.id);
      assert.equal(data.messageId, cardId);
      assert.equal(data.inputs, undefined);
      assert.doesNotMatch(JSON.stringify(got[0]), /secret words/);
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
  });

  it('pushes a cardAction activity to the card sender’s live socket', async () => {
    const frames: unknown[] = [];
    const original = webex.live.mercury.cardAction.bind(webex.live.mercury);
    // The socket part is covered by the live tests; here the store must hand the action to Mercury.
    webex.live.mercury.cardAction = (a) => {
      frames.push(a.id);
      original(a);
    };
    const made = await submit({ type: 'submit', messageId: cardId, inputs: {} });
    assert.deepEqual(frames, [made.body.id]);
  });
});

// The client's attachment actions (Webex messaging API "Create an Attachment Action", "Get Attachment
// Action Details") against the local Webex.
import * as assert from 'node:assert/strict';
import { WebexApiError, WebexInputError } from '../../../src/webex/errors';
import { isAmbiguousFailure } from '../../../src/webex/messageDelivery';
import { SMALL } from '../../sandbox/scenarios/small';
import { rejection, requestsTo, useLocalWebex } from './harness';

const CARD = {
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'Input.Text', id: 'comment' }], actions: [{ type: 'Action.Submit', title: 'Approve', data: { decision: 'approve' } }] },
};

describe('webex client: attachment actions', () => {
  const sandbox = useLocalWebex();

  async function botCard(): Promise<string> {
    const { client } = sandbox.client({ token: SMALL.bot.token });
    return (await client.messages.create({ toPersonEmail: SMALL.ada.email, text: 'Deploy?', attachments: [CARD] })).id;
  }

  it('submits a card as the signed-in identity, and the card’s sender reads it by id', async () => {
    const messageId = await botCard();
    const { client } = sandbox.client();
    const action = await client.attachmentActions.create({ messageId, inputs: { comment: 'ok', decision: 'approve' } });
    assert.equal(action.type, 'submit');
    assert.equal(action.messageId, messageId);
    assert.deepEqual(action.inputs, { comment: 'ok', decision: 'approve' });
    assert.equal(action.personId, (await client.people.me()).id);
    assert.deepEqual(requestsTo(sandbox.webex, 'POST', /^\/attachment\/actions$/).map((r) => r.status), [202]);
    const { client: bot } = sandbox.client({ token: SMALL.bot.token });
    assert.deepEqual(await bot.attachmentActions.get(action.id), action);
  });

  it('surfaces a 404 for a card the caller cannot see, with its tracking id', async () => {
    const messageId = await botCard();
    const { client } = sandbox.client({ token: SMALL.grace.token });
    const error = await rejection(client.attachmentActions.create({ messageId, inputs: {} }));
    assert.ok(error instanceof WebexApiError);
    assert.equal(error.status, 404);
    assert.ok(error.trackingId);
    assert.equal(isAmbiguousFailure(error), false);
  });

  it('never re-posts a submission whose answer was lost, and says it may have landed', async () => {
    const messageId = await botCard();
    const { client } = sandbox.client();
    sandbox.webex.faults.add({ match: { method: 'POST', path: '^/attachment/actions$' }, kind: 'dropAfter' });
    const error = await rejection(client.attachmentActions.create({ messageId, inputs: { comment: 'once' } }));
    assert.ok(isAmbiguousFailure(error));
    assert.equal(requestsTo(sandbox.webex, 'POST', /^\/attachment\/actions$/).length, 1);
  });

  it('refuses a missing message id or non-object inputs before asking', async () => {
    const { client } = sandbox.client();
    sandbox.webex.clearRequests();
    assert.ok((await rejection(client.attachmentActions.create({ messageId: ' ', inputs: {} }))) instanceof WebexInputError);
    const bad = await rejection(client.attachmentActions.create({ messageId: 'x', inputs: [] as unknown as Record<string, unknown> }));
    assert.ok(bad instanceof WebexInputError);
    assert.equal(bad.field, 'inputs');
    assert.equal(sandbox.webex.requests.length, 0);
  });
});

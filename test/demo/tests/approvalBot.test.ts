// The demo's deploy-approval loop: Pipeline Bot's card in Priya's direct space, her answer posted as
// an attachment action, and the bot's follow-up in the card's thread (test/demo/approvalBot.ts).
import * as assert from 'node:assert/strict';
import type { Message } from '../../../src/webex/types';
import { until } from '../../kit/until';
import { APPROVAL_CARD } from '../../sandbox/scenarios/approvalCard';
import { LocalWebex } from '../../sandbox/server';
import { Api, type Items } from '../../sandbox/tests/helpers';
import { ApprovalBot } from '../approvalBot';
import { DEMO, demoScenario } from '../demoScenario';

describe('demo: approval bot', () => {
  it('answers Approve with a follow-up in the card’s thread, naming who and why', async () => {
    const demo = await LocalWebex.start({ scenario: demoScenario() });
    const bot = await ApprovalBot.start(demo.baseUrl, DEMO.pipeline.token);
    try {
      const priya = new Api(demo, DEMO.you.token);
      const direct = (await priya.get<Items<Message>>(`/messages/direct?personEmail=${encodeURIComponent(DEMO.pipeline.email)}`)).body.items;
      const card = direct.find((m) => m.attachments?.[0]?.contentType === APPROVAL_CARD.contentType);
      assert.ok(card, 'the approval card is in Priya’s direct space with the bot');
      const posted = await priya.post('/attachment/actions', { type: 'submit', messageId: card.id, inputs: { comment: 'canary looks good', decision: 'approve' } });
      assert.equal(posted.status, 202);
      const reply = await until('the bot’s follow-up', async () => {
        await demo.webhooks.idle();
        const thread = (await priya.get<Items<Message>>(`/messages/direct?personEmail=${encodeURIComponent(DEMO.pipeline.email)}&parentId=${card.id}`)).body.items;
        return thread.find((m) => m.personEmail === DEMO.pipeline.email);
      });
      assert.match(reply.markdown ?? '', /approved by Priya Raman: “canary looks good”/);
    } finally {
      await bot.stop();
      await demo.stop();
    }
  });
});

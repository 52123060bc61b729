// The demo account's webhooks, as the local Webex loads them from the demo scenario.
import * as assert from 'node:assert/strict';
import type { Webhook } from '../../../src/webex/webhooks';
import { LocalWebex } from '../../sandbox/server';
import { Api, type Items } from '../../sandbox/tests/helpers';
import { DEMO, demoScenario } from '../demoScenario';

describe('demo: webhooks', () => {
  it('has Priya’s two webhooks, one inactive, and the bot’s', async () => {
    const demo = await LocalWebex.start({ scenario: demoScenario() });
    try {
      const priya = new Api(demo, DEMO.you.token);
      const hooks = (await priya.get<Items<Webhook>>('/webhooks')).body.items;
      assert.deepEqual(hooks.map((w) => [w.name, w.status]), [['Old deploy hook', 'inactive'], ['Mentions to my notifier', 'active']]);
      assert.equal(hooks[0].filter, `roomId=${await priya.roomId(DEMO.spaces.builds)}`);
      const bot = (await priya.as(DEMO.pipeline.token).get<Items<Webhook>>('/webhooks')).body.items;
      assert.deepEqual(bot.map((w) => w.name), ['Pipeline commands']);
    } finally {
      await demo.stop();
    }
  });
});

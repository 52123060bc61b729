// The client's webhooks resource against the local Webex (the /webhooks operations of the Webex messaging API).
import * as assert from 'node:assert/strict';
import { WebexApiError, WebexInputError } from '../../../src/webex/errors';
import { checkTargetUrl } from '../../../src/webex/webhooks';
import { rejection, requestsTo, thrown, useLocalWebex } from './harness';

describe('webex client: webhooks', () => {
  const sandbox = useLocalWebex();

  it('create → list (paged) → update → reactivate → delete', async () => {
    const { client } = sandbox.client();
    const made = await client.webhooks.create({ name: ' Hook ', targetUrl: 'http://127.0.0.1:9/x', resource: 'messages', event: 'created', filter: ' mentionedPeople=me ', secret: 's' });
    assert.equal(made.name, 'Hook');
    assert.equal(made.filter, 'mentionedPeople=me');
    assert.equal(made.status, 'active');
    for (let i = 0; i < 3; i++) {
      await client.webhooks.create({ name: `more ${i}`, targetUrl: 'https://example.com/', resource: 'all', event: 'all' });
    }
    const pages: string[][] = [];
    for await (const page of client.webhooks.list({ max: 2 }).pages()) {
      pages.push(page.map((w) => w.name));
    }
    assert.deepEqual(pages, [['Hook', 'more 0'], ['more 1', 'more 2']]);

    const renamed = await client.webhooks.update(made.id, { name: 'Renamed', targetUrl: 'http://127.0.0.1:9/y' });
    assert.equal(renamed.name, 'Renamed');
    const again = await client.webhooks.reactivate(renamed);
    assert.equal(again.status, 'active');
    assert.deepEqual(requestsTo(sandbox.webex, 'PUT', /^\/webhooks\//).map((r) => r.status), [200, 200]);
    assert.equal((await client.webhooks.get(made.id)).targetUrl, 'http://127.0.0.1:9/y');
    await client.webhooks.delete(made.id);
    const gone = await rejection(client.webhooks.get(made.id));
    assert.ok(gone instanceof WebexApiError);
    assert.equal(gone.status, 404);
  });

  it('surfaces the 400 Webex answers, with its tracking id', async () => {
    const { client } = sandbox.client();
    const error = await rejection(client.webhooks.create({ name: 'x', targetUrl: 'https://example.com', resource: 'rooms', event: 'created', filter: 'roomId=abc' }));
    assert.ok(error instanceof WebexApiError);
    assert.equal(error.status, 400);
    assert.match(error.message, /filter key 'roomId'/);
    assert.ok(error.trackingId);
  });

  it('refuses bad target URLs before asking', async () => {
    const { client } = sandbox.client();
    sandbox.webex.clearRequests();
    for (const url of ['ftp://example.com/x', 'https://user:pw@example.com/x', 'not a url', ' ']) {
      const error = await rejection(client.webhooks.create({ name: 'x', targetUrl: url, resource: 'messages', event: 'created' }));
      assert.ok(error instanceof WebexInputError, url);
      assert.equal(error.field, 'targetUrl');
    }
    assert.ok(thrown(() => client.webhooks.list({ max: 0 })) instanceof WebexInputError);
    assert.equal(sandbox.webex.requests.length, 0);
    assert.equal(checkTargetUrl('https://hooks.example.com/a').host, 'hooks.example.com');
  });
});

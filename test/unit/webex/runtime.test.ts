// The client over the runtime's fetch by default (in VS Code, the extension host's, which VS Code
// patches for its proxy settings), or over the fetch and undici dispatcher a Node caller gives
// (src/webex/runtime.ts). Real loopback HTTP to the local Webex throughout.
import * as assert from 'node:assert/strict';
import { Agent, type Dispatcher } from 'undici';
import { WebexApiError } from '../../../src/webex/errors';
import { SMALL, rejection, roomIdByTitle, useLocalWebex } from './harness';

/** An undici Agent that records the path of every request it carries (real connections, nothing mocked). */
class RecordingAgent extends Agent {
  readonly paths: string[] = [];

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.paths.push(options.path);
    return super.dispatch(options, handler);
  }
}

describe('webex client: the runtime’s fetch, or the one given', () => {
  const sandbox = useLocalWebex();

  it('sends every request, a multipart upload included, through the fetch it is given', async () => {
    const sent: string[] = [];
    const { client } = sandbox.client({
      fetch: (input, init) => {
        sent.push(`${init?.method ?? 'GET'} ${new URL(input instanceof Request ? input.url : input).pathname}`);
        return globalThis.fetch(input, init);
      },
    });
    const roomId = await roomIdByTitle(client, SMALL.rooms.backend);
    sandbox.webex.clearRequests();
    sent.length = 0;
    const message = await client.messages.create({ roomId, text: 'notes', file: { data: new TextEncoder().encode('hello'), filename: 'notes.txt' } });
    assert.equal(message.files?.length, 1);
    assert.deepEqual(sent, ['POST /v1/messages']);
    assert.deepEqual(
      sandbox.webex.requests.map((r) => `${r.method} ${r.path}`),
      sent,
    );
  });

  // Node's own fetch with npm undici's Agent: the `dispatcher` init field Node's fetch reads.
  it('routes every request, upload and download included, through the dispatcher a Node caller gives, and leaves it open on close', async () => {
    const agent = new RecordingAgent();
    try {
      const { client } = sandbox.client({ dispatcher: agent });
      const roomId = await roomIdByTitle(client, SMALL.rooms.backend);
      const message = await client.messages.create({ roomId, markdown: '**notes**', file: { data: new TextEncoder().encode('hello'), filename: 'notes.txt' } });
      const file = await client.messages.download(message.files?.[0] ?? '');
      assert.equal(new TextDecoder().decode(file.data), 'hello', 'the upload arrived whole, the download came back');
      assert.equal(agent.paths.length, sandbox.webex.requests.length);
      assert.deepEqual(
        agent.paths.map((p) => p.split('?')[0]),
        sandbox.webex.requests.map((r) => r.path),
      );
      await client.close();
      assert.equal(agent.closed, false, 'a dispatcher passed in belongs to the caller');
    } finally {
      await agent.close();
    }
  });

  it('closes the dispatcher it was given with closeDispatcher: true', async () => {
    const agent = new RecordingAgent();
    const { client } = sandbox.client({ dispatcher: agent, closeDispatcher: true });
    await client.people.me();
    await client.close();
    assert.equal(agent.closed, true);
  });

  it('sends nothing after close: the request fails at once as aborted', async () => {
    const { client, log } = sandbox.client();
    await client.people.me();
    await client.close();
    sandbox.webex.clearRequests();
    const error = await rejection(client.people.me());
    assert.ok(error instanceof WebexApiError);
    assert.equal(error.kind, 'aborted');
    assert.equal(sandbox.webex.requests.length, 0);
    assert.equal(log.length, 1, 'only the request before close was made');
  });
});

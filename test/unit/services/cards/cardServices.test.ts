// Card submissions that never land twice (services/cards/cardSubmissions.ts) against the local Webex,
// and card images fetched without the token (services/cards/cardImages.ts) from a loopback server.
import * as assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CardImages, MAX_IMAGE_BYTES } from '../../../../src/services/cards/cardImages';
import { CardSubmissions } from '../../../../src/services/cards/cardSubmissions';
import { SMALL } from '../../../sandbox/scenarios/small';
import { requestsTo, useLocalWebex } from '../../webex/harness';

const CARD = {
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'Input.Text', id: 'comment' }], actions: [{ type: 'Action.Submit', title: 'Approve', data: { decision: 'approve' } }] },
};

describe('cards: submissions', () => {
  const sandbox = useLocalWebex();
  const posts = (): number[] => requestsTo(sandbox.webex, 'POST', /^\/attachment\/actions$/).map((r) => r.status);

  async function setUp(): Promise<{ submissions: CardSubmissions; messageId: string }> {
    const { client: bot } = sandbox.client({ token: SMALL.bot.token });
    const messageId = (await bot.messages.create({ toPersonEmail: SMALL.ada.email, text: 'Deploy?', attachments: [CARD] })).id;
    const { client } = sandbox.client();
    return { submissions: new CardSubmissions(() => client.attachmentActions), messageId };
  }

  it('posts once per press: the same submission id asked again answers the first outcome', async () => {
    const { submissions, messageId } = await setUp();
    const [a, b] = await Promise.all([
      submissions.submit({ messageId, submissionId: 's1', inputs: { comment: 'ok', decision: 'approve' } }),
      submissions.submit({ messageId, submissionId: 's1', inputs: { comment: 'ok', decision: 'approve' } }),
    ]);
    assert.equal(a.sent, true);
    assert.deepEqual(b, a);
    assert.deepEqual(await submissions.submit({ messageId, submissionId: 's1', inputs: {}, resend: true }), a, 'a sent one is never sent again');
    assert.deepEqual(posts(), [202]);
  });

  it('after a lost answer, says it may have landed and posts again only with resend', async () => {
    const { submissions, messageId } = await setUp();
    sandbox.webex.faults.add({ match: { method: 'POST', path: '^/attachment/actions$' }, kind: 'dropAfter' });
    const first = await submissions.submit({ messageId, submissionId: 's2', inputs: { comment: 'once' } });
    assert.equal(first.sent, false);
    assert.equal(first.mayHaveLanded, true);
    assert.ok(first.trackingId);
    assert.deepEqual(await submissions.submit({ messageId, submissionId: 's2', inputs: { comment: 'once' } }), first);
    assert.equal(posts().length, 1);
    const again = await submissions.submit({ messageId, submissionId: 's2', inputs: { comment: 'once' }, resend: true });
    assert.equal(again.sent, true);
    assert.equal(posts().length, 2);
  });

  it('reports a 404 in Webex’s words with its tracking id, without mayHaveLanded', async () => {
    const { messageId } = await setUp();
    const { client: grace } = sandbox.client({ token: SMALL.grace.token });
    const outcome = await new CardSubmissions(() => grace.attachmentActions).submit({ messageId, submissionId: 's3', inputs: {} });
    assert.equal(outcome.sent, false);
    assert.equal(outcome.mayHaveLanded, undefined);
    assert.match(outcome.error ?? '', /could not be found/);
    assert.ok(outcome.trackingId);
  });
});

describe('cards: images', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

  before(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      if (req.url === '/a.png') {
        res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
      } else if (req.url === '/page.html') {
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<script>alert(1)</script>');
      } else if (req.url === '/huge.png') {
        res.writeHead(200, { 'Content-Type': 'image/png' });
        res.end(Buffer.alloc(MAX_IMAGE_BYTES + 10));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  }));

  it('answers a data: URL for an image, once per URL, with no credentials sent', async () => {
    const images = new CardImages();
    const [a, b] = await Promise.all([images.load(`${base}/a.png`), images.load(`${base}/a.png`)]);
    assert.equal(a, `data:image/png;base64,${PNG.toString('base64')}`);
    assert.equal(b, a);
    const hits = seen.filter((s) => s.url === '/a.png');
    assert.equal(hits.length, 1);
    assert.equal(hits[0].headers.authorization, undefined);
    assert.equal(hits[0].headers.cookie, undefined);
  });

  it('refuses what is not an image, too big, missing, or not http(s)', async () => {
    const images = new CardImages();
    for (const url of [`${base}/page.html`, `${base}/huge.png`, `${base}/missing.png`, 'javascript:alert(1)', 'file:///etc/passwd', `http://user:pw@127.0.0.1:1/x.png`]) {
      assert.equal(await images.load(url), undefined, url);
    }
  });
});

/**
 * The demo's Pipeline Bot answering its deploy-approval card, as a real bot would: at start it
 * registers an `attachmentActions`/`created` webhook (signed) to its own loopback receiver; each
 * delivery names an action by id only, so it reads the inputs with GET /attachment/actions/{id}
 * and replies in the card's thread with POST /messages (developer.webex.com/docs/buttons-and-cards).
 * Real HTTP against the local Webex, with the bot's token.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Action {
  id: string;
  messageId: string;
  roomId: string;
  personId: string;
  inputs: Record<string, unknown>;
}

export class ApprovalBot {
  private constructor(
    private readonly server: Server,
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** Starts the receiver and registers the webhook; `stop()` ends the receiver. */
  static async start(baseUrl: string, token: string): Promise<ApprovalBot> {
    const secret = randomBytes(16).toString('hex');
    const ready: { bot?: ApprovalBot } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const expected = Buffer.from(createHmac('sha1', secret).update(body).digest('hex'));
        const got = Buffer.from(String(req.headers['x-spark-signature'] ?? ''));
        res.writeHead(got.length === expected.length && timingSafeEqual(got, expected) ? 200 : 401).end();
        if (res.statusCode === 200) {
          const envelope = JSON.parse(body.toString('utf8')) as { data?: { id?: string } };
          if (typeof envelope.data?.id === 'string') {
            void ready.bot?.answer(envelope.data.id).catch((e: unknown) => process.stderr.write(`[demo bot] ${String(e)}\n`));
          }
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const bot = new ApprovalBot(server, baseUrl, token);
    ready.bot = bot;
    const targetUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cards`;
    await bot.call('POST', '/webhooks', { name: 'Deploy approvals', targetUrl, resource: 'attachmentActions', event: 'created', secret });
    return bot;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async answer(actionId: string): Promise<void> {
    const action = (await this.call('GET', `/attachment/actions/${encodeURIComponent(actionId)}`)) as Action;
    const decision = action.inputs.decision === 'approve' ? 'approved' : action.inputs.decision === 'reject' ? 'rejected' : undefined;
    if (decision === undefined) {
      return;
    }
    const person = (await this.call('GET', `/people/${encodeURIComponent(action.personId)}`)) as { displayName?: string };
    const comment = typeof action.inputs.comment === 'string' && action.inputs.comment.trim() !== '' ? `: “${action.inputs.comment.trim()}”` : '';
    const markdown = decision === 'approved'
      ? `✅ Deploy of **gateway 4.2.0** approved by ${person.displayName ?? 'someone'}${comment}. Rolling out now.`
      : `⛔ Deploy of **gateway 4.2.0** rejected by ${person.displayName ?? 'someone'}${comment}.`;
    await this.call('POST', '/messages', { roomId: action.roomId, parentId: action.messageId, markdown });
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`${method} ${path.split('?')[0]} → ${res.status}`);
    }
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }
}

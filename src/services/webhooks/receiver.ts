/**
 * The webhook receiver: an HTTP server on 127.0.0.1 only (never another interface) that takes
 * POSTs, answers 200 as soon as the body is in (Webex counts slow answers as failures: Webhooks guide)
 * and hands the raw bytes on. A body over {@link MAX_BODY_BYTES} is answered 413 and nothing of it is kept.
 */
import * as l10n from '@vscode/l10n';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const RECEIVER_HOST = '127.0.0.1';
export const MAX_BODY_BYTES = 1024 * 1024;

/** One request as it arrived: the bytes exactly as sent, headers lower-cased. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  receivedAt: Date;
}

export class ReceiverError extends Error {
  constructor(
    readonly code: 'portInUse' | 'listen',
    message: string,
  ) {
    super(message);
  }
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) {
      out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return out;
}

function answer(res: ServerResponse, status: number, text: string, close = false): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), ...(close ? { Connection: 'close' } : {}) });
  res.end(text);
}

export class WebhookReceiver {
  private refusedCount = 0;

  private constructor(
    private readonly server: Server,
    private readonly onRequest: (request: ReceivedRequest) => void,
  ) {}

  /** Listens on 127.0.0.1:`port` (0 picks a free one); a taken port is a {@link ReceiverError} `portInUse`. */
  static async start(port: number, onRequest: (request: ReceivedRequest) => void): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server, onRequest);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => receiver.handle(req, res));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: RECEIVER_HOST, port, exclusive: true }, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw code === 'EADDRINUSE'
        ? new ReceiverError('portInUse', l10n.t('Port {0} on {1} is already in use by another program. Stop that program or change the setting webex.webhooks.receiverPort.', port, RECEIVER_HOST))
        : new ReceiverError('listen', l10n.t('Could not listen on {0}:{1} ({2}).', RECEIVER_HOST, port, code ?? 'unknown error'));
    }
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The URL to give webhooks that point at this machine. */
  get url(): string {
    return `http://${RECEIVER_HOST}:${this.port}/`;
  }

  /** Requests refused with 413 (too large) so far. */
  get refused(): number {
    return this.refusedCount;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'POST') {
      req.resume();
      res.setHeader('Allow', 'POST');
      answer(res, 405, l10n.t('Webhook deliveries are POST requests.'));
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 'NaN');
    if (declared > MAX_BODY_BYTES) {
      this.tooLarge(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        if (!over) {
          over = true;
          chunks.length = 0;
          this.tooLarge(req, res);
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (over) {
        return;
      }
      const request: ReceivedRequest = {
        method: 'POST',
        path: req.url ?? '/',
        headers: headersOf(req),
        body: Buffer.concat(chunks, size),
        receivedAt: new Date(),
      };
      answer(res, 200, 'OK');
      // Answered first; what is done with the event never delays Webex.
      setImmediate(() => this.onRequest(request));
    });
    req.on('error', () => undefined);
  }

  /** 413 and the connection closed; the rest of the body is read and thrown away, never kept. */
  private tooLarge(req: IncomingMessage, res: ServerResponse): void {
    this.refusedCount += 1;
    req.removeAllListeners('data');
    req.on('data', () => undefined);
    req.resume();
    if (!res.headersSent) {
      answer(res, 413, l10n.t('The body is larger than {0} bytes.', MAX_BODY_BYTES), true);
    }
  }
}

/**
 * What the receiver's deliveries become: each request is verified against the known secrets over
 * its raw bytes, read as a webhook envelope when it is one, and kept in a bounded log. Everything
 * in a delivery is untrusted input: it is shown as text, never run or rendered.
 */
import type { Webhook } from '../../webex/webhooks';
import { EventLog, DEFAULT_EVENT_CAPACITY } from './eventLog';
import type { ReceivedRequest } from './receiver';
import { SIGNATURE_HEADER, verifySignature, type KnownSecret, type Verification } from './signature';

/**
 * The envelope Webex POSTs (WebexPythonSDK models/mixins/webhook_event.py: `{id, name, targetUrl, resource, event, filter?, orgId,
 * createdBy, appId, ownedBy, status, created, actorId, data}`); `data` holds ids, not text.
 */
export interface WebhookEnvelope {
  id: string;
  name?: string;
  resource: string;
  event: string;
  actorId?: string;
  data: Record<string, unknown>;
}

export interface WebhookEventEntry {
  seq: number;
  request: ReceivedRequest;
  /** Undefined when the body is not JSON of the envelope's shape (`problem` says why). */
  envelope?: WebhookEnvelope;
  problem?: string;
  verification: Verification;
  /** The webhook's name as we know it (from its secret), else as the body says, else "unknown webhook". */
  webhookName: string;
  /** Came over the live connection (Follow Live Events), not from a webhook: never signed. */
  live?: true;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Reads a body as an envelope; a reason instead when it is not one. */
export function parseEnvelope(body: Buffer): { envelope: WebhookEnvelope } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { problem: 'the body is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { problem: 'the body is not a JSON object' };
  }
  const o = parsed as Record<string, unknown>;
  const id = str(o.id);
  const resource = str(o.resource);
  const event = str(o.event);
  const data = o.data;
  if (id === undefined || resource === undefined || event === undefined || typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problem: 'the body is not a webhook envelope (id, resource, event, data)' };
  }
  return { envelope: { id, name: str(o.name), resource, event, actorId: str(o.actorId), data: data as Record<string, unknown> } };
}

export class WebhookInbox {
  readonly log: EventLog<WebhookEventEntry>;
  private seq = 0;

  constructor(
    /** The secrets known right now (read at each delivery, so a new webhook's secret counts at once). */
    private readonly secrets: () => readonly KnownSecret[],
    capacity = DEFAULT_EVENT_CAPACITY,
  ) {
    this.log = new EventLog(capacity);
  }

  receive(request: ReceivedRequest): WebhookEventEntry {
    const read = parseEnvelope(request.body);
    const envelope = 'envelope' in read ? read.envelope : undefined;
    const known = this.secrets();
    const verification = verifySignature(request.body, request.headers[SIGNATURE_HEADER], known, envelope?.id);
    this.seq += 1;
    const entry: WebhookEventEntry = {
      seq: this.seq,
      request,
      envelope,
      problem: 'problem' in read ? read.problem : undefined,
      verification,
      webhookName: verification.webhookName ?? envelope?.name ?? 'unknown webhook',
    };
    this.log.add(entry);
    return entry;
  }

  /** An event of the live connection, shaped as a delivery (liveEvents.ts): marked live, not verified. */
  receiveLive(delivery: { envelope: WebhookEnvelope; request: ReceivedRequest }): WebhookEventEntry {
    this.seq += 1;
    const entry: WebhookEventEntry = {
      seq: this.seq,
      request: delivery.request,
      envelope: delivery.envelope,
      verification: { verified: false, reason: 'live: not signed', webhookName: delivery.envelope.name },
      webhookName: delivery.envelope.name ?? 'live connection',
      live: true,
    };
    this.log.add(entry);
    return entry;
  }

  dispose(): void {
    this.log.dispose();
  }
}

/** Headers that could carry someone's credentials; shown as redacted. */
const REDACTED = new Set(['authorization', 'cookie', 'proxy-authorization']);

/** The raw request for a read-only editor: request line, headers, a blank line and the body (pretty-printed when JSON). */
export function rawRequestText(entry: WebhookEventEntry): string {
  const r = entry.request;
  const lines = [`${r.method} ${r.path}`];
  for (const [key, value] of Object.entries(r.headers)) {
    lines.push(`${key}: ${REDACTED.has(key) ? '(redacted)' : value}`);
  }
  lines.push('', prettyBody(r.body));
  return lines.join('\n');
}

function prettyBody(body: Buffer): string {
  const text = body.toString('utf8');
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The REST path of the resource an event names (`/messages/{id}` etc.); undefined when there is none. */
export function resourcePath(envelope: WebhookEnvelope): string | undefined {
  const id = str(envelope.data.id);
  if (id === undefined || !/^[A-Za-z0-9_=-]+$/.test(id)) {
    return undefined;
  }
  switch (envelope.resource) {
    case 'messages':
      return `/messages/${id}`;
    case 'memberships':
      return `/memberships/${id}`;
    case 'rooms':
      return `/rooms/${id}`;
    case 'attachmentActions':
      return `/attachment/actions/${id}`;
    default:
      return undefined;
  }
}

/** The secrets of these webhooks that `lookup` knows (a webhook made elsewhere has none here). */
export function knownSecrets(webhooks: readonly Webhook[], lookup: (id: string) => string | undefined): KnownSecret[] {
  const out: KnownSecret[] = [];
  for (const w of webhooks) {
    const secret = lookup(w.id);
    if (secret !== undefined) {
      out.push({ webhookId: w.id, webhookName: w.name, secret });
    }
  }
  return out;
}

/**
 * Control endpoints under `/_sandbox/` for users in another process (the extension host tests,
 * the demo). They need no token: the server listens on 127.0.0.1 only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, readBody } from './http';
import type { LocalWebex } from './server';
import type { Scenario } from './scenario';
import type { AnyFaultRule } from './faults';
import type { DeliverySettings } from './webhookDelivery';

const CONTROL_LIMIT = 200 * 1024 * 1024;

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, CONTROL_LIMIT, new HttpError(400, 'The body is too large.'));
  if (body.length === 0) {
    return undefined;
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The body is not JSON.');
  }
}

function reply(res: ServerResponse, trackingId: string, status: number, body?: unknown): void {
  const text = body === undefined ? undefined : JSON.stringify(body);
  res.writeHead(status, {
    TrackingID: trackingId,
    ...(text !== undefined ? { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': String(Buffer.byteLength(text)) } : {}),
  });
  res.end(text);
}

/** The delivery thresholds a test may set: positive numbers only. */
function deliverySettings(body: unknown): Partial<DeliverySettings> {
  const out: Partial<DeliverySettings> = {};
  const given = (body ?? {}) as Record<string, unknown>;
  for (const key of ['failureThreshold', 'failureWindowMs', 'timeoutMs'] as const) {
    const v = given[key];
    if (v === undefined) {
      continue;
    }
    if (typeof v !== 'number' || !(v > 0)) {
      throw new HttpError(400, `${key} must be a positive number.`);
    }
    out[key] = v;
  }
  return out;
}

/** Answers a `/_sandbox/…` request. */
export async function handleControl(
  webex: LocalWebex,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  trackingId: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  const route = `${method} ${path}`;
  try {
    switch (route) {
      case 'POST /_sandbox/faults': {
        const body = await jsonBody(req);
        webex.faults.add(body as AnyFaultRule | AnyFaultRule[]);
        reply(res, trackingId, 200, { pending: webex.faults.pending.length });
        return;
      }
      case 'GET /_sandbox/faults':
        reply(res, trackingId, 200, { items: webex.faults.pending });
        return;
      case 'DELETE /_sandbox/faults':
        webex.faults.clear();
        reply(res, trackingId, 204);
        return;
      case 'GET /_sandbox/requests':
        reply(res, trackingId, 200, { items: webex.requests });
        return;
      case 'DELETE /_sandbox/requests':
        webex.clearRequests();
        reply(res, trackingId, 204);
        return;
      case 'POST /_sandbox/reset': {
        const body = await jsonBody(req);
        webex.reset(body as Scenario | undefined);
        reply(res, trackingId, 204);
        return;
      }
      case 'GET /_sandbox/webhooks/deliveries':
        reply(res, trackingId, 200, { items: webex.webhooks.records });
        return;
      case 'DELETE /_sandbox/webhooks/deliveries':
        webex.webhooks.records.length = 0;
        reply(res, trackingId, 204);
        return;
      case 'POST /_sandbox/webhooks/settings':
        webex.webhooks.settings = { ...webex.webhooks.settings, ...deliverySettings(await jsonBody(req)) };
        reply(res, trackingId, 200, webex.webhooks.settings);
        return;
      case 'POST /_sandbox/webhooks/idle':
        await webex.webhooks.idle();
        reply(res, trackingId, 204);
        return;
      case 'GET /_sandbox/people':
        reply(res, trackingId, 200, { items: webex.people() });
        return;
      default:
        reply(res, trackingId, 404, { message: `No control endpoint ${route}.`, errors: [{ description: `No control endpoint ${route}.` }], trackingId });
    }
  } catch (err) {
    const status = err instanceof HttpError ? err.status : 400;
    const message = err instanceof Error ? err.message : String(err);
    reply(res, trackingId, status, { message, errors: [{ description: message }], trackingId });
  }
}

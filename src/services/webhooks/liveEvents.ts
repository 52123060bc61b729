/**
 * Events without a public URL: what the live connection (src/services/live) reports for the
 * signed-in identity, shaped like the webhook envelope Webex would POST for it
 * (developer.webex.com "Webhooks": `resource`, `event`, `actorId`, and `data` with ids, not text),
 * so the Webhook Events view shows it beside real deliveries. Marked as live: nothing signs it.
 * Only messages (created and deleted) arrive this way: the live layer reports no membership or
 * card-submission events yet.
 */
import type { ReceivedRequest } from './receiver';
import type { WebhookEnvelope } from './webhookInbox';

/** The envelope's `id` and `name`: no webhook sent it. */
export const LIVE_WEBHOOK_ID = 'live';
export const LIVE_NAME = 'live connection';

export interface LiveMessageEvent {
  event: 'created' | 'deleted';
  roomId: string;
  messageId: string;
  /** Known for a new message the live layer could read. */
  message?: { personId: string; personEmail: string; roomType?: string; created: string; parentId?: string; mentionedPeople?: string[]; files?: string[] };
  /** The identity whose connection it came through (`createdBy` of a webhook). */
  meId?: string;
}

/** The envelope and a request as if it had been delivered (no signature header). */
export function liveDelivery(e: LiveMessageEvent, now: Date): { envelope: WebhookEnvelope; request: ReceivedRequest } {
  const m = e.message;
  const data: Record<string, unknown> = { id: e.messageId, roomId: e.roomId };
  if (m) {
    Object.assign(data, {
      roomType: m.roomType,
      personId: m.personId,
      personEmail: m.personEmail,
      created: m.created,
      parentId: m.parentId,
      mentionedPeople: m.mentionedPeople,
      // A webhook says that there are files, not what they are.
      files: m.files && m.files.length > 0 ? m.files : undefined,
    });
  }
  const envelope: WebhookEnvelope = { id: LIVE_WEBHOOK_ID, name: LIVE_NAME, resource: 'messages', event: e.event, actorId: m?.personId, data };
  const body = { ...envelope, createdBy: e.meId, source: 'live', created: now.toISOString() };
  const request: ReceivedRequest = {
    method: 'LIVE',
    path: '/',
    headers: { 'x-webex-vscode-source': 'live connection (no signature: nothing was delivered over HTTP)' },
    body: Buffer.from(JSON.stringify(body)),
    receivedAt: now,
  };
  return { envelope, request };
}

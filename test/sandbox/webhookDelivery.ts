/**
 * Signed webhook deliveries of a local Webex. Every change a route reports (and every new message)
 * is matched against the active webhooks of the people who can see it, filtered, and POSTed as the
 * webhook envelope `{id, name, targetUrl, resource, event, filter, orgId, createdBy, appId, ownedBy,
 * status, created, actorId, data}` (WebexPythonSDK models/mixins/webhook_event.py). Only loopback targets are contacted; any other target is
 * recorded and never contacted, so a test can never reach out of the machine.
 */
import { createHmac } from 'node:crypto';
import { encodeId } from './ids';
import { parseFilter } from './routes/webhooks';
import type { MessageRec, PersonRec, RoomRec, Store } from './store';
import { attachmentActionJson, membershipJson, roomJson } from './views';
import { isLoopbackHost, type ChangeResource, type StoreChange, type WebhookRec } from './webhookRecords';

/** One delivery as the local Webex made (or did not make) it. No secret, no signature. */
export interface DeliveryRecord {
  webhookId: string;
  targetUrl: string;
  resource: string;
  event: string;
  /** False for a target that is not on this machine: recorded, never contacted. */
  contacted: boolean;
  /** The receiver's status; 0 when it could not be reached or was not contacted. */
  status: number;
  error?: string;
  /** The envelope as sent (its `data` holds ids only, never message text). */
  body: Record<string, unknown>;
}

export interface DeliverySettings {
  /** Failed deliveries within {@link failureWindowMs} that make a webhook inactive (Webex: 100). */
  failureThreshold: number;
  /** Webex: 5 minutes (developer.webex.com, Webhooks guide). */
  failureWindowMs: number;
  /** How long one delivery may take before it counts as failed. */
  timeoutMs: number;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = { failureThreshold: 100, failureWindowMs: 5 * 60_000, timeoutMs: 5000 };

/** What the firehose (`resource: "all"`) covers: memberships, messages and rooms (developer.webex.com/docs/api/guides/webhooks). */
const FIREHOSE: readonly ChangeResource[] = ['memberships', 'messages', 'rooms'];

export class WebhookDeliveries {
  readonly records: DeliveryRecord[] = [];
  settings: DeliverySettings = { ...DEFAULT_DELIVERY_SETTINGS };
  private readonly pending = new Set<Promise<void>>();
  /** One chain per webhook, so a receiver sees a webhook's events in the order they happened. */
  private readonly chains = new Map<string, Promise<void>>();

  /** Follows a store's changes (called for each store a reset builds). */
  attach(store: Store): void {
    store.events.on('messageCreated', (m) => {
      const room = store.rooms.get(m.roomUuid);
      if (room) {
        this.onChange(store, { resource: 'messages', event: 'created', actorUuid: m.authorUuid, room, message: m });
      }
    });
    store.events.on('change', (change) => this.onChange(store, change));
  }

  /** Resolves when every delivery started so far has ended (tests wait for it). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.allSettled([...this.pending]);
    }
  }

  reset(): void {
    this.records.length = 0;
    this.settings = { ...DEFAULT_DELIVERY_SETTINGS };
    this.chains.clear();
  }

  private onChange(store: Store, change: StoreChange): void {
    const audience = new Set(change.room.members.keys());
    for (const w of store.webhooks.values()) {
      const owner = store.people.get(w.ownerUuid);
      if (!owner || w.status !== 'active' || !audience.has(owner.uuid) || !covers(w, change) || !mayKnow(owner, change)) {
        continue;
      }
      const data = dataOf(store, change, owner);
      if (w.filter !== undefined && !matches(w.filter, change, data, owner)) {
        continue;
      }
      this.enqueue(w, envelope(store, w, owner, change, data));
    }
  }

  private enqueue(w: WebhookRec, body: Record<string, unknown>): void {
    const previous = this.chains.get(w.uuid) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(w, body));
    this.chains.set(w.uuid, next);
    this.pending.add(next);
    void next.finally(() => this.pending.delete(next));
  }

  private async deliver(w: WebhookRec, body: Record<string, unknown>): Promise<void> {
    const record: DeliveryRecord = { webhookId: w.id, targetUrl: w.targetUrl, resource: String(body.resource), event: String(body.event), contacted: false, status: 0, body };
    this.records.push(record);
    const url = new URL(w.targetUrl);
    if (!isLoopbackHost(url.hostname)) {
      record.error = 'not contacted: the local Webex delivers to loopback targets only';
      return;
    }
    record.contacted = true;
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'local-webex-webhooks' };
    if (w.secret !== undefined) {
      // "X-Spark-Signature: HMAC-SHA1 (hex) of the raw body bytes with the webhook's secret"
      // (developer.webex.com/docs/receive-and-verify-webhooks).
      headers['X-Spark-Signature'] = createHmac('sha1', w.secret).update(bytes).digest('hex');
    }
    try {
      const res = await fetch(url, { method: 'POST', headers, body: bytes, redirect: 'manual', signal: AbortSignal.timeout(this.settings.timeoutMs) });
      await res.arrayBuffer().catch(() => undefined);
      record.status = res.status;
    } catch (err) {
      record.error = err instanceof Error ? err.message : String(err);
    }
    if (record.status < 200 || record.status > 299) {
      this.failed(w);
    }
  }

  /** "After 100 failed deliveries within 5 minutes a webhook becomes inactive" (developer.webex.com/docs/api/guides/webhooks). */
  private failed(w: WebhookRec): void {
    const now = Date.now();
    w.failures.push(now);
    const since = now - this.settings.failureWindowMs;
    while (w.failures.length > 0 && w.failures[0] < since) {
      w.failures.shift();
    }
    if (w.failures.length >= this.settings.failureThreshold) {
      w.status = 'inactive';
    }
  }
}

function covers(w: WebhookRec, change: StoreChange): boolean {
  const resource = w.resource === change.resource || (w.resource === 'all' && FIREHOSE.includes(change.resource));
  return resource && (w.event === 'all' || w.event === change.event);
}

/** Bots see only the group messages that mention them (developer.webex.com/docs/bots); the same holds for their webhooks. */
function mayKnow(owner: PersonRec, change: StoreChange): boolean {
  const m = change.message;
  if (change.action) {
    // A submission reaches the card's sender (developer.webex.com/docs/buttons-and-cards); we tell the submitter's own webhooks too.
    return m?.authorUuid === owner.uuid || change.action.personUuid === owner.uuid;
  }
  if (!m || owner.type !== 'bot' || change.room.type === 'direct') {
    return true;
  }
  return m.mentionedPeople.includes(owner.id) || m.authorUuid === owner.uuid;
}

/** `data` of the envelope: ids and flags, never a message's text (developer.webex.com/docs/api/guides/webhooks: fetch GET /messages/{id} for it). */
function dataOf(store: Store, change: StoreChange, owner: PersonRec): Record<string, unknown> {
  if (change.action) {
    // Ids only: the inputs are read with GET /attachment/actions/{id} (developer.webex.com/docs/buttons-and-cards).
    const { inputs: _inputs, ...ids } = attachmentActionJson(store, change.action);
    return ids;
  }
  if (change.message) {
    return messageData(store, change.room, change.message);
  }
  if (change.member) {
    return membershipJson(store, change.room, change.member);
  }
  return roomJson(store, change.room, owner);
}

function messageData(store: Store, room: RoomRec, m: MessageRec): Record<string, unknown> {
  const author = store.people.get(m.authorUuid);
  return {
    id: m.id,
    roomId: room.id,
    roomType: room.type,
    ...(m.parentUuid ? { parentId: encodeId('MESSAGE', m.parentUuid) } : {}),
    personId: author?.id ?? encodeId('PEOPLE', m.authorUuid),
    personEmail: author?.email ?? '',
    ...(m.mentionedPeople.length > 0 ? { mentionedPeople: m.mentionedPeople } : {}),
    ...(m.mentionedGroups.length > 0 ? { mentionedGroups: m.mentionedGroups } : {}),
    created: new Date(m.created).toISOString(),
  };
}

/** Every `key=value` of the filter holds for the change (keys are checked when the webhook is made). */
function matches(filter: string, change: StoreChange, data: Record<string, unknown>, owner: PersonRec): boolean {
  const m = change.message;
  return parseFilter(filter).every(([key, value]) => {
    switch (key) {
      case 'mentionedPeople':
        return value.split(',').some((who) => (m?.mentionedPeople ?? []).includes(who.trim() === 'me' ? owner.id : who.trim()));
      case 'hasFiles':
        return String((m?.files.length ?? 0) > 0) === value;
      case 'hasAttachments':
        return String((m?.attachments?.length ?? 0) > 0) === value;
      case 'personEmail':
        return typeof data.personEmail === 'string' && data.personEmail.toLowerCase() === value.toLowerCase();
      case 'type':
        return change.room.type === value;
      case 'isLocked':
        return String(change.room.isLocked) === value;
      default:
        return String(data[key]) === value;
    }
  });
}

function envelope(store: Store, w: WebhookRec, owner: PersonRec, change: StoreChange, data: Record<string, unknown>): Record<string, unknown> {
  const actor = store.people.get(change.actorUuid);
  return {
    id: w.id,
    name: w.name,
    targetUrl: w.targetUrl,
    resource: change.resource,
    event: change.event,
    ...(w.filter !== undefined ? { filter: w.filter } : {}),
    orgId: owner.orgId,
    createdBy: owner.id,
    appId: encodeId('APPLICATION', store.uuids.named('app', 'local-webex')),
    ownedBy: w.ownedBy,
    status: w.status,
    created: new Date(w.created).toISOString(),
    actorId: actor?.id ?? encodeId('PEOPLE', change.actorUuid),
    data,
  };
}

/**
 * /webhooks and /webhooks/{id} (Webex messaging API, "List Webhooks", "Create a Webhook", "Get Webhook Details",
 * "Update a Webhook", "Delete a Webhook"; developer.webex.com/docs/api/guides/webhooks). A webhook is seen and changed by its owner
 * only; anybody else's id is a 404 like a missing one.
 */
import {
  HttpError,
  TEXT,
  optionalString,
  page,
  parseMax,
  readJson,
  requiredString,
  sendJson,
  sendNoContent,
  sortByKey,
  type Ctx,
  type Route,
  type SortKey,
} from '../http';
import { encodeId } from '../ids';
import { candidateUuids } from '../store';
import type { WebhookRec } from '../webhookRecords';
import { findRoom, isWellFormedId } from './common';

/** The API spec's resource enum, plus `all` (the firehose: developer.webex.com/docs/api/guides/webhooks). */
const RESOURCES = new Set([
  'attachmentActions', 'dataSources', 'memberships', 'messages', 'rooms', 'meetings', 'recordings',
  'convergedRecordings', 'meetingParticipants', 'meetingTranscripts', 'telephony_calls',
  'telephony_conference', 'telephony_mwi', 'uc_counters', 'serviceApp', 'adminBatchJobs', 'all',
]);

/** The API spec's event enum, plus `all` (event `all` on one resource covers created, updated, deleted: developer.webex.com/docs/api/guides/webhooks). */
const EVENTS = new Set([
  'created', 'updated', 'deleted', 'started', 'ended', 'joined', 'left', 'migrated', 'authorized',
  'deauthorized', 'statusChanged', 'all',
]);

/**
 * The events of the messaging resources. The API spec lists one event enum for every resource; which
 * events a messaging resource has is our reading of the Webhooks guide (created, updated, deleted and
 * `all`; card submissions are only created).
 */
const MESSAGING_EVENTS: Record<string, readonly string[]> = {
  messages: ['created', 'updated', 'deleted', 'all'],
  memberships: ['created', 'updated', 'deleted', 'all'],
  rooms: ['created', 'updated', 'deleted', 'all'],
  all: ['created', 'updated', 'deleted', 'all'],
  attachmentActions: ['created'],
};

/** Filter keys per resource (developer.webex.com/docs/api/guides/webhooks, "Filtering webhooks"). */
export const FILTER_KEYS: Record<string, readonly string[]> = {
  messages: ['roomId', 'roomType', 'personId', 'personEmail', 'mentionedPeople', 'hasFiles', 'hasAttachments'],
  memberships: ['roomId', 'personId', 'personEmail', 'isModerator'],
  rooms: ['type', 'isLocked'],
  attachmentActions: ['messageId', 'personId', 'roomId'],
  // The firehose filtered by a space ([UNVERIFIED]: the guide names no filter for `all`).
  all: ['roomId'],
};

const BOOLEAN_KEYS = new Set(['hasFiles', 'hasAttachments', 'isModerator', 'isLocked']);

export function webhookJson(w: WebhookRec): Record<string, unknown> {
  return {
    id: w.id,
    name: w.name,
    targetUrl: w.targetUrl,
    resource: w.resource,
    event: w.event,
    ...(w.filter !== undefined ? { filter: w.filter } : {}),
    ...(w.secret !== undefined ? { secret: w.secret } : {}),
    status: w.status,
    created: new Date(w.created).toISOString(),
    ownedBy: w.ownedBy,
  };
}

function checkTargetUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new HttpError(400, 'targetUrl must be a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpError(400, 'targetUrl must be an http or https URL.');
  }
  return url.href;
}

/** `k=v&k=v` pairs; a value may be percent-encoded. */
export function parseFilter(filter: string): Array<[string, string]> {
  return filter.split('&').map((part) => {
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) {
      throw new HttpError(400, `Invalid filter '${part}': expected key=value.`);
    }
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1));
    } catch {
      throw new HttpError(400, `Invalid filter '${part}': bad percent-encoding.`);
    }
    return [part.slice(0, eq), value];
  });
}

function checkFilter(ctx: Ctx, resource: string, filter: string | undefined): string | undefined {
  if (filter === undefined || filter.trim() === '') {
    return undefined;
  }
  const keys = FILTER_KEYS[resource];
  for (const [key, value] of parseFilter(filter.trim())) {
    if (keys !== undefined && !keys.includes(key)) {
      throw new HttpError(400, `Invalid filter key '${key}' for resource '${resource}'.`);
    }
    if (BOOLEAN_KEYS.has(key) && value !== 'true' && value !== 'false') {
      throw new HttpError(400, `Invalid value for filter ${key}: must be true or false.`);
    }
    if ((key === 'roomType' || key === 'type') && value !== 'direct' && value !== 'group') {
      throw new HttpError(400, `Invalid value for filter ${key}: must be direct or group.`);
    }
    if (key === 'roomId') {
      // A filter on an id the owner cannot see is a 400 "invalid value for filter" (developer.webex.com/docs/api/guides/webhooks).
      try {
        findRoom(ctx, value);
      } catch {
        throw new HttpError(400, 'invalid value for filter roomId');
      }
    }
  }
  return filter.trim();
}

function checkResourceEvent(resource: string, event: string): void {
  if (!RESOURCES.has(resource)) {
    throw new HttpError(400, `Invalid resource '${resource}'.`);
  }
  if (!EVENTS.has(event)) {
    throw new HttpError(400, `Invalid event '${event}'.`);
  }
  const events = MESSAGING_EVENTS[resource];
  if (events !== undefined && !events.includes(event)) {
    throw new HttpError(400, `The resource '${resource}' has no event '${event}'.`);
  }
}

function findWebhook(ctx: Ctx, id: string): WebhookRec {
  if (!isWellFormedId(id)) {
    throw new HttpError(400, TEXT.badId);
  }
  for (const uuid of candidateUuids(id, 'WEBHOOK')) {
    const w = ctx.store.webhooks.get(uuid);
    if (w && w.ownerUuid === ctx.me.uuid) {
      return w;
    }
  }
  throw new HttpError(404, TEXT.notFound);
}

function listWebhooks(ctx: Ctx): void {
  // Webex messaging API: max defaults to 100; no upper limit is written, we clamp at 1000 ([UNVERIFIED]).
  const max = parseMax(ctx, { def: 100, limit: 1000, over: 'clamp' });
  const ownedBy = ctx.query.get('ownedBy');
  if (ownedBy !== null && ownedBy !== 'org') {
    throw new HttpError(400, "Invalid ownedBy: the only allowed value is 'org'.");
  }
  const mine = [...ctx.store.webhooks.values()].filter((w) => w.ownerUuid === ctx.me.uuid && (ownedBy === null || w.ownedBy === 'org'));
  const keyOf = (w: WebhookRec): SortKey => [w.created, w.id];
  const items = page(ctx, sortByKey(mine, keyOf), keyOf, max);
  sendJson(ctx, 200, { items: items.map(webhookJson) });
}

async function createWebhook(ctx: Ctx): Promise<void> {
  const body = await readJson(ctx);
  // Webex messaging API, POST /webhooks: name, targetUrl, resource and event are required.
  const name = requiredString(body, 'name');
  const targetUrl = checkTargetUrl(requiredString(body, 'targetUrl'));
  const resource = requiredString(body, 'resource');
  const event = requiredString(body, 'event');
  checkResourceEvent(resource, event);
  const filter = checkFilter(ctx, resource, optionalString(body, 'filter'));
  const secret = optionalString(body, 'secret');
  const ownedBy = optionalString(body, 'ownedBy');
  if (ownedBy !== undefined && ownedBy !== 'org') {
    throw new HttpError(400, "Invalid ownedBy: the only allowed value is 'org'.");
  }
  const uuid = ctx.store.uuids.next();
  const w: WebhookRec = {
    uuid,
    id: encodeId('WEBHOOK', uuid),
    ownerUuid: ctx.me.uuid,
    name: name.trim(),
    targetUrl,
    resource,
    event,
    filter,
    secret: secret === '' ? undefined : secret,
    status: 'active',
    // Strictly increasing, so the list's order (created, id) is the order of creation.
    created: Math.max(Date.now(), ...[...ctx.store.webhooks.values()].map((x) => x.created + 1)),
    ownedBy: ownedBy ?? 'creator',
    failures: [],
  };
  ctx.store.webhooks.set(uuid, w);
  sendJson(ctx, 200, webhookJson(w));
}

/**
 * Webex messaging API, PUT /webhooks/{id}: name and targetUrl are required; `status` accepts only `active`, which
 * re-activates a webhook Webex disabled; it cannot deactivate one (Webex messaging API, "Update a Webhook").
 */
async function updateWebhook(ctx: Ctx, id: string): Promise<void> {
  const w = findWebhook(ctx, id);
  const body = await readJson(ctx);
  const name = requiredString(body, 'name');
  const targetUrl = checkTargetUrl(requiredString(body, 'targetUrl'));
  const secret = optionalString(body, 'secret');
  const status = optionalString(body, 'status');
  if (status !== undefined && status !== 'active') {
    throw new HttpError(400, "Invalid status: the only allowed value is 'active'.");
  }
  w.name = name.trim();
  w.targetUrl = targetUrl;
  if (secret !== undefined) {
    w.secret = secret === '' ? undefined : secret;
  }
  if (status === 'active') {
    // Failures stay counted: re-enabled within 5 minutes, the first failure disables it again (developer.webex.com/docs/api/guides/webhooks).
    w.status = 'active';
  }
  sendJson(ctx, 200, webhookJson(w));
}

function deleteWebhook(ctx: Ctx, id: string): void {
  const w = findWebhook(ctx, id);
  ctx.store.webhooks.delete(w.uuid);
  sendNoContent(ctx);
}

export const webhookRoutes: Route[] = [
  { path: /^\/webhooks$/, methods: { GET: listWebhooks, POST: createWebhook } },
  {
    path: /^\/webhooks\/([^/]+)$/,
    methods: {
      GET: (ctx, [id]) => sendJson(ctx, 200, webhookJson(findWebhook(ctx, id))),
      PUT: (ctx, [id]) => updateWebhook(ctx, id),
      DELETE: (ctx, [id]) => deleteWebhook(ctx, id),
    },
  },
];

/**
 * Webhook resources, their events and their filters (developer.webex.com, Webhooks guide
 * "Filtering webhooks"): filters are `key=value` pairs joined with `&`, with keys per resource.
 * The firehose is `resource: "all", event: "all"` (memberships, messages, rooms); card submissions
 * need their own `attachmentActions` webhook.
 */
import * as l10n from '@vscode/l10n';

export type MessagingResource = 'messages' | 'memberships' | 'rooms' | 'attachmentActions' | 'all';

/** The events of each resource this extension offers (the guide's table; `all` covers created, updated and deleted). */
export const RESOURCE_EVENTS: Record<MessagingResource, readonly string[]> = {
  messages: ['created', 'updated', 'deleted', 'all'],
  memberships: ['created', 'updated', 'deleted', 'all'],
  rooms: ['created', 'updated', 'deleted', 'all'],
  attachmentActions: ['created'],
  all: ['all', 'created', 'updated', 'deleted'],
};

export type FilterKind = 'id' | 'email' | 'bool' | 'roomType' | 'mentioned';

/** Filter keys per resource and what their values are. */
export const FILTER_KEYS: Record<MessagingResource, Readonly<Record<string, FilterKind>>> = {
  messages: {
    roomId: 'id',
    roomType: 'roomType',
    personId: 'id',
    personEmail: 'email',
    mentionedPeople: 'mentioned',
    hasFiles: 'bool',
    hasAttachments: 'bool',
  },
  memberships: { roomId: 'id', personId: 'id', personEmail: 'email', isModerator: 'bool' },
  rooms: { type: 'roomType', isLocked: 'bool' },
  attachmentActions: { messageId: 'id', personId: 'id', roomId: 'id' },
  all: {},
};

export function isMessagingResource(value: string): value is MessagingResource {
  return Object.prototype.hasOwnProperty.call(RESOURCE_EVENTS, value);
}

export interface FilterPart {
  key: string;
  value: string;
}

/** The problem with one value of a key, or undefined when it is fine. */
function checkValue(kind: FilterKind, key: string, value: string): string | undefined {
  switch (kind) {
    case 'bool':
      return value === 'true' || value === 'false' ? undefined : l10n.t('{0} must be true or false.', key);
    case 'roomType':
      return value === 'direct' || value === 'group' ? undefined : l10n.t('{0} must be direct or group.', key);
    case 'email':
      return /^[^\s@&=]+@[^\s@&=]+\.[^\s@&=]+$/.test(value) ? undefined : l10n.t('{0} must be an email address.', key);
    case 'mentioned':
      return value.split(',').every((v) => /^[A-Za-z0-9_=-]+$/.test(v.trim())) ? undefined : l10n.t('{0} must be "me" or person ids separated by commas.', key);
    case 'id':
      return /^[A-Za-z0-9_=-]+$/.test(value) ? undefined : l10n.t('{0} must be a Webex id.', key);
  }
}

/** Splits `k=v&k=v`; throws an Error with a reason a person can act on. */
export function parseFilter(resource: MessagingResource, filter: string): FilterPart[] {
  const keys = FILTER_KEYS[resource];
  const parts: FilterPart[] = [];
  for (const raw of filter.split('&')) {
    const eq = raw.indexOf('=');
    const key = eq < 0 ? raw.trim() : raw.slice(0, eq).trim();
    const value = eq < 0 ? '' : raw.slice(eq + 1).trim();
    if (key === '' || value === '') {
      throw new Error(l10n.t('"{0}" is not key=value.', raw));
    }
    const kind = keys[key];
    if (kind === undefined) {
      const allowed = Object.keys(keys);
      throw new Error(
        allowed.length === 0
          ? l10n.t('The {0} resource takes no filter.', resource)
          : l10n.t('{0} cannot be filtered by "{1}"; use {2}.', resource, key, allowed.join(', ')),
      );
    }
    if (parts.some((p) => p.key === key)) {
      throw new Error(l10n.t('"{0}" is given twice.', key));
    }
    const problem = checkValue(kind, key, value);
    if (problem !== undefined) {
      throw new Error(problem);
    }
    parts.push({ key, value });
  }
  return parts;
}

/** The reason a typed filter is refused, or undefined when it is fine (an empty filter is fine). */
export function filterProblem(resource: MessagingResource, filter: string): string | undefined {
  if (filter.trim() === '') {
    return undefined;
  }
  try {
    parseFilter(resource, filter);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Joins checked parts with `&`; throws as {@link parseFilter} does. Undefined for no parts. */
export function buildFilter(resource: MessagingResource, parts: readonly FilterPart[]): string | undefined {
  if (parts.length === 0) {
    return undefined;
  }
  const text = parts.map((p) => `${p.key}=${p.value.trim()}`).join('&');
  parseFilter(resource, text);
  return text;
}

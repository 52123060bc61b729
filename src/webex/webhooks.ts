/**
 * Webhooks: list, get, create, update, delete (Webex messaging API, "List Webhooks", "Create a Webhook", "Get Webhook
 * Details", "Update a Webhook", "Delete a Webhook").
 *
 * Where our notes and the Webex messaging API spec differ, the spec is followed: PUT requires `name` as well as
 * `targetUrl` (the notes mark only `targetUrl` required). What the spec leaves out comes from the
 * Webhooks guide (developer.webex.com/docs/api/guides/webhooks): `all` as a resource and an event
 * (the firehose), which the API spec's enums do not list.
 */
import { WebexInputError } from './errors';
import { segment, type RequestOptions } from './options';
import type { PagedList } from './pagination';
import type { Transport } from './transport';
import type { IsoDate } from './types';
import { checkMax, requireId, requireText } from './validation';

export type WebhookStatus = 'active' | 'inactive';

/** A webhook as Webex returns it (the Webhook object of the Webex messaging API). */
export interface Webhook {
  id: string;
  name: string;
  targetUrl: string;
  resource: string;
  event: string;
  filter?: string;
  /** Returned to the owner (the API's example); never shown, logged or stored by this extension. */
  secret?: string;
  status: WebhookStatus;
  created: IsoDate;
  ownedBy?: string;
}

export interface WebhookListParams {
  /** Page size (the API's default 100). */
  max?: number;
  /** `org`: only the org-wide webhooks (Webex messaging API, GET /webhooks). */
  ownedBy?: 'org';
}

export type WebhookCreateParams = Pick<Webhook, 'name' | 'targetUrl' | 'resource' | 'event' | 'filter' | 'secret'> & { ownedBy?: 'org' };

export interface WebhookUpdateParams {
  /** Required by PUT /webhooks/{id} even when unchanged (Webex messaging API). */
  name: string;
  /** Required by PUT /webhooks/{id} even when unchanged (Webex messaging API). */
  targetUrl: string;
  secret?: string;
  /** Only `active`: re-activates a webhook Webex disabled; a webhook cannot be deactivated (Webex messaging API, "Update a Webhook": `status` enum is only `active`). */
  status?: 'active';
}

/**
 * Throws unless `value` is an http(s) URL without credentials in it: Webex POSTs events to it, and a
 * `user:password@` part would be stored by Webex and sent with every event.
 */
export function checkTargetUrl(value: string | undefined): URL {
  const text = requireText(value, 'targetUrl', 'a target URL').trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new WebexInputError(`"${text}" is not a URL.`, 'targetUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebexInputError('The target URL must start with http:// or https://.', 'targetUrl');
  }
  if (url.username !== '' || url.password !== '') {
    throw new WebexInputError('The target URL must not contain a user name or password.', 'targetUrl');
  }
  return url;
}

export class WebhooksApi {
  constructor(private readonly http: Transport) {}

  /** The caller's webhooks, page by page. */
  list(params: WebhookListParams = {}, options: RequestOptions = {}): PagedList<Webhook> {
    checkMax(params.max);
    return this.http.list<Webhook>('/webhooks', { max: params.max, ownedBy: params.ownedBy }, options.signal);
  }

  async get(webhookId: string, options: RequestOptions = {}): Promise<Webhook> {
    requireId(webhookId, 'webhookId');
    return await this.http.json<Webhook>({ method: 'GET', url: this.http.url(`/webhooks/${segment(webhookId)}`), signal: options.signal });
  }

  /** Registers a webhook. Like every POST, it is not retried after a 5xx or a lost answer. */
  async create(params: WebhookCreateParams, options: RequestOptions = {}): Promise<Webhook> {
    requireText(params.name, 'name', 'a name for the webhook');
    const targetUrl = checkTargetUrl(params.targetUrl);
    requireText(params.resource, 'resource');
    requireText(params.event, 'event');
    return await this.http.json<Webhook>({
      method: 'POST',
      url: this.http.url('/webhooks'),
      json: { ...params, name: params.name.trim(), targetUrl: targetUrl.href, filter: params.filter?.trim() || undefined },
      signal: options.signal,
    });
  }

  async update(webhookId: string, params: WebhookUpdateParams, options: RequestOptions = {}): Promise<Webhook> {
    requireId(webhookId, 'webhookId');
    requireText(params.name, 'name', 'a name for the webhook');
    const targetUrl = checkTargetUrl(params.targetUrl);
    return await this.http.json<Webhook>({
      method: 'PUT',
      url: this.http.url(`/webhooks/${segment(webhookId)}`),
      json: { ...params, name: params.name.trim(), targetUrl: targetUrl.href },
      signal: options.signal,
    });
  }

  /** Re-activates a webhook Webex disabled after failed deliveries (PUT with `status: "active"`, Webex messaging API). */
  async reactivate(webhook: Pick<Webhook, 'id' | 'name' | 'targetUrl'>, options: RequestOptions = {}): Promise<Webhook> {
    return await this.update(webhook.id, { name: webhook.name, targetUrl: webhook.targetUrl, status: 'active' }, options);
  }

  async delete(webhookId: string, options: RequestOptions = {}): Promise<void> {
    requireId(webhookId, 'webhookId');
    await this.http.empty({ method: 'DELETE', url: this.http.url(`/webhooks/${segment(webhookId)}`), signal: options.signal });
  }
}

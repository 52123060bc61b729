/**
 * What a local Webex keeps for webhooks (the Webhook object of the Webex messaging API; developer.webex.com/docs/api/guides/webhooks) and the changes routes
 * report so that deliveries can follow them (webhookDelivery.ts).
 */
import type { AttachmentActionRec, MemberRec, MessageRec, RoomRec } from './records';

export type WebhookStatus = 'active' | 'inactive';

export interface WebhookRec {
  uuid: string;
  id: string;
  ownerUuid: string;
  name: string;
  targetUrl: string;
  resource: string;
  event: string;
  filter?: string;
  secret?: string;
  status: WebhookStatus;
  created: number;
  ownedBy: string;
  /** When deliveries failed (ms), newest last; only those within the failure window count. */
  failures: number[];
}

export type ChangeResource = 'messages' | 'memberships' | 'rooms' | 'attachmentActions';
export type ChangeEvent = 'created' | 'updated' | 'deleted';

/** One change as the API caller made it. */
export interface StoreChange {
  resource: ChangeResource;
  event: ChangeEvent;
  actorUuid: string;
  room: RoomRec;
  message?: MessageRec;
  member?: MemberRec;
  /** For `attachmentActions`: the submission (its `message` is the card's message). */
  action?: AttachmentActionRec;
}

/** Whether a host is this machine: deliveries go only there (any other target is recorded, never contacted). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

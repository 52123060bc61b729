/**
 * Card submissions: create and get (Webex messaging API, "Create an Attachment Action" POST
 * /attachment/actions → 202, "Get Attachment Action Details" GET /attachment/actions/{id}; the
 * AttachmentActivity schema: id, type, messageId, inputs, personId, roomId, created).
 *
 * Webex has no list of attachment actions, so a submission whose answer was lost cannot be looked
 * up afterwards: like every POST, `create` is never retried after a 5xx or a lost answer, and
 * {@link isAmbiguousFailure} (messageDelivery.ts) tells the caller when it may have landed.
 */
import { WebexInputError } from './errors';
import { segment, type RequestOptions } from './options';
import type { Transport } from './transport';
import type { IsoDate } from './types';
import { requireId } from './validation';

/** The only action type of the spec's enum. */
export type AttachmentActionType = 'submit';

/** A card's inputs as submitted: the input ids and their values, with the action's `data` merged in. */
export type CardInputs = Record<string, unknown>;

export interface AttachmentAction {
  id: string;
  type: AttachmentActionType;
  /** The message that carries the card. */
  messageId: string;
  inputs: CardInputs;
  /** Who submitted. */
  personId: string;
  roomId: string;
  created: IsoDate;
}

export interface AttachmentActionCreateParams {
  messageId: string;
  inputs: CardInputs;
}

export class AttachmentActionsApi {
  constructor(private readonly http: Transport) {}

  /** Submits a card's inputs as the signed-in identity (`type: "submit"`). */
  async create(params: AttachmentActionCreateParams, options: RequestOptions = {}): Promise<AttachmentAction> {
    requireId(params.messageId, 'messageId');
    if (typeof params.inputs !== 'object' || params.inputs === null || Array.isArray(params.inputs)) {
      throw new WebexInputError('The inputs must be an object.', 'inputs');
    }
    return await this.http.json<AttachmentAction>({
      method: 'POST',
      url: this.http.url('/attachment/actions'),
      json: { type: 'submit', messageId: params.messageId.trim(), inputs: params.inputs },
      signal: options.signal,
    });
  }

  /** One submission; readable by its submitter and by the card's sender. */
  async get(actionId: string, options: RequestOptions = {}): Promise<AttachmentAction> {
    requireId(actionId, 'actionId');
    return await this.http.json<AttachmentAction>({ method: 'GET', url: this.http.url(`/attachment/actions/${segment(actionId)}`), signal: options.signal });
  }
}

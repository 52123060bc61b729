/**
 * POST /attachment/actions and GET /attachment/actions/{id} (Webex messaging API, "Create an
 * Attachment Action" and "Get Attachment Action Details"; the AttachmentActivity schema). A card's
 * submission: 202 with the action; `type` ("submit", the only value of the spec's enum), `messageId`
 * and `inputs` are required (WEBEX_API_NOTES §9). The card's message must be one the caller can see
 * (a 404 otherwise, like any message the caller may not know of). An action is read by the person
 * who submitted it or by the card's sender (the Buttons and Cards guide: the sender fetches it by the
 * id its webhook carries); anyone else gets a 404.
 */
import { HttpError, TEXT, readJson, requiredString, sendJson, type Ctx, type Route } from '../http';
import { candidateUuids } from '../store';
import { attachmentActionJson } from '../views';
import { findMessage, isWellFormedId } from './common';

/** The card content type Webex renders (developer.webex.com/docs/buttons-and-cards). */
const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

async function createAction(ctx: Ctx): Promise<void> {
  const body = await readJson(ctx);
  const type = requiredString(body, 'type');
  if (type !== 'submit') {
    // The spec's enum for `type` has "submit" only; the wording is ours ([UNVERIFIED] text).
    throw new HttpError(400, `Invalid type '${type}': the only supported type is submit.`);
  }
  const messageId = requiredString(body, 'messageId');
  const inputs = body.inputs;
  if (inputs === undefined || inputs === null) {
    throw new HttpError(400, 'inputs cannot be null');
  }
  if (typeof inputs !== 'object' || Array.isArray(inputs)) {
    throw new HttpError(400, 'inputs must be a JSON object.');
  }
  const { message } = findMessage(ctx, messageId);
  if (!(message.attachments ?? []).some((a) => a.contentType === CARD_TYPE)) {
    // A message without a card has nothing to submit to; the status is our choice ([UNVERIFIED]).
    throw new HttpError(400, 'The message has no card to submit.');
  }
  const action = ctx.store.addAttachmentAction(ctx.me, message, inputs as Record<string, unknown>);
  sendJson(ctx, 202, attachmentActionJson(ctx.store, action));
}

function getAction(ctx: Ctx, [id]: string[]): void {
  if (!isWellFormedId(id)) {
    throw new HttpError(400, TEXT.badId);
  }
  for (const uuid of candidateUuids(id, 'ATTACHMENT_ACTION')) {
    const action = ctx.store.attachmentActions.get(uuid);
    const message = action ? ctx.store.messages.get(action.messageUuid) : undefined;
    if (action && (action.personUuid === ctx.me.uuid || message?.authorUuid === ctx.me.uuid)) {
      sendJson(ctx, 200, attachmentActionJson(ctx.store, action));
      return;
    }
  }
  throw new HttpError(404, TEXT.notFound);
}

export const attachmentActionRoutes: Route[] = [
  { path: /^\/attachment\/actions$/, methods: { POST: createAction } },
  { path: /^\/attachment\/actions\/([^/]+)$/, methods: { GET: getAction } },
];

/**
 * Card submissions that never land twice. Each press of an `Action.Submit` has the page's own
 * `submissionId`: the same id asked again (a double click, a page that re-sent its request) gets the
 * first outcome, never a second POST. Webex has no list of attachment actions to look in, so after
 * an outcome Webex may have kept (a lost answer, a timeout, a 5xx: messageDelivery.ts
 * `isAmbiguousFailure`) the submission is sent again only on the user's explicit word (`resend`).
 */
import type { AttachmentActionsApi, CardInputs } from '../../webex/attachmentActions';
import { WebexApiError, WebexInputError } from '../../webex/errors';
import { isAmbiguousFailure } from '../../webex/messageDelivery';

export interface SubmitOutcome {
  sent: boolean;
  actionId?: string;
  error?: string;
  trackingId?: string;
  /** Webex may have the submission: Retry needs the user's word. */
  mayHaveLanded?: boolean;
}

export interface SubmitRequest {
  messageId: string;
  submissionId: string;
  inputs: CardInputs;
  resend?: boolean;
}

/** How many outcomes are remembered (one per press; a tab does not press thousands of buttons). */
const REMEMBERED = 500;

export class CardSubmissions {
  private readonly outcomes = new Map<string, Promise<SubmitOutcome>>();

  constructor(private readonly api: () => AttachmentActionsApi) {}

  submit(request: SubmitRequest): Promise<SubmitOutcome> {
    const key = `${request.messageId}\u0000${request.submissionId}`;
    const earlier = this.outcomes.get(key);
    if (earlier) {
      return earlier.then((outcome) => (outcome.mayHaveLanded === true && request.resend === true ? this.post(key, request) : outcome));
    }
    return this.post(key, request);
  }

  private post(key: string, request: SubmitRequest): Promise<SubmitOutcome> {
    const outcome = this.api()
      .create({ messageId: request.messageId, inputs: request.inputs })
      .then(
        (action): SubmitOutcome => ({ sent: true, actionId: action.id }),
        (error: unknown): SubmitOutcome => failure(error),
      );
    this.outcomes.delete(key);
    this.outcomes.set(key, outcome);
    while (this.outcomes.size > REMEMBERED) {
      const oldest = this.outcomes.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.outcomes.delete(oldest);
    }
    return outcome;
  }
}

function failure(error: unknown): SubmitOutcome {
  if (isAmbiguousFailure(error)) {
    return {
      sent: false,
      mayHaveLanded: true,
      trackingId: error.trackingId,
      error: 'Webex did not confirm the answer; it may have been received. Send it again only if the bot did not get it.',
    };
  }
  if (error instanceof WebexApiError) {
    return { sent: false, trackingId: error.trackingId, error: error.serverMessage ?? error.message };
  }
  if (error instanceof WebexInputError) {
    return { sent: false, error: error.message };
  }
  return { sent: false, error: error instanceof Error ? error.message : String(error) };
}

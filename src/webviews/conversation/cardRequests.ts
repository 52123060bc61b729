/**
 * The conversation page's card requests, checked against what the host knows (the page is
 * untrusted): a submission goes only to a message of this space that carries a card, as the
 * signed-in identity (services/cards/cardSubmissions.ts: never twice); an image is fetched only when
 * its URL is in that message's card (services/cards/cardImages.ts: without the token).
 */
import { readCardImages } from '../../config/settings';
import { CardImages } from '../../services/cards/cardImages';
import { CardSubmissions, type SubmitOutcome } from '../../services/cards/cardSubmissions';
import type { Message } from '../../webex/types';
import type { LoadedSpace } from './conversationSpace';
import { CARD_CONTENT_TYPE, isObject } from './page/cards/cardRules';
import type { RequestParams, RequestResult } from './protocol';

/** One per window: images are cached per URL across tabs. */
const images = new CardImages();

function cardOf(message: Message | undefined): Record<string, unknown> | undefined {
  const first = message?.attachments?.[0];
  return first && first.contentType === CARD_CONTENT_TYPE && isObject(first.content) ? first.content : undefined;
}

/** True when `url` is a string value somewhere in the card (walked without recursion). */
function cardMentions(card: unknown, url: string): boolean {
  const stack: unknown[] = [card];
  let seen = 0;
  while (stack.length > 0 && seen++ < 50_000) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.trim() === url) {
        return true;
      }
    } else if (typeof value === 'object' && value !== null) {
      stack.push(...(Object.values(value) as unknown[]));
    }
  }
  return false;
}

export class CardRequests {
  private readonly submissions: CardSubmissions;

  constructor(private readonly space: () => LoadedSpace) {
    this.submissions = new CardSubmissions(() => this.space().client.attachmentActions);
  }

  async submit(params: RequestParams<'submitCard'>): Promise<SubmitOutcome> {
    const space = this.space();
    if (!cardOf(space.conversation.message(params.messageId))) {
      throw new Error('That card is no longer in this space.');
    }
    let inputs: unknown;
    try {
      inputs = JSON.parse(params.inputsJson);
    } catch {
      throw new Error('The card’s inputs are not JSON.');
    }
    if (!isObject(inputs)) {
      throw new Error('The card’s inputs must be an object.');
    }
    return await this.submissions.submit({ messageId: params.messageId, submissionId: params.submissionId, inputs, resend: params.resend });
  }

  async image(params: RequestParams<'cardImage'>): Promise<RequestResult<'cardImage'>> {
    if (!readCardImages()) {
      return { off: true };
    }
    const card = cardOf(this.space().conversation.message(params.messageId));
    if (!card || !cardMentions(card, params.url)) {
      return {};
    }
    return { dataUrl: await images.load(params.url) };
  }
}

/**
 * Posts from commands (Post Message, Direct Message, Send Selection, Send File) that never land
 * twice. `POST /messages` is not idempotent and Webex has no idempotency key, so when a post ends
 * without Webex confirming it and the client could not look for it either (`deliveryChecked:
 * false`, or the user cancelled while it was in flight), the outbox remembers it for that
 * destination. The next post of the same content there looks first
 * (`messages.findUnconfirmed`, the one matching rule of src/webex/messageDelivery.ts): found, it is
 * not posted again. The conversation tab's queue (sendQueue.ts) looks with the same rule.
 *
 * The outbox also keeps the text of the last Post Message to each destination that did not go
 * through, so that the next one there offers it again. It lives as long as the window.
 */
import { WebexApiError } from '../../webex/errors';
import type { MessageCreateParams } from '../../webex/messages';
import type { WebexClient } from '../../webex/client';
import type { Message } from '../../webex/types';

/** A post Webex did not confirm, as the outbox remembers it. */
interface Unconfirmed {
  content: string;
  /** When (ms) the first unconfirmed send of this content began: the look must still find that one. */
  since: number;
}

export interface PostOutcome {
  message: Message;
  /** True when an earlier unconfirmed post was found in the space and nothing new was posted. */
  arrivedEarlier: boolean;
}

/** The look before posting again failed (Webex failing, or a bot that may not list the space). */
export class UnconfirmedLookError extends Error {
  /** The user cancelled the look: nothing was posted and nothing needs saying. */
  readonly cancelled: boolean;

  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'UnconfirmedLookError';
    this.cancelled = cause instanceof WebexApiError && cause.kind === 'aborted';
  }
}

/** True when a failed post may have been created all the same, and nobody could check. */
export function mayHaveArrived(error: unknown): boolean {
  return error instanceof WebexApiError && (error.deliveryChecked === false || error.kind === 'aborted');
}

/** Where a post goes, as one string: a space (and thread), or a person. */
export function destinationKey(params: Pick<MessageCreateParams, 'roomId' | 'toPersonId' | 'toPersonEmail' | 'parentId'>): string {
  const where = params.roomId !== undefined ? `room:${params.roomId}` : params.toPersonId !== undefined ? `personId:${params.toPersonId}` : `person:${(params.toPersonEmail ?? '').trim().toLowerCase()}`;
  return params.parentId ? `${where}/${params.parentId}` : where;
}

/** What identifies a post's content: its text, for a file its name and size, and its card (Send Card). */
function contentKey(params: MessageCreateParams): string {
  const file = params.file ? `${params.file.filename}:${params.file.path ?? ''}:${params.file.data?.byteLength ?? ''}` : '';
  const card = params.attachments && params.attachments.length > 0 ? [JSON.stringify(params.attachments)] : [];
  return JSON.stringify([params.markdown ?? '', params.text ?? '', file, params.files ?? [], ...card]);
}

export class PostOutbox {
  private readonly unconfirmed = new Map<string, Unconfirmed>();
  private readonly unsent = new Map<string, string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The text of the last post to this destination that did not go through, if any. */
  unsentText(destination: string): string | undefined {
    return this.unsent.get(destination);
  }

  /** Keeps text the user wrote for a destination whose post failed (undefined: it went through). */
  keepUnsent(destination: string, markdown: string | undefined): void {
    if (markdown === undefined) {
      this.unsent.delete(destination);
    } else {
      this.unsent.set(destination, markdown);
    }
  }

  /** True when the last post of this content to this destination may have arrived unconfirmed. */
  isUnconfirmed(params: MessageCreateParams): boolean {
    return this.unconfirmed.get(destinationKey(params))?.content === contentKey(params);
  }

  /**
   * Posts once. If an earlier post of the same content to the same destination was left
   * unconfirmed, looks for it first and returns it when found. A failed look throws
   * {@link UnconfirmedLookError}: only the user can tell then, and `postAnyway` posts without the
   * look once they have said so.
   */
  async post(client: WebexClient, params: MessageCreateParams, options: { signal?: AbortSignal; postAnyway?: boolean } = {}): Promise<PostOutcome> {
    const key = destinationKey(params);
    const content = contentKey(params);
    const earlier = this.unconfirmed.get(key);
    const same = earlier?.content === content ? earlier : undefined;
    if (same && options.postAnyway !== true) {
      let found: Message | undefined;
      try {
        found = await client.messages.findUnconfirmed(params, same.since, { signal: options.signal });
      } catch (error) {
        throw new UnconfirmedLookError(error);
      }
      if (found) {
        this.settled(key);
        return { message: found, arrivedEarlier: true };
      }
    }
    const startedAt = this.now();
    try {
      const message = await client.messages.create(params, { signal: options.signal });
      this.settled(key);
      return { message, arrivedEarlier: false };
    } catch (error) {
      if (mayHaveArrived(error)) {
        this.unconfirmed.set(key, { content, since: same?.since ?? startedAt });
      } else if (!same) {
        this.unconfirmed.delete(key);
      }
      throw error;
    }
  }

  /** Another account: what this one left unsent or unconfirmed is not the next one's. */
  clear(): void {
    this.unconfirmed.clear();
    this.unsent.clear();
  }

  /** A post to this destination went through (or was found): nothing is unconfirmed there. */
  private settled(key: string): void {
    this.unconfirmed.delete(key);
  }
}

/** Messages: list, get, create (with one file), edit, delete, download attachments (Webex messaging API, /messages). */
import { WebexApiError, WebexInputError } from './errors';
import {
  RECONCILE_PAGE,
  deliveryUnknown,
  findDelivered,
  findSent,
  isAmbiguousFailure,
  notDelivered,
  type SentMessage,
} from './messageDelivery';
import { segment, type RequestOptions } from './options';
import type { PagedList } from './pagination';
import type { PeopleApi } from './people';
import { filenameFromDisposition } from './responses';
import type { HttpRequest, Transport } from './transport';
import type { CardAttachment, Message } from './types';
import { loadFile, messageForm, type LocalFile } from './upload';
import {
  checkEmail,
  checkMax,
  checkMessageLength,
  isBlank,
  requireExactlyOne,
  requireId,
} from './validation';

export interface MessageListParams {
  roomId: string;
  /** Only the replies in this thread. */
  parentId?: string;
  /** Only `me` or the caller's own id; bots must pass `['me']` in group spaces (GET /messages). */
  mentionedPeople?: string[];
  /** Only messages created before this time. */
  before?: string | Date;
  /** Only messages created before this message. */
  beforeMessage?: string;
  /** Page size (default 50; at most 100 with mentionedPeople). */
  max?: number;
}

export interface DirectMessageListParams {
  /** Exactly one of personId and personEmail: the other person of the 1:1 space. */
  personId?: string;
  personEmail?: string;
  parentId?: string;
}

export interface MessageCreateParams {
  /** Exactly one of roomId, toPersonId and toPersonEmail (POST /messages). */
  roomId?: string;
  toPersonId?: string;
  toPersonEmail?: string;
  /** At most 7439 UTF-8 bytes. With markdown, text is the plain alternative. */
  text?: string;
  /** At most 7439 UTF-8 bytes. Mentions: `<@personEmail:someone@example.com>`. */
  markdown?: string;
  /** Reply in the thread of this message. */
  parentId?: string;
  /** One public URL Webex fetches itself. */
  files?: string[];
  /** One local file, uploaded as multipart/form-data (at most 100 MB). */
  file?: LocalFile;
  /** One card. */
  attachments?: CardAttachment[];
}

export interface MessageUpdateParams {
  /** Required by PUT /messages/{id} (Webex messaging API; webex-js-sdk `messages.update` too). */
  roomId: string;
  text?: string;
  markdown?: string;
}

export interface DownloadedFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

/** What a file's headers say about it; each field only when the server said it. */
export interface FileInfo {
  /** From `Content-Disposition` (Webex's content URLs end in an opaque id, not a name). */
  filename?: string;
  contentType?: string;
  /** Bytes, from `Content-Length`. */
  size?: number;
}

/** Remembered ids of messages this client created, so reconciliation never mistakes an old one. */
const KNOWN_LIMIT = 500;

export class MessagesApi {
  private readonly known = new Set<string>();

  constructor(
    private readonly http: Transport,
    private readonly people: PeopleApi,
  ) {}

  /** A space's messages, newest first. */
  list(params: MessageListParams, options: RequestOptions = {}): PagedList<Message> {
    requireId(params.roomId, 'roomId');
    checkMax(params.max);
    if (params.mentionedPeople !== undefined && params.mentionedPeople.length > 0 && (params.max ?? 0) > 100) {
      throw new WebexInputError('With mentionedPeople, Webex returns at most 100 messages a page.', 'max');
    }
    const before = params.before instanceof Date ? params.before.toISOString() : params.before;
    return this.http.list<Message>(
      '/messages',
      {
        roomId: params.roomId,
        parentId: params.parentId,
        mentionedPeople: params.mentionedPeople,
        before,
        beforeMessage: params.beforeMessage,
        max: params.max,
      },
      options.signal,
    );
  }

  /** The 1:1 conversation with a person, newest first (GET /messages/direct declares no paging parameters). */
  listDirect(params: DirectMessageListParams, options: RequestOptions = {}): PagedList<Message> {
    requireExactlyOne({ personId: params.personId, personEmail: params.personEmail }, 'person');
    checkEmail(params.personEmail, 'personEmail');
    return this.http.list<Message>(
      '/messages/direct',
      { personId: params.personId, personEmail: params.personEmail?.trim(), parentId: params.parentId },
      options.signal,
    );
  }

  async get(messageId: string, options: RequestOptions = {}): Promise<Message> {
    requireId(messageId, 'messageId');
    return await this.http.json<Message>({ method: 'GET', url: this.http.url(`/messages/${segment(messageId)}`), signal: options.signal });
  }

  /**
   * Posts a message to a space (`roomId`) or a person (`toPersonId` / `toPersonEmail`).
   *
   * Input is checked before anything is sent: exactly one destination, a valid email, some text,
   * markdown, file or card, text and markdown each at most 7439 UTF-8 bytes, one file at most
   * (a URL in `files` or a local `file` of at most 100 MB). Bad input throws WebexInputError.
   *
   * **A message is never sent twice.** A 429/423 is retried after `Retry-After` (Webex refused it,
   * nothing was created). But after a timeout, a dropped connection, a 5xx, or a success whose body
   * could not be read, the message may or may not exist, so the request is not repeated. Instead
   * the client looks: it reads the newest messages of the destination (`GET /messages?roomId=…`,
   * with `parentId` for a reply, or `GET /messages/direct` for a person) twice over a few seconds,
   * and searches for one by the signed-in user (`people/me`, cached) with the same markdown (or text),
   * thread and attachment presence, created after the send began (with two minutes' allowance for
   * clock skew), that this client has not returned before.
   * - Found: it is returned, exactly as if the POST had answered.
   * - Not found: a WebexApiError with `deliveryChecked: true` saying the message was not delivered
   *   and is safe to send again.
   * - The check itself fails: a WebexApiError with `deliveryChecked: false` asking the user to look
   *   before sending again. A bot in a group space always ends here: listing without
   *   `mentionedPeople` is refused (403; GET /messages, WebexPythonSDK issues #84/#85) and
   *   `mentionedPeople=me` leaves out its own posts, so there is no honest look it could make.
   * A caller's abort is not reconciled: it rejects with kind `aborted` and the message may exist.
   */
  async create(params: MessageCreateParams, options: RequestOptions = {}): Promise<Message> {
    const destination = requireExactlyOne(
      { roomId: params.roomId, toPersonId: params.toPersonId, toPersonEmail: params.toPersonEmail },
      'destination',
    );
    checkEmail(params.toPersonEmail, 'toPersonEmail');
    const fileCount = (params.files?.length ?? 0) + (params.file ? 1 : 0);
    if (fileCount > 1) {
      throw new WebexInputError('Webex accepts one file per message.', 'files');
    }
    for (const url of params.files ?? []) {
      if (!/^https?:\/\/\S+$/i.test(url)) {
        throw new WebexInputError(`"${url}" is not a public http(s) URL of a file.`, 'files');
      }
    }
    if ((params.attachments?.length ?? 0) > 1) {
      throw new WebexInputError('Webex accepts one card per message.', 'attachments');
    }
    if (isBlank(params.text) && isBlank(params.markdown) && fileCount === 0 && (params.attachments?.length ?? 0) === 0) {
      throw new WebexInputError('The message is empty: write some text or attach a file.', 'text');
    }
    checkMessageLength(params.text, 'text');
    checkMessageLength(params.markdown, 'markdown');
    const file = params.file ? await loadFile(params.file) : undefined;

    const target = {
      roomId: params.roomId,
      toPersonId: params.toPersonId,
      toPersonEmail: params.toPersonEmail?.trim(),
    };
    const request: HttpRequest = { method: 'POST', url: this.http.url('/messages'), signal: options.signal };
    if (file) {
      request.form = () =>
        messageForm({ ...target, text: params.text, markdown: params.markdown, parentId: params.parentId }, file);
    } else {
      request.json = {
        ...target,
        text: params.text,
        markdown: params.markdown,
        parentId: params.parentId,
        files: params.files,
        attachments: params.attachments,
      };
    }

    const startedAt = Date.now();
    try {
      return this.remember(await this.http.json<Message>(request));
    } catch (error) {
      if (!isAmbiguousFailure(error)) {
        throw error;
      }
      const sent: SentMessage = { ...target, parentId: params.parentId, text: params.text, markdown: params.markdown, hasFile: fileCount > 0 };
      return this.remember(await this.reconcile(error, sent, destination, startedAt, options));
    }
  }

  /**
   * Looks once, now, for a message whose `create` ended without an answer and without a successful
   * look (a WebexApiError with `deliveryChecked: false`): what a caller does before sending the same
   * text again, so that a retry never posts it twice. `params` are those given to `create` and
   * `startedAt` the time (ms) that send began. Returns the message Webex created, or undefined when
   * it is certainly not among the destination's newest messages. A failed look throws, and then
   * only the user can tell (a bot in a group space may not list it: see `create`).
   */
  async findUnconfirmed(params: MessageCreateParams, startedAt: number, options: RequestOptions = {}): Promise<Message | undefined> {
    const destination = requireExactlyOne(
      { roomId: params.roomId, toPersonId: params.toPersonId, toPersonEmail: params.toPersonEmail },
      'destination',
    );
    const sent: SentMessage = {
      roomId: params.roomId,
      toPersonId: params.toPersonId,
      toPersonEmail: params.toPersonEmail?.trim(),
      parentId: params.parentId,
      text: params.text,
      markdown: params.markdown,
      hasFile: (params.files?.length ?? 0) > 0 || params.file !== undefined,
    };
    const me = await this.people.cachedMe({ signal: options.signal });
    const found = findSent(await this.recent(sent, destination, options.signal), sent, me.id, startedAt, this.known);
    return found ? this.remember(found) : undefined;
  }

  /** The newest messages where `sent` went: its space (or thread), or the 1:1 conversation. */
  private recent(sent: SentMessage, destination: string, signal: AbortSignal | undefined): Promise<Message[]> {
    return destination === 'roomId'
      ? this.http.list<Message>('/messages', { roomId: sent.roomId, parentId: sent.parentId, max: RECONCILE_PAGE }, signal).first(RECONCILE_PAGE)
      : this.http
          .list<Message>('/messages/direct', { personId: sent.toPersonId, personEmail: sent.toPersonEmail, parentId: sent.parentId }, signal)
          .first(RECONCILE_PAGE);
  }

  private async reconcile(
    original: WebexApiError,
    sent: SentMessage,
    destination: string,
    startedAt: number,
    options: RequestOptions,
  ): Promise<Message> {
    const signal = options.signal;
    const recent = (): Promise<Message[]> => this.recent(sent, destination, signal);
    let found: Message | undefined;
    try {
      found = await findDelivered(
        {
          recent,
          me: () => this.people.cachedMe({ signal }),
          pause: (ms) => this.http.pause(ms, signal, () => abortedLike(original)),
          known: this.known,
        },
        sent,
        startedAt,
      );
    } catch (checkError) {
      if (checkError instanceof WebexApiError && checkError.kind === 'aborted') {
        throw checkError;
      }
      throw deliveryUnknown(original, checkError);
    }
    if (found === undefined) {
      throw notDelivered(original);
    }
    return found;
  }

  private remember(message: Message): Message {
    this.known.add(message.id);
    if (this.known.size > KNOWN_LIMIT) {
      const oldest = this.known.values().next().value;
      if (oldest !== undefined) {
        this.known.delete(oldest);
      }
    }
    return message;
  }

  /**
   * Edits a message (PUT; at most 10 edits per message, and not messages with files or cards: Webex
   * messaging API, PUT /messages/{messageId}).
   */
  async update(messageId: string, params: MessageUpdateParams, options: RequestOptions = {}): Promise<Message> {
    requireId(messageId, 'messageId');
    requireId(params.roomId, 'roomId');
    if (isBlank(params.text) && isBlank(params.markdown)) {
      throw new WebexInputError('The edited message is empty.', 'text');
    }
    checkMessageLength(params.text, 'text');
    checkMessageLength(params.markdown, 'markdown');
    return await this.http.json<Message>({
      method: 'PUT',
      url: this.http.url(`/messages/${segment(messageId)}`),
      json: { roomId: params.roomId, text: params.text, markdown: params.markdown },
      signal: options.signal,
    });
  }

  async delete(messageId: string, options: RequestOptions = {}): Promise<void> {
    requireId(messageId, 'messageId');
    await this.http.empty({ method: 'DELETE', url: this.http.url(`/messages/${segment(messageId)}`), signal: options.signal });
  }

  /**
   * Downloads a file of a message (`message.files[i]`). File URLs need the bearer token, so the token
   * is sent only to the API's own origin (scheme, host and port of the base URL: for the commercial
   * cloud `https://webexapis.com`, where Webex serves `/v1/contents/…`). Any other URL is refused with
   * a WebexInputError before a request is made. A redirect is followed, but fetch drops the
   * `Authorization` header when it leads to another origin.
   */
  async download(fileUrl: string, options: RequestOptions = {}): Promise<DownloadedFile> {
    const url = this.contentUrl(fileUrl);
    const response = await this.http.send({ method: 'GET', url, accept: '*/*', followRedirects: true, signal: options.signal });
    const lastSegment = decodeSafely(url.pathname.split('/').pop() ?? '');
    return {
      filename: filenameFromDisposition(response.headers.get('content-disposition')) ?? (lastSegment || 'download'),
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      data: response.body,
    };
  }

  /**
   * The name, type and size of a file of a message without downloading it: a `HEAD` on its content
   * URL, with the token and under the same origin rule as {@link download}. Message objects carry
   * only the URLs (the Message's `files`), and a content URL ends in an opaque id, so this is how a
   * client learns what to call a file. A field the server did not send stays undefined.
   */
  async fileInfo(fileUrl: string, options: RequestOptions = {}): Promise<FileInfo> {
    const url = this.contentUrl(fileUrl);
    const response = await this.http.send({ method: 'HEAD', url, accept: '*/*', followRedirects: true, signal: options.signal });
    const length = response.headers.get('content-length')?.trim();
    return {
      filename: filenameFromDisposition(response.headers.get('content-disposition')) || undefined,
      contentType: response.headers.get('content-type') ?? undefined,
      size: length !== undefined && /^\d{1,15}$/.test(length) ? Number(length) : undefined,
    };
  }

  /** A file URL the token may be sent to (the API's own origin), or a WebexInputError. */
  private contentUrl(fileUrl: string): URL {
    let url: URL;
    try {
      url = new URL(fileUrl);
    } catch {
      throw new WebexInputError('The file link is not a URL.', 'fileUrl');
    }
    if (url.origin !== this.http.base.origin) {
      throw new WebexInputError(
        `Files are downloaded with your Webex token only from ${this.http.base.origin}; this link is on ${url.host}.`,
        'fileUrl',
      );
    }
    return url;
  }
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function abortedLike(original: WebexApiError): WebexApiError {
  return new WebexApiError({ kind: 'aborted', status: 0, method: original.method, path: original.path, trackingId: original.trackingId });
}

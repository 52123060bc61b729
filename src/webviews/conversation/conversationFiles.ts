/**
 * The files of a tab's messages, named lazily (issue: files showed as "Attachment 1"). The page is
 * sent its messages first; then, for the files whose names are not cached, the client asks Webex
 * with a `HEAD` each (a few at a time, FileDetailsCache) and every answer goes to the page as a
 * `files` message. URLs and the token stay in the host: the page gets (message id, index, name,
 * type, size).
 */
import type { Conversation } from '../../services/conversation/conversation';
import { FileDetailsCache, type FileDetails } from '../../services/conversation/fileDetails';
import type { WebexClient } from '../../webex/client';
import type { Message } from '../../webex/types';
import { toFileView } from './messageViews';
import type { FilesMessage } from './protocol';

export class ConversationFiles {
  private readonly cache: FileDetailsCache;
  /** The shown files waiting for each URL's answer. */
  private readonly waiting = new Map<string, Array<{ messageId: string; index: number }>>();

  constructor(
    client: WebexClient,
    private readonly conversation: Conversation,
    private readonly post: (message: FilesMessage) => void,
  ) {
    this.cache = new FileDetailsCache({
      lookup: async (url, signal) => {
        const info = await client.messages.fileInfo(url, { signal });
        return { name: info.filename, contentType: info.contentType, size: info.size };
      },
      onResolved: (url, details) => this.resolved(url, details),
    });
  }

  /** What is known of a file URL (for the message views sent to the page). */
  readonly details = (url: string): FileDetails | undefined => this.cache.get(url);

  /** The page was just sent these messages: look up their files it has no name for. */
  track(messages: readonly Message[]): void {
    const urls: string[] = [];
    for (const message of messages) {
      (message.files ?? []).forEach((url, index) => {
        if (this.cache.get(url) !== undefined) {
          return;
        }
        const refs = this.waiting.get(url) ?? [];
        if (!refs.some((r) => r.messageId === message.id && r.index === index)) {
          refs.push({ messageId: message.id, index });
        }
        this.waiting.set(url, refs);
        urls.push(url);
      });
    }
    this.cache.want(urls);
  }

  /** Resolves when no lookup is running (tests). */
  idle(): Promise<void> {
    return this.cache.idle();
  }

  dispose(): void {
    this.cache.dispose();
    this.waiting.clear();
  }

  private resolved(url: string, details: FileDetails): void {
    const refs = this.waiting.get(url) ?? [];
    this.waiting.delete(url);
    if (details.name === undefined && details.contentType === undefined && details.size === undefined) {
      return; // nothing learned: the page keeps "Attachment n"
    }
    const files = refs
      // Still shown with this file (not deleted or edited away meanwhile).
      .filter((r) => this.conversation.message(r.messageId)?.files?.[r.index] === url)
      .map((r) => ({ messageId: r.messageId, file: toFileView(url, r.index, this.details) }));
    if (files.length > 0) {
      this.post({ type: 'files', files });
    }
  }
}

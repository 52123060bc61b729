/**
 * The pictures of a tab's image files, host side: the page asks by (message id, index) while the
 * message is on screen, and gets a `data:` URL of bytes the extension fetched with the token
 * (services/conversation/imageCache.ts), never the file URL (DESIGN.md, "an image file"). The CSP
 * allows images from `data:`/`blob:` only (html.ts). Open Full Size writes the bytes to the
 * extension's global storage and opens them with `vscode.open`, so VS Code's image preview shows them.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { ImageCache } from '../../services/conversation/imageCache';
import { isInlineImageType } from '../../services/conversation/imageSniff';
import type { Conversation } from '../../services/conversation/conversation';
import type { FileDetails } from '../../services/conversation/fileDetails';
import type { WebexClient } from '../../webex/client';
import { safeFileName } from './conversationActions';
import type { RequestResult } from './protocol';

export class ConversationImages {
  private readonly cache: ImageCache;

  constructor(
    client: WebexClient,
    private readonly conversation: Conversation,
    private readonly details: (url: string) => FileDetails | undefined,
    private readonly storage: vscode.Uri,
    maxBytes: () => number,
  ) {
    this.cache = new ImageCache({
      maxBytes,
      fetch: async (url, signal) => (await client.messages.download(url, { signal })).data,
    });
  }

  /** The page's `image` request. */
  async load(messageId: string, index: number): Promise<RequestResult<'image'>> {
    const url = this.imageUrl(messageId, index);
    const result = await this.cache.load(url, this.details(url)?.size);
    switch (result.kind) {
      case 'image':
        // The type the bytes are, not the one claimed (PNG bytes named .gif show as PNG).
        return { state: 'image', src: `data:${result.type};base64,${Buffer.from(result.data).toString('base64')}` };
      case 'tooLarge':
        return { state: 'tooLarge', size: result.size };
      case 'broken':
        return { state: 'broken', reason: result.reason };
    }
  }

  /** The page's `openImage` request: the picture full size in an editor tab. */
  async open(messageId: string, index: number): Promise<RequestResult<'openImage'>> {
    const url = this.imageUrl(messageId, index);
    const result = await this.cache.load(url, this.details(url)?.size);
    if (result.kind !== 'image') {
      throw new Error(result.kind === 'tooLarge' ? 'That picture is larger than webex.conversation.imageMaxBytes; download it instead.' : result.reason);
    }
    // One folder per file URL (hashed: the URL itself is not written anywhere), named as Webex names it.
    const folder = vscode.Uri.joinPath(this.storage, 'images', createHash('sha256').update(url).digest('hex').slice(0, 16));
    const target = vscode.Uri.joinPath(folder, safeFileName(this.details(url)?.name ?? `picture.${result.type.slice('image/'.length)}`));
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(target, result.data);
    await vscode.commands.executeCommand('vscode.open', target, { preview: true });
    return { opened: true };
  }

  dispose(): void {
    this.cache.dispose();
  }

  /** The URL of an image file the page may ask for: one of a loaded message, typed as a picture. */
  private imageUrl(messageId: string, index: number): string {
    const url = this.conversation.message(messageId)?.files?.[index];
    if (!url) {
      throw new Error('That file is no longer in this space.');
    }
    if (!isInlineImageType(this.details(url)?.contentType)) {
      throw new Error('That file is not a picture.');
    }
    return url;
  }
}

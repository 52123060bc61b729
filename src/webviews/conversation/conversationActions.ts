/**
 * What the page may ask the host to do, checked against what the host knows (the page is
 * untrusted): load older messages, send, retry, discard, edit and delete own messages, download a
 * file, open a link. Webex rules enforced before any request (Webex messaging API, messages): edits only of own
 * messages without files or cards, at most 10 of them; one confirmation before a delete.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Message } from '../../webex/types';
import { isBlank } from '../../webex/validation';
import { EditCounts } from '../../services/conversation/editCounts';
import { ALLOWED_LINK, type RequestHandlers } from './protocol';
import type { LoadedSpace, ConversationEnvironment } from './conversationSpace';
import { runCodeAction } from './codeActions';
import { isTextOf } from './page/code/codeText';
import { CardRequests } from './cardRequests';

/** "At most 10 edits per message; the 11th returns 400" (Webex messaging API, PUT /messages/{messageId}). */
export const MAX_EDITS = 10;

export class ConversationActions {
  private readonly cards = new CardRequests(() => this.require());

  constructor(
    private readonly env: ConversationEnvironment,
    private readonly space: () => LoadedSpace | undefined,
  ) {}

  /** The page's requests, one handler each (params already checked against protocol.ts's table). */
  readonly handlers: RequestHandlers = {
    loadOlder: async () => await this.require().conversation.loadOlder(),
    send: async ({ localId, markdown, parentId }) => {
      const space = this.require();
      if (isBlank(markdown)) {
        throw new Error('The message is empty.');
      }
      space.queue.enqueue({ localId, markdown, parentId: parentId ? threadRoot(space, parentId) : undefined });
      await space.drafts.setDraft(space.room.id, undefined);
      return { queued: true };
    },
    retry: ({ localId, checked }) => Promise.resolve(this.retry(this.require(), localId, checked === true)),
    discard: ({ localId }) => Promise.resolve({ discarded: this.require().queue.discard(localId) !== undefined }),
    edit: async ({ messageId, markdown }) => {
      await this.edit(this.require(), messageId, markdown);
      return { edited: true };
    },
    delete: async ({ messageId }) => ({ deleted: await this.delete(this.require(), messageId) }),
    download: async ({ messageId, index }) => ({ saved: await this.download(this.require(), messageId, index) }),
    codeAction: async ({ action, messageId, code, language }) => {
      const message = this.require().conversation.message(messageId);
      if (!message) {
        throw new Error('That message is no longer in this space.');
      }
      if (!isTextOf(code, message.markdown ?? message.text ?? '')) {
        throw new Error('That code is not in the message.');
      }
      return { done: await runCodeAction(this.env, action, code, language) };
    },
    openSnippet: async ({ messageId }) => ({ outcome: await this.env.snippetLinks.open(this.require().conversation.message(messageId)) }),
    submitCard: async (params) => await this.cards.submit(params),
    cardImage: async (params) => await this.cards.image(params),
    image: ({ messageId, index }) => this.require().images.load(messageId, index),
    openImage: ({ messageId, index }) => this.require().images.open(messageId, index),
  };

  private require(): LoadedSpace {
    const space = this.space();
    if (!space) {
      throw new Error('Sign in to Webex first.');
    }
    return space;
  }

  private retry(space: LoadedSpace, localId: string, checked: boolean): { queued: true } {
    if (space.queue.retry(localId, { checked })) {
      return { queued: true };
    }
    const entry = space.queue.items().find((e) => e.localId === localId);
    if (!entry) {
      throw new Error('There is no such unsent message any more.');
    }
    if (space.queue.mustLook(entry)) {
      // Webex may have it and only the user can tell: never sent again without their word.
      throw new Error('Look for the message in Webex first; send it again only if it is not there.');
    }
    return { queued: true }; // already sending
  }

  private own(space: LoadedSpace, messageId: string): Message {
    const message = space.conversation.message(messageId);
    if (!message) {
      throw new Error('That message is no longer in this space.');
    }
    if (message.personId !== this.env.services.session.me?.id) {
      throw new Error('Only your own messages can be changed.');
    }
    return message;
  }

  private async edit(space: LoadedSpace, messageId: string, markdown: string): Promise<void> {
    const message = this.own(space, messageId);
    if ((message.files?.length ?? 0) > 0 || (message.attachments?.length ?? 0) > 0) {
      throw new Error('Webex does not allow editing a message with a file or a card.');
    }
    const edits = new EditCounts(this.env.services.state, space.drafts.accountId);
    if (edits.count(messageId) >= MAX_EDITS) {
      throw new Error(`Webex allows at most ${MAX_EDITS} edits of a message.`);
    }
    const updated = await space.client.messages.update(messageId, { roomId: space.room.id, markdown });
    await edits.add(messageId);
    space.conversation.applyLocal({ ...message, ...updated, html: undefined });
  }

  private async delete(space: LoadedSpace, messageId: string): Promise<boolean> {
    const message = this.own(space, messageId);
    const excerpt = (message.markdown ?? message.text ?? '').replace(/\s+/g, ' ').trim();
    const confirmed = await this.env.services.prompts.confirm(vscode.l10n.t('Delete this message?'), {
      detail: excerpt.length > 120 ? `${excerpt.slice(0, 119)}…` : excerpt || undefined,
      action: vscode.l10n.t('Delete'),
    });
    if (!confirmed) {
      return false;
    }
    await space.client.messages.delete(messageId);
    space.conversation.applyDeleted(messageId);
    return true;
  }

  private async download(space: LoadedSpace, messageId: string, index: number): Promise<boolean> {
    const url = space.conversation.message(messageId)?.files?.[index];
    if (!url) {
      throw new Error('That file is no longer in this space.');
    }
    // The token stays here: the client fetches the file, the page only asked for (message, index).
    const file = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading from Webex…') },
      () => space.client.messages.download(url),
    );
    // The user's Downloads folder, not the workspace: a file saved there ends up committed by accident.
    const folder = vscode.Uri.file(downloadsFolder());
    const target = await this.env.chooseSaveLocation(vscode.Uri.joinPath(folder, safeFileName(file.filename)));
    if (!target) {
      return false;
    }
    await vscode.workspace.fs.writeFile(target, file.data);
    return true;
  }

  /** Opens http, https and mailto links in the user's browser or mail client; nothing else. */
  async openLink(href: string): Promise<void> {
    if (!ALLOWED_LINK.test(href)) {
      return;
    }
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(href, true);
    } catch {
      return;
    }
    if (uri.scheme === 'http' || uri.scheme === 'https' || uri.scheme === 'mailto') {
      await this.env.openExternal(uri);
    }
  }
}

/** A reply always goes to the thread's first message (Webex threads are one level deep). */
function threadRoot(space: LoadedSpace, parentId: string): string {
  return space.conversation.message(parentId)?.parentId || parentId;
}

/** The sender chose the name: keep its last segment only, without characters file systems refuse. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  const clean = [...base]
    .map((c) => (c.charCodeAt(0) < 0x20 || '<>:"/\\|?*'.includes(c) ? '_' : c))
    .join('')
    .replace(/^\.+/, '')
    .trim();
  return clean.slice(0, 200) || 'download';
}

/** `~/Downloads` where it exists (Windows, macOS and most Linux desktops have it), else the home folder. */
function downloadsFolder(): string {
  const downloads = path.join(os.homedir(), 'Downloads');
  return fs.existsSync(downloads) ? downloads : os.homedir();
}

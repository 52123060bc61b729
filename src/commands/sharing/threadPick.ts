/**
 * "Send Selection as a Reply…": which thread of a space. A quick pick of the space's newest
 * top-level messages (Webex threads are one level deep: a reply's `parentId` is always the first
 * message of its thread), searchable by their text and author.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../extensionServices';
import type { WebexClient } from '../../webex/client';
import type { Message, Room } from '../../webex/types';
import { firstLine } from '../../services/conversation/conversationModel';
import { relativeTime } from '../../services/sidebar/ordering';

/** Messages read to find the newest threads (replies among them are skipped). */
const SCAN = 100;
/** Threads offered. */
const OFFER = 30;

interface ThreadItem extends vscode.QuickPickItem {
  message: Message;
}

async function threadItems(client: WebexClient, room: Room): Promise<ThreadItem[]> {
  const messages = await client.messages.list({ roomId: room.id, max: SCAN }).first(SCAN);
  const now = Date.now();
  return messages
    .filter((m) => !m.parentId)
    .slice(0, OFFER)
    .map((message) => ({
      label: firstLine(message) || ((message.files?.length ?? 0) > 0 ? vscode.l10n.t('a file') : vscode.l10n.t('a message')),
      description: `${message.personEmail} · ${relativeTime(message.created, now, vscode.env.language)}`,
      iconPath: new vscode.ThemeIcon('comment'),
      message,
    }));
}

/** The first message of the thread the user chose, or undefined when they cancelled. */
export async function pickThread(services: ExtensionServices, client: WebexClient, room: Room, title: string): Promise<Message | undefined> {
  const items = threadItems(client, room).then((list) => {
    if (list.length === 0) {
      throw new Error(`${room.title} has no messages to reply to yet.`);
    }
    return list;
  });
  const chosen = await services.prompts.pick<ThreadItem>(items, {
    title,
    placeHolder: vscode.l10n.t('Type to search the newest threads of {0}', room.title),
    matchOnDescription: true,
  });
  return chosen?.message;
}

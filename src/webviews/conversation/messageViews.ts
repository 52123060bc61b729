/**
 * Webex models to what the page may see (protocol.ts). File URLs stay here: the page names a file
 * by message id and index and the host downloads it with the token.
 */
import type { Message, Person } from '../../webex/types';
import { fileNameFromUrl } from '../../services/conversation/conversationModel';
import type { FileDetails } from '../../services/conversation/fileDetails';
import type { FileView, MessageView, PersonView } from './protocol';
import { CARD_CONTENT_TYPE } from './page/cards/cardRules';

/** Looks up what is known of a file URL (the tab's FileDetailsCache). */
export type FileDetailsLookup = (url: string) => FileDetails | undefined;

/** A file as the page sees it: the name Webex gave once known, else "Attachment n". No URL. */
export function toFileView(url: string, index: number, details: FileDetailsLookup): FileView {
  const known = details(url);
  return { index, name: known?.name ?? fileNameFromUrl(url, index), contentType: known?.contentType, size: known?.size };
}

export function toMessageView(message: Message, isContext: boolean, details: FileDetailsLookup = () => undefined): MessageView {
  return {
    id: message.id,
    parentId: message.parentId || undefined,
    personId: message.personId,
    personEmail: message.personEmail,
    created: message.created,
    updated: message.updated,
    markdown: message.markdown,
    text: message.text,
    files: (message.files ?? []).map((url, index) => toFileView(url, index, details)),
    hasCard: (message.attachments?.length ?? 0) > 0,
    card: cardJson(message),
    mentionedPeople: message.mentionedPeople ?? [],
    mentionedGroups: message.mentionedGroups ?? [],
    isContext: isContext || undefined,
  };
}

/** The card Webex shows: the first attachment, when it is an Adaptive Card (one card per message). */
function cardJson(message: Message): string | undefined {
  const first = message.attachments?.[0];
  return first && first.contentType === CARD_CONTENT_TYPE && typeof first.content === 'object' && first.content !== null ? JSON.stringify(first.content) : undefined;
}

export function toPersonView(person: Person): PersonView {
  return { id: person.id, displayName: person.displayName, email: person.emails[0] };
}

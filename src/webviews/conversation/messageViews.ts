/**
 * Webex models to what the page may see (protocol.ts). File URLs stay here: the page names a file
 * by message id and index and the host downloads it with the token.
 */
import type { Message, Person } from '../../webex/types';
import { fileNameFromUrl } from '../../services/conversation/conversationModel';
import type { FileDetails } from '../../services/conversation/fileDetails';
import type { FileView, MessageView, PersonView } from './protocol';

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
    mentionedPeople: message.mentionedPeople ?? [],
    mentionedGroups: message.mentionedGroups ?? [],
    isContext: isContext || undefined,
  };
}

export function toPersonView(person: Person): PersonView {
  return { id: person.id, displayName: person.displayName, email: person.emails[0] };
}

/**
 * Webex models to what the page may see (protocol.ts). File URLs stay here: the page names a file
 * by message id and index and the host downloads it with the token.
 */
import type { Message, Person } from '../../webex/types';
import { fileNameFromUrl } from '../../services/conversationModel';
import type { MessageView, PersonView } from './protocol';

export function toMessageView(message: Message, isContext: boolean): MessageView {
  return {
    id: message.id,
    parentId: message.parentId || undefined,
    personId: message.personId,
    personEmail: message.personEmail,
    created: message.created,
    updated: message.updated,
    markdown: message.markdown,
    text: message.text,
    files: (message.files ?? []).map((url, index) => ({ index, name: fileNameFromUrl(url, index) })),
    hasCard: (message.attachments?.length ?? 0) > 0,
    mentionedPeople: message.mentionedPeople ?? [],
    mentionedGroups: message.mentionedGroups ?? [],
    isContext: isContext || undefined,
  };
}

export function toPersonView(person: Person): PersonView {
  return { id: person.id, displayName: person.displayName, email: person.emails[0] };
}

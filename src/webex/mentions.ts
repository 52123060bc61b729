/**
 * Whether a message mentions a person: by id in `mentionedPeople`, or everyone through
 * `mentionedGroups: ["all"]` (`<@all>` in the markdown; the Message object of GET /messages/{messageId}
 * in the Webex messaging OpenAPI). One rule for notifications, unread-mention counts and the page.
 * Pure: also bundled into the conversation page.
 */
export interface Mentions {
  readonly mentionedPeople?: readonly string[];
  readonly mentionedGroups?: readonly string[];
}

export function mentionsPerson(message: Mentions, personId: string | undefined): boolean {
  if (personId === undefined) {
    return false;
  }
  return (message.mentionedPeople ?? []).includes(personId) || (message.mentionedGroups ?? []).includes('all');
}

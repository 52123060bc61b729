/**
 * The JSON a local Webex answers, field for field as the schemas and examples of the Webex messaging
 * API's OpenAPI spec show (Room, Team, Membership, TeamMembership, ListMessage, Message,
 * DirectMessage, Person, AttachmentActivity).
 * Optional fields are left out when empty, as Webex does (e.g. `updated` only on edited messages).
 */
import { encodeId } from './ids';
import type { AttachmentActionRec, ContentRec, MemberRec, MessageRec, PersonRec, RoomRec, Store, TeamMemberRec, TeamRec } from './store';

const iso = (ms: number): string => new Date(ms).toISOString();

export function personJson(p: PersonRec): Record<string, unknown> {
  return {
    id: p.id,
    emails: [p.email],
    phoneNumbers: [],
    displayName: p.displayName,
    nickName: p.firstName,
    firstName: p.firstName,
    lastName: p.lastName,
    orgId: p.orgId,
    ...(p.title ? { title: p.title } : {}),
    created: iso(p.created),
    lastModified: iso(p.created),
    status: p.status,
    type: p.type,
  };
}

/** A direct room's title is the other person's display name as the viewer sees it (Room `title`). */
export function roomTitle(store: Store, room: RoomRec, viewer: PersonRec): string {
  if (room.type === 'group') {
    return room.title;
  }
  for (const uuid of room.members.keys()) {
    if (uuid !== viewer.uuid) {
      return store.people.get(uuid)?.displayName ?? 'Empty Title';
    }
  }
  return 'Empty Title';
}

export function roomJson(store: Store, room: RoomRec, viewer: PersonRec): Record<string, unknown> {
  const team = room.teamUuid ? store.teams.get(room.teamUuid) : undefined;
  return {
    id: room.id,
    title: roomTitle(store, room, viewer),
    type: room.type,
    isLocked: room.isLocked,
    ...(team ? { teamId: team.id } : {}),
    lastActivity: iso(room.lastActivity),
    creatorId: store.people.get(room.creatorUuid)?.id ?? encodeId('PEOPLE', room.creatorUuid),
    created: iso(room.created),
    ownerId: room.ownerOrgId,
    isAnnouncementOnly: room.isAnnouncementOnly,
    isReadOnly: room.isReadOnly,
    isPublic: room.isPublic,
    ...(room.description ? { description: room.description } : {}),
  };
}

export function teamJson(team: TeamRec): Record<string, unknown> {
  return {
    id: team.id,
    name: team.name,
    ...(team.description ? { description: team.description } : {}),
    created: iso(team.created),
  };
}

export function membershipId(room: RoomRec, personUuid: string): string {
  return encodeId('MEMBERSHIP', `${personUuid}:${room.uuid}`);
}

export function membershipJson(store: Store, room: RoomRec, m: MemberRec): Record<string, unknown> {
  const p = store.people.get(m.personUuid);
  return {
    id: membershipId(room, m.personUuid),
    roomId: room.id,
    personId: p?.id,
    personEmail: p?.email,
    personDisplayName: p?.displayName,
    personOrgId: p?.orgId,
    isModerator: m.isModerator,
    isRoomHidden: m.isRoomHidden,
    roomType: room.type,
    isMonitor: false,
    created: iso(m.created),
  };
}

export function teamMembershipId(team: TeamRec, personUuid: string): string {
  return encodeId('TEAM_MEMBERSHIP', `${personUuid}:${team.uuid}`);
}

export function teamMembershipJson(store: Store, team: TeamRec, m: TeamMemberRec): Record<string, unknown> {
  const p = store.people.get(m.personUuid);
  return {
    id: teamMembershipId(team, m.personUuid),
    teamId: team.id,
    personId: p?.id,
    personEmail: p?.email,
    personDisplayName: p?.displayName,
    personOrgId: p?.orgId,
    isModerator: m.isModerator,
    created: iso(m.created),
  };
}

export function contentUrl(origin: string, content: ContentRec): string {
  return `${origin}/v1/contents/${content.id}`;
}

function fileUrls(store: Store, origin: string, m: MessageRec): string[] {
  return m.files.map((f) => {
    const content = f.startsWith('content:') ? store.contents.get(f.slice('content:'.length)) : undefined;
    return content ? contentUrl(origin, content) : f;
  });
}

/**
 * A message as GET /messages and GET /messages/{id} return it (the API's ListMessage schema); `post`
 * adds `toPersonId`/`toPersonEmail` (Message), `direct` drops the mention lists (DirectMessage).
 */
export function messageJson(
  store: Store,
  origin: string,
  m: MessageRec,
  shape: 'list' | 'post' | 'direct' = 'list',
): Record<string, unknown> {
  const room = store.rooms.get(m.roomUuid);
  const author = store.people.get(m.authorUuid);
  const parent = m.parentUuid ? store.messages.get(m.parentUuid) : undefined;
  const files = fileUrls(store, origin, m);
  return {
    id: m.id,
    ...(m.parentUuid ? { parentId: parent?.id ?? encodeId('MESSAGE', m.parentUuid) } : {}),
    roomId: room?.id ?? encodeId('ROOM', m.roomUuid),
    roomType: room?.type ?? 'group',
    ...(shape === 'post' && m.toPersonId ? { toPersonId: m.toPersonId } : {}),
    ...(shape === 'post' && m.toPersonEmail ? { toPersonEmail: m.toPersonEmail } : {}),
    ...(m.text !== undefined ? { text: m.text } : {}),
    ...(m.markdown !== undefined ? { markdown: m.markdown } : {}),
    ...(m.html !== undefined ? { html: m.html } : {}),
    ...(files.length > 0 ? { files } : {}),
    personId: author?.id ?? encodeId('PEOPLE', m.authorUuid),
    personEmail: author?.email ?? '',
    ...(shape !== 'direct' && m.mentionedPeople.length > 0 ? { mentionedPeople: m.mentionedPeople } : {}),
    ...(shape !== 'direct' && m.mentionedGroups.length > 0 ? { mentionedGroups: m.mentionedGroups } : {}),
    ...(m.attachments && m.attachments.length > 0 ? { attachments: m.attachments } : {}),
    created: iso(m.created),
    ...(m.updated !== undefined ? { updated: iso(m.updated) } : {}),
  };
}

/** An AttachmentActivity as GET /attachment/actions/{id} answers it (Webex messaging API spec). */
export function attachmentActionJson(store: Store, a: AttachmentActionRec): Record<string, unknown> {
  return {
    id: a.id,
    type: a.type,
    messageId: encodeId('MESSAGE', a.messageUuid),
    inputs: a.inputs,
    personId: store.people.get(a.personUuid)?.id ?? encodeId('PEOPLE', a.personUuid),
    roomId: encodeId('ROOM', a.roomUuid),
    created: new Date(a.created).toISOString(),
  };
}

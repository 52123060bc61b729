/**
 * The in-memory state of a local Webex. Indexes keep the hot paths proportional to a page, not to
 * the account: each room keeps its messages sorted oldest→newest (lists walk back from the end),
 * messages are found by uuid in one map, and a person's rooms and teams are kept in sets.
 * Routes enforce the API's rules; the store only keeps the data consistent.
 */
import { EventEmitter } from 'node:events';
import { encodeId, UuidSource } from './ids';
import { findMentions, markdownToHtml, markdownToText, type MentionResolver } from './markdown';
import {
  compareMessages,
  type AttachmentActionRec,
  lowerBound,
  type ContentRec,
  type MemberRec,
  type MessageRec,
  type NewMessage,
  type PersonRec,
  type RoomRec,
  type TeamMemberRec,
  type TeamRec,
} from './records';
import type { StoreChange, WebhookRec } from './webhookRecords';

export * from './records';

/** What live updates (test/sandbox/live) listen to, to push `conversation.activity` frames. */
export interface StoreEvents {
  messageCreated: [message: MessageRec];
  messageDeleted: [message: MessageRec];
  /** A card submission (routes/attachmentActions.ts). */
  attachmentActionCreated: [action: AttachmentActionRec];
  /** A change routes report for webhooks (test/sandbox/webhookDelivery.ts); sent before a deletion is made. */
  change: [change: StoreChange];
}

export class Store {
  /** Emitted after the change is made (seeding emits too; nobody listens then). */
  readonly events = new EventEmitter<StoreEvents>();
  readonly people = new Map<string, PersonRec>();
  readonly peopleByEmail = new Map<string, PersonRec>();
  readonly peopleByToken = new Map<string, PersonRec>();
  readonly rooms = new Map<string, RoomRec>();
  readonly roomsByPerson = new Map<string, Set<string>>();
  readonly directRooms = new Map<string, string>();
  readonly teams = new Map<string, TeamRec>();
  readonly teamsByPerson = new Map<string, Set<string>>();
  readonly messages = new Map<string, MessageRec>();
  readonly contents = new Map<string, ContentRec>();
  readonly orgIds = new Map<string, string>();
  /** Webhooks by uuid (routes/webhooks.ts). */
  readonly webhooks = new Map<string, WebhookRec>();
  /** Card submissions by uuid (routes/attachmentActions.ts). */
  readonly attachmentActions = new Map<string, AttachmentActionRec>();
  readonly uuids: UuidSource;
  private seq = 0;

  constructor(readonly seed: string) {
    this.uuids = new UuidSource(seed);
  }

  readonly resolver: MentionResolver = {
    byEmail: (email) => this.peopleByEmail.get(email.toLowerCase()),
    byId: (id) => this.personById(id),
  };

  orgId(orgKey: string): string {
    let id = this.orgIds.get(orgKey);
    if (!id) {
      id = encodeId('ORGANIZATION', this.uuids.named('org', orgKey));
      this.orgIds.set(orgKey, id);
    }
    return id;
  }

  personById(id: string): PersonRec | undefined {
    for (const uuid of candidateUuids(id, 'PEOPLE')) {
      const p = this.people.get(uuid);
      if (p) {
        return p;
      }
    }
    return undefined;
  }

  addPerson(p: Omit<PersonRec, 'uuid' | 'id' | 'orgId'>): PersonRec {
    const uuid = this.uuids.named('person', p.email.toLowerCase());
    const rec: PersonRec = { ...p, uuid, id: encodeId('PEOPLE', uuid), orgId: this.orgId(p.orgKey) };
    this.people.set(uuid, rec);
    this.peopleByEmail.set(p.email.toLowerCase(), rec);
    this.peopleByToken.set(p.token, rec);
    return rec;
  }

  createRoom(
    init: Omit<RoomRec, 'uuid' | 'id' | 'members' | 'messages' | 'lastActivity' | 'ownerOrgId'> & { key?: string },
  ): RoomRec {
    const uuid = init.key !== undefined ? this.uuids.named('room', init.key) : this.uuids.next();
    const creator = this.people.get(init.creatorUuid);
    const { key: _key, ...fields } = init;
    const room: RoomRec = {
      ...fields,
      uuid,
      id: encodeId('ROOM', uuid),
      ownerOrgId: creator?.orgId ?? this.orgId('example'),
      lastActivity: init.created,
      members: new Map(),
      messages: [],
    };
    this.rooms.set(uuid, room);
    return room;
  }

  addMember(room: RoomRec, personUuid: string, isModerator: boolean, created: number): MemberRec {
    const m: MemberRec = { personUuid, isModerator, isRoomHidden: false, created };
    room.members.set(personUuid, m);
    setOf(this.roomsByPerson, personUuid).add(room.uuid);
    if (isModerator && room.type === 'group') {
      // A space with a moderator is a moderated ("locked") space (Room `isLocked`: moderated).
      room.isLocked = true;
    }
    return m;
  }

  removeMember(room: RoomRec, personUuid: string): void {
    room.members.delete(personUuid);
    this.roomsByPerson.get(personUuid)?.delete(room.uuid);
  }

  deleteRoom(room: RoomRec): void {
    for (const uuid of room.members.keys()) {
      this.roomsByPerson.get(uuid)?.delete(room.uuid);
    }
    for (const m of room.messages) {
      this.messages.delete(m.uuid);
    }
    for (const [key, value] of this.directRooms) {
      if (value === room.uuid) {
        this.directRooms.delete(key);
      }
    }
    this.rooms.delete(room.uuid);
  }

  directRoom(a: PersonRec, b: PersonRec): RoomRec | undefined {
    const uuid = this.directRooms.get(directKey(a.uuid, b.uuid));
    return uuid ? this.rooms.get(uuid) : undefined;
  }

  createDirectRoom(a: PersonRec, b: PersonRec, created: number, key?: string): RoomRec {
    const room = this.createRoom({
      key,
      type: 'direct',
      title: '',
      general: false,
      creatorUuid: a.uuid,
      created,
      isLocked: false,
      isPublic: false,
      isAnnouncementOnly: false,
      isReadOnly: false,
    });
    this.addMember(room, a.uuid, false, created);
    this.addMember(room, b.uuid, false, created);
    this.directRooms.set(directKey(a.uuid, b.uuid), room.uuid);
    return room;
  }

  createTeam(init: { key?: string; name: string; description?: string; creatorUuid: string; created: number }): TeamRec {
    const uuid = init.key !== undefined ? this.uuids.named('team', init.key) : this.uuids.next();
    const team: TeamRec = {
      uuid,
      id: encodeId('TEAM', uuid),
      name: init.name,
      description: init.description,
      creatorUuid: init.creatorUuid,
      created: init.created,
      members: new Map(),
      generalRoomUuid: '',
    };
    this.teams.set(uuid, team);
    return team;
  }

  addTeamMember(team: TeamRec, personUuid: string, isModerator: boolean, created: number): TeamMemberRec {
    const m: TeamMemberRec = { personUuid, isModerator, created };
    team.members.set(personUuid, m);
    setOf(this.teamsByPerson, personUuid).add(team.uuid);
    return m;
  }

  removeTeamMember(team: TeamRec, personUuid: string): void {
    team.members.delete(personUuid);
    this.teamsByPerson.get(personUuid)?.delete(team.uuid);
  }

  deleteTeam(team: TeamRec): void {
    for (const room of [...this.rooms.values()]) {
      if (room.teamUuid === team.uuid) {
        this.deleteRoom(room);
      }
    }
    for (const uuid of team.members.keys()) {
      this.teamsByPerson.get(uuid)?.delete(team.uuid);
    }
    this.teams.delete(team.uuid);
  }

  /** Appends a message (it becomes the newest of its room) and updates the room's lastActivity. */
  postMessage(room: RoomRec, author: PersonRec, m: NewMessage, key?: string): MessageRec {
    const last = room.messages[room.messages.length - 1];
    const created = m.created ?? Math.max(Date.now(), last ? last.created + 1 : 0);
    const uuid = key !== undefined ? this.uuids.named('message', key) : this.uuids.next();
    this.seq += 1;
    const rec: MessageRec = {
      uuid,
      id: encodeId('MESSAGE', uuid),
      seq: this.seq,
      roomUuid: room.uuid,
      authorUuid: author.uuid,
      parentUuid: m.parent?.uuid,
      files: m.files ?? [],
      attachments: m.attachments,
      mentionedPeople: [],
      mentionedGroups: [],
      created,
      updated: m.updated,
      edits: 0,
      replies: [],
    };
    this.setContent(rec, m.text, m.markdown);
    if (last && compareMessages(rec, last) < 0) {
      room.messages.splice(lowerBound(room.messages, rec.created, rec.seq), 0, rec);
    } else {
      room.messages.push(rec);
    }
    m.parent?.replies.push(rec);
    this.messages.set(uuid, rec);
    room.lastActivity = Math.max(room.lastActivity, created);
    this.events.emit('messageCreated', rec);
    return rec;
  }

  /** Sets text/markdown and what Webex derives from them (html, text alternative, mentions). */
  setContent(rec: MessageRec, text: string | undefined, markdown: string | undefined): void {
    rec.markdown = markdown || undefined;
    rec.html = markdown ? markdownToHtml(markdown, this.resolver) : undefined;
    rec.text = text || (markdown ? markdownToText(markdown, this.resolver) : undefined);
    const mentions = findMentions(markdown, this.resolver);
    rec.mentionedPeople = mentions.people;
    rec.mentionedGroups = mentions.groups;
  }

  deleteMessage(rec: MessageRec): void {
    const room = this.rooms.get(rec.roomUuid);
    if (room) {
      const i = lowerBound(room.messages, rec.created, rec.seq);
      if (room.messages[i] === rec) {
        room.messages.splice(i, 1);
      }
    }
    const parent = rec.parentUuid ? this.messages.get(rec.parentUuid) : undefined;
    if (parent) {
      parent.replies = parent.replies.filter((r) => r !== rec);
    }
    this.messages.delete(rec.uuid);
    this.events.emit('messageDeleted', rec);
  }

  /** Records a card submission on `message` by `person`, and tells live updates and webhooks. */
  addAttachmentAction(person: PersonRec, message: MessageRec, inputs: Record<string, unknown>): AttachmentActionRec {
    const uuid = this.uuids.next();
    const rec: AttachmentActionRec = {
      uuid,
      id: encodeId('ATTACHMENT_ACTION', uuid),
      personUuid: person.uuid,
      roomUuid: message.roomUuid,
      messageUuid: message.uuid,
      type: 'submit',
      inputs,
      created: Date.now(),
    };
    this.attachmentActions.set(uuid, rec);
    const room = this.rooms.get(message.roomUuid);
    if (room) {
      this.events.emit('change', { resource: 'attachmentActions', event: 'created', actorUuid: person.uuid, room, message, action: rec });
    }
    this.events.emit('attachmentActionCreated', rec);
    return rec;
  }

  addContent(roomUuid: string, filename: string, contentType: string, data: Buffer): ContentRec {
    const uuid = this.uuids.next();
    const rec: ContentRec = { uuid, id: encodeId('CONTENT', uuid), filename, contentType, data, roomUuid };
    this.contents.set(uuid, rec);
    return rec;
  }
}

function setOf(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}

export function directKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * The uuid an id names. Webex accepts a base64 id and, per webex-api-emulator's error text "Expect
 * base64 ID or UUID.", a bare uuid too (older fbradyirl/webex_bot versions fetched messages by
 * uuid), so both are tried.
 */
export function candidateUuids(id: string, type: string): string[] {
  const decoded = /^[A-Za-z0-9_-]+$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const match = /^ciscospark:\/\/(?:us|urn:TEAM:[^/]+)\/([A-Z_]+)\/(.+)$/.exec(decoded);
  if (match) {
    return match[1] === type ? [match[2]] : [];
  }
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? [id.toLowerCase()] : [];
}

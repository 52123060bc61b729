/**
 * The records a local Webex keeps (store.ts holds and indexes them), and the ordering of a room's
 * messages: oldest→newest by (created, seq), so lists walk back from the end and find a position by
 * binary search.
 */
import type { PersonStatus, ScenarioPersonType } from './scenario';

export interface PersonRec {
  uuid: string;
  id: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
  type: ScenarioPersonType;
  orgKey: string;
  orgId: string;
  token: string;
  status: PersonStatus;
  title?: string;
  created: number;
}

export interface MemberRec {
  personUuid: string;
  isModerator: boolean;
  isRoomHidden: boolean;
  created: number;
}

export interface RoomRec {
  uuid: string;
  id: string;
  type: 'group' | 'direct';
  title: string;
  teamUuid?: string;
  general: boolean;
  creatorUuid: string;
  ownerOrgId: string;
  created: number;
  lastActivity: number;
  isLocked: boolean;
  isPublic: boolean;
  isAnnouncementOnly: boolean;
  isReadOnly: boolean;
  description?: string;
  members: Map<string, MemberRec>;
  /** Sorted oldest→newest by (created, seq). */
  messages: MessageRec[];
}

export interface CardAttachmentRec {
  contentType: string;
  content: Record<string, unknown>;
}

export interface MessageRec {
  uuid: string;
  id: string;
  seq: number;
  roomUuid: string;
  authorUuid: string;
  text?: string;
  markdown?: string;
  html?: string;
  parentUuid?: string;
  /** Public URLs kept as sent, or `content:<uuid>` for an uploaded file (rendered with the origin). */
  files: string[];
  attachments?: CardAttachmentRec[];
  mentionedPeople: string[];
  mentionedGroups: string[];
  created: number;
  updated?: number;
  edits: number;
  /** Replies of a top-level message, oldest→newest. */
  replies: MessageRec[];
  toPersonId?: string;
  toPersonEmail?: string;
}

export interface TeamMemberRec {
  personUuid: string;
  isModerator: boolean;
  created: number;
}

export interface TeamRec {
  uuid: string;
  id: string;
  name: string;
  description?: string;
  creatorUuid: string;
  created: number;
  members: Map<string, TeamMemberRec>;
  generalRoomUuid: string;
}

export interface ContentRec {
  uuid: string;
  id: string;
  filename: string;
  contentType: string;
  data: Buffer;
  roomUuid: string;
}

export interface NewMessage {
  text?: string;
  markdown?: string;
  parent?: MessageRec;
  files?: string[];
  attachments?: CardAttachmentRec[];
  created?: number;
  updated?: number;
}

/** Orders two messages as the room's sorted array does. */
export function compareMessages(a: MessageRec, b: MessageRec): number {
  return a.created - b.created || a.seq - b.seq;
}

/** Index of the first element not less than `m` in a sorted message array. */
export function lowerBound(list: MessageRec[], created: number, seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = list[mid];
    if (x.created < created || (x.created === created && x.seq < seq)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/**
 * One card submission (the AttachmentActivity of the Webex messaging API: id, personId, roomId, type,
 * messageId, inputs, created; spec operation POST /attachment/actions).
 */
export interface AttachmentActionRec {
  uuid: string;
  id: string;
  personUuid: string;
  roomUuid: string;
  messageUuid: string;
  type: 'submit';
  inputs: Record<string, unknown>;
  created: number;
}

/**
 * Typed models of the Webex messaging REST API, as described by the official OpenAPI description
 * (webex/webex-openapi-specs, `public-spec/webex-messaging.json`, CC BY 4.0, Cisco). Field lists
 * follow its schemas; optional fields are optional because the service omits them when empty (e.g.
 * `updated` only on edited messages).
 */

/** ISO-8601 timestamp string, e.g. `2016-04-21T19:12:48.920Z`. */
export type IsoDate = string;

export type RoomType = 'direct' | 'group';
export type PersonType = 'person' | 'bot' | 'appuser';

export interface Person {
  id: string;
  emails: string[];
  displayName: string;
  nickName?: string;
  firstName?: string;
  lastName?: string;
  avatar?: string;
  orgId?: string;
  created?: IsoDate;
  lastModified?: IsoDate;
  lastActivity?: IsoDate;
  status?: string;
  type?: PersonType;
}

export interface Room {
  id: string;
  title: string;
  type: RoomType;
  isLocked: boolean;
  teamId?: string;
  lastActivity?: IsoDate;
  creatorId: string;
  created: IsoDate;
  ownerId?: string;
  classificationId?: string;
  isAnnouncementOnly?: boolean;
  isReadOnly?: boolean;
  isPublic?: boolean;
  madePublic?: IsoDate;
  description?: string;
}

export interface Team {
  id: string;
  name: string;
  description?: string;
  creatorId?: string;
  created: IsoDate;
}

export interface Membership {
  id: string;
  roomId: string;
  personId: string;
  personEmail: string;
  personDisplayName: string;
  personOrgId?: string;
  isModerator: boolean;
  isRoomHidden?: boolean;
  roomType?: RoomType;
  isMonitor?: boolean;
  created: IsoDate;
}

export interface TeamMembership {
  id: string;
  teamId: string;
  personId: string;
  personEmail: string;
  personDisplayName: string;
  personOrgId?: string;
  isModerator: boolean;
  created: IsoDate;
}

/** A card attachment; the OpenAPI spec's `Attachment` schema is wrong here, its examples are right. */
export interface CardAttachment {
  contentType: string;
  content: Record<string, unknown>;
}

export interface Message {
  id: string;
  parentId?: string;
  roomId: string;
  roomType?: RoomType;
  toPersonId?: string;
  toPersonEmail?: string;
  text?: string;
  markdown?: string;
  /** Rendered by Webex; read-only and hostile input like every other field. */
  html?: string;
  files?: string[];
  personId: string;
  personEmail: string;
  mentionedPeople?: string[];
  mentionedGroups?: string[];
  attachments?: CardAttachment[];
  created: IsoDate;
  updated?: IsoDate;
  isVoiceClip?: boolean;
}

/** The JSON body of a list response: `{ "items": [...] }` (Webex messaging API list operations). */
export interface ListBody<T> {
  items: T[];
}

/** Rooms (spaces): list, get, create, update, delete (Webex messaging API, /rooms). */
import { segment, type RequestOptions } from './options';
import type { PagedList } from './pagination';
import type { Transport } from './transport';
import type { Room, RoomType } from './types';
import { WebexInputError } from './errors';
import { checkMax, isBlank, requireId, requireText } from './validation';

export interface RoomListParams {
  teamId?: string;
  type?: RoomType;
  /** `lastactivity` has a known limit: it sorts a limited set pulled in id order (GET /rooms). */
  sortBy?: 'id' | 'lastactivity' | 'created';
  /** Page size, 1–1000 (default 100). */
  max?: number;
}

export interface RoomCreateParams {
  title: string;
  teamId?: string;
  description?: string;
  isLocked?: boolean;
  /** Requires `description` (Webex messaging API, POST /rooms). */
  isPublic?: boolean;
  /** The room must be locked (Webex messaging API, POST /rooms). */
  isAnnouncementOnly?: boolean;
  classificationId?: string;
}

export interface RoomUpdateParams {
  /** Required by PUT /rooms/{id} even when unchanged (Webex messaging API). */
  title: string;
  /** To remove a description, send a single space `" "` (Webex messaging API, PUT /rooms/{id}). */
  description?: string;
  isLocked?: boolean;
  isPublic?: boolean;
  isAnnouncementOnly?: boolean;
  isReadOnly?: boolean;
  teamId?: string;
  classificationId?: string;
}

/**
 * A space's Webex meeting (GET /rooms/{roomId}/meetingInfo, "Get Room Meeting Details"; listed
 * but not described in ../shared/webex/WEBEX_API_NOTES.md, so the fields follow Cisco's published
 * RoomMeetingDetails schema, [UNVERIFIED] against the notes). Every field but `roomId` may be absent.
 */
export interface RoomMeetingInfo {
  roomId: string;
  meetingLink?: string;
  sipAddress?: string;
  meetingNumber?: string;
  meetingId?: string;
  callInTollFreeNumber?: string;
  callInTollNumber?: string;
}

export class RoomsApi {
  constructor(private readonly http: Transport) {}

  /** The rooms the caller belongs to. */
  list(params: RoomListParams = {}, options: RequestOptions = {}): PagedList<Room> {
    checkMax(params.max);
    return this.http.list<Room>(
      '/rooms',
      { teamId: params.teamId, type: params.type, sortBy: params.sortBy, max: params.max },
      options.signal,
    );
  }

  /** The space's meeting link and dial-in details (see {@link RoomMeetingInfo}). */
  async meetingInfo(roomId: string, options: RequestOptions = {}): Promise<RoomMeetingInfo> {
    requireId(roomId, 'roomId');
    return await this.http.json<RoomMeetingInfo>({ method: 'GET', url: this.http.url(`/rooms/${segment(roomId)}/meetingInfo`), signal: options.signal });
  }

  async get(roomId: string, options: RequestOptions = {}): Promise<Room> {
    requireId(roomId, 'roomId');
    return await this.http.json<Room>({ method: 'GET', url: this.http.url(`/rooms/${segment(roomId)}`), signal: options.signal });
  }

  /** Creates a group space; the caller becomes a member. POST is not retried after a 5xx or a lost answer. */
  async create(params: RoomCreateParams, options: RequestOptions = {}): Promise<Room> {
    requireText(params.title, 'title', 'a title for the space');
    if (params.isPublic === true && isBlank(params.description)) {
      throw new WebexInputError('A public space needs a description.', 'description');
    }
    if (params.isAnnouncementOnly === true && params.isLocked !== true) {
      throw new WebexInputError('An announcement-only space must also be moderated (locked).', 'isAnnouncementOnly');
    }
    return await this.http.json<Room>({
      method: 'POST',
      url: this.http.url('/rooms'),
      json: { ...params, title: params.title.trim() },
      signal: options.signal,
    });
  }

  async update(roomId: string, params: RoomUpdateParams, options: RequestOptions = {}): Promise<Room> {
    requireId(roomId, 'roomId');
    requireText(params.title, 'title', 'a title for the space');
    return await this.http.json<Room>({
      method: 'PUT',
      url: this.http.url(`/rooms/${segment(roomId)}`),
      json: { ...params, title: params.title.trim() },
      signal: options.signal,
    });
  }

  /** Deletes the space (a non-moderator is only removed from it: DELETE /rooms/{id}). */
  async delete(roomId: string, options: RequestOptions = {}): Promise<void> {
    requireId(roomId, 'roomId');
    await this.http.empty({ method: 'DELETE', url: this.http.url(`/rooms/${segment(roomId)}`), signal: options.signal });
  }
}

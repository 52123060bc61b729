/** Room memberships: who is in a space, and moderator flags (Webex messaging API, /memberships). */
import { segment, type RequestOptions } from './options';
import type { PagedList } from './pagination';
import type { Transport } from './transport';
import type { Membership } from './types';
import { checkEmail, checkMax, requireExactlyOne, requireId } from './validation';

export interface MembershipListParams {
  roomId?: string;
  /** Needs `roomId` unless the caller is a Compliance Officer (Webex messaging API, GET /memberships). */
  personId?: string;
  /** Needs `roomId` unless the caller is a Compliance Officer (Webex messaging API, GET /memberships). */
  personEmail?: string;
  max?: number;
}

export interface MembershipCreateParams {
  roomId: string;
  /** Exactly one of personId and personEmail. */
  personId?: string;
  personEmail?: string;
  isModerator?: boolean;
}

/**
 * PUT /memberships/{id} requires both flags (Webex messaging API). Give only the one you want to
 * change: the client reads the membership first and sends the other one unchanged.
 */
export interface MembershipUpdateParams {
  isModerator?: boolean;
  isRoomHidden?: boolean;
}

export class MembershipsApi {
  constructor(private readonly http: Transport) {}

  /** Memberships of a room (or, without `roomId`, of every room the caller is in). */
  list(params: MembershipListParams = {}, options: RequestOptions = {}): PagedList<Membership> {
    checkEmail(params.personEmail, 'personEmail');
    checkMax(params.max);
    return this.http.list<Membership>(
      '/memberships',
      { roomId: params.roomId, personId: params.personId, personEmail: params.personEmail?.trim(), max: params.max },
      options.signal,
    );
  }

  async get(membershipId: string, options: RequestOptions = {}): Promise<Membership> {
    requireId(membershipId, 'membershipId');
    return await this.http.json<Membership>({
      method: 'GET',
      url: this.http.url(`/memberships/${segment(membershipId)}`),
      signal: options.signal,
    });
  }

  /** Adds a person to a space. Adding someone twice is a 409 from Webex (POST /memberships). */
  async create(params: MembershipCreateParams, options: RequestOptions = {}): Promise<Membership> {
    requireId(params.roomId, 'roomId');
    requireExactlyOne({ personId: params.personId, personEmail: params.personEmail }, 'person');
    checkEmail(params.personEmail, 'personEmail');
    return await this.http.json<Membership>({
      method: 'POST',
      url: this.http.url('/memberships'),
      json: {
        roomId: params.roomId,
        personId: params.personId,
        personEmail: params.personEmail?.trim(),
        isModerator: params.isModerator,
      },
      signal: options.signal,
    });
  }

  async update(membershipId: string, params: MembershipUpdateParams, options: RequestOptions = {}): Promise<Membership> {
    requireId(membershipId, 'membershipId');
    let { isModerator, isRoomHidden } = params;
    if (isModerator === undefined || isRoomHidden === undefined) {
      const current = await this.get(membershipId, options);
      isModerator ??= current.isModerator;
      isRoomHidden ??= current.isRoomHidden ?? false;
    }
    return await this.http.json<Membership>({
      method: 'PUT',
      url: this.http.url(`/memberships/${segment(membershipId)}`),
      json: { isModerator, isRoomHidden },
      signal: options.signal,
    });
  }

  /** Removes the person from the space. The last moderator of a team's General space can't be removed. */
  async delete(membershipId: string, options: RequestOptions = {}): Promise<void> {
    requireId(membershipId, 'membershipId');
    await this.http.empty({ method: 'DELETE', url: this.http.url(`/memberships/${segment(membershipId)}`), signal: options.signal });
  }
}

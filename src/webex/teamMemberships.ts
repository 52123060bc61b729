/** Team memberships (Webex messaging API, `/team/memberships`). */
import { segment, type RequestOptions } from './options';
import type { PagedList } from './pagination';
import type { Transport } from './transport';
import type { TeamMembership } from './types';
import { checkEmail, checkMax, requireExactlyOne, requireId } from './validation';

export interface TeamMembershipListParams {
  /** Required by GET /team/memberships. */
  teamId: string;
  max?: number;
}

export interface TeamMembershipCreateParams {
  teamId: string;
  /** Exactly one of personId and personEmail. */
  personId?: string;
  personEmail?: string;
  isModerator?: boolean;
}

export class TeamMembershipsApi {
  constructor(private readonly http: Transport) {}

  list(params: TeamMembershipListParams, options: RequestOptions = {}): PagedList<TeamMembership> {
    requireId(params.teamId, 'teamId');
    checkMax(params.max);
    return this.http.list<TeamMembership>('/team/memberships', { teamId: params.teamId, max: params.max }, options.signal);
  }

  async get(teamMembershipId: string, options: RequestOptions = {}): Promise<TeamMembership> {
    requireId(teamMembershipId, 'teamMembershipId');
    return await this.http.json<TeamMembership>({
      method: 'GET',
      url: this.http.url(`/team/memberships/${segment(teamMembershipId)}`),
      signal: options.signal,
    });
  }

  async create(params: TeamMembershipCreateParams, options: RequestOptions = {}): Promise<TeamMembership> {
    requireId(params.teamId, 'teamId');
    requireExactlyOne({ personId: params.personId, personEmail: params.personEmail }, 'person');
    checkEmail(params.personEmail, 'personEmail');
    return await this.http.json<TeamMembership>({
      method: 'POST',
      url: this.http.url('/team/memberships'),
      json: {
        teamId: params.teamId,
        personId: params.personId,
        personEmail: params.personEmail?.trim(),
        isModerator: params.isModerator,
      },
      signal: options.signal,
    });
  }

  async update(teamMembershipId: string, params: { isModerator: boolean }, options: RequestOptions = {}): Promise<TeamMembership> {
    requireId(teamMembershipId, 'teamMembershipId');
    return await this.http.json<TeamMembership>({
      method: 'PUT',
      url: this.http.url(`/team/memberships/${segment(teamMembershipId)}`),
      json: { isModerator: params.isModerator },
      signal: options.signal,
    });
  }

  /** Removes the person from the team. The last team moderator can't be removed (DELETE /team/memberships/{id}). */
  async delete(teamMembershipId: string, options: RequestOptions = {}): Promise<void> {
    requireId(teamMembershipId, 'teamMembershipId');
    await this.http.empty({
      method: 'DELETE',
      url: this.http.url(`/team/memberships/${segment(teamMembershipId)}`),
      signal: options.signal,
    });
  }
}

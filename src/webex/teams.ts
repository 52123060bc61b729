/** Teams: list, get, create, update, delete (Webex messaging API, /teams). */
import { segment, type RequestOptions } from './options';
import type { PagedList } from './pagination';
import type { Transport } from './transport';
import type { Team } from './types';
import { checkMax, requireId, requireText } from './validation';

export interface TeamListParams {
  max?: number;
}

export interface TeamParams {
  name: string;
  description?: string;
}

export class TeamsApi {
  constructor(private readonly http: Transport) {}

  list(params: TeamListParams = {}, options: RequestOptions = {}): PagedList<Team> {
    checkMax(params.max);
    return this.http.list<Team>('/teams', { max: params.max }, options.signal);
  }

  async get(teamId: string, options: RequestOptions = {}): Promise<Team> {
    requireId(teamId, 'teamId');
    return await this.http.json<Team>({ method: 'GET', url: this.http.url(`/teams/${segment(teamId)}`), signal: options.signal });
  }

  /** Creates a team (and with it its General space); the caller is added. */
  async create(params: TeamParams, options: RequestOptions = {}): Promise<Team> {
    requireText(params.name, 'name', 'a name for the team');
    return await this.http.json<Team>({
      method: 'POST',
      url: this.http.url('/teams'),
      json: { name: params.name.trim(), description: params.description },
      signal: options.signal,
    });
  }

  async update(teamId: string, params: TeamParams, options: RequestOptions = {}): Promise<Team> {
    requireId(teamId, 'teamId');
    requireText(params.name, 'name', 'a name for the team');
    return await this.http.json<Team>({
      method: 'PUT',
      url: this.http.url(`/teams/${segment(teamId)}`),
      json: { name: params.name.trim(), description: params.description },
      signal: options.signal,
    });
  }

  async delete(teamId: string, options: RequestOptions = {}): Promise<void> {
    requireId(teamId, 'teamId');
    await this.http.empty({ method: 'DELETE', url: this.http.url(`/teams/${segment(teamId)}`), signal: options.signal });
  }
}

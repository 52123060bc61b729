/** People: `/people/me`, `/people/{id}` and the people search (Webex messaging API, /people). */
import { WebexInputError } from './errors';
import { segment, type RequestOptions } from './options';
import type { PagedList } from './pagination';
import type { Transport } from './transport';
import type { Person } from './types';
import { checkEmail, checkMax, requireId } from './validation';

export interface PeopleListParams {
  /** Exact email address (only people in your org, or with a partner relationship, are found). */
  email?: string;
  /** "Starts with" match on the display name. */
  displayName?: string;
  /** Up to 85 person ids (Webex messaging API, GET /people). */
  id?: string[];
  max?: number;
}

/** The Webex messaging API allows up to 85 comma-separated ids in one `GET /people`. */
export const MAX_PEOPLE_IDS = 85;

export class PeopleApi {
  // The signed-in person rarely changes for a client's lifetime (a new token means a new client);
  // messages.create uses it to recognise the user's own messages when reconciling.
  private meCache: Promise<Person> | undefined;

  constructor(private readonly http: Transport) {}

  /** The person (or bot, `type === 'bot'`) the token belongs to. Always asks Webex. */
  async me(options: RequestOptions = {}): Promise<Person> {
    const me = await this.http.json<Person>({ method: 'GET', url: this.http.url('/people/me'), signal: options.signal });
    this.meCache = Promise.resolve(me);
    return me;
  }

  /** Like {@link me}, but answers from the last successful lookup when there was one. */
  cachedMe(options: RequestOptions = {}): Promise<Person> {
    if (this.meCache === undefined) {
      const pending = this.me(options);
      this.meCache = pending;
      pending.catch(() => {
        if (this.meCache === pending) {
          this.meCache = undefined;
        }
      });
      return pending;
    }
    return this.meCache;
  }

  async get(personId: string, options: RequestOptions = {}): Promise<Person> {
    requireId(personId, 'personId');
    return await this.http.json<Person>({ method: 'GET', url: this.http.url(`/people/${segment(personId)}`), signal: options.signal });
  }

  /** Search people. Non-admin tokens must give `email`, `displayName` or `id` (Webex messaging API, GET /people). */
  list(params: PeopleListParams, options: RequestOptions = {}): PagedList<Person> {
    checkEmail(params.email, 'email');
    checkMax(params.max);
    if (params.displayName !== undefined && params.displayName.trim() === '') {
      throw new WebexInputError('Type at least one character of the name to search for.', 'displayName');
    }
    if (params.id !== undefined && params.id.length > MAX_PEOPLE_IDS) {
      throw new WebexInputError(`At most ${MAX_PEOPLE_IDS} people can be looked up by id at once.`, 'id');
    }
    return this.http.list<Person>(
      '/people',
      { email: params.email?.trim(), displayName: params.displayName, id: params.id, max: params.max },
      options.signal,
    );
  }
}

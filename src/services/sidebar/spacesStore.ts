/**
 * The spaces (rooms) and teams of the current account, cached for the sidebar and the pickers.
 *
 * - Rooms come from one `GET /rooms?sortBy=lastactivity&max=1000` iterator (1000 is the largest
 *   `max` GET /rooms allows in the Webex messaging API), kept open so "Load more…" continues it
 *   instead of refetching; nothing loads 10,000 spaces unless the user asks for them.
 * - Teams come from one `GET /teams`; a team's spaces are taken from the rooms already fetched, so
 *   the Teams view never sends a request per team: 3,000 spaces in 200 teams take ceil(3000/1000)+1
 *   requests.
 * - Concurrent loads share one promise (no double loads); a refresh keeps showing the old list until
 *   the new one has arrived (no flicker); a load that finishes after a sign-out or account switch is
 *   dropped (generation counter).
 */
import * as l10n from '@vscode/l10n';
import type { WebexClient } from '../../webex/client';
import type { Room, Team } from '../../webex/types';
import { Emitter, type Event } from '../../webex/emitter';
import { sortRoomsByActivity, sortTeamsByName } from './ordering';

/** The largest page `GET /rooms` serves (`max` must be 1–1000: Webex messaging API, GET /rooms). */
export const ROOMS_PAGE_SIZE = 1000;

export interface SpacesStoreOptions {
  getClient: () => WebexClient | undefined;
  /** Rooms per request; tests shrink it to exercise "Load more…". */
  pageSize?: number;
}

type RoomPages = AsyncIterator<Room[]>;

export class SpacesStore {
  private readonly changed = new Emitter<void>();
  /** Fires after rooms or teams changed (loaded, refreshed, updated, cleared). */
  readonly onDidChange: Event<void> = this.changed.event;

  /** Rooms per request; tests shrink it to exercise "Load more…". */
  pageSize: number;

  private generation = 0;
  private roomList: Room[] | undefined;
  private pages: RoomPages | undefined;
  private exhausted = false;
  private roomsLoading: Promise<readonly Room[]> | undefined;
  private moreLoading: Promise<void> | undefined;
  private teamList: Team[] | undefined;
  private teamsLoading: Promise<readonly Team[]> | undefined;

  constructor(private readonly options: SpacesStoreOptions) {
    this.pageSize = options.pageSize ?? ROOMS_PAGE_SIZE;
  }

  /** Rooms fetched so far, most recently active first; undefined before the first page arrived. */
  get rooms(): readonly Room[] | undefined {
    return this.roomList;
  }

  /** True when Webex has more pages of rooms than were fetched. */
  get hasMoreRooms(): boolean {
    return this.roomList !== undefined && !this.exhausted;
  }

  get teams(): readonly Team[] | undefined {
    return this.teamList;
  }

  room(id: string): Room | undefined {
    return this.roomList?.find((r) => r.id === id);
  }

  team(id: string): Team | undefined {
    return this.teamList?.find((t) => t.id === id);
  }

  teamName(teamId: string): string | undefined {
    return this.team(teamId)?.name;
  }

  /** The fetched rooms of one team, most recent first. */
  teamRooms(teamId: string): Room[] {
    return (this.roomList ?? []).filter((r) => r.teamId === teamId);
  }

  /** The first page of rooms (cached; concurrent callers share one request). */
  loadRooms(): Promise<readonly Room[]> {
    if (this.roomList) {
      return Promise.resolve(this.roomList);
    }
    this.roomsLoading ??= this.fetchFirstPage().finally(() => {
      this.roomsLoading = undefined;
    });
    return this.roomsLoading;
  }

  /** The next page of rooms, appended; a no-op when everything is loaded. */
  loadMoreRooms(): Promise<void> {
    if (this.roomsLoading) {
      return this.roomsLoading.then(() => undefined);
    }
    if (!this.roomList) {
      return this.loadRooms().then(() => undefined);
    }
    this.moreLoading ??= this.fetchNextPage().finally(() => {
      this.moreLoading = undefined;
    });
    return this.moreLoading;
  }

  /** All teams, by name (cached; one request, concurrent callers share it). */
  loadTeams(): Promise<readonly Team[]> {
    if (this.teamList) {
      return Promise.resolve(this.teamList);
    }
    this.teamsLoading ??= this.fetchTeams().finally(() => {
      this.teamsLoading = undefined;
    });
    return this.teamsLoading;
  }

  /**
   * Fetches the first page of rooms (and the teams, if they were loaded) again and swaps them in when
   * they arrive; until then the old lists stay visible. Used by "Refresh" and after every change.
   */
  async refresh(): Promise<void> {
    const hadTeams = this.teamList !== undefined;
    this.generation++;
    this.pages = undefined;
    this.exhausted = false;
    // Waiters of an in-flight load get the fresh result instead of the stale one.
    const rooms = this.fetchFirstPage();
    this.roomsLoading = quiet(
      rooms.finally(() => {
        this.roomsLoading = undefined;
      }),
    );
    const teams = hadTeams ? this.fetchTeams() : undefined;
    if (teams) {
      this.teamsLoading = quiet(
        teams.finally(() => {
          this.teamsLoading = undefined;
        }),
      );
    }
    await Promise.all([rooms, teams]);
  }

  /** Forgets everything (sign-out, account or cloud switch). */
  clear(): void {
    this.generation++;
    this.roomList = undefined;
    this.pages = undefined;
    this.exhausted = false;
    this.roomsLoading = undefined;
    this.moreLoading = undefined;
    this.teamList = undefined;
    this.teamsLoading = undefined;
    this.changed.fire();
  }

  /** Puts a room the user just created or changed in place, keeping the activity order. */
  upsertRoom(room: Room): void {
    if (!this.roomList) {
      return;
    }
    this.roomList = sortRoomsByActivity([...this.roomList.filter((r) => r.id !== room.id), room]);
    this.changed.fire();
  }

  removeRoom(roomId: string): void {
    if (this.roomList?.some((r) => r.id === roomId)) {
      this.roomList = this.roomList.filter((r) => r.id !== roomId);
      this.changed.fire();
    }
  }

  upsertTeam(team: Team): void {
    if (!this.teamList) {
      return;
    }
    this.teamList = sortTeamsByName([...this.teamList.filter((t) => t.id !== team.id), team]);
    this.changed.fire();
  }

  dispose(): void {
    this.generation++;
    void this.pages?.return?.();
    this.changed.dispose();
  }

  private client(): WebexClient {
    const client = this.options.getClient();
    if (!client) {
      throw new SignedOutError();
    }
    return client;
  }

  private async fetchFirstPage(): Promise<readonly Room[]> {
    const generation = this.generation;
    const pages = this.client().rooms.list({ sortBy: 'lastactivity', max: this.pageSize }).pages();
    const first = await pages.next();
    if (generation !== this.generation) {
      void pages.return?.();
      return this.roomList ?? [];
    }
    const old = this.pages;
    this.pages = pages;
    void old?.return?.();
    // A short page means the end (no `Link: rel="next"` to follow): no "Load more…" that loads nothing.
    this.exhausted = first.done === true || first.value.length < this.pageSize;
    this.roomList = sortRoomsByActivity(first.done ? [] : first.value);
    this.changed.fire();
    return this.roomList;
  }

  private async fetchNextPage(): Promise<void> {
    const generation = this.generation;
    const pages = this.pages;
    if (!pages || this.exhausted) {
      return;
    }
    const next = await pages.next();
    if (generation !== this.generation) {
      return;
    }
    if (next.done) {
      this.exhausted = true;
    } else {
      const known = new Set((this.roomList ?? []).map((r) => r.id));
      // A room that moved up while paging would appear twice; keep the first (newer) copy.
      const fresh = next.value.filter((r) => !known.has(r.id));
      this.roomList = sortRoomsByActivity([...(this.roomList ?? []), ...fresh]);
      this.exhausted = next.value.length < this.pageSize;
    }
    this.changed.fire();
  }

  private async fetchTeams(): Promise<readonly Team[]> {
    const generation = this.generation;
    const teams = await this.client().teams.list({ max: 1000 }).toArray();
    if (generation !== this.generation) {
      return this.teamList ?? [];
    }
    this.teamList = sortTeamsByName(teams);
    this.changed.fire();
    return this.teamList;
  }
}

/**
 * Marks a shared load's failure as handled here: the caller that started it gets the rejection;
 * later waiters still see it, but an unawaited copy must not be reported as an unhandled rejection.
 */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Thrown by loads when there is no client; views treat it as "show the welcome". */
export class SignedOutError extends Error {
  constructor() {
    super(l10n.t('Not signed in to Webex.'));
    this.name = 'SignedOutError';
  }
}

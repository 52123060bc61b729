/**
 * Memberships of spaces and teams, fetched when a view asks for them and cached per space/team.
 * Concurrent loads of the same space share one request; an account switch drops late answers.
 */
import type { WebexClient } from '../../webex/client';
import type { Membership, TeamMembership } from '../../webex/types';
import { Emitter, type Event } from '../../webex/emitter';
import { sortMembersByName } from './ordering';
import { SignedOutError } from './spacesStore';

export type MembersKey = { kind: 'space' | 'team'; id: string };

export class MembersStore {
  private readonly changed = new Emitter<MembersKey | undefined>();
  /** Fires with the space/team whose members changed, or undefined when all were dropped. */
  readonly onDidChange: Event<MembersKey | undefined> = this.changed.event;

  private generation = 0;
  private readonly spaceCache = new Map<string, Membership[]>();
  private readonly teamCache = new Map<string, TeamMembership[]>();
  private readonly loading = new Map<string, Promise<unknown>>();

  constructor(private readonly getClient: () => WebexClient | undefined) {}

  /** Cached members of a space, by name; undefined when not loaded. */
  spaceMembers(roomId: string): readonly Membership[] | undefined {
    return this.spaceCache.get(roomId);
  }

  teamMembers(teamId: string): readonly TeamMembership[] | undefined {
    return this.teamCache.get(teamId);
  }

  loadSpaceMembers(roomId: string): Promise<readonly Membership[]> {
    const cached = this.spaceCache.get(roomId);
    if (cached) {
      return Promise.resolve(cached);
    }
    return this.once(`space:${roomId}`, async (client, generation) => {
      const items = sortMembersByName(await client.memberships.list({ roomId, max: 1000 }).toArray());
      if (generation === this.generation) {
        this.spaceCache.set(roomId, items);
        this.changed.fire({ kind: 'space', id: roomId });
      }
      return items;
    });
  }

  loadTeamMembers(teamId: string): Promise<readonly TeamMembership[]> {
    const cached = this.teamCache.get(teamId);
    if (cached) {
      return Promise.resolve(cached);
    }
    return this.once(`team:${teamId}`, async (client, generation) => {
      const items = sortMembersByName(await client.teamMemberships.list({ teamId, max: 1000 }).toArray());
      if (generation === this.generation) {
        this.teamCache.set(teamId, items);
        this.changed.fire({ kind: 'team', id: teamId });
      }
      return items;
    });
  }

  /** The signed-in person's membership of a space (from the cache, or one request). */
  async myMembership(roomId: string, personId: string): Promise<Membership | undefined> {
    const members = await this.loadSpaceMembers(roomId);
    return members.find((m) => m.personId === personId);
  }

  /**
   * Drops one space's or team's members and loads them again; the old list stays until the new one
   * arrives, so an open Members view does not flicker.
   */
  async reload(key: MembersKey): Promise<void> {
    const cache = key.kind === 'space' ? this.spaceCache : this.teamCache;
    const stale = cache.get(key.id);
    cache.delete(key.id);
    try {
      await (key.kind === 'space' ? this.loadSpaceMembers(key.id) : this.loadTeamMembers(key.id));
    } catch (error) {
      if (stale && !cache.has(key.id)) {
        (cache as Map<string, unknown>).set(key.id, stale);
      }
      throw error;
    }
  }

  /**
   * Forgets a cached list without reloading (e.g. the user left the space). `notify: false` when the
   * caller refreshes the view itself.
   */
  forget(key: MembersKey, { notify = true }: { notify?: boolean } = {}): void {
    const cache = key.kind === 'space' ? this.spaceCache : this.teamCache;
    if (cache.delete(key.id) && notify) {
      this.changed.fire(key);
    }
  }

  clear(): void {
    this.generation++;
    this.spaceCache.clear();
    this.teamCache.clear();
    this.loading.clear();
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.generation++;
    this.changed.dispose();
  }

  private once<T>(key: string, load: (client: WebexClient, generation: number) => Promise<T>): Promise<T> {
    const pending = this.loading.get(key) as Promise<T> | undefined;
    if (pending) {
      return pending;
    }
    const client = this.getClient();
    if (!client) {
      return Promise.reject(new SignedOutError());
    }
    const generation = this.generation;
    const promise = load(client, generation).finally(() => {
      if (this.loading.get(key) === promise) {
        this.loading.delete(key);
      }
    });
    this.loading.set(key, promise);
    return promise;
  }
}

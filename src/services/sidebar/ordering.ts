/**
 * Ordering, filtering and wording for the sidebar: pure functions, unit-tested in plain Node.
 */
import * as l10n from '@vscode/l10n';
import type { Membership, Room, Team, TeamMembership } from '../../webex/types';

/**
 * The time a space last saw activity; `created` when Webex omits `lastActivity` (no field of the
 * Room schema in the Webex messaging API is required).
 */
export function activityTime(room: Pick<Room, 'lastActivity' | 'created'>): number {
  const t = Date.parse(room.lastActivity ?? room.created);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * Most recently active first; ties by title so the order is stable between refreshes.
 * `sortBy=lastactivity` already asks Webex for this order, but it "sorts only a limited set" (a known
 * limitation of GET /rooms in the Webex messaging API) and pages plus local updates are merged here,
 * so the client sorts again.
 */
export function compareByActivity(a: Room, b: Room): number {
  return activityTime(b) - activityTime(a) || compareText(a.title, b.title) || compareText(a.id, b.id);
}

export function sortRoomsByActivity(rooms: readonly Room[]): Room[] {
  return [...rooms].sort(compareByActivity);
}

/** Case- and accent-insensitive comparison, as people expect names sorted. */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
}

type AnyMembership = Pick<Membership | TeamMembership, 'personDisplayName' | 'personEmail' | 'id'>;

/** Members by display name (email when a name is missing), stable by id. */
export function sortMembersByName<T extends AnyMembership>(members: readonly T[]): T[] {
  const name = (m: AnyMembership): string => m.personDisplayName || m.personEmail || '';
  return [...members].sort((a, b) => compareText(name(a), name(b)) || compareText(a.id, b.id));
}

export function sortTeamsByName(teams: readonly Team[]): Team[] {
  return [...teams].sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

/** Lower-cased and without accents, so "zoe" finds "Zoë". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}

/**
 * Spaces whose title (or team name) contains every word of the query, in any order:
 * "plat rel" finds "Platform release". An empty query keeps everything.
 */
export function filterRooms(
  rooms: readonly Room[],
  query: string,
  teamName: (teamId: string) => string | undefined = () => undefined,
): Room[] {
  const words = fold(query).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) {
    return [...rooms];
  }
  return rooms.filter((room) => {
    const haystack = fold(`${room.title} ${room.teamId ? (teamName(room.teamId) ?? '') : ''}`);
    return words.every((w) => haystack.includes(w));
  });
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then the date: short enough for a
 * tree item's description. `now` is passed in so the wording is testable; `language` is VS Code's
 * display language (`vscode.env.language`), for the date's month name and order.
 */
export function relativeTime(iso: string | undefined, now: number, language = 'en'): string {
  if (!iso) {
    return '';
  }
  const t = Date.parse(iso);
  if (Number.isNaN(t)) {
    return '';
  }
  const ago = now - t;
  if (ago < MINUTE) {
    return l10n.t('just now');
  }
  if (ago < HOUR) {
    return l10n.t('{0} min ago', Math.floor(ago / MINUTE));
  }
  if (ago < DAY) {
    return l10n.t('{0} h ago', Math.floor(ago / HOUR));
  }
  if (ago < 2 * DAY) {
    return l10n.t('yesterday');
  }
  if (ago < 7 * DAY) {
    return l10n.t('{0} days ago', Math.floor(ago / DAY));
  }
  const date = new Date(t);
  const sameYear = date.getUTCFullYear() === new Date(now).getUTCFullYear();
  return date.toLocaleDateString(language, {
    month: 'short',
    day: 'numeric',
    year: sameYear ? undefined : 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The JSON shape a local Webex is seeded from. Everything is referenced by human keys (emails for
 * people, `key` for teams, rooms and messages); the store turns them into Webex-shaped ids derived
 * from `seed`, so the same scenario gives the same ids every run.
 *
 * The builders live in scenarios/*.ts and are re-exported here so callers import one module.
 */
export type ScenarioPersonType = 'person' | 'bot';

/** Presence values of the Person schema's `status` (Webex messaging API). */
export type PersonStatus =
  | 'active'
  | 'call'
  | 'DoNotDisturb'
  | 'inactive'
  | 'meeting'
  | 'OutOfOffice'
  | 'pending'
  | 'presenting'
  | 'unknown';

export interface ScenarioPerson {
  email: string;
  displayName: string;
  /** The bearer token this person signs in with. */
  token: string;
  type?: ScenarioPersonType;
  firstName?: string;
  lastName?: string;
  /** Organisation key; people of another org are not found by email or name search (GET /people). Default `example`. */
  org?: string;
  status?: PersonStatus;
  title?: string;
  created?: string;
}

export interface ScenarioMember {
  email: string;
  isModerator?: boolean;
}

export interface ScenarioTeam {
  key: string;
  name: string;
  description?: string;
  /** Email of the creator; a moderator of the team and of its General space. */
  creator: string;
  created?: string;
  members: ScenarioMember[];
}

export interface ScenarioRoom {
  key: string;
  type: 'group' | 'direct';
  /** Group rooms only: a direct room's title is the other person's name as seen by the caller (Room `title`). */
  title?: string;
  /** Team key of a team space. */
  team?: string;
  /** The team's General space (one per team; created by the store when a team has none). */
  general?: boolean;
  creator: string;
  created?: string;
  members: ScenarioMember[];
  isLocked?: boolean;
  isPublic?: boolean;
  isAnnouncementOnly?: boolean;
  isReadOnly?: boolean;
  description?: string;
}

/** A file uploaded with a message: stored and served at `{origin}/v1/contents/{id}`. */
export interface ScenarioFile {
  filename: string;
  contentType: string;
  /** UTF-8 content, or `base64` for binary content. */
  text?: string;
  base64?: string;
}

export interface ScenarioMessage {
  /** Needed only when another message replies to this one (`parent`). */
  key?: string;
  room: string;
  author: string;
  text?: string;
  markdown?: string;
  /** Key of the thread's parent message (a top-level message of the same room). */
  parent?: string;
  /** An uploaded file. */
  file?: ScenarioFile;
  /** A public file URL, kept as is. */
  fileUrl?: string;
  attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
  created: string;
  updated?: string;
}

export interface Scenario {
  name?: string;
  /** Seed of the ids. Default `sandbox`. */
  seed?: string;
  orgs?: Array<{ key: string; name: string }>;
  people: ScenarioPerson[];
  teams: ScenarioTeam[];
  rooms: ScenarioRoom[];
  messages: ScenarioMessage[];
}

export { smallScenario, SMALL } from './scenarios/small';
export { demoScenario, DEMO } from './scenarios/demo';
export { generateScenario, type GenerateOptions } from './scenarios/generate';

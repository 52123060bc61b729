/**
 * Webex-shaped identifiers. Real ids are URL-safe base64 without padding of
 * `ciscospark://us/<TYPE>/<uuid>` (decoded from the examples of the Webex messaging API; webex-js-sdk
 * `@webex/common` `uuid-utils.js`). A MEMBERSHIP uuid part is `<personUUID>:<roomUUID>` (webex-js-sdk
 * `buildHydraMembershipId`) and a TEAM_MEMBERSHIP one `<personUUID>:<teamUUID>` (order read from the
 * API's example of GET /team/memberships, whose teamId is the second half; no source states the
 * order, so it is [UNVERIFIED]).
 */
import { createHash, randomUUID } from 'node:crypto';

export type IdType =
  | 'PEOPLE'
  | 'ROOM'
  | 'MESSAGE'
  | 'TEAM'
  | 'MEMBERSHIP'
  | 'TEAM_MEMBERSHIP'
  | 'CONTENT'
  | 'ORGANIZATION'
  | 'WEBHOOK'
  | 'ATTACHMENT_ACTION'
  | 'APPLICATION';

/** Encodes `ciscospark://us/<type>/<uuid>` as URL-safe base64 without padding. */
export function encodeId(type: IdType, uuid: string): string {
  return Buffer.from(`ciscospark://us/${type}/${uuid}`, 'utf8').toString('base64url');
}

/** Decodes an id; undefined when it is not of the Webex form (any cluster is accepted). */
export function decodeId(id: string): { type: string; uuid: string } | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(id)) {
    return undefined;
  }
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const match = /^ciscospark:\/\/(?:us|urn:TEAM:[^/]+)\/([A-Z_]+)\/(.+)$/.exec(text);
  return match ? { type: match[1], uuid: match[2] } : undefined;
}

/** A uuid (version-5 layout) derived from a seed and a name, so a scenario gives the same ids every run. */
export function seededUuid(seed: string, name: string): string {
  const hex = createHash('sha1').update(`${seed}\u0000${name}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Uuids for a store: deterministic for the things a scenario names (same scenario, same ids), and
 * random for things created at run time, so an id is never handed out twice, not even after a
 * reset() (real Webex never reuses one; clients dedupe and cache by id).
 */
export class UuidSource {
  constructor(private readonly seed: string) {}

  named(kind: string, key: string): string {
    return seededUuid(this.seed, `${kind}:${key}`);
  }

  next(): string {
    return randomUUID();
  }
}

/** A tracking id in the shape Webex uses (`ROUTER_…`, quoted in webex-api-emulator's auth.js). */
export function newTrackingId(): string {
  return `ROUTER_${randomUUID().toUpperCase()}`;
}

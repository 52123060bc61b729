/**
 * Webex ids are URL-safe base64 (no padding) of `ciscospark://<cluster>/<TYPE>/<uuid>`, e.g.
 * `ciscospark://us/ROOM/bbceb1ad-…` (decoded from the examples of the Webex messaging API; webex-js-sdk
 * `@webex/common` `uuid-utils.js`). Treat them as opaque; decoding is
 * for diagnostics and for the sandbox, which must mint ids of the real form.
 */

export interface WebexIdParts {
  /** `us`, or `urn:TEAM:<region>` for other clusters. */
  cluster: string;
  /** ROOM, MESSAGE, PEOPLE, TEAM, MEMBERSHIP, TEAM_MEMBERSHIP, CONTENT, … */
  type: string;
  /** A UUID; for MEMBERSHIP and TEAM_MEMBERSHIP two UUIDs joined by `:`. */
  uuid: string;
}

const PREFIX = 'ciscospark://';

/** The parts of a Webex id, or undefined when `id` is not one. Accepts standard base64 too. */
export function decodeWebexId(id: string): WebexIdParts | undefined {
  if (!/^[A-Za-z0-9_\-+/]+={0,2}$/.test(id)) {
    return undefined;
  }
  const decoded = Buffer.from(id.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), 'base64url').toString('utf8');
  if (!decoded.startsWith(PREFIX)) {
    return undefined;
  }
  const parts = decoded.slice(PREFIX.length).split('/');
  if (parts.length < 3) {
    return undefined;
  }
  const uuid = parts[parts.length - 1];
  const type = parts[parts.length - 2];
  const cluster = parts.slice(0, -2).join('/');
  if (cluster === '' || uuid === '' || !/^[A-Z_]+$/.test(type) || /[^\x21-\x7e]/.test(decoded)) {
    return undefined;
  }
  return { cluster, type, uuid };
}

/** The id Webex would give a `type` object with this uuid (URL-safe base64, no padding). */
export function encodeWebexId(type: string, uuid: string, cluster = 'us'): string {
  return Buffer.from(`${PREFIX}${cluster}/${type}/${uuid}`, 'utf8').toString('base64url');
}

/**
 * The space's uuid as the Webex app's links name it: the last path part of the base64-decoded room
 * id (`ciscospark://us/ROOM/<uuid>`). Undefined when `roomId` is not a room id.
 */
export function spaceUuid(roomId: string): string | undefined {
  const parts = decodeWebexId(roomId);
  return parts?.type === 'ROOM' && /^[0-9a-f-]{36}$/i.test(parts.uuid) ? parts.uuid : undefined;
}

/**
 * A link that opens the space in the Webex app: `webexteams://im?space=<space uuid>` (the issue's
 * format; [UNVERIFIED] against Cisco's documentation, which the notes in ../shared/webex/ do not cover).
 */
export function webexAppLink(roomId: string): string | undefined {
  const uuid = spaceUuid(roomId);
  return uuid === undefined ? undefined : `webexteams://im?space=${uuid}`;
}

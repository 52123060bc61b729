/**
 * Reading Mercury frames: `conversation.activity` events become the REST API's message and room
 * ids. Mercury is internal and undocumented; its frames are as webex-js-sdk reads them
 * (`@webex/internal-plugin-mercury`, `@webex/plugin-messages`) and fbradyirl/webex_bot. The
 * activity's own content is end-to-end encrypted, so only ids, the verb, the actor and the room
 * type are read; the message itself is fetched over REST by its Hydra id.
 */
import { encodeWebexId } from '../ids';
import { isRecord } from '../text';
import type { MessageCreatedEvent, MessageDeletedEvent } from './events';

/** One frame from the socket, as far as this client needs it. */
export interface MercuryFrame {
  /** Acknowledge frames that have one: `{"type":"ack","messageId":id}` (webex-js-sdk Mercury `_acknowledge`). */
  id?: string;
  /** `pong` for keep-alive answers; absent on events. */
  type?: string;
  /** Increases by one per frame; a jump means a lost frame (as webex-js-sdk's Mercury plugin reads it). */
  sequenceNumber?: number;
  eventType?: string;
  data?: Record<string, unknown>;
}

/** Parses a text frame; undefined when it is not a JSON object. */
export function parseFrame(text: string): MercuryFrame | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) {
    return undefined;
  }
  const data = isRecord(value.data) ? value.data : undefined;
  const seq = typeof value.sequenceNumber === 'number' ? value.sequenceNumber : Number.parseInt(String(value.sequenceNumber), 10);
  return {
    id: typeof value.id === 'string' ? value.id : undefined,
    type: typeof value.type === 'string' ? value.type : undefined,
    sequenceNumber: Number.isFinite(seq) ? seq : undefined,
    eventType: typeof data?.eventType === 'string' ? data.eventType : undefined,
    data,
  };
}

/** webex-js-sdk Mercury `socket-base.js` `_authorize`: the socket is usable once one of these arrives. */
export function isReadyFrame(frame: MercuryFrame): boolean {
  return frame.type === undefined && (frame.eventType === 'mercury.buffer_state' || frame.eventType === 'mercury.registration_status');
}

/** The fields of a `conversation.activity` this client uses. */
export interface ConversationActivity {
  verb: string;
  /** The activity's uuid; for `post`/`share` it is the message's uuid. */
  activityId: string;
  /** For `delete`: the uuid of the deleted message. */
  objectId?: string;
  actorUuid?: string;
  actorEmail?: string;
  /** The conversation (room) uuid. */
  roomUuid: string;
  /** `target.tags` contains `ONE_ON_ONE` (a direct space, as webex-js-sdk tells them apart). */
  isDirect: boolean;
}

/** The activity of a `conversation.activity` frame, or undefined for any other frame. */
export function readConversationActivity(frame: MercuryFrame): ConversationActivity | undefined {
  if (frame.eventType !== 'conversation.activity' || !isRecord(frame.data?.activity)) {
    return undefined;
  }
  const activity = frame.data.activity;
  const target = isRecord(activity.target) ? activity.target : undefined;
  const actor = isRecord(activity.actor) ? activity.actor : undefined;
  const object = isRecord(activity.object) ? activity.object : undefined;
  if (typeof activity.verb !== 'string' || typeof activity.id !== 'string' || typeof target?.id !== 'string') {
    return undefined;
  }
  const tags = Array.isArray(target.tags) ? target.tags : [];
  const actorUuid = typeof actor?.entryUUID === 'string' ? actor.entryUUID : typeof actor?.id === 'string' ? actor.id : undefined;
  return {
    verb: activity.verb,
    activityId: activity.id,
    objectId: typeof object?.id === 'string' ? object.id : undefined,
    actorUuid,
    actorEmail: typeof actor?.emailAddress === 'string' ? actor.emailAddress : undefined,
    roomUuid: target.id,
    isDirect: tags.includes('ONE_ON_ONE'),
  };
}

/** `post`/`share` create a message, `delete` removes one (webex-js-sdk `@webex/common` `constants.js`). */
const CREATE_VERBS: ReadonlySet<string> = new Set(['post', 'share']);

/**
 * The message event an activity stands for, with Hydra ids: `base64url("ciscospark://<cluster>/MESSAGE/<uuid>")`
 * as webex-js-sdk builds them (`@webex/common` `uuid-utils.js`). `cluster` is `us` unless the
 * caller knows the room's cluster from its REST id (clusters outside `us` are `urn:TEAM:<region>`,
 * as `getHydraClusterString` there derives them); people are always `us`. Other verbs (acknowledge,
 * update, add, …) give undefined.
 */
export function activityToEvent(
  activity: ConversationActivity,
  cluster = 'us',
): MessageCreatedEvent | MessageDeletedEvent | undefined {
  const roomId = encodeWebexId('ROOM', activity.roomUuid, cluster);
  const actorId = activity.actorUuid === undefined ? undefined : encodeWebexId('PEOPLE', activity.actorUuid);
  if (CREATE_VERBS.has(activity.verb)) {
    return {
      type: 'messageCreated',
      roomId,
      messageId: encodeWebexId('MESSAGE', activity.activityId, cluster),
      roomType: activity.isDirect ? 'direct' : 'group',
      actorId,
      actorEmail: activity.actorEmail,
      via: 'websocket',
    };
  }
  if (activity.verb === 'delete' && activity.objectId !== undefined) {
    return { type: 'messageDeleted', roomId, messageId: encodeWebexId('MESSAGE', activity.objectId, cluster), actorId, via: 'websocket' };
  }
  return undefined;
}

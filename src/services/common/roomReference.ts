/**
 * The space a command's argument names. Commands get many shapes: a room id from a notification or
 * a link, a Room from the page, a tree node carrying `.room`. One reader for all of them, so every
 * command accepts the same ones.
 */
import { isRecord } from '../../webex/text';
import type { Room } from '../../webex/types';

/** A space named by a command's argument: its id, and the Room itself when the argument carried one. */
export interface RoomReference {
  id: string;
  room?: Room;
}

/**
 * Reads every argument shape a command may get for a space, without a request: a room id (not
 * blank), a Room or anything else with a string `id`, or any of these in `.room` (a SpaceNode, the
 * page's `{ room }`). `room` is set only when a whole Room came along (id, title and type).
 */
export function roomReference(arg: unknown): RoomReference | undefined {
  if (typeof arg === 'string') {
    return arg.trim() !== '' ? { id: arg } : undefined;
  }
  const candidate: unknown = isRecord(arg) && 'room' in arg ? arg.room : arg;
  if (typeof candidate === 'string') {
    return roomReference(candidate);
  }
  if (!isRecord(candidate) || typeof candidate.id !== 'string' || candidate.id.trim() === '') {
    return undefined;
  }
  return { id: candidate.id, room: isRoom(candidate) ? candidate : undefined };
}

function isRoom(value: unknown): value is Room {
  return isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string' && typeof value.type === 'string';
}

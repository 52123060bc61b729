/** Turns a catch-up or poll result into live events, in the order views want them. */
import type { SyncResult } from './activityTracker';
import type { Emitter } from '../emitter';
import type { LiveEvent, LiveVia } from './events';

export function emitSync(emitter: Emitter<LiveEvent>, result: SyncResult, via: LiveVia): void {
  if (result.changedRooms.length > 0) {
    emitter.fire({ type: 'roomsChanged', rooms: result.changedRooms });
  }
  for (const message of result.messages) {
    emitter.fire({
      type: 'messageCreated',
      roomId: message.roomId,
      messageId: message.id,
      roomType: message.roomType,
      actorId: message.personId,
      actorEmail: message.personEmail,
      message,
      via,
    });
  }
  if (result.truncated) {
    emitter.fire({ type: 'gap', reason: 'truncated' });
  }
}

import { MEETING_ROOM_PREFIX } from '../../../shared/wire'
import type { RoomRegistry } from '../rooms/roomRegistry'
import type { RoomStore } from '../storage/roomStore'
import type { FreeBoards } from './freeBoards'

/**
 * After this instance was cut off (its lease lapsed, or it missed a message), another may have
 * erased a free board it holds: the announcement was lost, so storage says it. A board this
 * instance holds has a row in storage (loading made it); once erased it has none. The probe
 * writes the activity time (only where the row still is: a board with open connections is
 * active), then reads it: no time means no row, so the board was erased and its connections here
 * close as on the instance that erased it.
 */
export async function closeMissedBoardErasures(deps: {
  registry: Pick<RoomRegistry, 'heldIds'>
  rooms: Pick<RoomStore, 'touch' | 'lastActivity'>
  boards: Pick<FreeBoards, 'erasedElsewhere'>
  now: () => number
}): Promise<void> {
  for (const roomId of deps.registry.heldIds()) {
    if (roomId.startsWith(MEETING_ROOM_PREFIX)) continue
    await deps.rooms.touch(roomId, deps.now(), { create: false })
    if ((await deps.rooms.lastActivity(roomId)) === null) await deps.boards.erasedElsewhere(roomId, 'link')
  }
}

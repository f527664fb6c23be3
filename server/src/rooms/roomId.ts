import { ROOM_ID_PATTERN } from '../../../shared/wire'

/** Room ids: see shared/wire.ts (meetings use `m-` followed by the meeting id). */
export function isValidRoomId(roomId: string): boolean {
  return ROOM_ID_PATTERN.test(roomId)
}

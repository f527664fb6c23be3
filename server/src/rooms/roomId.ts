import { ROOM_ID_PATTERN } from '../../../templates/src/wire'

/** Room ids: see templates/src/wire.ts (meetings use `m-` followed by the meeting id). */
export function isValidRoomId(roomId: string): boolean {
  return ROOM_ID_PATTERN.test(roomId)
}

/** Room ids: 8 to 64 characters of base64url. Meetings use `m-` followed by the meeting id. */
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

export function isValidRoomId(roomId: string): boolean {
  return ROOM_ID_PATTERN.test(roomId)
}

import { MEETING_ROOM_PREFIX, ROOM_ID_PATTERN } from '../../shared/wire'

/** A fresh, unguessable room id: 16 random bytes as 22 characters of base64url. */
export function newRoomId(): string {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(16))
    const id = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
    // Rooms named m-… are meetings, which need a session token.
    if (isValidRoomId(id)) return id
  }
}

export function isValidRoomId(value: string): boolean {
  return ROOM_ID_PATTERN.test(value) && !value.startsWith(MEETING_ROOM_PREFIX)
}

/** The path of a board; this URL is what people share. */
export function boardPath(roomId: string): string {
  return `/b/${roomId}`
}

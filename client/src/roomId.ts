import { MEETING_ROOM_PREFIX, ROOM_ID_PATTERN } from '../../templates/src/wire'

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

/**
 * The room id in what someone pasted: a full board link (any host: the link may come from a
 * colleague's address bar), a path like `/b/<id>`, or the bare id. Null if there is none.
 */
export function parseBoardInput(input: string): string | null {
  const text = input.trim()
  if (!text) return null
  if (isValidRoomId(text)) return text
  const match = /(?:^|\/)b\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/.exec(text)
  const id = match?.[1]
  return id && isValidRoomId(id) ? id : null
}

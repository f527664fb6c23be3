import { useEffect, useState } from 'react'
import type { Signal, TLRecord, TLUser } from 'tldraw'
import { BoardSession } from './boardSession'
import type { RecordCodec } from './recordCodec'
import { roomServerUrl } from './roomConnection'

/**
 * Opens the board `roomId` for as long as the component is mounted (a new room id opens a new
 * session). Null during the first render; read the session's signals with tldraw's `useValue`.
 */
export function useBoardSession(
  roomId: string,
  $user: Signal<TLUser | null>,
  getDefaultPageName: () => string,
  /** A meeting room's session token (sent as a subprotocol); changing it opens a new session. */
  token?: string,
  /** Records kept in this browser only; read once when the session opens. */
  isLocalOnly?: (record: TLRecord) => boolean,
  /** How records change between room and store (read once, like isLocalOnly). */
  codec?: RecordCodec,
): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null)
  // The page name is only read when the board is first seeded; a changing callback must not reopen the room.
  const [pageName] = useState(() => getDefaultPageName)
  const [localOnly] = useState(() => isLocalOnly)
  const [recordCodec] = useState(() => codec)

  useEffect(() => {
    const opened = new BoardSession({
      roomId,
      serverUrl: roomServerUrl(),
      $user,
      getDefaultPageName: pageName,
      ...(token ? { token } : {}),
      ...(localOnly ? { isLocalOnly: localOnly } : {}),
      ...(recordCodec ? { codec: recordCodec } : {}),
    })
    setSession(opened)
    return () => {
      opened.destroy()
      setSession((current) => (current === opened ? null : current))
    }
  }, [roomId, $user, pageName, token, localOnly, recordCodec])

  return session
}

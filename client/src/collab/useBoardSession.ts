import { useEffect, useState } from 'react'
import type { Signal, TLUser } from 'tldraw'
import { BoardSession } from './boardSession'
import { roomServerUrl } from './roomConnection'

/**
 * Opens the board `roomId` for as long as the component is mounted (a new room id opens a new
 * session). Null during the first render; read the session's signals with tldraw's `useValue`.
 */
export function useBoardSession(
  roomId: string,
  $user: Signal<TLUser | null>,
  getDefaultPageName: () => string,
  /** A meeting room's session token (sent as ?token=); changing it opens a new session. */
  token?: string,
): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null)
  // The page name is only read when the board is first seeded; a changing callback must not reopen the room.
  const [pageName] = useState(() => getDefaultPageName)

  useEffect(() => {
    const opened = new BoardSession({
      roomId,
      serverUrl: roomServerUrl(),
      $user,
      getDefaultPageName: pageName,
      ...(token ? { params: { token } } : {}),
    })
    setSession(opened)
    return () => {
      opened.destroy()
      setSession((current) => (current === opened ? null : current))
    }
  }, [roomId, $user, pageName, token])

  return session
}

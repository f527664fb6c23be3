import { useEffect, useState } from 'react'
import { react } from 'tldraw'
import type { BoardSession } from '../../collab/boardSession'
import { type PresenceStatus, presenceOf } from './presence'

type Present = ReadonlyMap<string, Exclude<PresenceStatus, 'left'>>

/**
 * Who is in the room now, following the session's room (it changes at a restart) and its
 * presence states. Null while this browser is not connected: then it cannot know.
 */
export function usePresence(session: BoardSession | null | undefined): Present | null {
  const [present, setPresent] = useState<Present | null>(null)
  useEffect(() => {
    if (!session) return undefined
    let stopAwareness: (() => void) | null = null
    let lastKey = ''
    const publish = (value: Present | null) => {
      const key = value ? JSON.stringify([...value].sort()) : 'unknown'
      if (key === lastKey) return
      lastKey = key
      setPresent(value)
    }
    const stop = react('follow presence', () => {
      const room = session.$room.get()
      const online = session.$connection.get() === 'online'
      stopAwareness?.()
      stopAwareness = null
      if (!room || !online) {
        publish(null)
        return
      }
      const read = () => publish(presenceOf(room.awareness.getStates().values()))
      room.awareness.on('change', read)
      read()
      stopAwareness = () => room.awareness.off('change', read)
    })
    return () => {
      stop()
      stopAwareness?.()
    }
  }, [session])
  return present
}

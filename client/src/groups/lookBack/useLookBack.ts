import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import { LOOK_BACK_KEY, type LookBack } from '../../../../shared/groups/lookBack'
import { MEETING_MAP } from '../../../../shared/wire'
import type { MeetingState } from '../../meeting/meetingState'

/**
 * The look-back the server wrote into this meeting's document (null: the meeting has none). It
 * follows the document, so what came of it shows on every screen the moment it is saved.
 */
export function useLookBack(meeting: MeetingState | null): LookBack | null {
  const room = useValue('bound room', () => meeting?.session.$room.get() ?? null, [meeting])
  const [lookBack, setLookBack] = useState<LookBack | null>(null)
  useEffect(() => {
    if (!room) {
      setLookBack(null)
      return
    }
    const map = room.doc.getMap(MEETING_MAP)
    const read = () => {
      const value = map.get(LOOK_BACK_KEY)
      setLookBack(isLookBack(value) ? value : null)
    }
    map.observe(read)
    read()
    return () => map.unobserve(read)
  }, [room])
  return lookBack
}

/** Only the server writes the map; still, a screen must not break on a value it does not expect. */
function isLookBack(value: unknown): value is LookBack {
  if (!value || typeof value !== 'object') return false
  const v = value as Partial<LookBack>
  return typeof v.previousMeetingId === 'string' && typeof v.date === 'number' && Array.isArray(v.inbrengers)
}

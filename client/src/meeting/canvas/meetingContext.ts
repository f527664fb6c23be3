import { createContext, useContext } from 'react'
import type { MeetingState } from '../meetingState'

/** The meeting, for components tldraw renders itself (they take no props). */
export const MeetingContext = createContext<MeetingState | null>(null)

export function useMeeting(): MeetingState {
  const meeting = useContext(MeetingContext)
  if (!meeting) throw new Error('useMeeting outside a meeting board')
  return meeting
}

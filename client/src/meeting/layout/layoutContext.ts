import { useMeeting } from '../canvas/meetingContext'
import { layoutOf, type MeetingLayout } from './meetingLayout'

/** The meeting's layout, for components tldraw renders itself (they take no props). */
export function useMeetingLayout(): MeetingLayout | null {
  return layoutOf(useMeeting())
}

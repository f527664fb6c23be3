import { useMeeting } from '../canvas/meetingContext'
import type { MeetingState } from '../meetingState'
import type { MeetingLayout } from './meetingLayout'

/**
 * The layout of each meeting, for components tldraw renders itself (they take no props): the
 * meeting board makes one per meeting before the canvas renders.
 */
const layouts = new WeakMap<MeetingState, MeetingLayout>()

export function registerLayout(meeting: MeetingState, layout: MeetingLayout): void {
  layouts.set(meeting, layout)
}

export function useMeetingLayout(): MeetingLayout | null {
  return layouts.get(useMeeting()) ?? null
}

import { forgetReflection } from '../report/reflectionStore'
import { forgetDrafts } from './drafts/drafts'
import { forgetMeeting } from './meetingAccess'
import { forgetReturned } from './returned/returnedStore'

/**
 * Everything this browser keeps of a meeting: session, key and invite link, drafts, returned
 * notes, reflection answers. After an erase it need not stay anywhere, this browser included.
 */
export function forgetMeetingHere(meetingId: string): void {
  forgetMeeting(meetingId)
  forgetDrafts(meetingId)
  forgetReturned(meetingId)
  forgetReflection(meetingId)
}

import { EraseButton } from '../ui/EraseButton'
import { forgetMeetingHere } from './forgetMeetingHere'
import { meetingApi } from './meetingApi'

const TEXTS = {
  button: 'meeting.erase.button',
  short: 'meeting.erase.short',
  confirm: 'meeting.erase.confirm',
  yes: 'meeting.erase.yes',
  no: 'meeting.erase.no',
} as const

/**
 * For the facilitator: erase the meeting for good once it is over (board, notes, names, links).
 * What is said in the group stays in the group, and after the meeting it need not stay anywhere.
 */
export function EraseMeetingButton({ meetingId, token }: { meetingId: string; token: string }) {
  return (
    <EraseButton
      texts={TEXTS}
      erase={() => meetingApi.erase(meetingId, token)}
      onErased={() => {
        forgetMeetingHere(meetingId)
        window.location.assign('/')
      }}
    />
  )
}

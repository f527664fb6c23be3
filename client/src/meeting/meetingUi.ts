import type { OutcomeGap } from '../../../shared/outcome/outcomeGaps'
import type { MeetingCommand } from '../../../shared/phaseMachine'
import type { RoleId } from '../../../shared/schema'
import type { Template } from '../../../shared/templateSchema'
import type { MeetingView, ParticipantView } from '../../../shared/wire'
import type { Language } from '../i18n/language'
import type { MeetingKeeping } from './panels/KeepingSection'

/**
 * What the meeting's panels (phase bar, facilitator controls, roles, ground rules) get from the
 * meeting page. The panels are presentational: they read these props and call the callbacks;
 * the page owns the session, the server clock and the API calls.
 */
export interface MeetingUiProps {
  template: Template
  /** The meeting as the server published it in the room (phase, timer fields, participants). */
  view: MeetingView
  /** The person at this browser, as the server knows them (role included). */
  me: ParticipantView
  language: Language
  /** The server's clock in ms (Date.now() corrected by the measured offset); use for every timer. */
  serverNow: () => number
  /** Sends a facilitator command; rejects with an ApiError (the server's code and data). */
  onCommand: (command: MeetingCommand) => Promise<void>
  /** Gives a participant another role (facilitator only); rejects with the server's reason. */
  onAssignRole: (participantId: string, role: RoleId) => Promise<void>
  /** The facilitator removes someone from the meeting (asked first in the panel). */
  onRemove: (participantId: string) => Promise<void>
  /** The invite link for participants, if this browser knows it (the facilitator who created it). */
  inviteLink: string | null
  /** Makes a new invite link (facilitator only) and resolves with it; the old one stops working. */
  onRenewInvite: () => Promise<string>
  /** The meeting's retention and export (the facilitator's panel uses them). */
  keeping?: MeetingKeeping
  /** What of the inbrenger's outcome is still empty (finishing names it; see meeting/outcome). */
  outcomeGaps?: readonly OutcomeGap[]
}

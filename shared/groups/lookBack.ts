import type { SmartAction } from '../outcome/choices'
import type { MeetingOutcome } from '../outcome/meetingOutcome'
import type { RoleId } from '../schema'
import { lookBackCase } from './lookBackCase'
import type { RotationSuggestion } from './rotation'

/**
 * The look-back ("Terugblik") a new meeting of a group opens with: last time's case, the advice the
 * inbrenger chose and their action, and what came of it in the inbrenger's own words. The server
 * writes it into the new meeting's document (MEETING_MAP, key LOOK_BACK_KEY), which clients only read.
 */
export const LOOK_BACK_KEY = 'lookBack'

/** Characters for "what came of it". */
export const FOLLOW_UP_MAX = 2000

export interface LookBack {
  previousMeetingId: string
  /** When the previous meeting took place (its start, else when it was made). */
  date: number
  method: { nl: string; en: string }
  chosenCase: string | null
  chosenAdvice: string | null
  action: SmartAction | null
  /** Who brought the case last time, by name (for reading). */
  inbrengers: string[]
  /**
   * The same people as group members (ids): they may write what came of it. A guest inbrenger is
   * not in it; a look-back from before members had ids has none (then only a begeleider writes).
   */
  inbrengerMembers?: string[]
  followUp: string | null
  followUpBy: string | null
  /** Who the turn suggests brings a case and who facilitates this time (rotation.ts). */
  suggestion: RotationSuggestion
}

/** The look-back from the previous meeting's outcome. */
export function lookBackFrom(
  previousMeetingId: string,
  date: number,
  outcome: MeetingOutcome,
  suggestion: RotationSuggestion,
  inbrengerMembers: string[],
): LookBack {
  return {
    previousMeetingId,
    date,
    method: { nl: outcome.method.name.nl, en: outcome.method.name.en },
    chosenCase: lookBackCase(outcome),
    chosenAdvice: outcome.chosenAdvice?.text ?? null,
    action: outcome.action,
    inbrengers: outcome.people.inbrenger,
    inbrengerMembers,
    followUp: null,
    followUpBy: null,
    suggestion,
  }
}

/**
 * Who may write what came of it: last time's inbrenger as the group member they are (joined with
 * their personal link: a typed name proves nothing) or a facilitator of this meeting (who may
 * write it down for them).
 */
export function mayWriteFollowUp(
  lookBack: LookBack,
  who: { memberId: string | null; role: RoleId },
): boolean {
  if (who.role === 'begeleider') return true
  return who.memberId !== null && (lookBack.inbrengerMembers ?? []).includes(who.memberId)
}

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
  /** Who brought the case last time, by name: they may write what came of it. */
  inbrengers: string[]
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
): LookBack {
  return {
    previousMeetingId,
    date,
    method: { nl: outcome.method.name.nl, en: outcome.method.name.en },
    chosenCase: lookBackCase(outcome),
    chosenAdvice: outcome.chosenAdvice?.text ?? null,
    action: outcome.action,
    inbrengers: outcome.people.inbrenger,
    followUp: null,
    followUpBy: null,
    suggestion,
  }
}

const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl')

/**
 * Who may write what came of it: last time's inbrenger (recognised by name: they join the new
 * meeting as a new participant) or a facilitator of this meeting (who may write it down for them).
 */
export function mayWriteFollowUp(lookBack: LookBack, who: { name: string; role: RoleId }): boolean {
  return who.role === 'begeleider' || lookBack.inbrengers.some((name) => sameName(name, who.name))
}

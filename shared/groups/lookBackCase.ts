import type { MeetingOutcome } from '../outcome/meetingOutcome'

/** Characters of the case the look-back repeats; the board's own text can be longer. */
export const LOOK_BACK_CASE_MAX = 1000

/**
 * The case a look-back names: the one the facilitator put into words (Casus noteren, or chose
 * from the case list), else what is written in the method's case zone, where the inbrenger puts
 * the question themself in most methods (several notes in reading order, joined). Null only
 * when neither holds any text.
 */
export function lookBackCase(outcome: Pick<MeetingOutcome, 'chosenCase' | 'zones'>): string | null {
  const noted = outcome.chosenCase?.trim()
  if (noted) return noted
  const written = outcome.zones.case.flatMap((zone) => zone.notes.map((note) => note.text.trim()))
  const text = written.filter((t) => t !== '').join(' · ')
  if (text === '') return null
  return text.length <= LOOK_BACK_CASE_MAX ? text : `${text.slice(0, LOOK_BACK_CASE_MAX - 1).trimEnd()}…`
}

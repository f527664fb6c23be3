import type { Template } from '../templateSchema'
import type { MeetingOutcome } from './meetingOutcome'
import { outcomeZones } from './outcomeZones'

/** What of the inbrenger's outcome can still be empty: the advice they take along, their action. */
export type OutcomeGap = 'advice' | 'action'

/**
 * What of the outcome is still empty in a method that ends with advice: no advice chosen, no
 * action written. Nothing for a method without an advice zone. The inbrenger is asked for both
 * from the advice phase on, and finishing the meeting names what is left (client side words).
 */
export function outcomeGaps(
  template: Template,
  outcome: Pick<MeetingOutcome, 'chosenAdvice' | 'action'>,
): OutcomeGap[] {
  if (outcomeZones(template, 'advice').length === 0) return []
  const gaps: OutcomeGap[] = []
  if (outcome.chosenAdvice === null) gaps.push('advice')
  if (outcome.action === null) gaps.push('action')
  return gaps
}

/**
 * Whether the meeting has reached the advice: a phase from the first one in which someone may
 * add to an advice zone on, or the end. Before that there is nothing to choose from yet.
 */
export function adviceReached(template: Template, phaseIndex: number, finished: boolean): boolean {
  if (finished) return true
  const advice = new Set(outcomeZones(template, 'advice').map((zone) => zone.id))
  const first = template.phases.findIndex((phase) =>
    Object.entries(phase.zones).some(
      ([zoneId, byRole]) => advice.has(zoneId) && Object.values(byRole).some((a) => a?.can.includes('add')),
    ),
  )
  return first >= 0 && phaseIndex >= first
}

import type { BoardRecord } from '../boardRecords'
import { accessFor } from '../permissions'
import type { RoleId, Template } from '../schema'
import { outcomeZones } from './outcomeZones'

/**
 * The closing evaluation: everyone writes how the process went and what it brought them, as a
 * note in the method's evaluation zone, with an optional score from 1 to 5 in the note's
 * `meta.score` (the author's own content, under the zone's usual rules). The facilitator may make
 * the evaluation anonymous in the reports: `meta.evaluation.anonymous` of the document record, a
 * board setting only the facilitator changes. The board itself still knows each note's author
 * (the rules need it); anonymous means the reports leave the names out.
 */
export const SCORE_META_KEY = 'score'
export const SCORE_VALUES = [1, 2, 3, 4, 5] as const
export const EVALUATION_META_KEY = 'evaluation'

/** A note's score, when it carries a valid one (anything else counts as none). */
export function scoreOf(record: BoardRecord): number | null {
  const score = record.meta?.[SCORE_META_KEY]
  return typeof score === 'number' && (SCORE_VALUES as readonly number[]).includes(score) ? score : null
}

/** Is the evaluation anonymous in the reports (the facilitator's setting in the document record)? */
export function evaluationAnonymous(document: BoardRecord | undefined | null): boolean {
  const setting = document?.meta?.[EVALUATION_META_KEY]
  return (
    typeof setting === 'object' && setting !== null && (setting as { anonymous?: unknown }).anonymous === true
  )
}

/** The document record with the evaluation made anonymous or not (everything else as it was). */
export function withEvaluationAnonymous<R extends BoardRecord>(document: R, anonymous: boolean): R {
  return { ...document, meta: { ...document.meta, [EVALUATION_META_KEY]: { anonymous } } }
}

/** The evaluation zone where `role` may add a note now, or null (no evaluation open for them). */
export function evaluationZoneFor(template: Template, phaseId: string, role: RoleId): string | null {
  const zone = outcomeZones(template, 'evaluation').find((z) =>
    accessFor(template, phaseId, z.id, role).can.has('add'),
  )
  return zone?.id ?? null
}

/** The scores given, their number and mean (null without any). */
export function scoreSummary(scores: readonly number[]): { count: number; mean: number | null } {
  if (scores.length === 0) return { count: 0, mean: null }
  return { count: scores.length, mean: scores.reduce((a, b) => a + b, 0) / scores.length }
}

import { authorOf, type BoardRecord, classifyShapeUpdate } from '../boardRecords'
import { accessFor } from '../permissions'
import { deny, type PolicyContext, type RecordChange, type Verdict } from '../policyTypes'
import type { RoleId } from '../schema'
import type { Template } from '../templateSchema'
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

/**
 * An evaluation is its author's own words and score: nobody else changes its text or score,
 * takes it out of the evaluation or removes it, the begeleider included (whose zone rights
 * elsewhere let them tidy up others' notes). Moving it within the zone stays as the zone allows.
 * A note without an author (an anonymous reveal) is nobody's to change. New notes are judged by
 * the placement rules (they carry their author's name).
 */
export function judgeEvaluationEdit(
  ctx: PolicyContext,
  { id, prev, next }: RecordChange,
  zoneBefore: string | null,
  zoneAfter: string | null,
): Verdict {
  if (!prev || !isEvaluationZone(ctx.template, zoneBefore)) return { ok: true }
  if (authorOf(prev) === ctx.actor.participantId) return { ok: true }
  if (next && zoneAfter === zoneBefore) {
    const what = classifyShapeUpdate(prev, next)
    if (!what.content && !what.rating) return { ok: true }
  }
  return deny(id, {
    nl: 'Een evaluatie is van wie haar schreef: alleen die kan tekst en cijfer wijzigen of haar weghalen.',
    en: 'An evaluation belongs to whoever wrote it: only they can change its text and score or remove it.',
  })
}

function isEvaluationZone(template: Template, zoneId: string | null): boolean {
  return zoneId !== null && outcomeZones(template, 'evaluation').some((zone) => zone.id === zoneId)
}

import type { BoardRecord } from './boardRecords'
import { plainTextOf } from './outcome/noteText'
import { findZone } from './permissions'
import { deny, type PolicyContext, type Verdict } from './policyTypes'
import type { Template } from './templateSchema'

/**
 * "Each asks at most three questions" (methods 5, 9, 11, 12, 13): the quota counts notes, so a
 * note must hold one question, or one note with five questions gets round the count. In a
 * questions zone (outcome 'questions') where the phase in force sets a quota, a note with more
 * than one question is refused. A question is a run of question marks ("Hoe dan?!" and "Echt??"
 * are one); a note without one (a question written without its mark) is left to the writer.
 */
const QUESTION_MARKS = /[?？][?？!]*/gu

/** How many questions `text` asks: its runs of question marks. */
export function countQuestions(text: string): number {
  return [...text.matchAll(QUESTION_MARKS)].length
}

/** Whether the quota of this zone, in this phase, counts questions. */
export function quotaCountsQuestions(template: Template, phaseId: string, zoneId: string): boolean {
  if (findZone(template, zoneId)?.outcome !== 'questions') return false
  const byRole = template.phases.find((p) => p.id === phaseId)?.zones[zoneId]
  return Object.values(byRole ?? {}).some((access) => access?.quota !== undefined)
}

/**
 * Judged where a note's text appears or changes in such a zone, or where it moves in; a note
 * only moved within the zone with its text unchanged is left alone (as the sentence limit does).
 */
export function judgeQuestionCount(
  ctx: PolicyContext,
  id: string,
  prev: BoardRecord | null,
  next: BoardRecord | null,
  zoneBefore: string | null,
  zoneAfter: string | null,
): Verdict {
  if (!next || zoneAfter === null || !quotaCountsQuestions(ctx.template, ctx.phaseId, zoneAfter)) {
    return { ok: true }
  }
  const text = plainTextOf(next)
  if (prev && zoneBefore === zoneAfter && plainTextOf(prev) === text) return { ok: true }
  const count = countQuestions(text)
  return count <= 1 ? { ok: true } : deny(id, oneQuestionText(ctx.template, zoneAfter, count))
}

/** "Eén vraag per notitie in Vragen; hier staan er 3." in both languages. */
export function oneQuestionText(template: Template, zoneId: string, count: number) {
  const zone = findZone(template, zoneId)
  return {
    nl: `In "${zone?.title.nl ?? zoneId}" telt elke notitie als één vraag; deze bevat er ${count}. Zet elke vraag op een eigen notitie.`,
    en: `In "${zone?.title.en ?? zoneId}" each note counts as one question; this one holds ${count}. Put each question on a note of its own.`,
  }
}

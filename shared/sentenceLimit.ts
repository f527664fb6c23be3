import type { BoardRecord } from './boardRecords'
import { plainTextOf } from './outcome/noteText'
import { findZone } from './permissions'
import { deny, type PolicyContext, type Verdict } from './policyTypes'
import { countSentences } from './sentences'
import type { Template } from './templateSchema'

/**
 * A zone's sentence limit (zone.maxSentences, "your problem in at most two sentences"): a note
 * that ends up there may not have more. Judged when its text appears or changes there, or when it
 * moves in; a note already over the limit that only moves within the zone is left alone (the
 * limit may be new since it was written).
 */
export function judgeSentences(
  ctx: PolicyContext,
  id: string,
  prev: BoardRecord | null,
  next: BoardRecord | null,
  zoneBefore: string | null,
  zoneAfter: string | null,
): Verdict {
  if (!next || zoneAfter === null) return { ok: true }
  const max = sentenceLimitOf(ctx.template, zoneAfter)
  if (max === undefined) return { ok: true }
  const text = plainTextOf(next)
  if (prev && zoneBefore === zoneAfter && plainTextOf(prev) === text) return { ok: true }
  const count = countSentences(text)
  if (count <= max) return { ok: true }
  return deny(id, sentenceLimitText(ctx.template, zoneAfter, max, count))
}

/** The sentence limit of a zone, if it has one. */
export function sentenceLimitOf(template: Template, zoneId: string): number | undefined {
  return findZone(template, zoneId)?.maxSentences
}

/** "Hooguit 2 zinnen in de casuslijst; dit zijn er 3." in both languages. */
export function sentenceLimitText(template: Template, zoneId: string, max: number, count: number) {
  const zone = findZone(template, zoneId)
  const nl = zone?.title.nl ?? zoneId
  const en = zone?.title.en ?? zoneId
  return {
    nl: `In "${nl}" past hooguit ${max === 1 ? 'één zin' : `${max} zinnen`} per notitie; dit zijn er ${count}. Maak het korter.`,
    en: `"${en}" takes at most ${max === 1 ? 'one sentence' : `${max} sentences`} per note; this has ${count}. Make it shorter.`,
  }
}

import type { LocalizedText, RepeatBlock } from '../../../shared/schema'
import type { Template } from '../../../shared/templateSchema'
import type { Language } from '../i18n/language'

/**
 * Plain facts about a method for the picker: its length, its repeated block, search and the
 * duration filter. No React here, so the rules are easy to read and to test.
 */

/** The text in the chosen language. */
export function localized(text: LocalizedText, language: Language): string {
  return text[language]
}

/** Minutes of all steps together: the length of one run through the method. */
export function totalMinutes(template: Template): number {
  return template.phases.reduce((sum, phase) => sum + phase.minutes, 0)
}

export interface RepeatFacts {
  block: RepeatBlock
  /** Minutes of the steps from `from` to `to`: what each further topic or case adds. */
  minutes: number
}

/** The first repeated block (steps 2 to 6 per topic), with its minutes; null if there is none. */
export function repeatFacts(template: Template): RepeatFacts | null {
  const block = template.repeats[0]
  if (!block) return null
  const from = template.phases.findIndex((phase) => phase.id === block.from)
  const to = template.phases.findIndex((phase) => phase.id === block.to)
  if (from < 0 || to < from) return null
  const minutes = template.phases.slice(from, to + 1).reduce((sum, phase) => sum + phase.minutes, 0)
  return { block, minutes }
}

/** Whether a phase lies inside the repeated block. */
export function isRepeated(template: Template, phaseIndex: number): boolean {
  const facts = repeatFacts(template)
  if (!facts) return false
  const from = template.phases.findIndex((phase) => phase.id === facts.block.from)
  const to = template.phases.findIndex((phase) => phase.id === facts.block.to)
  return phaseIndex >= from && phaseIndex <= to
}

/** The source's own total, when it states one that differs from the sum of the steps. */
export function differingStatedTotal(template: Template): number | null {
  const stated = template.statedTotalMinutes
  return stated !== null && stated !== totalMinutes(template) ? stated : null
}

/** Minutes as people write them: whole numbers stay whole, others get one decimal. */
export function formatMinutes(minutes: number): string {
  return Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1)
}

export const DURATION_FILTERS = ['all', 'upTo60', 'upTo75', 'over75'] as const
export type DurationFilter = (typeof DURATION_FILTERS)[number]

/** Whether a method's total length falls in the chosen duration band. */
export function matchesDuration(template: Template, filter: DurationFilter): boolean {
  const minutes = totalMinutes(template)
  switch (filter) {
    case 'all':
      return true
    case 'upTo60':
      return minutes <= 60
    case 'upTo75':
      return minutes > 60 && minutes <= 75
    case 'over75':
      return minutes > 75
    default:
      return assertNever(filter)
  }
}

/** Lower case without accents, so "intuitieve" finds "Intuïtieve" and "ideeen" finds "ideeën". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('nl')
}

/**
 * Whether every word of the query occurs in the method's name (in either language: people
 * know "Fishbowl" and "Vissenkom") or in its purpose in the chosen language.
 */
export function matchesSearch(template: Template, query: string, language: Language): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = foldText(
    [template.name.nl, template.name.en, localized(template.purpose, language)].join(' '),
  )
  return words.every((word) => haystack.includes(word))
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`)
}

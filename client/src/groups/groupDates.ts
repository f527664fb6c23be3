import { formatGroupClock, formatGroupDay, parseGroupDateTime } from '../../../shared/groups/groupTime'
import type { Language } from '../i18n/language'

/**
 * A group's days and times on its pages, in the group's time zone (shared/groups/groupTime.ts),
 * as its CSV has them: the browser's own zone plays no part.
 */
export function formatDay(ms: number, language: Language, timeZone: string): string {
  return formatGroupDay(ms, language, timeZone)
}

/** "14:05", or an empty string for a time that is not known. */
export function formatClock(ms: number | null, timeZone: string): string {
  return formatGroupClock(ms, timeZone)
}

/** The value of a `datetime-local` input, read in the group's time zone (null: empty or invalid). */
export function parseLocalDateTime(value: string, timeZone: string): number | null {
  return parseGroupDateTime(value, timeZone)
}

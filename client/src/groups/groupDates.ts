import type { Language } from '../i18n/language'

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' }

/** "woensdag 4 november 2026" / "Wednesday 4 November 2026", in this browser's time zone. */
export function formatDay(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(ms)
}

/** "14:05", or an empty string for a time that is not known. */
export function formatClock(ms: number | null, language: Language): string {
  if (ms === null) return ''
  return new Intl.DateTimeFormat(LOCALE[language], {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(ms)
}

/** The value of a `datetime-local` input as a moment in this browser's time zone (null: empty or invalid). */
export function parseLocalDateTime(value: string): number | null {
  if (!value) return null
  const ms = new Date(value).getTime()
  return Number.isFinite(ms) ? ms : null
}

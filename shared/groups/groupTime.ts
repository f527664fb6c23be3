/**
 * A group's clock: every time a group's pages and files show (the series, the register, its CSV,
 * the planned start typed in) is read in the group's time zone, not in the browser's or the
 * server's, so a register printed in Lisbon and a CSV made on a UTC server say the same 14:00.
 * Every group keeps Dutch time for now; the zone travels with the group's answers so a setting
 * per group needs no change here.
 */
export const GROUP_TIME_ZONE = 'Europe/Amsterdam'

type Language = 'nl' | 'en'
const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' }

/** "woensdag 4 november 2026" / "Wednesday 4 November 2026". */
export function formatGroupDay(ms: number, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(ms)
}

/** "14:05" (24 hours in both languages, as registers are kept), or '' for a time not known. */
export function formatGroupClock(ms: number | null, timeZone: string): string {
  if (ms === null) return ''
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(ms)
}

/** "2026-11-04": the day as a spreadsheet sorts it. */
export function formatGroupIsoDay(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms)
}

/** How far the zone's clock is ahead of UTC at that moment, in milliseconds. */
function zoneOffset(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(ms)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  )
  return asUtc - Math.floor(ms / 1000) * 1000
}

/**
 * The value of a `datetime-local` input ("2026-12-02T14:00") as a moment, the wall-clock time read
 * in the group's zone (null: empty or invalid). A time the clock skips in spring is read after the
 * jump.
 */
export function parseGroupDateTime(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (!match) return null
  const [y, mo, d, h, mi, s] = match.slice(1).map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const wall = Date.UTC(y, mo - 1, d, h, mi, s)
  if (!Number.isFinite(wall)) return null
  const first = wall - zoneOffset(wall, timeZone)
  return wall - zoneOffset(first, timeZone)
}

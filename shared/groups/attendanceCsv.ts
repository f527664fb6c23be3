import type { AttendanceRow } from './attendance'
import { formatGroupClock, formatGroupIsoDay, GROUP_TIME_ZONE } from './groupTime'

/**
 * The register as CSV, the way Dutch spreadsheets open it: semicolons, a byte order mark so Excel
 * reads UTF-8, CRLF between records (RFC 4180). One line per person present per meeting; a meeting
 * nobody attended still gets a line, with the person's columns empty, so the series has no gaps.
 * Only times, method, names, roles and minutes: no title, no case, no notes.
 */
export const ATTENDANCE_CSV_HEADERS = [
  'Datum',
  'Methode',
  'Gepland begin',
  'Gepland einde',
  'Werkelijk begin',
  'Werkelijk einde',
  'Naam',
  'Lid of gast',
  'Rol',
  'Minuten aanwezig',
] as const

const SEPARATOR = ';'
const BOM = '\uFEFF'

/**
 * One CSV field. Quoted when it holds the separator, a quote, a line break or outer spaces, with
 * quotes doubled. A name a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start)
 * gets a leading apostrophe: a participant's name must not become a command on the secretary's PC.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  if (/[;"\r\n,]/.test(safe) || safe !== safe.trim()) return `"${safe.replaceAll('"', '""')}"`
  return safe
}

/** The columns that hold a day or a time: their header says in which zone. */
const ZONED_COLUMNS = 6

/** The header line's cells: "Gepland begin (Europe/Amsterdam)", so the file states its zone. */
export function attendanceCsvHeaders(timeZone: string): string[] {
  return ATTENDANCE_CSV_HEADERS.map((h, i) => (i < ZONED_COLUMNS && i !== 1 ? `${h} (${timeZone})` : h))
}

/** The register as CSV, every day and time in the group's zone (the page shows the same). */
export function attendanceCsv(rows: readonly AttendanceRow[], timeZone = GROUP_TIME_ZONE): string {
  const time = {
    day: (ms: number) => formatGroupIsoDay(ms, timeZone),
    clock: (ms: number | null) => formatGroupClock(ms, timeZone),
  }
  const lines = [attendanceCsvHeaders(timeZone).map(csvField).join(SEPARATOR)]
  for (const row of rows) {
    const meeting = [
      time.day(row.date),
      row.method.nl,
      time.clock(row.plannedStart),
      time.clock(row.plannedEnd),
      time.clock(row.actualStart),
      time.clock(row.actualEnd),
    ]
    const people = row.present.length > 0 ? row.present : [null]
    for (const person of people) {
      const cells = person
        ? [...meeting, person.name, person.guest ? 'gast' : 'lid', person.role, String(person.minutes)]
        : [...meeting, '', '', '', '']
      lines.push(cells.map(csvField).join(SEPARATOR))
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`
}

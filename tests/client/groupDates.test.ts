import { describe, expect, it } from 'vitest'
import { formatClock, formatDay, parseLocalDateTime } from '../../client/src/groups/groupDates'
import { attendanceRows } from '../../shared/groups/attendance'
import { attendanceCsv } from '../../shared/groups/attendanceCsv'
import { GROUP_TIME_ZONE } from '../../shared/groups/groupTime'

const MIN = 60_000
/** 2 December 2026, 13:00 UTC: 14:00 in Amsterdam, 08:00 in New York. */
const T0 = Date.UTC(2026, 11, 2, 13, 0)

const rows = attendanceRows(
  [
    {
      meetingId: 'm1',
      method: { nl: 'Incidentmethode', en: 'Incident method' },
      createdAt: T0 - 60 * MIN,
      plannedStart: T0,
      plannedMinutes: 90,
      startedAt: T0 + 5 * MIN,
      finishedAt: T0 + 95 * MIN,
      participants: [{ id: 'p1', name: 'Bea', role: 'begeleider', memberId: 'bea' }],
      intervals: [{ participantId: 'p1', joinedAt: T0, leftAt: T0 + 100 * MIN }],
      members: [{ id: 'bea', name: 'Bea' }],
    },
  ],
  T0 + 200 * MIN,
)

/** The register page's cells for a row (AttendancePage: day, planned span, actual span). */
function pageCells(timeZone: string) {
  const row = rows[0]!
  return [
    formatClock(row.plannedStart, timeZone),
    formatClock(row.plannedEnd, timeZone),
    formatClock(row.actualStart, timeZone),
    formatClock(row.actualEnd, timeZone),
  ]
}

function csvCells(timeZone: string) {
  const lines = attendanceCsv(rows, timeZone)
    .replace(/^\uFEFF/, '')
    .split('\r\n')
  return { header: lines[0]!.split(';'), cells: lines[1]!.split(';') }
}

describe("a group's times", () => {
  it('are the same on the register page and in its CSV, planned and actual, in the group’s zone', () => {
    for (const zone of [GROUP_TIME_ZONE, 'America/New_York']) {
      const { cells } = csvCells(zone)
      expect(cells.slice(2, 6)).toEqual(pageCells(zone))
    }
    expect(pageCells(GROUP_TIME_ZONE)).toEqual(['14:00', '15:30', '14:05', '15:35'])
    expect(pageCells('America/New_York')).toEqual(['08:00', '09:30', '08:05', '09:35'])
  })

  it('the CSV says which zone its days and times are in', () => {
    const { header } = csvCells(GROUP_TIME_ZONE)
    expect(header.slice(0, 6)).toEqual([
      'Datum (Europe/Amsterdam)',
      'Methode',
      'Gepland begin (Europe/Amsterdam)',
      'Gepland einde (Europe/Amsterdam)',
      'Werkelijk begin (Europe/Amsterdam)',
      'Werkelijk einde (Europe/Amsterdam)',
    ])
  })

  it('take the day in the group’s zone: half past midnight in Amsterdam is still the next day', () => {
    const late = Date.UTC(2026, 11, 2, 23, 30)
    expect(formatDay(late, 'nl', GROUP_TIME_ZONE)).toBe('donderdag 3 december 2026')
    expect(formatDay(late, 'en', GROUP_TIME_ZONE)).toMatch(/^Thursday,? 3 December 2026$/)
    expect(formatDay(late, 'en', 'America/New_York')).toMatch(/^Wednesday,? 2 December 2026$/)
  })

  it('read a typed planned start in the group’s zone, in winter and in summer time', () => {
    expect(parseLocalDateTime('2026-12-02T14:00', GROUP_TIME_ZONE)).toBe(T0)
    expect(parseLocalDateTime('2026-07-01T14:00', GROUP_TIME_ZONE)).toBe(Date.UTC(2026, 6, 1, 12, 0))
    // The hour the clock skips in spring (02:00–03:00 on 29 March 2026) is read after the jump.
    expect(formatClock(parseLocalDateTime('2026-03-29T02:30', GROUP_TIME_ZONE), GROUP_TIME_ZONE)).toBe(
      '03:30',
    )
    expect(parseLocalDateTime('', GROUP_TIME_ZONE)).toBeNull()
    expect(parseLocalDateTime('morgen', GROUP_TIME_ZONE)).toBeNull()
  })
})

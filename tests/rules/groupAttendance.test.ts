import { describe, expect, it } from 'vitest'
import {
  type AttendanceMeeting,
  attendanceRow,
  attendanceRows,
  coveredMs,
} from '../../shared/groups/attendance'
import { attendanceCsv, attendanceCsvHeaders, csvField } from '../../shared/groups/attendanceCsv'
import { applyCommand, initialProgress } from '../../shared/phaseMachine'
import { parseTemplate } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'

const MIN = 60_000
/** 2 December 2026, 13:00 UTC = 14:00 in Amsterdam. */
const T0 = Date.UTC(2026, 11, 2, 13, 0)

const meeting = (over: Partial<AttendanceMeeting> = {}): AttendanceMeeting => ({
  meetingId: 'm1',
  method: { nl: 'Incidentmethode', en: 'Incident method' },
  createdAt: T0 - 30 * MIN,
  plannedStart: T0,
  plannedMinutes: 90,
  startedAt: T0 + 5 * MIN,
  finishedAt: T0 + 95 * MIN,
  participants: [
    { id: 'p1', name: 'Bea', role: 'begeleider', memberId: 'bea' },
    { id: 'p2', name: 'Ahmed', role: 'inbrenger', memberId: 'ahmed' },
  ],
  intervals: [],
  members: [
    { id: 'bea', name: 'Bea' },
    { id: 'ahmed', name: 'Ahmed' },
  ],
  ...over,
})

describe('minutes present', () => {
  it('counts overlapping connections once and clips them to the window', () => {
    const intervals = [
      { participantId: 'a', joinedAt: 0, leftAt: 10 * MIN },
      { participantId: 'a', joinedAt: 5 * MIN, leftAt: 20 * MIN }, // a second tab
      { participantId: 'a', joinedAt: 30 * MIN, leftAt: 50 * MIN }, // back after a break
    ]
    expect(coveredMs(intervals, 2 * MIN, 40 * MIN)).toBe(18 * MIN + 10 * MIN)
    expect(coveredMs(intervals, 60 * MIN, 70 * MIN)).toBe(0)
  })

  it('counts a connection still open up to the end', () => {
    expect(coveredMs([{ participantId: 'a', joinedAt: 10 * MIN, leftAt: null }], 0, 25 * MIN)).toBe(15 * MIN)
  })

  it('lists who was connected between the actual start and end, merging two rows of one member', () => {
    const row = attendanceRow(
      meeting({
        participants: [
          { id: 'p1', name: 'Bea', role: 'begeleider', memberId: 'bea' },
          { id: 'p2', name: 'Ahmed', role: 'inbrenger', memberId: 'ahmed' },
          { id: 'p3', name: 'Bea (telefoon)', role: 'begeleider', memberId: 'bea' }, // Bea again, from her phone
          { id: 'p4', name: 'Late Lotte', role: 'deelnemer', memberId: null },
        ],
        intervals: [
          { participantId: 'p1', joinedAt: T0 - 20 * MIN, leftAt: T0 + 40 * MIN },
          { participantId: 'p3', joinedAt: T0 + 60 * MIN, leftAt: T0 + 200 * MIN },
          { participantId: 'p2', joinedAt: T0 + 10 * MIN, leftAt: T0 + 70 * MIN },
          // Only on the ground rules screen, before the start: not present.
          { participantId: 'p4', joinedAt: T0, leftAt: T0 + 4 * MIN },
        ],
      }),
      T0 + 500 * MIN,
    )
    expect(row.present).toEqual([
      { name: 'Ahmed', guest: false, role: 'inbrenger', minutes: 60 },
      { name: 'Bea', guest: false, role: 'begeleider', minutes: 35 + 35 },
    ])
    expect(row.plannedEnd).toBe(T0 + 90 * MIN)
    expect(row.actualStart).toBe(T0 + 5 * MIN)
    expect(row.date).toBe(T0 + 5 * MIN)
  })

  it('counts a meeting still running up to now, and nobody in one never started', () => {
    const running = meeting({
      finishedAt: null,
      intervals: [{ participantId: 'p2', joinedAt: T0, leftAt: null }],
    })
    expect(attendanceRow(running, T0 + 25 * MIN).present).toEqual([
      { name: 'Ahmed', guest: false, role: 'inbrenger', minutes: 20 },
    ])
    const never = meeting({ startedAt: null, finishedAt: null, intervals: running.intervals })
    expect(attendanceRow(never, T0 + 25 * MIN).present).toEqual([])
  })

  it('counts a guest who typed a member name as a guest of their own, never as that member', () => {
    const row = attendanceRow(
      meeting({
        participants: [
          { id: 'p1', name: 'Bea', role: 'begeleider', memberId: 'bea' },
          { id: 'p2', name: 'ahmed', role: 'deelnemer', memberId: null },
          { id: 'p3', name: 'Ahmed.', role: 'deelnemer', memberId: null },
        ],
        intervals: [
          { participantId: 'p1', joinedAt: T0, leftAt: T0 + 95 * MIN },
          { participantId: 'p2', joinedAt: T0, leftAt: T0 + 35 * MIN },
          { participantId: 'p3', joinedAt: T0, leftAt: T0 + 15 * MIN },
        ],
      }),
      T0 + 500 * MIN,
    )
    expect(row.present).toEqual([
      { name: 'ahmed', guest: true, role: 'deelnemer', minutes: 30 },
      { name: 'Ahmed.', guest: true, role: 'deelnemer', minutes: 10 },
      { name: 'Bea', guest: false, role: 'begeleider', minutes: 90 },
    ])
  })
})

describe('the register as CSV', () => {
  it('quotes separators, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('Bea')).toBe('Bea')
    expect(csvField('de Vries; Jan')).toBe('"de Vries; Jan"')
    expect(csvField('Jan "JJ" Jansen')).toBe('"Jan ""JJ"" Jansen"')
    expect(csvField('twee\nregels')).toBe('"twee\nregels"')
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField('-1')).toBe("'-1")
  })

  it('has a line per person per meeting, in local time, and a line for a meeting without anyone', () => {
    const rows = attendanceRows(
      [
        meeting({
          meetingId: 'later',
          createdAt: T0 + 7 * 24 * 60 * MIN,
          plannedStart: null,
          startedAt: null,
          finishedAt: null,
        }),
        meeting({
          intervals: [
            { participantId: 'p1', joinedAt: T0, leftAt: T0 + 100 * MIN },
            { participantId: 'p2', joinedAt: T0, leftAt: T0 + 50 * MIN },
          ],
        }),
      ],
      T0 + 8 * 24 * 60 * MIN,
    )
    const csv = attendanceCsv(rows)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines).toEqual([
      attendanceCsvHeaders('Europe/Amsterdam').join(';'),
      '2026-12-02;Incidentmethode;14:00;15:30;14:05;15:35;Ahmed;lid;inbrenger;45',
      '2026-12-02;Incidentmethode;14:00;15:30;14:05;15:35;Bea;lid;begeleider;90',
      '2026-12-09;Incidentmethode;;;;;;;;',
      '',
    ])
  })
})

describe('the actual end', () => {
  it('is when the facilitator finished the meeting', () => {
    const parsed = parseTemplate(mini)
    if (!parsed.ok) throw new Error('mini method does not parse')
    const started = applyCommand(parsed.template, initialProgress(0), { type: 'start' }, 5 * MIN)
    if (!started.ok) throw new Error(started.error)
    const finished = applyCommand(parsed.template, started.progress, { type: 'finish' }, 70 * MIN)
    if (!finished.ok) throw new Error(finished.error)
    expect(finished.progress).toMatchObject({ startedAt: 5 * MIN, finishedAt: 70 * MIN, finished: true })
  })
})

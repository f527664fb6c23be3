/**
 * Attendance for the registers (NRGD, NOvA, FGzPt): per meeting of a group who was there and for
 * how many minutes. Pure: the server feeds it stored connection intervals, the printable page and
 * the CSV read the rows it makes. Nothing of the case is in here, on purpose: a register needs to
 * know that someone took part, never what was discussed.
 */

/** One connection of a participant to the meeting's room; leftAt null while still connected. */
export interface PresenceInterval {
  participantId: string
  joinedAt: number
  leftAt: number | null
}

/** What the register may know about a meeting: times and method, no title, no case. */
export interface AttendanceMeeting {
  meetingId: string
  /** The method's name (Dutch and English). */
  method: { nl: string; en: string }
  createdAt: number
  /** When the facilitator planned to start, if they said so. */
  plannedStart: number | null
  /** The method's planned length in minutes (sum of its phases). */
  plannedMinutes: number
  /** When the facilitator started the first phase; null if never started. */
  startedAt: number | null
  /** When the facilitator finished the meeting; null while it runs. */
  finishedAt: number | null
  /** memberId: the group member they joined as (personal link); null: a guest (invite link). */
  participants: ReadonlyArray<{ id: string; name: string; role: string; memberId: string | null }>
  intervals: readonly PresenceInterval[]
  /** The group's members now (their names as the group lists them), by id. */
  members: ReadonlyArray<{ id: string; name: string }>
}

export interface AttendancePerson {
  name: string
  /** Joined with the invite link, not as a member: the register says so. */
  guest: boolean
  /** The role the person had at the end (the last of their rows, if they joined twice). */
  role: string
  minutes: number
}

export interface AttendanceRow {
  meetingId: string
  method: { nl: string; en: string }
  /** The meeting's day: its actual start, else its planned start, else when it was made. */
  date: number
  plannedStart: number | null
  plannedEnd: number | null
  actualStart: number | null
  actualEnd: number | null
  /** Everyone connected during the meeting, alphabetically by name (as a register is read). */
  present: AttendancePerson[]
}

/**
 * Milliseconds covered by the union of intervals, clipped to [from, to]. Overlapping connections
 * (two tabs, a reconnect before the old socket closed) count once; an interval still open counts
 * up to `to`.
 */
export function coveredMs(intervals: readonly PresenceInterval[], from: number, to: number): number {
  const clipped = intervals
    .map((i) => [Math.max(i.joinedAt, from), Math.min(i.leftAt ?? to, to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0])
  let total = 0
  let end = Number.NEGATIVE_INFINITY
  for (const [a, b] of clipped) {
    if (b <= end) continue
    total += b - Math.max(a, end)
    end = b
  }
  return total
}

/**
 * Who a participant row is for the register: a member by id (joined twice, from the laptop and the
 * phone, is one person), a guest by their own row (a typed name merges nobody).
 */
const personKey = (p: { id: string; memberId: string | null }) =>
  p.memberId === null ? `guest:${p.id}` : `member:${p.memberId}`

/**
 * The register's row for one meeting. Minutes count only between the actual start and end (the
 * ground rules screen before the start is not the meeting; a meeting still running counts up to
 * `now`). Someone connected for less than a second inside that window is not listed.
 */
export function attendanceRow(meeting: AttendanceMeeting, now: number): AttendanceRow {
  const start = meeting.startedAt
  const end = meeting.finishedAt ?? (start === null ? null : Math.max(start, now))
  const memberNames = new Map(meeting.members.map((m) => [m.id, m.name]))
  const people = new Map<string, { name: string; role: string; guest: boolean; ids: Set<string> }>()
  for (const p of meeting.participants) {
    const key = personKey(p)
    const person = people.get(key)
    if (person) {
      person.ids.add(p.id)
      person.role = p.role
    } else {
      const name = (p.memberId === null ? null : memberNames.get(p.memberId)) ?? p.name.trim()
      people.set(key, { name, role: p.role, guest: p.memberId === null, ids: new Set([p.id]) })
    }
  }
  const present: AttendancePerson[] = []
  if (start !== null && end !== null) {
    for (const person of people.values()) {
      const ms = coveredMs(
        meeting.intervals.filter((i) => person.ids.has(i.participantId)),
        start,
        end,
      )
      if (ms >= 1000)
        present.push({
          name: person.name,
          guest: person.guest,
          role: person.role,
          minutes: Math.round(ms / 60_000),
        })
    }
  }
  present.sort((a, b) => a.name.localeCompare(b.name, 'nl'))
  const plannedEnd =
    meeting.plannedStart === null ? null : meeting.plannedStart + meeting.plannedMinutes * 60_000
  return {
    meetingId: meeting.meetingId,
    method: meeting.method,
    date: start ?? meeting.plannedStart ?? meeting.createdAt,
    plannedStart: meeting.plannedStart,
    plannedEnd,
    actualStart: start,
    actualEnd: meeting.finishedAt,
    present,
  }
}

/** The register for a series of meetings, oldest first. */
export function attendanceRows(meetings: readonly AttendanceMeeting[], now: number): AttendanceRow[] {
  return meetings.map((m) => attendanceRow(m, now)).sort((a, b) => a.date - b.date)
}

import { describe, expect, it } from 'vitest'
import {
  applyCommand,
  initialProgress,
  type MeetingCommand,
  type MeetingProgress,
  timerAt,
} from '../../shared/phaseMachine'
import { meetingEndAt, planTakeTime, previewTakeTime } from '../../shared/timeBudget'
import { method } from '../client/support'

/**
 * The meeting's time as a whole, on an injected clock (every `now` is given): the planned end,
 * moved by an overrun, a paused timer and "+5 min"; taking minutes from later phases, previewed
 * with the same function the command uses. The 60-minute plan: 5, 2, 3, 15, 10, 10, 5, 10 minutes.
 */
const plan60 = method('stappenplan-60')
const MIN = 60_000
const T = 1_700_000_000_000 // the start, on the server's clock
const TOTAL = 60 * MIN

function run(
  commands: Array<[MeetingCommand, number]>,
  p: MeetingProgress = initialProgress(0),
): MeetingProgress {
  for (const [cmd, at] of commands) {
    const r = applyCommand(plan60, p, cmd, at)
    if (!r.ok) throw new Error(r.error)
    p = r.progress
  }
  return p
}

describe('the planned end of the meeting', () => {
  it('before the start: now plus every phase; from the start: start plus the plan', () => {
    expect(meetingEndAt(plan60, initialProgress(0), T)?.end).toBe(T + TOTAL)
    const started = run([[{ type: 'start' }, T]])
    expect(started.startedAt).toBe(T)
    expect(meetingEndAt(plan60, started, T + 2 * MIN)).toEqual({
      end: T + TOTAL,
      plannedAtStart: T + TOTAL,
      shiftMs: 0,
      overrunning: false,
    })
  })

  it('holds while phases end on time, and moves with an overrun of the current phase', () => {
    // Phase 1 (5 min) ends on time; phase 2 (2 min) runs 3 minutes over.
    const p = run([
      [{ type: 'start' }, T],
      [{ type: 'next' }, T + 5 * MIN],
    ])
    expect(meetingEndAt(plan60, p, T + 6 * MIN)?.end).toBe(T + TOTAL)
    const over = meetingEndAt(plan60, p, T + 10 * MIN)!
    expect(over.overrunning).toBe(true)
    expect(over.shiftMs).toBe(3 * MIN)
    expect(over.end).toBe(T + TOTAL + 3 * MIN)
  })

  it('a paused timer and "+5 min" move it by as much', () => {
    const paused = run([
      [{ type: 'start' }, T],
      [{ type: 'pause' }, T + 1 * MIN],
    ])
    expect(meetingEndAt(plan60, paused, T + 3 * MIN)?.shiftMs).toBe(2 * MIN)
    const extended = run([[{ type: 'extend', minutes: 5 }, T + 1 * MIN]], run([[{ type: 'start' }, T]]))
    expect(meetingEndAt(plan60, extended, T + 2 * MIN)?.shiftMs).toBe(5 * MIN)
  })

  it('is gone once the meeting is finished', () => {
    expect(
      meetingEndAt(
        plan60,
        run([
          [{ type: 'start' }, T],
          [{ type: 'finish' }, T + MIN],
        ]),
        T + MIN,
      ),
    ).toBeNull()
  })
})

describe('taking minutes from later phases', () => {
  // In "verhelderen" (phase 4, started at T+10), 3 minutes over its 15.
  const overrun = run([
    [{ type: 'start' }, T],
    [{ type: 'goto', phaseId: 'verhelderen' }, T + 10 * MIN],
  ])
  const now = T + 28 * MIN

  it('spread: from the later phases with most minutes left, the end back on plan; preview = command', () => {
    expect(meetingEndAt(plan60, overrun, now)?.shiftMs).toBe(3 * MIN)
    const preview = previewTakeTime(plan60, overrun, 3, 'spread', now)
    if (!preview.ok) throw new Error(preview.error)
    expect(preview.before).toBe(T + TOTAL + 3 * MIN)
    expect(preview.end).toBe(T + TOTAL)
    // 10, 10, 5, 10 minutes left after this phase: one each from the three tens, the latest first.
    expect(preview.perPhase).toEqual([
      { phaseId: 'analyseren', minutes: 1 },
      { phaseId: 'adviezen', minutes: 1 },
      { phaseId: 'evaluatie', minutes: 1 },
    ])
    // Of equals the latest gives first: the end of the meeting, not the next step.
    expect(planTakeTime(plan60, overrun, 2, 'spread')).toMatchObject({
      perPhase: [
        { phaseId: 'adviezen', minutes: 1 },
        { phaseId: 'evaluatie', minutes: 1 },
      ],
    })
    const taken = run([[{ type: 'takeTime', minutes: 3, from: 'spread' }, now]], overrun)
    expect(meetingEndAt(plan60, taken, now)?.end).toBe(preview.end)
    expect(meetingEndAt(plan60, taken, now)?.shiftMs).toBe(0)
    // The later phase's timer counts the shorter time when it comes.
    const analysing = run([[{ type: 'next' }, now]], taken)
    expect(timerAt(plan60, analysing, now)?.durationMs).toBe(9 * MIN)
  })

  it('from one chosen later phase, never below a minute; not from this or an earlier phase', () => {
    const fromAdvice = planTakeTime(plan60, overrun, 4, { phaseId: 'advies-kiezen' })
    expect(fromAdvice).toMatchObject({ ok: true, perPhase: [{ phaseId: 'advies-kiezen', minutes: 4 }] })
    expect(planTakeTime(plan60, overrun, 5, { phaseId: 'advies-kiezen' }).ok).toBe(false)
    expect(planTakeTime(plan60, overrun, 1, { phaseId: 'verhelderen' }).ok).toBe(false)
    expect(planTakeTime(plan60, overrun, 1, { phaseId: 'toelichten' }).ok).toBe(false)
    // 9 + 9 + 4 + 9 minutes can go from the four later phases, not one more.
    expect(planTakeTime(plan60, overrun, 31, 'spread').ok).toBe(true)
    const tooMany = applyCommand(plan60, overrun, { type: 'takeTime', minutes: 32, from: 'spread' }, now)
    expect(tooMany.ok).toBe(false)
    // Minutes taken add up over commands.
    const twice = run(
      [
        [{ type: 'takeTime', minutes: 2, from: { phaseId: 'evaluatie' } }, now],
        [{ type: 'takeTime', minutes: 3, from: { phaseId: 'evaluatie' } }, now],
      ],
      overrun,
    )
    expect(twice.minutesTaken).toEqual({ evaluatie: 5 })
  })

  it('is refused before the start and after the end', () => {
    expect(
      applyCommand(plan60, initialProgress(0), { type: 'takeTime', minutes: 1, from: 'spread' }, T).ok,
    ).toBe(false)
    const finished = run([[{ type: 'finish' }, now]], overrun)
    expect(applyCommand(plan60, finished, { type: 'takeTime', minutes: 1, from: 'spread' }, now).ok).toBe(
      false,
    )
  })

  it('progress stored before these fields existed still reads (no startedAt, no minutesTaken)', () => {
    const { startedAt: _s, minutesTaken: _m, ...old } = overrun
    expect(meetingEndAt(plan60, old, now)).toMatchObject({ end: T + TOTAL + 3 * MIN, plannedAtStart: null })
    expect(planTakeTime(plan60, old, 2, 'spread').ok).toBe(true)
  })
})

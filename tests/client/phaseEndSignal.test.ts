import { describe, expect, it } from 'vitest'
import { clockTime, shiftMinutes } from '../../client/src/meeting/time/clockTime'
import { phaseTimeRanOut } from '../../client/src/meeting/time/phaseEndSignal'
import { timerAt } from '../../shared/phaseMachine'
import { method, progressAt } from './support'

/** The end-of-phase signal goes once, when the countdown reaches zero, on the injected clock. */
const plan60 = method('stappenplan-60')
const MIN = 60_000
// Phase 1 (5 min) started at 0.
const inFirst = progressAt(0, { phaseStartedAt: 0 })
const at = (ms: number, p = inFirst) => timerAt(plan60, p, ms)

describe('the end-of-phase signal', () => {
  it('goes when the countdown reaches zero between two readings', () => {
    expect(phaseTimeRanOut(at(5 * MIN - 1000), at(5 * MIN))).toBe(true)
    expect(phaseTimeRanOut(at(4 * MIN), at(4 * MIN + 1000))).toBe(false)
  })

  it('not on a phase already over time when the board opens, nor while over, nor when paused', () => {
    expect(phaseTimeRanOut(null, at(6 * MIN))).toBe(false)
    expect(phaseTimeRanOut(at(6 * MIN), at(6 * MIN + 1000))).toBe(false)
    const paused = { ...inFirst, pausedAt: 4 * MIN }
    expect(phaseTimeRanOut(at(4 * MIN, paused), at(9 * MIN, paused))).toBe(false)
  })
})

describe('the end as a clock time', () => {
  it('corrects the server time by this browser’s offset and rounds a shift towards zero', () => {
    const serverEnd = Date.UTC(2026, 11, 2, 14, 0)
    // This browser runs two minutes behind the server: 14:00 on the server is 13:58 here.
    const local = new Date(serverEnd - 2 * MIN)
    const expected = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`
    expect(clockTime(serverEnd, 2 * MIN, 'nl')).toBe(expected)
    expect(shiftMinutes(3 * MIN + 59_000)).toBe(3)
    expect(shiftMinutes(-(MIN + 1))).toBe(-1)
  })
})

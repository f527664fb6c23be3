import { describe, expect, it } from 'vitest'
import { formatClock, msToNextTick, timerDisplay } from '../../client/src/meeting/panels/timerFormat'
import { timerAt } from '../../shared/phaseMachine'
import { method, progressAt } from './support'

const roddel = method('roddelmethode') // phase 3 "roddelen" lasts 15 minutes

describe('formatClock', () => {
  it('writes minutes and seconds, and hours only when needed', () => {
    expect(formatClock(0)).toBe('0:00')
    expect(formatClock(5)).toBe('0:05')
    expect(formatClock(133)).toBe('2:13')
    expect(formatClock(15 * 60)).toBe('15:00')
    expect(formatClock(3600 + 62)).toBe('1:01:02')
    expect(formatClock(-3)).toBe('0:00')
    expect(formatClock(59.9)).toBe('0:59')
  })
})

describe('timerDisplay', () => {
  const at = (ms: number, overrides = {}) => {
    const timer = timerAt(roddel, progressAt(2, { phaseStartedAt: 1_000, ...overrides }), 1_000 + ms)
    if (!timer) throw new Error('no timer')
    return timerDisplay(timer)
  }

  it('counts down from the full time, rounding up so 0:00 means the time is up', () => {
    expect(at(0)).toMatchObject({ text: '15:00', overrun: false, paused: false, fraction: 0 })
    expect(at(400).text).toBe('15:00')
    expect(at(1_000).text).toBe('14:59')
    expect(at(14 * 60_000 + 59_500).text).toBe('0:01')
    expect(at(15 * 60_000)).toMatchObject({ text: '0:00', overrun: false, fraction: 1 })
  })

  it('counts on over time with a plus sign, from the first whole second', () => {
    expect(at(15 * 60_000 + 999).overrun).toBe(false)
    expect(at(15 * 60_000 + 1_000)).toMatchObject({ text: '+0:01', time: '0:01', overrun: true, fraction: 1 })
    expect(at(17 * 60_000 + 13_400)).toMatchObject({ text: '+2:13', overrun: true })
  })

  it('includes extra minutes and stands still while paused', () => {
    expect(at(0, { extraMinutes: 5 }).text).toBe('20:00')
    const paused = at(10 * 60_000, { pausedAt: 1_000 + 60_000 })
    expect(paused).toMatchObject({ text: '14:00', paused: true })
  })
})

describe('msToNextTick', () => {
  it('wakes just after the next whole second counted from the anchor', () => {
    expect(msToNextTick(10_000, 10_000, 25)).toBe(1_025)
    expect(msToNextTick(10_300, 10_000, 25)).toBe(725)
    expect(msToNextTick(10_999, 10_000, 25)).toBe(26)
    expect(msToNextTick(12_250, 10_100, 25)).toBe(875)
  })

  it('copes with a clock before the anchor', () => {
    expect(msToNextTick(9_700, 10_000, 25)).toBe(325)
  })
})

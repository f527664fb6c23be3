import { describe, expect, it } from 'vitest'
import { byRef } from './support'

/**
 * The facts of methods.md, typed in by hand: minutes per step in order (null where the source gives
 * none, so the template must mark the phase `minutesDefaulted`), the sum of the source minutes, and
 * the total the source states (null where it states none).
 */
interface Facts {
  ref: string
  minutes: Array<number | null>
  sum: number
  stated: number | null
}

const _ = null
const FACTS: Facts[] = [
  { ref: 'G1', minutes: [_, _, _, _, _, _, _, _], sum: 0, stated: null },
  { ref: 'G2', minutes: [5, 2, 3, 15, 10, 10, 5, 10], sum: 60, stated: 60 },
  { ref: 'G3', minutes: [_, _, _, _, _, _], sum: 0, stated: null },
  { ref: 'G4', minutes: [10, 10, 20, 15, 15, 10], sum: 80, stated: null },
  { ref: '2', minutes: [10, 10, 20, 15, 10], sum: 65, stated: 65 },
  { ref: '3', minutes: [5, 5, 3, 3, 3, 1], sum: 20, stated: 15 },
  { ref: '4', minutes: [5, 15, 15, 15, 10], sum: 60, stated: 60 },
  { ref: '5', minutes: [5, 10, 5, 10, 15, 10, 5, 5, 15, 10], sum: 90, stated: 90 },
  { ref: '6', minutes: [5, 15, 15, 15, 10], sum: 60, stated: 60 },
  { ref: '7', minutes: [5, 20, 10, 10, 20, 10], sum: 75, stated: 75 },
  { ref: '8', minutes: [5, 10, 20, 5, 10, 10], sum: 60, stated: 60 },
  { ref: '9', minutes: [5, 5, 10, 5, 15, 10, 5], sum: 55, stated: 55 },
  { ref: '10', minutes: [5, 10, 10, 15, 30, 10, 5], sum: 85, stated: 85 },
  { ref: '11', minutes: [5, 20, 5, 15, 5, 10, 10], sum: 70, stated: 70 },
  { ref: '12', minutes: [5, 5, 10, 10, 10, 5, 10], sum: 55, stated: 55 },
  { ref: '13', minutes: [5, 5, 10, 5, 15, 10, 5, 5, 10, 15, 1, 4, 10], sum: 100, stated: 75 },
  { ref: '14', minutes: [5, 10, 5, _, 5, 5, 10, 5, 5, 15, 5, 5, 10], sum: 85, stated: 85 },
  { ref: '15', minutes: [5, 5, 15, 5, 1, 5, 1, 5, 5, 10, 5], sum: 62, stated: 62 },
]

describe('method facts from the sources', () => {
  it('covers all 18 methods', () => {
    expect(new Set(FACTS.map((f) => f.ref)).size).toBe(18)
  })

  it.each(FACTS)('$ref: steps, minutes, sum and stated total', ({ ref, minutes, sum, stated }) => {
    const t = byRef(ref)
    expect(t.phases).toHaveLength(minutes.length)

    t.phases.forEach((phase, i) => {
      const expected = minutes[i]
      if (expected === null) {
        expect(phase.minutesDefaulted, `${phase.id} has no minutes in the source`).toBe(true)
        expect(phase.minutes, phase.id).toBeGreaterThan(0)
      } else {
        expect(phase.minutesDefaulted, `${phase.id} has minutes in the source`).toBe(false)
        expect(phase.minutes, phase.id).toBe(expected)
      }
    })

    const sourceSum = t.phases.filter((p) => !p.minutesDefaulted).reduce((total, p) => total + p.minutes, 0)
    expect(sourceSum).toBe(sum)
    expect(t.statedTotalMinutes).toBe(stated)
  })

  it('keeps both numbers where the stated total differs from the sum (methods 3 and 13)', () => {
    const socratic = byRef('13')
    expect(socratic.phases.reduce((total, p) => total + p.minutes, 0)).toBe(100)
    expect(socratic.statedTotalMinutes).toBe(75)
    const quick = byRef('3')
    expect(quick.phases.reduce((total, p) => total + p.minutes, 0)).toBe(20)
    expect(quick.statedTotalMinutes).toBe(15)
  })

  it('marks only the step without minutes in the Balint method as defaulted: choosing a leader', () => {
    expect(
      byRef('14')
        .phases.filter((p) => p.minutesDefaulted)
        .map((p) => p.id),
    ).toEqual(['gespreksleider-kiezen'])
  })
})

import { describe, expect, it } from 'vitest'
import { interleave, median, percentile, spread } from '../../bench/stats'

describe('bench statistics', () => {
  it('takes the median of odd and even samples, leaving NaN out', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7, Number.NaN, 1, 4])).toBe(4)
    expect(median([])).toBeNaN()
  })

  it('gives the median with the smallest and largest run, or null with none', () => {
    expect(spread([12, null, 10, 30])).toEqual({ median: 12, min: 10, max: 30, runs: 3 })
    expect(spread([null, Number.NaN])).toBeNull()
  })

  it('runs every column once per repetition, in the same order each time', () => {
    expect(interleave(['ours', 'a', 'b'], 2).map((c) => `${c.column}${c.repetition}`)).toEqual([
      'ours1',
      'a1',
      'b1',
      'ours2',
      'a2',
      'b2',
    ])
  })

  it('reads percentiles by nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i)
    expect(percentile(xs, 50)).toBe(50)
    expect(percentile(xs, 99)).toBe(99)
  })
})

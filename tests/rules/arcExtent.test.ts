import { describe, expect, it } from 'vitest'
import { drawnExtent } from '../../shared/drawnExtent'
import { arrowShape } from '../helpers/drawnShapes'

/**
 * A bent arrow's drawn extent (drawnExtent.ts): it covers the arc and, past a half circle, no more
 * than the arc's whole circle; the arrowhead's room is what a straight arrow gets too.
 */
const at = { x: 0, y: 0, authorId: 'dirk' }
const extent = (bend: number) => {
  const found = drawnExtent(arrowShape('shape:a', at, { x: 0, y: 0 }, { x: 100, y: 0 }, '', bend), null)
  if (!found.ok) throw new Error(found.problem)
  return found.value
}

describe('a bent arrow', () => {
  it('past a half circle, reaches round its circle and no farther', () => {
    const straight = extent(0)
    const room = -straight.minX // the arrowhead's room on every side
    expect(straight.maxX).toBeCloseTo(100 + room)
    // Chord 100, sagitta 100: the circle through both ends has radius (100² + 50²) / 200 = 62.5.
    const bent = extent(100)
    const width = bent.maxX - bent.minX - 2 * room
    const height = bent.maxY - bent.minY - 2 * room
    expect(height).toBeGreaterThanOrEqual(100 - 1e-9)
    expect(width).toBeGreaterThanOrEqual(100 - 1e-9)
    expect(width).toBeLessThanOrEqual(125 + 1e-9)
    expect(height).toBeLessThanOrEqual(125 + 1e-9)
  })

  it('up to a half circle, stays between the chord and the bend', () => {
    const room = -extent(0).minX
    const bent = extent(30)
    expect(bent.maxX - bent.minX - 2 * room).toBeCloseTo(100)
    expect(bent.maxY - bent.minY - 2 * room).toBeCloseTo(30)
    // A half circle exactly: as high as its bend, not its whole circle.
    const half = extent(50)
    expect(half.maxY - half.minY - 2 * room).toBeCloseTo(50)
  })
})

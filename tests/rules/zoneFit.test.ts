import { describe, expect, it } from 'vitest'
import type { ZoneRect } from '../../shared/layout'
import { shiftToWhole, zoneOfOutline } from '../../shared/zoneFit'

/**
 * Wholly in a zone, wholly outside, or across an edge (refused); and the shift the client makes
 * while a shape is made or dragged, so that what it sends lies wholly in one place.
 */
const cell = (zoneId: string, x: number): ZoneRect => ({
  zoneId,
  x,
  y: 0,
  w: 420,
  h: 320,
  slotArea: { x: x + 24, y: 100, w: 372, h: 196 },
  hintLines: 1,
})
const rects = [cell('a', 0), cell('b', 484)]
const square = (x: number, y: number, size = 200) => [
  { x, y },
  { x: x + size, y },
  { x: x + size, y: y + size },
  { x, y: y + size },
]
/** A square turned 45 degrees round its middle. */
const diamond = (cx: number, cy: number, half: number) => [
  { x: cx, y: cy - half },
  { x: cx + half, y: cy },
  { x: cx, y: cy + half },
  { x: cx - half, y: cy },
]

describe('which zone an outline lies in', () => {
  it('is a zone when all of it is inside, the free area when it touches none, undefined across an edge', () => {
    expect(zoneOfOutline(square(10, 10), rects)).toBe('a')
    expect(zoneOfOutline(square(100, 0, 320), rects)).toBe('a') // on the edges themselves
    expect(zoneOfOutline(square(-300, 10), rects)).toBe(null)
    expect(zoneOfOutline(square(-200, 10), rects)).toBe(null) // touching the edge from outside
    expect(zoneOfOutline(square(-150, 10), rects)).toBe(undefined)
    expect(zoneOfOutline(square(-100, -100, 1200), rects)).toBe(undefined) // covering both
  })

  it('uses the turned outline, not the box around it', () => {
    // The diamond's box reaches over the corner of zone a; the diamond itself does not.
    expect(zoneOfOutline(diamond(-60, -60, 110), rects)).toBe(null)
    expect(zoneOfOutline(diamond(-60, -60, 130), rects)).toBe(undefined)
  })
})

describe('the shift to make a shape whole', () => {
  it('moves a shape whose middle is in a zone wholly into it, and one whose middle is outside wholly out', () => {
    expect(shiftToWhole(square(-50, 10), rects)).toEqual({ dx: 50, dy: 0 })
    expect(shiftToWhole(square(300, 200), rects)).toEqual({ dx: -80, dy: -80 })
    expect(shiftToWhole(square(-150, 10), rects)).toEqual({ dx: -50, dy: 0 })
    expect(shiftToWhole(square(10, 10), rects)).toBe(null) // already whole
  })

  it('puts a shape whose middle is in the narrow gap between two zones into the nearer one', () => {
    // Middle at x 462 in the 64-wide gap (420..484): 200 wide, it fits in neither gap nor half.
    expect(shiftToWhole(square(362, 10), rects)).toEqual({ dx: 484 - 362, dy: 0 })
    expect(shiftToWhole(square(330, 10), rects)).toEqual({ dx: 420 - 530, dy: 0 })
  })

  it('gives up where no shift makes it whole: larger than any zone', () => {
    expect(shiftToWhole(square(-100, -100, 500), rects)).toBe(null)
  })
})

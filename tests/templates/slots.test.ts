import { describe, expect, it } from 'vitest'
import {
  intersects,
  NOTE_SIZE,
  nextFreeSlot,
  type Rect,
  SLOT_GAP,
  slotGrid,
  slotsFor,
  tidyPositions,
} from '../../shared/slots'

/** Slots: a tidy grid of note places inside a zone's slot area. */
const area: Rect = { x: 100, y: 50, w: 3 * NOTE_SIZE + 2 * SLOT_GAP, h: 2 * NOTE_SIZE + SLOT_GAP }
const inside = (r: Rect, outer: Rect) =>
  r.x >= outer.x && r.y >= outer.y && r.x + r.w <= outer.x + outer.w && r.y + r.h <= outer.y + outer.h

describe('slotsFor', () => {
  it('fills the area row by row with whole notes, a gap apart, and no more than fit', () => {
    expect(slotGrid(area)).toEqual({ cols: 3, rows: 2 })
    const slots = slotsFor(area, 10)
    expect(slots).toHaveLength(6)
    expect(slots.slice(0, 4).map((s) => [s.x, s.y])).toEqual([
      [100, 50],
      [340, 50],
      [580, 50],
      [100, 290],
    ])
    for (const s of slots) expect(inside(s, area)).toBe(true)
    for (let i = 0; i < slots.length; i++)
      for (let j = i + 1; j < slots.length; j++) {
        const a = slots[i]!
        const b = slots[j]!
        // A gap of at least SLOT_GAP on the side they face: room for a mark badge at a corner.
        const apart = Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w), b.y - (a.y + a.h), a.y - (b.y + b.h))
        expect(apart).toBeGreaterThanOrEqual(SLOT_GAP)
      }
    expect(slotsFor(area, 2)).toHaveLength(2)
  })
})

describe('nextFreeSlot', () => {
  it('takes the first slot nothing covers', () => {
    const [first, second, third] = slotsFor(area, 3)
    expect(nextFreeSlot(area, [])).toEqual(first)
    expect(nextFreeSlot(area, [first!])).toEqual(second)
    expect(nextFreeSlot(area, [first!, third!])).toEqual(second)
  })

  it('counts a note that was dropped across two slots against both', () => {
    const [first, second, third] = slotsFor(area, 3)
    const across = { x: first!.x + 120, y: first!.y + 10, w: NOTE_SIZE, h: NOTE_SIZE }
    expect(nextFreeSlot(area, [across])).toEqual(third)
    // Not over the next slot, but so far into the gap that a note there would crowd it.
    const pushed = { ...first!, x: first!.x + 30 }
    expect(intersects(pushed, second!)).toBe(false)
    expect(nextFreeSlot(area, [pushed])).toEqual(third)
  })

  it('leaves a slot free when a neighbour only fills its own slot', () => {
    const [first, second] = slotsFor(area, 2)
    expect(nextFreeSlot(area, [first!])).toEqual(second)
  })

  it('gives null when every slot is taken', () => {
    expect(nextFreeSlot(area, slotsFor(area, 6))).toBeNull()
    expect(nextFreeSlot(area, [area])).toBeNull()
  })
})

describe('tidyPositions', () => {
  it('lays notes out in slots; a row is as tall as its tallest note, so none overlaps', () => {
    const big: Rect = { x: 0, y: 0, w: area.w, h: 1200 }
    const sizes = [
      { w: 200, h: 200 },
      { w: 200, h: 380 },
      { w: 200, h: 200 },
      { w: 200, h: 200 },
    ]
    const { positions, overflow } = tidyPositions(big, sizes)
    expect(overflow).toBe(0)
    expect(positions[3]).toEqual({ x: 0, y: 380 + SLOT_GAP })
    const rects = positions.map((p, i) => ({ ...p, ...sizes[i]! }))
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) expect(intersects(rects[i]!, rects[j]!)).toBe(false)
  })

  it('keeps every note inside the area when there are more than fit, and says how many', () => {
    const sizes = Array.from({ length: 8 }, () => ({ w: 200, h: 200 }))
    const { positions, overflow } = tidyPositions(area, sizes)
    expect(overflow).toBe(2)
    for (const p of positions) expect(inside({ ...p, w: 200, h: 200 }, area)).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { noteArea, zoneRect } from '../../shared/layout'
import {
  COLUMN_SLOTS_ACROSS,
  columnAt,
  columnSlots,
  hasRatingColumns,
  type RatingColumn,
  ratingColumns,
  tidyColumn,
} from '../../shared/ratingColumns'
import { intersects, MARK_ROOM, NOTE_SIZE, type Rect, slotGrid } from '../../shared/slots'
import { columnCapacity } from '../../shared/zoneCapacity'
import { builtinTemplates } from './support'

/**
 * The W/N/K flip-over stays readable at any count: every column of a W/N/K zone has its own
 * slots for every note the zone can get (all may start "not rated yet", all may end up Warm),
 * none of them overlapping, with room above each note for its mark badge, all inside the column.
 */
const wnkZones = [...builtinTemplates().values()].flatMap((t) =>
  t.zones.filter((z) => hasRatingColumns(z)).map((z) => [`${t.id}/${z.id}`, t, z] as const),
)

/** A slot with the room its mark badge takes above it. */
const withMark = (s: Rect): Rect => ({ x: s.x, y: s.y - MARK_ROOM, w: s.w, h: s.h + MARK_ROOM })
const inside = (a: Rect, b: Rect) =>
  a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h

describe('the slots of a W/N/K column', () => {
  it('has room for the largest group of method 5: 8 people times 3 questions', () => {
    const t = builtinTemplates().get('warm-neutraal-koud')!
    expect(columnCapacity(t, t.zones.find((z) => z.id === 'vragen')!)).toBe(24)
  })

  it.each(wnkZones)(
    '%s: 0 up to the capacity notes per column never overlap and stay in the column',
    (_n, t, zone) => {
      const rect = zoneRect(t, zone.id)
      const columns = ratingColumns(rect, rect.slotArea)
      const capacity = columnCapacity(t, zone)
      expect(capacity).toBeGreaterThan(0)
      for (let count = 0; count <= Math.max(24, capacity); count++) {
        const all: Array<{ column: RatingColumn; slot: Rect }> = []
        for (const column of columns) {
          const slots = columnSlots(column, count)
          // Past the capacity a column may run out of slots; up to it, never.
          if (count <= capacity) expect(slots, `${count} in ${column.mark}`).toHaveLength(count)
          for (const slot of slots) {
            expect(inside(withMark(slot), column.band)).toBe(true)
            expect(inside(slot, column.area)).toBe(true)
            // The rules place a note by its centre: a note in this slot is in this column.
            expect(columnAt(columns, slot.x + NOTE_SIZE / 2, slot.y + NOTE_SIZE / 2)?.mark).toBe(column.mark)
            all.push({ column, slot })
          }
        }
        for (let i = 0; i < all.length; i++)
          for (let j = i + 1; j < all.length; j++)
            expect(intersects(withMark(all[i]!.slot), withMark(all[j]!.slot)), `${count} notes`).toBe(false)
      }
    },
  )

  it.each(wnkZones)('%s: "not rated yet" holds three notes a row, the marks two each', (_n, t, zone) => {
    const rect = zoneRect(t, zone.id)
    const across = ratingColumns(rect, rect.slotArea).map((c) => slotGrid(c.area).cols)
    expect(across).toEqual([...COLUMN_SLOTS_ACROSS])
    expect(COLUMN_SLOTS_ACROSS).toEqual([3, 2, 2, 2])
  })

  it.each(wnkZones)('%s: tidying a full column lays every note in its own slot', (_n, t, zone) => {
    const rect = zoneRect(t, zone.id)
    for (const column of ratingColumns(rect, rect.slotArea)) {
      const sizes = Array.from({ length: columnCapacity(t, zone) }, () => ({ w: NOTE_SIZE, h: NOTE_SIZE }))
      const { positions, overflow } = tidyColumn(column, sizes)
      expect(overflow).toBe(0)
      const boxes = positions.map((p) => withMark({ ...p, w: NOTE_SIZE, h: NOTE_SIZE }))
      for (const [i, a] of boxes.entries()) {
        expect(inside(a, column.band)).toBe(true)
        for (const b of boxes.slice(i + 1)) expect(intersects(a, b)).toBe(false)
      }
    }
  })

  it.each(wnkZones)('%s: a new note goes to "not rated yet", below its heading', (_n, t, zone) => {
    const rect = zoneRect(t, zone.id)
    const unrated = ratingColumns(rect, rect.slotArea)[0]!
    expect(unrated.mark).toBeNull()
    expect(noteArea(t, zone.id)).toEqual(unrated.area)
  })
})

import { describe, expect, it } from 'vitest'
import {
  type Box,
  COLUMN_GAP,
  COLUMN_HEADING,
  columnAt,
  columnFor,
  freePosition,
  hasRatingColumns,
  overlapArea,
  type RatingColumn,
  ratingColumns,
} from '../../shared/ratingColumns'
import { MARK_ROOM } from '../../shared/slots'

/** The W/N/K flip-over's geometry: four columns per zone, which column holds a point, free places. */
const zone: Box = { x: 1000, y: -200, w: 2200, h: 1100 }
const columns = ratingColumns(zone)
const NOTE = { w: 200, h: 200 }
const centre = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 })
const inside = (p: { x: number; y: number }, b: Box) =>
  p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h

/** Places `count` notes one after another, each at the free position the column offers. */
function fill(column: RatingColumn, count: number, start: Box[] = []): Box[] {
  const placed = [...start]
  for (let i = 0; i < count; i++) placed.push({ ...freePosition(column, NOTE, placed), ...NOTE })
  return placed.slice(start.length)
}

describe('the columns of a zone', () => {
  it('splits the zone into not-rated, Warm, Neutraal, Koud, left to right, edge to edge', () => {
    expect(columns.map((c) => c.mark)).toEqual([null, 'W', 'N', 'K'])
    expect(columns[0]!.band.x).toBe(zone.x)
    for (let i = 1; i < columns.length; i++) {
      expect(columns[i]!.band.x).toBeCloseTo(columns[i - 1]!.band.x + columns[i - 1]!.band.w)
    }
    const last = columns.at(-1)!.band
    expect(last.x + last.w).toBeCloseTo(zone.x + zone.w)
    for (const c of columns) {
      expect(c.band.y).toBe(zone.y)
      expect(c.band.h).toBe(zone.h)
      // Notes go below the heading and above the hint, within the band.
      expect(c.area.x).toBeGreaterThan(c.band.x)
      expect(c.area.x + c.area.w).toBeLessThan(c.band.x + c.band.w)
      expect(c.area.y).toBeGreaterThan(zone.y)
      expect(c.area.y + c.area.h).toBeLessThan(zone.y + zone.h)
    }
  })

  it('puts the notes below the zone header it is given, under the column heading', () => {
    const slotArea = { x: zone.x + 24, y: zone.y + 150, w: zone.w - 48, h: zone.h - 174 }
    const given = ratingColumns(zone, slotArea)
    expect(given.map((c) => c.band)).toEqual(columns.map((c) => c.band))
    for (const c of given) {
      // Under the heading, with room for the first row's mark badges above the notes.
      expect(c.area.y).toBe(slotArea.y + COLUMN_HEADING + MARK_ROOM)
      expect(c.area.y + c.area.h).toBe(slotArea.y + slotArea.h)
      expect(c.area.x).toBeGreaterThanOrEqual(slotArea.x)
      expect(c.area.x + c.area.w).toBeLessThanOrEqual(slotArea.x + slotArea.w)
    }
  })

  it('has columns only where the zone is rated W/N/K', () => {
    expect(hasRatingColumns({ rating: 'wnk' })).toBe(true)
    expect(hasRatingColumns({ rating: 'mark' })).toBe(false)
    expect(hasRatingColumns({ rating: 'score10' })).toBe(false)
    expect(hasRatingColumns({})).toBe(false)
    expect(hasRatingColumns(undefined)).toBe(false)
  })

  it('finds the column for a mark', () => {
    expect(columnFor(columns, 'K')?.band.x).toBe(columns[3]!.band.x)
    expect(columnFor(columns, null)?.mark).toBeNull()
    expect(columnFor(columns, 'herkend')).toBeUndefined()
  })
})

describe('which column holds a point', () => {
  it('is the column whose band holds it, the whole height of the zone', () => {
    for (const c of columns) {
      expect(columnAt(columns, c.band.x + c.band.w / 2, zone.y + 1)?.mark).toBe(c.mark)
      expect(columnAt(columns, c.band.x + c.band.w / 2, zone.y + zone.h)?.mark).toBe(c.mark)
    }
  })

  it('gives a border to the column on its right, and the right edge to Koud', () => {
    expect(columnAt(columns, columns[1]!.band.x, zone.y + 500)?.mark).toBe('W')
    expect(columnAt(columns, columns[1]!.band.x - 0.01, zone.y + 500)?.mark).toBeNull()
    expect(columnAt(columns, zone.x + zone.w, zone.y + 500)?.mark).toBe('K')
  })

  it('is none outside the zone', () => {
    expect(columnAt(columns, zone.x - 1, zone.y + 10)).toBeNull()
    expect(columnAt(columns, zone.x + zone.w + 1, zone.y + 10)).toBeNull()
    expect(columnAt(columns, zone.x + 10, zone.y - 1)).toBeNull()
    expect(columnAt(columns, zone.x + 10, zone.y + zone.h + 1)).toBeNull()
  })
})

describe('a free position in a column', () => {
  const warm = columnFor(columns, 'W')!

  it('starts at the top of the column and stays clear of what is there', () => {
    const first = freePosition(warm, NOTE, [])
    expect(first.y).toBe(warm.area.y)
    expect(inside(centre({ ...first, ...NOTE }), warm.area)).toBe(true)
    const taken: Box = { ...first, ...NOTE }
    const second = freePosition(warm, NOTE, [taken])
    expect(overlapArea({ ...second, ...NOTE }, taken)).toBe(0)
  })

  it('fills a column without any two notes overlapping while there is room', () => {
    // About 440 wide and 920 high: two notes a row, four rows.
    expect(warm.area.w).toBeGreaterThanOrEqual(2 * NOTE.w + COLUMN_GAP)
    const placed = fill(warm, 8)
    for (const [i, a] of placed.entries()) {
      expect(columnAt(columns, centre(a).x, centre(a).y)?.mark).toBe('W')
      for (const b of placed.slice(i + 1)) expect(overlapArea(a, b)).toBe(0)
    }
    // Reading order: left then right, then the next row.
    expect(placed[1]!.y).toBe(placed[0]!.y)
    expect(placed[1]!.x).toBeGreaterThan(placed[0]!.x)
    expect(placed[2]!.y).toBeGreaterThan(placed[0]!.y)
  })

  it('steps around a note someone left lying across a cell', () => {
    const stray: Box = { x: warm.area.x + 50, y: warm.area.y + 20, ...NOTE }
    const [next] = fill(warm, 1, [stray])
    expect(overlapArea(next!, stray)).toBe(0)
  })

  it('keeps the centre in the column when the column is full or too small', () => {
    const full = fill(warm, 12)
    for (const box of full) expect(inside(centre(box), warm.area)).toBe(true)
    const tiny = ratingColumns({ x: 0, y: 0, w: 420, h: 320 })
    for (const column of tiny) {
      for (const box of fill(column, 3)) {
        expect(columnAt(tiny, centre(box).x, centre(box).y)?.mark).toBe(column.mark)
      }
    }
  })
})

import type { Zone } from './schema'
import { areaFor, MARK_ROOM, nextFreeSlot, slotsFor, tidyPositions } from './slots'

/**
 * The W/N/K flip-over on the board: a zone rated with the 'wnk' scale is split into four
 * columns of equal width, left to right "not rated yet", Warm, Neutraal, Koud. A note belongs to
 * the column that holds the centre of its page bounds (the same point that decides its zone), so
 * client and server agree on where a note stands without knowing its size.
 * Each column has its own slots (slots.ts), COLUMN_SLOTS_ACROSS wide, and layout.ts makes every
 * column tall enough for all the notes the zone can get (columnCapacity in zoneCapacity.ts): all
 * questions start in "not rated yet", and all may end up Warm. So notes in their slots never
 * overlap, whatever the counts, and a mark badge has room above each note.
 * Pure geometry on page coordinates; the zone rectangles come from layout.ts.
 */

/** The columns in board order; null is the column of notes not rated yet. */
export const WNK_COLUMN_MARKS = [null, 'W', 'N', 'K'] as const
export type ColumnMark = (typeof WNK_COLUMN_MARKS)[number]

/**
 * Room at the top of a zone for its state badge and hint, when the caller knows no slot area
 * (layout.ts gives every zone one, below its header).
 */
export const ZONE_HEAD = 104
/**
 * Room at the top of each column for its heading (Warm, 3), above the notes: large enough to
 * read at the board's readable zoom (half size) with a whole column of notes in view.
 */
export const COLUMN_HEADING = 48
/** Space between a column's notes and its neighbour's, and at the zone's bottom. */
export const COLUMN_GAP = 24
/**
 * Slots side by side in each column, in the order of WNK_COLUMN_MARKS. "Not rated yet" has
 * three: every question is written there, and nine of them (three people) fit a tablet at a
 * readable zoom. Warm, Neutraal and Koud have two each: the four columns then still fit a
 * laptop's canvas at a readable zoom, and a column grows downwards with its notes.
 */
export const COLUMN_SLOTS_ACROSS: readonly number[] = [3, 2, 2, 2]

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface RatingColumn {
  mark: ColumnMark
  /** The whole band of the zone this column owns: a centre in here is in this column. */
  band: Box
  /**
   * Where notes are placed (their slots, slots.ts): the band without the zone's header, the
   * column heading, the room for the first row's mark badges (MARK_ROOM) and a margin.
   */
  area: Box
}

/** Where a column's heading starts: above the mark room of its first row of notes. */
export function headingTop(column: RatingColumn): number {
  return column.area.y - MARK_ROOM - COLUMN_HEADING
}

/** Whether a zone shows W/N/K columns: it is rated on the W/N/K scale. */
export function hasRatingColumns(zone: Pick<Zone, 'rating'> | undefined): boolean {
  return zone?.rating === 'wnk'
}

/**
 * The four columns of a zone rectangle, left to right as WNK_COLUMN_MARKS. Each column owns a
 * quarter of the zone's width, its whole height (its band); notes go in the part of it below the
 * zone's header and the column heading (its area). `slotArea`: where the zone's notes go (from
 * layout.ts); without it a default header is assumed.
 */
export function ratingColumns(rect: Box, slotArea?: Box): RatingColumn[] {
  const inner = slotArea ?? {
    x: rect.x + COLUMN_GAP,
    y: rect.y + ZONE_HEAD,
    w: rect.w - 2 * COLUMN_GAP,
    h: rect.h - ZONE_HEAD - COLUMN_GAP,
  }
  const top = inner.y + COLUMN_HEADING + MARK_ROOM
  const bottom = inner.y + inner.h
  // Each band's share of the width follows its slots across (see columnsWidth).
  const total = COLUMN_SLOTS_ACROSS.reduce((sum, n) => sum + n, 0)
  let x = rect.x
  return WNK_COLUMN_MARKS.map((mark, i) => {
    const last = i === WNK_COLUMN_MARKS.length - 1
    // Whole page units: slots on a fraction would land a hair outside their column.
    const w = last ? rect.x + rect.w - x : Math.round((rect.w * COLUMN_SLOTS_ACROSS[i]!) / total)
    const band = { x, y: rect.y, w, h: rect.h }
    x += w
    const left = Math.max(band.x + COLUMN_GAP / 2, inner.x)
    const right = Math.min(band.x + w - COLUMN_GAP / 2, inner.x + inner.w)
    const area = { x: left, y: top, w: Math.max(0, right - left), h: Math.max(0, bottom - top) }
    return { mark, band, area }
  })
}

/**
 * The narrowest zone width whose bands (shared out as ratingColumns does) each hold their
 * column's slots across, with half a gap to a neighbour and `edge` (the zone's padding) at
 * the zone's outer edges.
 */
export function columnsWidth(edge: number): number {
  const total = COLUMN_SLOTS_ACROSS.reduce((sum, n) => sum + n, 0)
  const last = COLUMN_SLOTS_ACROSS.length - 1
  let width = 0
  for (const [i, across] of COLUMN_SLOTS_ACROSS.entries()) {
    const margins =
      (i === 0 ? Math.max(edge, COLUMN_GAP / 2) : COLUMN_GAP / 2) +
      (i === last ? Math.max(edge, COLUMN_GAP / 2) : COLUMN_GAP / 2)
    const band = areaFor(across, 1).w + margins
    width = Math.max(width, Math.ceil((band * total) / across))
  }
  return width
}

/**
 * The column whose band holds a page point, or null outside the zone. Bands meet at their
 * edges: a point on a border belongs to the column on its right, except at the zone's right edge.
 */
export function columnAt(columns: readonly RatingColumn[], x: number, y: number): RatingColumn | null {
  const last = columns.length - 1
  for (const [i, column] of columns.entries()) {
    const { band } = column
    if (y < band.y || y > band.y + band.h) return null
    const right = band.x + band.w
    if (x >= band.x && (x < right || (i === last && x <= right))) return column
  }
  return null
}

/** The column for a mark (null: not rated yet); undefined for a value that has no column. */
export function columnFor(columns: readonly RatingColumn[], mark: string | null): RatingColumn | undefined {
  return columns.find((c) => c.mark === mark)
}

/**
 * The top-left corner for a note of `size` in `column`: the column's first slot that overlaps
 * none of `occupied` (slots.ts, the same grid tidying uses). When every slot is taken, the cell
 * (or the half-step between two cells) that overlaps least, so an overfull column stacks instead
 * of spilling out. The note's centre always stays inside the column's area, so it stays in the
 * column and the zone.
 */
export function freePosition(
  column: RatingColumn,
  size: { w: number; h: number },
  occupied: readonly Box[],
): { x: number; y: number } {
  const free = nextFreeSlot(column.area, occupied)
  if (free) return { x: free.x, y: free.y }
  const cells = gridCells(column.area, size)
  const stepY = size.h / 2 + COLUMN_GAP / 2
  const candidates = [...cells, ...cells.map((c) => ({ ...c, y: c.y + stepY }))].filter((c) =>
    centreInside(c, column.area),
  )
  let best = cells[0]!
  let bestOverlap = Number.POSITIVE_INFINITY
  for (const cell of candidates) {
    const overlap = occupied.reduce((sum, box) => sum + overlapArea(cell, box), 0)
    if (overlap < bestOverlap) {
      best = cell
      bestOverlap = overlap
    }
  }
  return { x: best.x, y: best.y }
}

/** The first `count` slots of a column, row by row (fewer only past what the column holds). */
export function columnSlots(column: RatingColumn, count: number): Box[] {
  return slotsFor(column.area, count)
}

/**
 * Where the notes of a column go when the zone is tidied, in the given order (slots.ts
 * tidyPositions in the column's area): rows as tall as their tallest note, none over another.
 */
export function tidyColumn(
  column: RatingColumn,
  sizes: ReadonlyArray<{ w: number; h: number }>,
): { positions: Array<{ x: number; y: number }>; overflow: number } {
  return tidyPositions(column.area, sizes)
}

/** Cells of note size in reading order, the grid centred in the area; at least one cell. */
function gridCells(area: Box, size: { w: number; h: number }): Box[] {
  const stepX = size.w + COLUMN_GAP
  const stepY = size.h + COLUMN_GAP
  const cols = Math.max(1, Math.floor((area.w + COLUMN_GAP) / stepX))
  const rows = Math.max(1, Math.floor((area.h + COLUMN_GAP) / stepY))
  const gridW = cols * stepX - COLUMN_GAP
  const left = area.x + (area.w - gridW) / 2
  // A note taller than the area is centred on it, so its centre stays inside.
  const top = size.h > area.h ? area.y + (area.h - size.h) / 2 : area.y
  const cells: Box[] = []
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) cells.push({ x: left + c * stepX, y: top + r * stepY, ...size })
  }
  return cells
}

function centreInside(box: Box, area: Box): boolean {
  const cx = box.x + box.w / 2
  const cy = box.y + box.h / 2
  return cx >= area.x && cx <= area.x + area.w && cy >= area.y && cy <= area.y + area.h
}

/** The area two boxes share; touching edges share nothing. */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

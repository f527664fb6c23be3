/**
 * Slots: the tidy grid notes take inside a zone. A note dropped or created in a zone goes to
 * the first free slot; the facilitator's "tidy" moves every note of a zone into slots. Pure
 * geometry in page units, shared by the board layout (zones are sized to hold their slots) and
 * the client (which moves the notes).
 */

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** A tldraw note at scale 1 is 200 by 200 page units (it grows downwards with long text). */
export const NOTE_SIZE = 200
/**
 * Room between notes. A mark badge sits over a note's top-left corner and reaches 12 units out;
 * 40 keeps it clear of the neighbouring note on every side.
 */
export const SLOT_GAP = 40
/** From one slot to the next, across and down. */
export const SLOT_PITCH = NOTE_SIZE + SLOT_GAP
/**
 * Room above a note for its mark badge (RatingOverlay, the board image): the badge stands in
 * the gap above its note, so it never covers the note's first line. In a rated zone the first
 * row of slots starts this far below the header; the rows below have it in the gap.
 */
export const MARK_ROOM = SLOT_GAP

/** Columns and rows of whole slots that fit in an area. */
export function slotGrid(area: Rect): { cols: number; rows: number } {
  return {
    cols: Math.max(0, Math.floor((area.w + SLOT_GAP) / SLOT_PITCH)),
    rows: Math.max(0, Math.floor((area.h + SLOT_GAP) / SLOT_PITCH)),
  }
}

/** The size of an area that holds `cols` by `rows` slots exactly. */
export function areaFor(cols: number, rows: number): { w: number; h: number } {
  return { w: cols * SLOT_PITCH - SLOT_GAP, h: rows * SLOT_PITCH - SLOT_GAP }
}

/** The first `count` slots of an area, row by row, left to right (fewer if the area is full). */
export function slotsFor(area: Rect, count: number): Rect[] {
  const { cols, rows } = slotGrid(area)
  const slots: Rect[] = []
  for (let i = 0; i < Math.min(count, cols * rows); i++) slots.push(slotAt(area, cols, i))
  return slots
}

/**
 * The first slot of the area that no occupied rectangle touches, or null when every slot is
 * taken. A slot counts with its share of the gap around it, so a note that sticks out of its
 * own slot into the gap still keeps the next one free of overlap.
 */
export function nextFreeSlot(area: Rect, occupied: readonly Rect[]): Rect | null {
  const { cols, rows } = slotGrid(area)
  for (let i = 0; i < cols * rows; i++) {
    const slot = slotAt(area, cols, i)
    const claim = grow(slot, SLOT_CLAIM)
    if (!occupied.some((r) => intersects(r, claim))) return slot
  }
  return null
}

/**
 * Where notes go when a zone is tidied: in the given order, row by row, each row as tall as its
 * tallest note (long notes grow downwards), so none overlaps another. Positions are top-left
 * corners. Rows that no longer fit are laid over the last row that does, so every note stays
 * in its zone; how many notes that concerns is reported in `overflow`.
 */
export function tidyPositions(
  area: Rect,
  sizes: ReadonlyArray<{ w: number; h: number }>,
): { positions: Array<{ x: number; y: number }>; overflow: number } {
  const cols = Math.max(1, slotGrid(area).cols)
  const positions: Array<{ x: number; y: number }> = []
  let overflow = 0
  let y = area.y
  for (let start = 0; start < sizes.length; start += cols) {
    const row = sizes.slice(start, start + cols)
    const height = Math.max(NOTE_SIZE, ...row.map((s) => s.h))
    const lastTop = Math.max(area.y, area.y + area.h - NOTE_SIZE)
    const top = Math.min(y, lastTop)
    if (top < y) overflow += row.length
    row.forEach((_, i) => {
      positions.push({ x: area.x + i * SLOT_PITCH, y: top })
    })
    y += height + SLOT_GAP
  }
  return { positions, overflow }
}

/** How far into the gap around it a slot reaches when it is checked for room (half the gap). */
const SLOT_CLAIM = SLOT_GAP / 2 - 1

function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by }
}

function slotAt(area: Rect, cols: number, index: number): Rect {
  return {
    x: area.x + (index % cols) * SLOT_PITCH,
    y: area.y + Math.floor(index / cols) * SLOT_PITCH,
    w: NOTE_SIZE,
    h: NOTE_SIZE,
  }
}

/** Do two rectangles share any area (touching edges do not count)? */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

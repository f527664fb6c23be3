import {
  COLUMN_HEADING,
  COLUMN_SLOTS_ACROSS,
  columnFor,
  columnsWidth,
  hasRatingColumns,
  ratingColumns,
} from './ratingColumns'
import type { Zone } from './schema'
import { areaFor, MARK_ROOM, type Rect, slotGrid } from './slots'
import type { Template } from './templateSchema'
import { columnCapacity, expectedNotes } from './zoneCapacity'

/**
 * Where each zone of a method sits on the page, and how big it is. The template places zones on
 * a grid (column, row, spans); each zone is sized to hold the notes the method will put in it
 * (zoneCapacity.ts) in a tidy grid of slots (slots.ts) under its header (state badge and hint),
 * and every column and row of the grid takes the size of its largest zone, so zones line up
 * and never overlap. The server places the zone frames with this, and the rules, the client's
 * locks and the canvas all read the same rectangles.
 */

/** Space between zones (room for a zone's title above it), in page units. */
export const CELL_GAP = 64
/** Space between a zone's edge and its slots. */
export const ZONE_PADDING = 24

/** The zone header, top to bottom: margin, the state badge's row, the hint's lines, margin. */
const HEADER_TOP = 12
const BADGE_ROW = 40
const HINT_GAP = 6
/** One line of the hint (19 px text, see layout.css). */
export const HINT_LINE = 26
const HEADER_BOTTOM = 16
/** Left and right inset of the hint text, and a generous average glyph width at 19 px. */
const HINT_INSET = 16
const HINT_GLYPH = 11

/** The smallest zone: two slots side by side, one row, under a two-line hint. */
export const CELL_WIDTH = areaFor(2, 1).w + 2 * ZONE_PADDING
export const CELL_HEIGHT = headerHeight(2) + areaFor(1, 1).h + ZONE_PADDING

/**
 * The part of the canvas a zone in play should fill: what is left on a 1280x800 laptop with both
 * side panels open, or on a 1024x768 tablet with the participants folded. Zones take the shape,
 * among those that hold their notes, that shows best there.
 */
const REFERENCE_VIEW = { w: 660, h: 470 }

export interface ZoneRect {
  zoneId: string
  x: number
  y: number
  w: number
  h: number
  /** Where the zone's notes go: below the header, inside the padding (see slots.ts). */
  slotArea: Rect
  /** Lines the hint takes at this width (the overlay clamps it to these). */
  hintLines: number
}

const layouts = new WeakMap<Template, readonly ZoneRect[]>()

/**
 * Every zone's page rectangle. Computed once per template: the rules ask for it on every update
 * the server checks and on every change the editor makes.
 */
export function boardLayout(template: Template): readonly ZoneRect[] {
  let rects = layouts.get(template)
  if (!rects) {
    rects = computeLayout(template)
    layouts.set(template, rects)
  }
  return rects
}

/**
 * Where a zone's new notes go: its slot area; in a zone with W/N/K columns the slots of the
 * column "not rated yet", so a new question never stands under Warm, Neutraal or Koud before
 * it is rated (ratingColumns.ts).
 */
export function noteArea(template: Template, zoneId: string): Rect {
  const rect = zoneRect(template, zoneId)
  const zone = template.zones.find((z) => z.id === zoneId)
  if (!hasRatingColumns(zone)) return rect.slotArea
  return columnFor(ratingColumns(rect, rect.slotArea), null)!.area
}

/** Where one zone sits on the page; throws for a zone the template does not have. */
export function zoneRect(template: Template, zoneId: string): ZoneRect {
  const rect = boardLayout(template).find((r) => r.zoneId === zoneId)
  if (!rect) throw new Error(`zone ${zoneId} is not in ${template.id}`)
  return rect
}

/**
 * The part of a zone worth showing when it is in play: its header and the slots its expected
 * notes take (a zone stretched by its row or column has room to spare), grown to hold the notes
 * that are there, within the zone.
 */
export function zoneFocus(template: Template, zoneId: string, notes: readonly Rect[] = []): Rect {
  const rect = zoneRect(template, zoneId)
  const zone = template.zones.find((z) => z.id === zoneId)!
  const area = noteArea(template, zoneId)
  // All four W/N/K columns stay in view: notes move between them while the zone is rated.
  const wholeWidth = hasRatingColumns(zone)
  const { cols } = slotGrid(area)
  const count = expectedNotes(template, zone)
  const used = areaFor(Math.min(cols, count), Math.ceil(count / Math.max(1, cols)))
  let right = area.x + used.w + ZONE_PADDING
  let bottom = area.y + used.h + ZONE_PADDING
  for (const note of notes) {
    right = Math.max(right, note.x + note.w + ZONE_PADDING)
    bottom = Math.max(bottom, note.y + note.h + ZONE_PADDING)
  }
  return {
    x: rect.x,
    y: rect.y,
    w: wholeWidth ? rect.w : Math.min(rect.w, Math.max(CELL_WIDTH, right - rect.x)),
    h: Math.min(rect.h, bottom - rect.y),
  }
}

function computeLayout(template: Template): ZoneRect[] {
  const needs = new Map(template.zones.map((zone) => [zone.id, zoneNeed(template, zone)]))
  const colW = trackSizes(template.zones, 'col', (z) => needs.get(z.id)!.w, CELL_WIDTH)
  const rowH = trackSizes(template.zones, 'row', (z) => needs.get(z.id)!.h, CELL_HEIGHT)
  const colX = starts(colW)
  const rowY = starts(rowH)
  return template.zones.map((zone) => {
    const { col, row, colSpan, rowSpan } = zone.layout
    const x = colX[col]!
    const y = rowY[row]!
    const w = colX[col + colSpan - 1]! + colW[col + colSpan - 1]! - x
    const h = rowY[row + rowSpan - 1]! + rowH[row + rowSpan - 1]! - y
    const hintLines = linesOf(zone, w)
    const top = headerHeight(hintLines) + markRoom(zone)
    return {
      zoneId: zone.id,
      x,
      y,
      w,
      h,
      slotArea: { x: x + ZONE_PADDING, y: y + top, w: w - 2 * ZONE_PADDING, h: h - top - ZONE_PADDING },
      hintLines,
    }
  })
}

/**
 * The size a zone needs for its expected notes: of the grids that hold them, the one that
 * needs the least zooming out to fit the reference view.
 */
function zoneNeed(template: Template, zone: Zone): { w: number; h: number } {
  if (hasRatingColumns(zone)) return columnsNeed(template, zone)
  const count = expectedNotes(template, zone)
  let best = { w: CELL_WIDTH, h: CELL_HEIGHT, zoom: 0 }
  for (let cols = 1; cols <= count; cols++) {
    const area = areaFor(cols, Math.ceil(count / cols))
    const w = Math.max(CELL_WIDTH, area.w + 2 * ZONE_PADDING)
    // A wider zone may hold more columns than asked: fewer rows are then needed.
    const rows = Math.ceil(count / slotGrid({ x: 0, y: 0, w: w - 2 * ZONE_PADDING, h: 0 }).cols)
    const h = Math.max(
      CELL_HEIGHT,
      headerHeight(linesOf(zone, w)) + markRoom(zone) + areaFor(1, rows).h + ZONE_PADDING,
    )
    const zoom = Math.min(REFERENCE_VIEW.w / w, REFERENCE_VIEW.h / h)
    if (zoom > best.zoom) best = { w, h, zoom }
  }
  return { w: best.w, h: best.h }
}

/**
 * The size of a zone with W/N/K columns: four bands, each as wide as its column's slots across
 * (COLUMN_SLOTS_ACROSS) plus half a gap to its neighbour (the zone's padding at the outer
 * edges), each as tall as its heading, the room for the first row's marks and the slots for
 * every note the zone can get (columnCapacity): all of them may stand in one column.
 */
function columnsNeed(template: Template, zone: Zone): { w: number; h: number } {
  const capacity = columnCapacity(template, zone)
  const rows = Math.max(...COLUMN_SLOTS_ACROSS.map((across) => Math.ceil(capacity / across)))
  const w = Math.max(CELL_WIDTH, columnsWidth(ZONE_PADDING))
  const h = headerHeight(linesOf(zone, w)) + COLUMN_HEADING + MARK_ROOM + areaFor(1, rows).h + ZONE_PADDING
  return { w, h: Math.max(CELL_HEIGHT, h) }
}

/** Room above the first row of a rated zone for the mark badges; W/N/K columns add their own. */
function markRoom(zone: Zone): number {
  return zone.rating !== undefined && !hasRatingColumns(zone) ? MARK_ROOM : 0
}

type Axis = 'col' | 'row'

/** Sizes of the grid's columns (or rows): each as large as its largest single-span zone, then widened for zones spanning several. */
function trackSizes(zones: readonly Zone[], axis: Axis, need: (z: Zone) => number, min: number): number[] {
  const span = (z: Zone) => (axis === 'col' ? z.layout.colSpan : z.layout.rowSpan)
  const count = Math.max(...zones.map((z) => z.layout[axis] + span(z)))
  const sizes = new Array<number>(count).fill(min)
  for (const zone of [...zones].sort((a, b) => span(a) - span(b))) {
    const first = zone.layout[axis]
    const n = span(zone)
    let have = (n - 1) * CELL_GAP
    for (let i = first; i < first + n; i++) have += sizes[i]!
    const short = need(zone) - have
    if (short <= 0) continue
    for (let i = first; i < first + n; i++) sizes[i]! += Math.ceil(short / n)
  }
  return sizes
}

function starts(sizes: readonly number[]): number[] {
  const out: number[] = []
  let at = 0
  for (const size of sizes) {
    out.push(at)
    at += size + CELL_GAP
  }
  return out
}

function headerHeight(hintLines: number): number {
  return HEADER_TOP + BADGE_ROW + HINT_GAP + hintLines * HINT_LINE + HEADER_BOTTOM
}

/** Lines the zone's hint takes at a zone width, in the longer of its two languages (word wrap). */
function linesOf(zone: Zone, width: number): number {
  const perLine = Math.max(8, Math.floor((width - 2 * HINT_INSET) / HINT_GLYPH))
  return Math.max(wrappedLines(zone.hint.nl, perLine), wrappedLines(zone.hint.en, perLine))
}

function wrappedLines(text: string, perLine: number): number {
  let lines = 1
  let used = 0
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length
    if (need <= perLine) used = need
    else {
      lines += 1
      used = Math.min(word.length, perLine)
    }
  }
  return lines
}

/** Pairs of zones whose grid cells overlap; a readable board has none. */
export function overlappingZones(template: Template): Array<[string, string]> {
  const cells = new Map<string, string>()
  const pairs: Array<[string, string]> = []
  for (const zone of template.zones) {
    const { col, row, colSpan, rowSpan } = zone.layout
    for (let c = col; c < col + colSpan; c++) {
      for (let r = row; r < row + rowSpan; r++) {
        const other = cells.get(`${c},${r}`)
        if (other && !pairs.some(([a, b]) => a === other && b === zone.id)) pairs.push([other, zone.id])
        cells.set(`${c},${r}`, zone.id)
      }
    }
  }
  return pairs
}

/** The zone whose rectangle holds a page point, if any. */
export function zoneAtPoint(rects: readonly ZoneRect[], x: number, y: number): string | null {
  for (const r of rects) {
    if (x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h) return r.zoneId
  }
  return null
}

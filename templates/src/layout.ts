import type { Template, Zone } from './schema'

/** Size of one board grid cell and the gap between cells, in tldraw page units. */
export const CELL_WIDTH = 420
export const CELL_HEIGHT = 320
export const CELL_GAP = 64

export interface ZoneRect {
  zoneId: string
  x: number
  y: number
  w: number
  h: number
}

/** Where a zone sits on the page: its grid cell turned into page coordinates. */
export function zoneRect(zone: Zone): ZoneRect {
  const { col, row, colSpan, rowSpan } = zone.layout
  return {
    zoneId: zone.id,
    x: col * (CELL_WIDTH + CELL_GAP),
    y: row * (CELL_HEIGHT + CELL_GAP),
    w: colSpan * CELL_WIDTH + (colSpan - 1) * CELL_GAP,
    h: rowSpan * CELL_HEIGHT + (rowSpan - 1) * CELL_GAP,
  }
}

const layouts = new WeakMap<Template, readonly ZoneRect[]>()

/**
 * Every zone's page rectangle. Computed once per template: the rules ask for it on every update
 * the server checks and on every change the editor makes.
 */
export function boardLayout(template: Template): readonly ZoneRect[] {
  let rects = layouts.get(template)
  if (!rects) {
    rects = template.zones.map(zoneRect)
    layouts.set(template, rects)
  }
  return rects
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

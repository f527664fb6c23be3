import type { ZoneRect } from './layout'
import type { PagePoint } from './shapeGeometry'

/**
 * Which zone a drawn outline lies in: the zone holding all of it, null when it lies outside
 * every zone (the free area), undefined when it lies partly in a zone or covers one, which the
 * rules refuse: what is drawn over a zone is in that zone for everyone who looks.
 * The outline is a convex quadrilateral (a box carried through rotations and translations), so
 * "all corners inside" is "wholly inside", and the separating-axis test decides overlap.
 * Touching a zone's edge from outside is not crossing it; a hair's breadth of rounding is allowed.
 */
const EPSILON = 1e-6

export function zoneOfOutline(
  outline: readonly PagePoint[],
  rects: readonly ZoneRect[],
): string | null | undefined {
  for (const r of rects) {
    if (outline.every((p) => inside(r, p))) return r.zoneId
    if (overlaps(outline, r)) return undefined
  }
  return null
}

function inside(r: ZoneRect, p: PagePoint): boolean {
  return (
    p.x >= r.x - EPSILON && p.x <= r.x + r.w + EPSILON && p.y >= r.y - EPSILON && p.y <= r.y + r.h + EPSILON
  )
}

/** Whether a convex polygon and a rectangle share any area (separating-axis theorem). */
function overlaps(poly: readonly PagePoint[], r: ZoneRect): boolean {
  const box: PagePoint[] = [
    { x: r.x, y: r.y },
    { x: r.x + r.w, y: r.y },
    { x: r.x + r.w, y: r.y + r.h },
    { x: r.x, y: r.y + r.h },
  ]
  const axes: PagePoint[] = [
    { x: 1, y: 0 },
    { x: 0, y: 1 },
  ]
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!
    const b = poly[(i + 1) % poly.length]!
    if (a.x !== b.x || a.y !== b.y) axes.push({ x: a.y - b.y, y: b.x - a.x })
  }
  for (const axis of axes) {
    const [minA, maxA] = project(poly, axis)
    const [minB, maxB] = project(box, axis)
    const scale = Math.hypot(axis.x, axis.y)
    if (maxA <= minB + EPSILON * scale || maxB <= minA + EPSILON * scale) return false
  }
  return true
}

function project(points: readonly PagePoint[], axis: PagePoint): [number, number] {
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (const p of points) {
    const d = p.x * axis.x + p.y * axis.y
    min = Math.min(min, d)
    max = Math.max(max, d)
  }
  return [min, max]
}

/**
 * How far to shift a shape so that it no longer crosses a zone's edge, or null when it does not
 * cross one or no shift makes it whole. In order: into the zone that holds the middle of its
 * box; else out of the zone it reaches into, the shortest way, if that lands in the free area;
 * else (a gap between zones is narrower than a note) into the zone nearest its middle. The
 * client does this while a shape is made or dragged, so that what it sends lies wholly in one
 * place (the rules refuse anything across an edge, and still judge the zone it lands in); the
 * server never shifts anything.
 */
export function shiftToWhole(
  outline: readonly PagePoint[],
  rects: readonly ZoneRect[],
): { dx: number; dy: number } | null {
  if (zoneOfOutline(outline, rects) !== undefined) return null
  const xs = outline.map((p) => p.x)
  const ys = outline.map((p) => p.y)
  const box = { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) }
  const cx = (box.minX + box.maxX) / 2
  const cy = (box.minY + box.maxY) / 2
  const whole = (shift: { dx: number; dy: number } | null) =>
    shift !== null && zoneOfOutline(moved(outline, shift), rects) !== undefined ? shift : null
  const into = (r: ZoneRect) =>
    box.maxX - box.minX > r.w || box.maxY - box.minY > r.h
      ? null
      : {
          dx: Math.max(0, r.x - box.minX) + Math.min(0, r.x + r.w - box.maxX),
          dy: Math.max(0, r.y - box.minY) + Math.min(0, r.y + r.h - box.maxY),
        }
  const home = rects.find((r) => cx >= r.x && cx <= r.x + r.w && cy >= r.y && cy <= r.y + r.h)
  if (home) return whole(into(home))
  const reached = rects.find((rect) => overlaps(outline, rect))
  if (reached) {
    const ways = [
      { dx: reached.x - box.maxX, dy: 0 },
      { dx: reached.x + reached.w - box.minX, dy: 0 },
      { dx: 0, dy: reached.y - box.maxY },
      { dx: 0, dy: reached.y + reached.h - box.minY },
    ]
    const out = whole(ways.reduce((a, b) => (Math.abs(a.dx + a.dy) <= Math.abs(b.dx + b.dy) ? a : b)))
    if (out) return out
  }
  const distance = (r: ZoneRect) =>
    Math.hypot(Math.max(r.x - cx, 0, cx - r.x - r.w), Math.max(r.y - cy, 0, cy - r.y - r.h))
  const nearest = [...rects].sort((a, b) => distance(a) - distance(b))[0]
  return nearest ? whole(into(nearest)) : null
}

function moved(outline: readonly PagePoint[], shift: { dx: number; dy: number }): PagePoint[] {
  return outline.map((p) => ({ x: p.x + shift.dx, y: p.y + shift.dy }))
}

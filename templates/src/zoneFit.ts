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

export function zoneOfOutline(outline: readonly PagePoint[], rects: readonly ZoneRect[]): string | null | undefined {
  for (const r of rects) {
    if (outline.every((p) => inside(r, p))) return r.zoneId
    if (overlaps(outline, r)) return undefined
  }
  return null
}

function inside(r: ZoneRect, p: PagePoint): boolean {
  return p.x >= r.x - EPSILON && p.x <= r.x + r.w + EPSILON && p.y >= r.y - EPSILON && p.y <= r.y + r.h + EPSILON
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

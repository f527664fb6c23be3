import type { BoardRecord } from '../boardRecords'
import { type DrawProblem, problem } from './drawProblem'
import { readPath } from './pathPoints'
import { isPlainObject, richTextProblem } from './richTextRules'

/**
 * The limits within which the editor draws a shape. tldraw's validators take any finite number
 * (some any number at all); a shape of 1e300, a line without points or an arrow whose ends meet
 * freezes or crashes every editor that loads it. The limits are far beyond what anyone draws:
 * a meeting board is a few thousand pixels across.
 */
export const SHAPE_LIMITS = {
  /** Positions, points, arrow ends: page units either side of the origin. */
  maxCoordinate: 1_000_000,
  /** Width, height and a note's or geo's extra height. */
  maxSize: 100_000,
  /** tldraw's dynamic size sets scale to 1/zoom; its zoom runs from 0.1 to 8. */
  minScale: 0.01,
  maxScale: 100,
  /** Radians; tldraw keeps rotation within one turn, older versions within a few. */
  maxRotation: 100,
  /** A line's handles (the line tool adds one per click). */
  maxLinePoints: 1_000,
  /** tldraw starts a new draw shape after 600 points; straight segments add two per click. */
  maxDrawPoints: 2_000,
  maxDrawSegments: 500,
  /** An arrow shorter than this has no direction to draw. */
  minArrowLength: 0.01,
} as const

type Check = (props: Record<string, unknown>) => DrawProblem | null

const L = SHAPE_LIMITS

/** A number field: present, finite, within [min, max]. */
function numberIn(value: unknown, where: string, min: number, max: number): DrawProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return problem('notANumber', where)
  return value < min || value > max ? problem('outOfBounds', where) : null
}

const size = (p: Record<string, unknown>, key: string) => numberIn(p[key], `props.${key}`, 0.0001, L.maxSize)
const scale = (p: Record<string, unknown>, key = 'scale') => {
  const v = p[key]
  if (typeof v !== 'number' || !Number.isFinite(v)) return problem('notANumber', `props.${key}`)
  // scaleX and scaleY may be negative (a flipped drawing); never zero.
  return Math.abs(v) < L.minScale || Math.abs(v) > L.maxScale ? problem('outOfBounds', `props.${key}`) : null
}
const richText = (p: Record<string, unknown>) => richTextProblem(p.richText, 'props.richText')
const first = (...checks: Array<() => DrawProblem | null>): DrawProblem | null => {
  for (const check of checks) {
    const found = check()
    if (found) return found
  }
  return null
}

function point(value: unknown, where: string, max: number = L.maxCoordinate): DrawProblem | null {
  if (!isPlainObject(value)) return problem('badField', where)
  return numberIn(value.x, `${where}.x`, -max, max) ?? numberIn(value.y, `${where}.y`, -max, max)
}

function segments(p: Record<string, unknown>): DrawProblem | null {
  const list = p.segments
  if (!Array.isArray(list)) return problem('badField', 'props.segments')
  if (list.length === 0) return problem('noPoints', 'props.segments')
  if (list.length > L.maxDrawSegments) return problem('tooManyPoints', 'props.segments')
  let total = 0
  for (const [i, segment] of list.entries()) {
    const where = `props.segments[${i}]`
    if (!isPlainObject(segment)) return problem('badField', where)
    const reading = readPath(segment.path, segment.dim, L.maxDrawPoints - total, L.maxCoordinate)
    if (!reading.ok) return problem(reading.problem, `${where}.path`)
    total += reading.points
  }
  return null
}

function linePoints(p: Record<string, unknown>): DrawProblem | null {
  if (!isPlainObject(p.points)) return problem('badField', 'props.points')
  const entries = Object.entries(p.points)
  // The line util draws from the first handle to the last: fewer than two is nothing to draw.
  if (entries.length < 2) return problem('noPoints', 'props.points')
  if (entries.length > L.maxLinePoints) return problem('tooManyPoints', 'props.points')
  for (const [key, value] of entries) {
    const found = point(value, `props.points.${key}`)
    if (found) return found
  }
  return null
}

function arrowEnds(p: Record<string, unknown>): DrawProblem | null {
  const found = point(p.start, 'props.start') ?? point(p.end, 'props.end')
  if (found) return found
  const start = p.start as { x: number; y: number }
  const end = p.end as { x: number; y: number }
  return Math.hypot(end.x - start.x, end.y - start.y) < L.minArrowLength
    ? problem('zeroLength', 'props.end')
    : null
}

/** What each shape type's props must satisfy beyond tldraw's own validators. */
export const SHAPE_CHECKS: Record<string, Check> = {
  note: (p) =>
    first(
      () => scale(p),
      () => numberIn(p.growY, 'props.growY', 0, L.maxSize),
      // A factor on the label's font size (tldraw fits long text down to about 0.4); 0 is what
      // tldraw 2 wrote for "not fitted", which the client draws as 1 (collab/placeholders.ts).
      () =>
        p.fontSizeAdjustment === null || p.fontSizeAdjustment === 0
          ? null
          : numberIn(p.fontSizeAdjustment, 'props.fontSizeAdjustment', 0.1, 4),
      () => richText(p),
    ),
  geo: (p) =>
    first(
      () => size(p, 'w'),
      () => size(p, 'h'),
      () => numberIn(p.growY, 'props.growY', 0, L.maxSize),
      () => scale(p),
      () => richText(p),
    ),
  text: (p) =>
    first(
      () => size(p, 'w'),
      () => scale(p),
      () => richText(p),
    ),
  frame: (p) => size(p, 'w') ?? size(p, 'h'),
  group: () => null,
  draw: (p) =>
    first(
      () => scale(p),
      () => scale(p, 'scaleX'),
      () => scale(p, 'scaleY'),
      () => segments(p),
    ),
  line: (p) => scale(p) ?? linePoints(p),
  arrow: (p) =>
    first(
      () => scale(p),
      () => arrowEnds(p),
      () => numberIn(p.bend, 'props.bend', -L.maxCoordinate, L.maxCoordinate),
      () => numberIn(p.labelPosition, 'props.labelPosition', 0, 1),
      () => numberIn(p.elbowMidPoint, 'props.elbowMidPoint', -10, 10),
      () => richText(p),
    ),
  image: (p) =>
    first(
      () => size(p, 'w'),
      () => size(p, 'h'),
      () => cropProblem(p.crop),
    ),
  video: (p) => size(p, 'w') ?? size(p, 'h') ?? numberIn(p.time, 'props.time', 0, 1e7),
  embed: (p) => size(p, 'w') ?? size(p, 'h'),
  bookmark: (p) => size(p, 'w') ?? size(p, 'h'),
}
SHAPE_CHECKS.highlight = SHAPE_CHECKS.draw!

function cropProblem(crop: unknown): DrawProblem | null {
  if (crop === null || crop === undefined) return null
  if (!isPlainObject(crop)) return problem('badField', 'props.crop')
  return (
    point(crop.topLeft, 'props.crop.topLeft', 10) ?? point(crop.bottomRight, 'props.crop.bottomRight', 10)
  )
}

/** The fields every shape has: where it is, how it is turned, how opaque. */
export function shapeBaseProblem(record: BoardRecord): DrawProblem | null {
  return first(
    () => numberIn(record.x, 'x', -L.maxCoordinate, L.maxCoordinate),
    () => numberIn(record.y, 'y', -L.maxCoordinate, L.maxCoordinate),
    () => numberIn(record.rotation, 'rotation', -L.maxRotation, L.maxRotation),
    () => numberIn(record.opacity, 'opacity', 0, 1),
    () => (isPlainObject(record.props) ? null : problem('badField', 'props')),
    () => (isPlainObject(record.meta) ? null : problem('badField', 'meta')),
  )
}

import type { BoardRecord } from './boardRecord'
import { type PointBox, strokeBox } from './drawPath'
import { ARROW_LABEL_FACTOR, BASE_FONT, FONT_FACTOR, hardLines, textBlockSize } from './textLayout'

/**
 * Everything a shape draws, as a box in the shape's own space (before its rotation and its
 * parents' transforms), from the record alone: the rules judge where a shape may be by this,
 * so it errs on the large side. Measured against tldraw v5's shape utils:
 * - note: 200 by 200 + growY, times props.scale (the note grows down with its text; tldraw
 *   writes growY with the text, so growY is what everyone sees).
 * - geo: props.w by props.h + growY, plus half a stroke; frame, image, video, embed, bookmark:
 *   props.w by props.h.
 * - text: props.w (or, with autoSize, its longest line) by its lines, wrapped at that width with
 *   a wide glyph (textLayout.ts), all times props.scale.
 * - draw and highlight: every point of every segment (times scaleX, scaleY), plus the stroke.
 * - line: every point (handles), plus the stroke and what a cubic spline overshoots.
 * - arrow: both ends (a bound end where its binding draws it), the arc its bend makes, the
 *   arrowheads, and its label wherever along the arrow the label sits.
 * Groups are measured in shapeGeometry.ts (their children's boxes).
 */

export type Extent = { ok: true; value: PointBox } | { ok: false; problem: 'badNumber' | 'tooManyPoints' }

export interface Point {
  x: number
  y: number
}

/** Where a bound arrow end is drawn, in the arrow's own space: the anchor and the box of the shape it is bound to. */
export interface BoundEnd {
  anchor: Point
  target: readonly Point[]
}

/** A bound end of an arrow, resolved by the caller (null: the end is free, drawn at its props point). */
export type EndResolver = (terminal: 'start' | 'end') => BoundEnd | null

export const NOTE_SIZE = 200
/** At most this many handles on a line shape. */
export const MAX_LINE_POINTS = 5_000
/** tldraw's stroke widths per size at scale 1 (STROKE_SIZES times the theme's 2). */
const STROKE: Record<string, number> = { s: 2, m: 3.5, l: 5, xl: 10 }
/** Room for an arrowhead beside its arrow's end, in stroke widths, plus a fixed part. */
const ARROWHEAD_STROKES = 4
const ARROWHEAD_FIXED = 8
/** A label's padding around its text, and the room kept free of it at an arrow's ends. */
const LABEL_PADDING = 8
const LABEL_END_ROOM = 64

const POINT_BOX: PointBox = { minX: 0, minY: 0, maxX: 0, maxY: 0 }

/** The drawn box of a shape in its own space (a group's is its children's: see shapeGeometry). */
export function drawnExtent(record: BoardRecord, ends: EndResolver | null): Extent {
  const props = record.props ?? {}
  const scale = num(props.scale, 1)
  if (scale === null) return BAD
  const stroke = (STROKE[String(props.size)] ?? STROKE.xl!) * Math.abs(scale)
  switch (record.type) {
    case 'note': {
      const growY = num(props.growY, 0)
      return growY === null ? BAD : rect(NOTE_SIZE * scale, (NOTE_SIZE + growY) * scale)
    }
    case 'geo': {
      const w = num(props.w, 0)
      const h = num(props.h, 0)
      const growY = num(props.growY, 0)
      return w === null || h === null || growY === null ? BAD : pad(rect(w, h + growY), stroke)
    }
    case 'text':
      return textExtent(props, scale)
    case 'frame':
    case 'image':
    case 'video':
    case 'embed':
    case 'bookmark': {
      const w = num(props.w, 0)
      const h = num(props.h, 0)
      return w === null || h === null ? BAD : rect(w, h)
    }
    case 'draw':
    case 'highlight': {
      const scaleX = num(props.scaleX, 1)
      const scaleY = num(props.scaleY, 1)
      if (scaleX === null || scaleY === null) return BAD
      const points = strokeBox(props.segments, scaleX, scaleY)
      if (!points.ok) return points
      // A highlighter is a broad marker: its stroke is 1.12 font sizes wide (HighlightShapeUtil).
      const width =
        record.type === 'highlight'
          ? (FONT_FACTOR[String(props.size)] ?? FONT_FACTOR.xl!) * BASE_FONT * 1.12 * Math.abs(scale)
          : stroke + Math.abs(scale)
      return pad({ ok: true, value: points.box ?? POINT_BOX }, width)
    }
    case 'line':
      return lineExtent(props.points, stroke)
    case 'arrow':
      return arrowExtent(props, scale, stroke, ends)
    default:
      return { ok: true, value: POINT_BOX }
  }
}

function textExtent(props: Record<string, unknown>, scale: number): Extent {
  const w = num(props.w, 0)
  const lines = hardLines(props.richText)
  if (w === null) return BAD
  if (!lines) return { ok: false, problem: 'tooManyPoints' }
  const fontSize = (FONT_FACTOR[String(props.size)] ?? FONT_FACTOR.xl!) * BASE_FONT
  const size = textBlockSize(lines, fontSize, props.autoSize === true ? null : Math.max(1, w))
  const s = Math.abs(scale)
  // autoSize text keeps its record's w in step with what it draws; the larger of the two counts.
  const width = Math.max(size.w, props.autoSize === true ? w : 0)
  return pad(rect(width * s, size.h * s), LABEL_PADDING * s)
}

function lineExtent(points: unknown, stroke: number): Extent {
  if (points === null || typeof points !== 'object') return BAD
  let box: PointBox | null = null
  let count = 0
  for (const key in points) {
    if (++count > MAX_LINE_POINTS) return { ok: false, problem: 'tooManyPoints' }
    const p = (points as Record<string, unknown>)[key] as { x?: unknown; y?: unknown } | null
    const x = num(p?.x, Number.NaN)
    const y = num(p?.y, Number.NaN)
    if (x === null || y === null || Number.isNaN(x) || Number.isNaN(y)) return BAD
    box = join(box, { minX: x, minY: y, maxX: x, maxY: y })
  }
  if (!box) return { ok: true, value: POINT_BOX }
  // A cubic spline through the handles swings past them: a fifth of the line's size covers it.
  const overshoot = Math.max(box.maxX - box.minX, box.maxY - box.minY) / 5
  return pad({ ok: true, value: box }, stroke + overshoot)
}

function arrowExtent(
  props: Record<string, unknown>,
  scale: number,
  stroke: number,
  ends: EndResolver | null,
): Extent {
  const bend = num(props.bend, 0)
  if (bend === null) return BAD
  const start = ends?.('start') ?? null
  const end = ends?.('end') ?? null
  const a = start?.anchor ?? vec(props.start)
  const b = end?.anchor ?? vec(props.end)
  if (!a || !b) return BAD
  let box = arcBox(a, b, bend)
  // An elbow arrow routes round the shapes it joins, and any end stops at its shape's outline.
  for (const bound of [start, end]) for (const p of bound?.target ?? []) box = join(box, pointBox(p))
  if (props.kind === 'elbow') box = grow(box, 2 * LABEL_END_ROOM * Math.abs(scale))
  box = grow(box, stroke * ARROWHEAD_STROKES + ARROWHEAD_FIXED * Math.abs(scale))
  const label = arrowLabel(props, scale, box)
  if (label === 'tooManyPoints') return { ok: false, problem: 'tooManyPoints' }
  // The label sits on the arrow, anywhere along it: half of it may stand out on every side.
  if (label) box = grow2(box, label.w / 2, label.h / 2)
  return finite(box)
}

/** The box around an arc from a to b whose middle stands `bend` off the chord (tldraw's arc arrows). */
function arcBox(a: Point, b: Point, bend: number): PointBox {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const chord = Math.hypot(dx, dy)
  const box = join(pointBox(a), pointBox(b))
  if (chord === 0 || bend === 0) return box
  // tldraw's middle handle: the chord's middle, moved by -bend along the chord's normal (y, -x).
  const off = { x: (dy / chord) * -bend, y: (-dx / chord) * -bend }
  if (Math.abs(bend) <= chord / 2) {
    // Up to a half circle the arc stays between the chord and its copy moved to the middle.
    return join(
      box,
      join(pointBox({ x: a.x + off.x, y: a.y + off.y }), pointBox({ x: b.x + off.x, y: b.y + off.y })),
    )
  }
  // More than a half circle: the arc may reach round its whole circle.
  const sagitta = Math.abs(bend)
  const radius = (sagitta * sagitta + (chord / 2) ** 2) / (2 * sagitta)
  const m = { x: (a.x + b.x) / 2 + off.x, y: (a.y + b.y) / 2 + off.y }
  const toCentre = radius / sagitta
  const centre = { x: m.x - off.x * toCentre, y: m.y - off.y * toCentre }
  return join(box, {
    minX: centre.x - radius,
    minY: centre.y - radius,
    maxX: centre.x + radius,
    maxY: centre.y + radius,
  })
}

/** The label's size with its padding, null without a label (tldraw's arrow label size, squished as it squishes). */
function arrowLabel(
  props: Record<string, unknown>,
  scale: number,
  body: PointBox,
): { w: number; h: number } | null | 'tooManyPoints' {
  const lines = hardLines(props.richText)
  if (!lines) return 'tooManyPoints'
  if (lines.every((n) => n === 0)) return null
  const fontSize =
    (ARROW_LABEL_FACTOR[String(props.size)] ?? ARROW_LABEL_FACTOR.xl!) * BASE_FONT * Math.abs(scale)
  const free = textBlockSize(lines, fontSize, null)
  const bodyW = body.maxX - body.minX
  const bodyH = body.maxY - body.minY
  const width =
    bodyW > bodyH
      ? Math.max(Math.min(free.w, LABEL_END_ROOM), Math.min(bodyW - LABEL_END_ROOM, free.w))
      : Math.min(free.w, 16 * fontSize)
  const size = textBlockSize(lines, fontSize, Math.max(1, width))
  const padding = 2 * LABEL_PADDING * Math.abs(scale)
  return { w: size.w + padding, h: size.h + padding }
}

const BAD = { ok: false, problem: 'badNumber' } as const

/** A number field: absent gives the default; anything but a finite number gives null. */
export function num(value: unknown, fallback: number): number | null {
  if (value === undefined) return fallback
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function vec(value: unknown): Point | null {
  const p = value as { x?: unknown; y?: unknown } | null
  const x = num(p?.x, Number.NaN)
  const y = num(p?.y, Number.NaN)
  return x === null || y === null || Number.isNaN(x) || Number.isNaN(y) ? null : { x, y }
}

/** A box from the origin to (w, h), either way round (a negative size or scale flips it). */
function rect(w: number, h: number): Extent {
  return finite({ minX: Math.min(0, w), minY: Math.min(0, h), maxX: Math.max(0, w), maxY: Math.max(0, h) })
}

function pad(extent: Extent, by: number): Extent {
  return extent.ok ? finite(grow(extent.value, by / 2)) : extent
}

function grow(b: PointBox, by: number): PointBox {
  return grow2(b, by, by)
}

function grow2(b: PointBox, x: number, y: number): PointBox {
  return { minX: b.minX - x, minY: b.minY - y, maxX: b.maxX + x, maxY: b.maxY + y }
}

function pointBox(p: Point): PointBox {
  return { minX: p.x, minY: p.y, maxX: p.x, maxY: p.y }
}

export function join(a: PointBox | null, b: PointBox): PointBox {
  if (!a) return b
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  }
}

function finite(b: PointBox): Extent {
  return [b.minX, b.minY, b.maxX, b.maxY].every(Number.isFinite) ? { ok: true, value: b } : BAD
}

import { b64Vecs, createTLSchema } from '@tldraw/tlschema'
import { type BoardRecord, PAGE_ID } from '../../shared/boardRecords'

/**
 * Shapes that draw beyond their x, y, in tldraw v5's record format and checked with tldraw's own
 * schema: a freehand stroke, a line, an arrow (with a label, bound or not), a text, a geo box, a
 * note at a scale, and the binding that holds an arrow's end to a shape.
 */
const schema = createTLSchema()

interface At {
  x: number
  y: number
  authorId: string
  index?: string
  parentId?: string
}
type Point = { x: number; y: number }

function shape(id: string, type: string, at: At, props: Record<string, unknown>): BoardRecord {
  const record = {
    id,
    typeName: 'shape',
    type,
    x: at.x,
    y: at.y,
    rotation: 0,
    index: at.index ?? 'a5',
    parentId: at.parentId ?? PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: { authorId: at.authorId },
    props,
  }
  schema.types.shape.validate(record as never)
  return record
}

/** Rich text of paragraphs, one per line (an empty line is an empty paragraph). */
export function richText(...lines: string[]) {
  return {
    type: 'doc',
    content: lines.map((line) => ({
      type: 'paragraph',
      ...(line === '' ? {} : { content: [{ type: 'text', text: line }] }),
    })),
  }
}

/** A freehand stroke through `points` (relative to x, y). */
export function drawShape(id: string, at: At, points: Point[]): BoardRecord {
  return shape(id, 'draw', at, {
    color: 'black',
    fill: 'none',
    dash: 'draw',
    size: 'm',
    segments: [{ type: 'free', path: b64Vecs.encodePoints(points.map((p) => ({ ...p, z: 0.5 }))) }],
    isComplete: true,
    isClosed: false,
    isPen: false,
    scale: 1,
    scaleX: 1,
    scaleY: 1,
  })
}

/** A straight line through its handles (relative to x, y). */
export function lineShape(id: string, at: At, points: Point[]): BoardRecord {
  const handles: Record<string, unknown> = {}
  points.forEach((p, i) => {
    const key = `a${i + 1}`
    handles[key] = { id: key, index: key, x: p.x, y: p.y }
  })
  return shape(id, 'line', at, {
    dash: 'draw',
    size: 'm',
    color: 'black',
    spline: 'line',
    points: handles,
    scale: 1,
  })
}

/** An arrow from start to end (relative to x, y), with a label. */
export function arrowShape(id: string, at: At, start: Point, end: Point, label = '', bend = 0): BoardRecord {
  return shape(id, 'arrow', at, {
    kind: 'arc',
    elbowMidPoint: 0.5,
    dash: 'draw',
    size: 'm',
    fill: 'none',
    color: 'black',
    labelColor: 'black',
    bend,
    start,
    end,
    arrowheadStart: 'none',
    arrowheadEnd: 'arrow',
    richText: richText(label),
    labelPosition: 0.5,
    font: 'draw',
    scale: 1,
  })
}

/** A text of the given lines, wrapped at `w` (autoSize off) or as wide as it is (autoSize). */
export function textShape(id: string, at: At, lines: string[], w: number | null = null): BoardRecord {
  return shape(id, 'text', at, {
    color: 'black',
    size: 'm',
    w: w ?? 8,
    font: 'draw',
    textAlign: 'start',
    autoSize: w === null,
    scale: 1,
    richText: richText(...lines),
  })
}

/** A solid rectangle. */
export function boxShape(id: string, at: At, w: number, h: number): BoardRecord {
  return shape(id, 'geo', at, {
    w,
    h,
    geo: 'rectangle',
    dash: 'draw',
    growY: 0,
    url: '',
    scale: 1,
    flipX: false,
    flipY: false,
    color: 'black',
    labelColor: 'black',
    fill: 'solid',
    size: 'm',
    font: 'draw',
    align: 'middle',
    verticalAlign: 'middle',
    richText: richText(''),
  })
}

/** An empty frame. */
export function frameShape(id: string, at: At, w: number, h: number): BoardRecord {
  return shape(id, 'frame', at, { w, h, name: '', color: 'black' })
}

/** The binding that holds an arrow's end to a shape (at the shape's middle, as tldraw binds by default). */
export function arrowBinding(
  id: string,
  arrowId: string,
  toId: string,
  terminal: 'start' | 'end',
): BoardRecord {
  const record = {
    id,
    typeName: 'binding',
    type: 'arrow',
    fromId: arrowId,
    toId,
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
    meta: {},
  }
  schema.types.binding.validate(record as never)
  return record
}

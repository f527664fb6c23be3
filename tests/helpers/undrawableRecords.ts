import { b64Vecs, createTLSchema } from '@tldraw/tlschema'
import type { BoardRecord } from '../../shared/boardRecords'
import { noteRecord } from './records'

/**
 * Records that pass tldraw's own validators (checked here) but that the editor cannot draw: each
 * took the canvas down ("Something went wrong") in every browser that loaded the board, before
 * the drawing rule (shared/drawable). Built from the honest records below, one field off.
 */

const schema = createTLSchema()

export interface Honest {
  note: BoardRecord
  arrow: BoardRecord
  line: BoardRecord
  draw: BoardRecord
  geo: BoardRecord
}

function base(id: string, type: string, at: { x: number; y: number }, authorId: string) {
  return {
    id,
    typeName: 'shape',
    type,
    ...at,
    rotation: 0,
    index: 'a7',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: { authorId },
  }
}

const richText = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})

/** Honest records of every kind the list below breaks, as tldraw v5 makes them. */
export function honestShapes(prefix: string, at: { x: number; y: number }, authorId: string): Honest {
  const shapes: Honest = {
    note: noteRecord({ id: `shape:${prefix}-note`, ...at, authorId, text: 'gewoon' }),
    arrow: {
      ...base(`shape:${prefix}-arrow`, 'arrow', at, authorId),
      props: {
        kind: 'arc',
        labelColor: 'black',
        color: 'black',
        fill: 'none',
        dash: 'draw',
        size: 'm',
        arrowheadStart: 'none',
        arrowheadEnd: 'arrow',
        font: 'draw',
        start: { x: 0, y: 0 },
        end: { x: 120, y: 0 },
        bend: 0,
        richText: { type: 'doc', content: [{ type: 'paragraph' }] },
        labelPosition: 0.5,
        scale: 1,
        elbowMidPoint: 0.5,
      },
    },
    line: {
      ...base(`shape:${prefix}-line`, 'line', at, authorId),
      props: {
        dash: 'draw',
        size: 'm',
        color: 'black',
        spline: 'line',
        points: {
          a1: { id: 'a1', index: 'a1', x: 0, y: 0 },
          a2: { id: 'a2', index: 'a2', x: 80, y: 40 },
        },
        scale: 1,
      },
    },
    draw: {
      ...base(`shape:${prefix}-draw`, 'draw', at, authorId),
      props: {
        color: 'black',
        fill: 'none',
        dash: 'draw',
        size: 'm',
        segments: [
          {
            type: 'free',
            path: b64Vecs.encodePoints([
              { x: 0, y: 0, z: 0.5 },
              { x: 10, y: 5, z: 0.5 },
              { x: 30, y: 20, z: 0.5 },
            ]),
          },
        ],
        isComplete: true,
        isClosed: false,
        isPen: false,
        scale: 1,
        scaleX: 1,
        scaleY: 1,
      },
    },
    geo: {
      ...base(`shape:${prefix}-geo`, 'geo', at, authorId),
      props: {
        geo: 'rectangle',
        dash: 'draw',
        url: '',
        w: 160,
        h: 90,
        growY: 0,
        scale: 1,
        flipX: false,
        flipY: false,
        labelColor: 'black',
        color: 'blue',
        fill: 'none',
        size: 'm',
        font: 'draw',
        align: 'middle',
        verticalAlign: 'middle',
        richText: richText('vak'),
      },
    },
  }
  for (const shape of Object.values(shapes)) schema.types.shape.validate(shape as never)
  return shapes
}

export interface Undrawable {
  name: string
  /** The problem code the drawing rule gives. */
  code: string
  record: BoardRecord
}

const withProps = (record: BoardRecord, props: Record<string, unknown>): BoardRecord => ({
  ...record,
  props: { ...record.props, ...props },
})
const noteText = (note: BoardRecord, doc: unknown) => withProps(note, { richText: doc })
const para = (content: unknown) => ({ type: 'doc', content: [{ type: 'paragraph', content }] })

/** One broken record per way of breaking the editor; `marker` is in each, to search storage for. */
export function undrawableRecords(
  prefix: string,
  at: { x: number; y: number },
  authorId: string,
  marker: string,
) {
  const h = honestShapes(prefix, at, authorId)
  const text = [{ type: 'text', text: marker }]
  const big = 1e300
  const list: Undrawable[] = [
    {
      name: 'unknown mark',
      code: 'richText',
      record: noteText(h.note, para([{ type: 'text', text: marker, marks: [{ type: 'blink' }] }])),
    },
    {
      name: 'unknown node type',
      code: 'richText',
      record: noteText(h.note, {
        type: 'doc',
        content: [
          { type: 'table', content: [] },
          { type: 'paragraph', content: text },
        ],
      }),
    },
    {
      name: 'text node without text',
      code: 'richText',
      record: noteText(h.note, para([{ type: 'text' }, ...text])),
    },
    {
      name: 'empty text node',
      code: 'richText',
      record: noteText(h.note, para([{ type: 'text', text: '' }, ...text])),
    },
    {
      name: 'string content',
      code: 'richText',
      record: noteText(h.note, { type: 'doc', content: [{ type: 'paragraph', content: marker }] }),
    },
    {
      name: 'unknown attribute',
      code: 'richText',
      record: noteText(h.note, {
        type: 'doc',
        content: [{ type: 'paragraph', attrs: { onclick: marker }, content: text }],
      }),
    },
    {
      name: 'paragraph in a paragraph',
      code: 'richText',
      record: noteText(h.note, para([{ type: 'paragraph', content: text }])),
    },
    {
      name: 'link to javascript:',
      code: 'richText',
      record: noteText(
        h.note,
        para([
          { type: 'text', text: marker, marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
        ]),
      ),
    },
    {
      name: 'disabled node (blockquote)',
      code: 'richText',
      record: noteText(h.note, {
        type: 'doc',
        content: [{ type: 'blockquote', content: [{ type: 'paragraph', content: text }] }],
      }),
    },
    {
      name: 'zero-length arrow',
      code: 'zeroLength',
      record: withProps(h.arrow, { start: { x: 5, y: 5 }, end: { x: 5, y: 5 }, richText: para(text) }),
    },
    { name: 'line without points', code: 'noPoints', record: withProps(h.line, { points: {} }) },
    {
      name: 'line with one point',
      code: 'noPoints',
      record: withProps(h.line, { points: { a1: { id: 'a1', index: 'a1', x: 0, y: 0 } } }),
    },
    {
      name: '1e300-sized geo',
      code: 'outOfBounds',
      record: withProps(h.geo, { w: big, h: big, richText: para(text) }),
    },
    {
      name: '1e300 position',
      code: 'outOfBounds',
      record: { ...h.geo, x: big, props: { ...h.geo.props, richText: para(text) } },
    },
    {
      name: '1e300 scale note',
      code: 'outOfBounds',
      record: withProps(h.note, { scale: big, richText: para(text) }),
    },
    {
      name: 'note text a million times its size',
      code: 'outOfBounds',
      record: withProps(h.note, { fontSizeAdjustment: 1e6, richText: para(text) }),
    },
    { name: 'draw without segments', code: 'noPoints', record: withProps(h.draw, { segments: [] }) },
    {
      name: 'draw with an empty segment',
      code: 'noPoints',
      record: withProps(h.draw, { segments: [{ type: 'free', path: '' }] }),
    },
    {
      name: 'draw with a huge points array',
      code: 'tooManyPoints',
      record: withProps(h.draw, {
        segments: [
          {
            type: 'free',
            path: b64Vecs.encodePoints(Array.from({ length: 2500 }, (_, i) => ({ x: i % 50, y: 0, z: 0.5 }))),
          },
        ],
      }),
    },
    {
      name: 'draw with a point at infinity',
      code: 'notANumber',
      record: withProps(h.draw, {
        segments: [
          {
            type: 'free',
            path: b64Vecs.encodePoints([
              { x: 0, y: 0, z: 0.5 },
              { x: Number.POSITIVE_INFINITY, y: 0, z: 0.5 },
            ]),
          },
        ],
      }),
    },
  ]
  for (const { name, record } of list) {
    try {
      schema.types.shape.validate(record as never)
    } catch (error) {
      throw new Error(`fixture "${name}" is refused by tldraw already: ${(error as Error).message}`)
    }
  }
  return list
}

import { createTLSchema } from '@tldraw/tlschema'
import type { BoardRecord } from '../../shared/boardRecords'

const schema = createTLSchema()

/** A tldraw v5 note record as the editor makes it, validated with tldraw's own schema. */
export function noteRecord(opts: {
  id: string
  x: number
  y: number
  authorId: string
  text: string
  parentId?: string
  rating?: string
}): BoardRecord {
  const record = {
    id: opts.id,
    typeName: 'shape',
    type: 'note',
    x: opts.x,
    y: opts.y,
    rotation: 0,
    index: 'a5',
    parentId: opts.parentId ?? 'page:page',
    isLocked: false,
    opacity: 1,
    meta: { authorId: opts.authorId, ...(opts.rating ? { rating: opts.rating } : {}) },
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: {
        type: 'doc',
        // An empty note is a paragraph without content, as tldraw's toRichText makes it: the
        // editor's text schema has no empty text nodes.
        content: [
          opts.text
            ? { type: 'paragraph', content: [{ type: 'text', text: opts.text }] }
            : { type: 'paragraph' },
        ],
      },
      scale: 1,
      textLastEditedBy: null,
    },
  }
  schema.types.shape.validate(record as never)
  return record
}

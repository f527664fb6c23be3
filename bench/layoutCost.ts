import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import type { BoardRecord } from '../shared/boardRecords'
import { FIELDS_MAP, fieldKey } from '../shared/recordLayout'
import { RECORDS_ARRAY } from '../shared/wire'
import { benchNote } from './targets'

/**
 * In-process, no server: what a note move costs in each document layout a board could use, as
 * the update a client sends (bytes, before framing) and as growth of the encoded document over
 * `moves` moves by `writers` writers that apply each other's updates (tombstones included).
 * Every other move is of one shared note, the rest of each writer's own, so writers alternate
 * on the same keys as people dragging the same note would.
 */
interface Layout {
  name: string
  create(doc: Y.Doc, record: BoardRecord): void
  move(doc: Y.Doc, record: BoardRecord, x: number, y: number): void
}

const kvs = new WeakMap<Y.Doc, YKeyValue<unknown>>()
const kvOf = (doc: Y.Doc) => {
  let kv = kvs.get(doc)
  if (!kv) {
    kv = new YKeyValue<unknown>(doc.getArray(RECORDS_ARRAY))
    kvs.set(doc, kv)
  }
  return kv
}

export const LAYOUTS: Layout[] = [
  {
    name: 'whole records (YKeyValue, before)',
    create: (doc, r) => kvOf(doc).set(r.id, r),
    move: (doc, r, x, y) => kvOf(doc).set(r.id, { ...r, x, y }),
  },
  {
    name: 'a nested Y.Map per record (x and y apart)',
    create(doc, r) {
      const map = new Y.Map<unknown>()
      doc.transact(() => {
        doc.getMap('records').set(r.id, map)
        for (const [k, v] of Object.entries(r)) map.set(k, v)
      })
    },
    move(doc, r, x, y) {
      const map = doc.getMap<Y.Map<unknown>>('records').get(r.id)!
      doc.transact(() => {
        map.set('x', x)
        map.set('y', y)
      })
    },
  },
  {
    name: 'ours: base + field entries (recordLayout.ts)',
    create: (doc, r) => kvOf(doc).set(r.id, r),
    move: (doc, r, x, y) => doc.getMap(FIELDS_MAP).set(fieldKey(r.id, 'xy'), [x, y]),
  },
]

export interface LayoutCost {
  name: string
  /** Mean bytes of one move's update. */
  updateBytes: number
  /** Growth of the encoded document per move. */
  growthPerMove: number
}

export function benchLayoutCost(moves = 10_000, writers = 5): LayoutCost[] {
  return LAYOUTS.map((layout) => {
    const docs = Array.from({ length: writers }, () => new Y.Doc({ gc: true }))
    const notes = docs.map(
      (_, i) => benchNote(`shape:layoutNote${i}xxxxxxxx`, 'bench-author', i) as unknown as BoardRecord,
    )
    for (const [i, doc] of docs.entries()) layout.create(doc, notes[i]!)
    for (const a of docs)
      for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    const before = Y.encodeStateAsUpdate(docs[0]!).byteLength
    let bytes = 0
    for (let i = 0; i < moves; i++) {
      const doc = docs[i % writers]!
      let update: Uint8Array | null = null
      const take = (u: Uint8Array) => {
        update = u
      }
      doc.on('update', take)
      const note = notes[i % 2 === 0 ? 0 : i % writers]!
      // Fractional places, as a drag makes them (a float each).
      layout.move(doc, note, 100 + (i % 500) * 1.37, 200 + (i % 300) * 0.71)
      doc.off('update', take)
      const sent = update as Uint8Array | null
      if (!sent) throw new Error(`${layout.name}: a move sent nothing`)
      bytes += sent.byteLength
      for (const other of docs) if (other !== doc) Y.applyUpdate(other, sent)
    }
    const after = Y.encodeStateAsUpdate(docs[0]!).byteLength
    for (const doc of docs) doc.destroy()
    return { name: layout.name, updateBytes: bytes / moves, growthPerMove: (after - before) / moves }
  })
}

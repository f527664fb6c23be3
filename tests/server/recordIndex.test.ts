import { expect, it } from 'vitest'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { RecordIndex } from '../../server/src/meetings/recordIndex'

type Entry = { key: string; val: { id: string; typeName: string; n: number } }

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** What a client would show: YKeyValue over a copy of the document (right-most entry wins). */
function clientView(doc: Y.Doc): Map<string, number> {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const kv = new YKeyValue(copy.getArray<Entry>('tl_records'))
  return new Map([...kv.map].map(([k, v]) => [k, (v.val as Entry['val']).n]))
}

function indexView(index: RecordIndex, keys: string[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const key of keys) {
    const rec = index.get(key) as Entry['val'] | undefined
    if (rec) out.set(key, rec.n)
  }
  return out
}

it('agrees with YKeyValue on duplicates from concurrent writers, whatever the order of arrival', () => {
  const keys = ['shape:a', 'shape:b', 'shape:c']
  for (let seed = 1; seed <= 25; seed++) {
    const random = rng(seed)
    const server = new Y.Doc()
    const index = new RecordIndex(server)
    const writers = [0, 1, 2].map(() => {
      const doc = new Y.Doc()
      const kv = new YKeyValue(doc.getArray<Entry>('tl_records'))
      const outbox: Uint8Array[] = []
      doc.on('update', (u: Uint8Array) => outbox.push(u))
      return { doc, kv, outbox }
    })
    let n = 0
    for (let step = 0; step < 60; step++) {
      const w = writers[Math.floor(random() * writers.length)]!
      const key = keys[Math.floor(random() * keys.length)]!
      if (random() < 0.15) w.kv.delete(key)
      else w.kv.set(key, { id: key, typeName: 'shape', n: n++ } as never)
      if (random() < 0.3) {
        // deliver one writer's queue to the server (and back to that writer: it sees the others)
        const from = writers[Math.floor(random() * writers.length)]!
        for (const u of from.outbox.splice(0)) Y.applyUpdate(server, u)
        Y.applyUpdate(from.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(from.doc)))
      }
      expect(indexView(index, keys), `seed ${seed} step ${step}`).toEqual(clientView(server))
    }
    index.destroy()
  }
})

it('one update carrying two entries for one key: the right-most is the record, the journal has the old value', () => {
  const server = new Y.Doc()
  const records = server.getArray<Entry>('tl_records')
  const index = new RecordIndex(server)
  records.push([{ key: 'shape:x', val: { id: 'shape:x', typeName: 'shape', n: 0 } }])
  index.beginBatch()
  server.transact(() => {
    records.delete(0, 1)
    // Inserted in this order, but the first one ends up right-most.
    records.insert(0, [{ key: 'shape:x', val: { id: 'shape:x', typeName: 'shape', n: 2 } }])
    records.insert(0, [{ key: 'shape:x', val: { id: 'shape:x', typeName: 'shape', n: 1 } }])
  })
  expect((index.get('shape:x') as Entry['val']).n).toBe(2)
  expect(clientView(server).get('shape:x')).toBe(2)
  expect((index.before('shape:x') as Entry['val']).n).toBe(0)
})

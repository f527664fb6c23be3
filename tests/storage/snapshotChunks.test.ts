import { expect, it } from 'vitest'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import {
  applySnapshot,
  encodeSnapshot,
  encodeSnapshotParts,
  snapshotParts,
} from '../../server/src/storage/snapshotChunks'

/** Two writers taking turns on the same keys: each one's entries point at the other's. */
function interleavedDoc(): Y.Doc {
  const a = new Y.Doc()
  const b = new Y.Doc()
  const kv = new YKeyValue<unknown>(a.getArray('tl_records'))
  a.transact(() => {
    for (let i = 0; i < 400; i++) kv.set(`shape:${i}`, { id: `shape:${i}`, text: `Notitie ${i}`.repeat(5) })
  })
  for (let round = 0; round < 30; round++) {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    b.transact(() => {
      for (let i = 0; i < 40; i++) b.getMap('tl_fields').set(`shape:${i}@xy`, [round, i])
    })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
    a.transact(() => {
      for (let i = 0; i < 40; i++) a.getMap('tl_fields').set(`shape:${i}@xy`, [-round, i])
      kv.delete(`shape:${300 + round}`)
    })
  }
  return a
}

it('splits a document into small parts that each find what they point at in the parts before', () => {
  const doc = interleavedDoc()
  const parts = encodeSnapshotParts(doc, 2048)
  expect(parts.length).toBeGreaterThan(10)
  const copy = new Y.Doc()
  parts.forEach((part, i) => {
    // The one big insert of 400 records is cut in slices too: no part far above the size asked.
    expect(part.byteLength).toBeLessThan(2 * 2048 + 512)
    Y.applyUpdate(copy, part)
    expect({ part: i, pending: copy.store.pendingStructs !== null }).toEqual({ part: i, pending: false })
  })
  expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc))
  expect(copy.getMap('tl_fields').toJSON()).toEqual(doc.getMap('tl_fields').toJSON())
  expect(copy.getArray('tl_records').toJSON()).toEqual(doc.getArray('tl_records').toJSON())
  // The delete set came along: the same document, down to its encoding.
  expect(Buffer.from(Y.encodeStateAsUpdate(copy)).equals(Buffer.from(Y.encodeStateAsUpdate(doc)))).toBe(true)
})

it('reads a stored blob of parts, and an older plain snapshot as one part', () => {
  const doc = interleavedDoc()
  const blob = encodeSnapshot(doc, 4096)
  expect(snapshotParts(blob).length).toBeGreaterThan(2)
  const plain = Y.encodeStateAsUpdate(doc)
  expect(snapshotParts(plain)).toEqual([plain])
  for (const stored of [blob, plain]) {
    const copy = new Y.Doc()
    applySnapshot(copy, stored, null)
    expect(copy.getMap('tl_fields').toJSON()).toEqual(doc.getMap('tl_fields').toJSON())
  }
})

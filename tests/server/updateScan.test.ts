import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { DEFAULT_AWARENESS_LIMITS, readAwarenessUpdate } from '../../server/src/rooms/awarenessFrame'
import { jsonTextWithin } from '../../server/src/rooms/jsonBounds'
import { DEFAULT_UPDATE_LIMITS, scanUpdate } from '../../server/src/rooms/updateScan'
import { noteRecord } from '../helpers/records'

/** One section for `client` from `clock` with one item of Any content whose value is `write`. */
function anyItemUpdate(write: (e: encoding.Encoder) => void, client = 7, clock = 0): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1) // sections
  encoding.writeVarUint(e, 1) // structs
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, clock)
  encoding.writeUint8(e, 8) // Any, no origins: parent follows
  encoding.writeVarUint(e, 1) // parent is a root type name
  encoding.writeVarString(e, 'tl_records')
  encoding.writeVarUint(e, 1) // one value
  write(e)
  encoding.writeVarUint(e, 0) // empty delete set
  return encoding.toUint8Array(e)
}

/** lib0 "any" arrays nested `depth` deep, written with a loop (the test must not recurse either). */
function nestedArrays(depth: number) {
  return (e: encoding.Encoder) => {
    for (let i = 0; i < depth; i++) {
      encoding.writeUint8(e, 117)
      encoding.writeVarUint(e, 1)
    }
    encoding.writeUint8(e, 126) // null at the bottom
  }
}

describe('scanUpdate: a bounded first read before Yjs', () => {
  it('lets real board updates through, whatever their size', () => {
    const doc = new Y.Doc()
    const kv = new YKeyValue(doc.getArray<{ key: string; val: unknown }>('tl_records'))
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 50; i++)
      kv.set(`shape:${i % 7}`, noteRecord({ id: `shape:${i % 7}`, x: i, y: 0, authorId: 'a', text: `n${i}` }))
    for (const u of [...updates, Y.encodeStateAsUpdate(doc)])
      expect(scanUpdate(u)).toMatchObject({ ok: true })
  })

  it('refuses Any content nested deeper than the limit, and accepts it at the limit', () => {
    const limit = DEFAULT_UPDATE_LIMITS.maxDepth
    expect(scanUpdate(anyItemUpdate(nestedArrays(limit))).ok).toBe(true)
    const deep = scanUpdate(anyItemUpdate(nestedArrays(10_000)))
    expect(deep).toMatchObject({ ok: false })
    expect(!deep.ok && deep.reason).toContain(`nested deeper than ${limit}`)
    // Yjs itself would take it: the scan is what stands between it and the room.
    expect(() => Y.decodeUpdate(anyItemUpdate(nestedArrays(limit + 1)))).not.toThrow()
  })

  it('refuses counts the bytes cannot hold, names where, and never loops on them', () => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 2 ** 40) // sections announced
    const result = scanUpdate(encoding.toUint8Array(e))
    expect(result).toMatchObject({ ok: false })
    expect(!result.ok && result.reason).toMatch(/announced/)
  })

  it('refuses a clock jump beyond the limit (a GC struct of length 2^50)', () => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, 9)
    encoding.writeVarUint(e, 0)
    encoding.writeUint8(e, 0) // GC
    encoding.writeVarUint(e, 2 ** 50)
    encoding.writeVarUint(e, 0)
    const result = scanUpdate(encoding.toUint8Array(e))
    expect(!result.ok && result.reason).toMatch(/clock beyond/)
  })

  it('refuses content kinds the board does not use (a subdocument, text) and trailing bytes', () => {
    const text = new Y.Doc()
    text.getText('t').insert(0, 'hallo')
    const result = scanUpdate(Y.encodeStateAsUpdate(text))
    expect(!result.ok && result.reason).toMatch(/content kind 4/)
    const withTail = new Uint8Array([...anyItemUpdate(nestedArrays(1)), 0])
    expect(scanUpdate(withTail).ok).toBe(false)
  })

  it('reports which clock range each section writes', () => {
    const result = scanUpdate(anyItemUpdate(nestedArrays(2), 42, 5))
    expect(result).toMatchObject({ ok: true, sections: [{ client: 42, from: 5, to: 6 }] })
  })

  it('refuses more clients in one update than the limit', () => {
    const e = encoding.createEncoder()
    const n = DEFAULT_UPDATE_LIMITS.maxSections + 1
    encoding.writeVarUint(e, n)
    for (let i = 0; i < n; i++) {
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, 100 + i)
      encoding.writeVarUint(e, 0)
      encoding.writeUint8(e, 1) // Deleted content, parent follows
      encoding.writeVarUint(e, 1)
      encoding.writeVarString(e, 'tl_records')
      encoding.writeVarUint(e, 1)
    }
    encoding.writeVarUint(e, 0)
    const result = scanUpdate(encoding.toUint8Array(e))
    expect(!result.ok && result.reason).toMatch(/clients in one update/)
  })
})

describe('presence frames and JSON text', () => {
  const frame = (entries: Array<[number, number, string]>) => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, entries.length)
    for (const [id, clock, json] of entries) {
      encoding.writeVarUint(e, id)
      encoding.writeVarUint(e, clock)
      encoding.writeVarString(e, json)
    }
    return encoding.toUint8Array(e)
  }

  it('reads an honest presence state', () => {
    const read = readAwarenessUpdate(
      frame([[1, 3, '{"presence":{"cursor":{"x":1,"y":2}}}']]),
      DEFAULT_AWARENESS_LIMITS,
    )
    expect(read).toEqual({
      ok: true,
      entries: [{ clientId: 1, clock: 3, state: { presence: { cursor: { x: 1, y: 2 } } } }],
    })
  })

  it('refuses deep, large, many and non-object states before parsing them', () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`
    expect(readAwarenessUpdate(frame([[1, 1, deep]]), DEFAULT_AWARENESS_LIMITS)).toMatchObject({ ok: false })
    const big = JSON.stringify({ pad: 'x'.repeat(DEFAULT_AWARENESS_LIMITS.maxStateBytes) })
    expect(readAwarenessUpdate(frame([[1, 1, big]]), DEFAULT_AWARENESS_LIMITS)).toMatchObject({ ok: false })
    const many = Array.from(
      { length: DEFAULT_AWARENESS_LIMITS.maxEntries + 1 },
      (_, i): [number, number, string] => [i, 1, '{}'],
    )
    expect(readAwarenessUpdate(frame(many), DEFAULT_AWARENESS_LIMITS)).toMatchObject({ ok: false })
    expect(readAwarenessUpdate(frame([[1, 1, '[1]']]), DEFAULT_AWARENESS_LIMITS)).toMatchObject({ ok: false })
  })

  it('counts JSON depth outside strings only', () => {
    expect(jsonTextWithin('{"a":"[[[[[[[[[["}', 2)).toBeNull()
    expect(jsonTextWithin('[[[1]]]', 2)).toMatch(/deeper than 2/)
    expect(jsonTextWithin('["\\"[[[[["]', 2)).toBeNull()
  })
})

import * as encoding from 'lib0/encoding'
import { expect, it } from 'vitest'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import type { RoomConnection } from '../../server/src/rooms/connection'
import { Room } from '../../server/src/rooms/room'
import { openSqlite, SqliteRoomStore } from '../../server/src/storage/sqliteRoomStore'
import { noteRecord } from '../helpers/records'
import { makeTempDir } from '../helpers/tempDir'

/** A seeded pseudo-random generator, so a failing case can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function frame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 2)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

it('survives 2,000 mutated updates: each is refused or applied, the room keeps no pending state and keeps working', async () => {
  const temp = makeTempDir()
  const db = openSqlite(`${temp.dir}/fuzz.sqlite`)
  // A refusal budget this fuzz never reaches: it is about decoding, not about the budget.
  const room = await Room.load('fuzz-room-01', new SqliteRoomStore(db), { refusalsPerMinute: 10_000 })
  const closes: number[] = []
  const conn: RoomConnection = {
    id: 'fuzz',
    identity: null,
    send: () => {},
    close: (code) => closes.push(code),
  }
  // Real updates of a client that adds and moves notes.
  const client = new Y.Doc()
  const kv = new YKeyValue(client.getArray<{ key: string; val: unknown }>('tl_records'))
  const updates: Uint8Array[] = []
  client.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < 20; i++)
    kv.set(`shape:${i % 5}`, noteRecord({ id: `shape:${i % 5}`, x: i, y: 0, authorId: 'a', text: `t${i}` }))

  const random = rng(20261122)
  for (let n = 0; n < 2000; n++) {
    const base = updates[Math.floor(random() * updates.length)]!
    const mutated = new Uint8Array(base)
    const flips = 1 + Math.floor(random() * 4)
    for (let f = 0; f < flips; f++)
      mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256)
    const cut = random() < 0.2 ? mutated.subarray(0, Math.floor(random() * mutated.length)) : mutated
    room.handleFrame(conn, frame(cut))
    expect(room.doc.store.pendingStructs, `case ${n}`).toBeNull()
    expect(room.doc.store.pendingDs, `case ${n}`).toBeNull()
  }
  // Bad input closed the connection (4422) rather than throwing out of the room (4499).
  expect(closes.length).toBeGreaterThan(0)
  expect(new Set(closes)).toEqual(new Set([4422]))

  // A fresh, well-formed client still syncs into the room.
  const fresh = new Y.Doc()
  const freshKv = new YKeyValue(fresh.getArray<{ key: string; val: unknown }>('tl_records'))
  const sv = Y.encodeStateVector(fresh)
  freshKv.set('shape:fresh', { ok: true })
  room.handleFrame(conn, frame(Y.encodeStateAsUpdate(fresh, sv)))
  expect(
    room.doc
      .getArray<{ key: string }>('tl_records')
      .toArray()
      .some((e) => e.key === 'shape:fresh'),
  ).toBe(true)
  await room.settled()
  room.destroy()
  db.close()
  temp.cleanup()
})

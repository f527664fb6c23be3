import path from 'node:path'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import type { RoomConnection } from '../../server/src/rooms/connection'
import { encodeUpdate } from '../../server/src/rooms/protocol'
import { snapshotParts } from '../../server/src/storage/snapshotChunks'
import { openSqlite, SqliteRoomStore } from '../../server/src/storage/sqliteRoomStore'
import { MAX_FRAME_BYTES } from '../../shared/closeCodes'
import { FIELDS_MAP, fieldKey } from '../../shared/recordLayout'
import { roomProtocols } from '../../shared/roomHandshake'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { noteRecord } from '../helpers/records'
import { makeTempDir } from '../helpers/tempDir'
import { eventually } from '../helpers/yjsClient'

/**
 * A first join of a stored room is answered with the stored bytes as they are (snapshot parts,
 * then log entries), in several frames under the frame limit, and no Y.Doc is encoded for it.
 */

const NOTES = 3000 // about 1.2 MB of snapshot: more than one frame may carry
const servers: TestServer[] = []
const temps: Array<{ cleanup(): void }> = []

afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop()
  for (const t of temps.splice(0)) t.cleanup()
})

/** Stores a room of `count` notes through a server of its own, which compacts it as it stops. */
async function storeRoom(dataDir: string, env: Record<string, string>, room: string, count: number) {
  const first = await startTestServer({ dataDir, env })
  const live = await first.registry.acquire(room)
  const kv = new YKeyValue<unknown>(live.doc.getArray('tl_records'))
  for (let start = 0; start < count; start += 500) {
    live.transactAsServer(() => {
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const id = `shape:cold${i}`
        kv.set(id, noteRecord({ id, x: i, y: i, authorId: 'a', text: `Notitie nummer ${i}` }))
      }
    })
  }
  // Moves by a client and by the server, in turn: each one's entries point at the other's, so
  // no order of whole clients would let a part find what it points at.
  // The mover's frames go through the room as a connection's do (guard, storage), without a socket.
  const mover = new Y.Doc()
  const conn: RoomConnection = { id: 'mover', identity: null, send: () => {}, close: () => {} }
  live.addConnection(conn)
  Y.applyUpdate(mover, Y.encodeStateAsUpdate(live.doc))
  const fields = (doc: Y.Doc) => doc.getMap(FIELDS_MAP)
  const xyOf = (doc: Y.Doc) => String(fields(doc).get(fieldKey('shape:cold49', 'xy')))
  for (let round = 1; round <= 20; round++) {
    const sent = Y.encodeStateVector(mover)
    mover.transact(() => {
      for (let i = 0; i < 50; i++) fields(mover).set(fieldKey(`shape:cold${i}`, 'xy'), [round, i])
    })
    live.handleFrame(conn, encodeUpdate(Y.encodeStateAsUpdate(mover, sent)))
    await eventually(() => xyOf(live.doc) === `${round},49`, 5000, 'move arrived')
    live.transactAsServer(() => {
      for (let i = 0; i < 50; i++) fields(live.doc).set(fieldKey(`shape:cold${i}`, 'xy'), [-round, i])
    })
    Y.applyUpdate(mover, Y.encodeStateAsUpdate(live.doc, Y.encodeStateVector(mover)))
    expect(xyOf(mover)).toBe(`${-round},49`)
  }
  live.removeConnection(conn)
  // One change after the snapshot too: the answer carries the log as well.
  await live.compact()
  live.transactAsServer(() =>
    kv.set('shape:late', noteRecord({ id: 'shape:late', x: 1, y: 2, authorId: 'a', text: 'laat' })),
  )
  await live.settled()
  first.registry.released(room)
  await first.stop()
}

/** A raw first join: sends an empty state vector, records every sync frame until sync step 2. */
function coldJoin(
  url: string,
  room: string,
): Promise<{ doc: Y.Doc; frames: Uint8Array[]; payloads: Uint8Array[]; pendingAfter: number[] }> {
  const doc = new Y.Doc()
  const frames: Uint8Array[] = []
  const payloads: Uint8Array[] = []
  const pendingAfter: number[] = []
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${room}`, roomProtocols(undefined))
    ws.binaryType = 'nodebuffer'
    ws.on('error', reject)
    ws.on('open', () => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeSyncStep1(encoder, new Y.Doc())
      ws.send(encoding.toUint8Array(encoder))
    })
    ws.on('message', (data: Buffer) => {
      const frame = new Uint8Array(data)
      const decoder = decoding.createDecoder(frame)
      if (decoding.readVarUint(decoder) !== 0) return
      const syncType = decoding.readVarUint(decoder)
      if (syncType === syncProtocol.messageYjsSyncStep1) return
      const payload = decoding.readVarUint8Array(decoder)
      frames.push(frame)
      payloads.push(payload)
      Y.applyUpdate(doc, payload)
      // Each part finds what it points at in the parts before it: nothing waits as pending.
      if (doc.store.pendingStructs !== null) pendingAfter.push(frames.length)
      if (syncType === syncProtocol.messageYjsSyncStep2) {
        ws.close()
        resolve({ doc, frames, payloads, pendingAfter })
      }
    })
  })
}

const records = (doc: Y.Doc) => new YKeyValue<unknown>(doc.getArray('tl_records'))

describe('cold join from storage', () => {
  for (const encrypted of [false, true]) {
    it(`answers an empty state vector with the stored bytes in frames under the limit${encrypted ? ' (encrypted at rest)' : ''}`, async () => {
      const temp = makeTempDir()
      temps.push(temp)
      const env: Record<string, string> = encrypted
        ? { ENCRYPT_AT_REST: '1', KEY_STORE: path.join(temp.dir, 'keys.sqlite') }
        : { ENCRYPT_AT_REST: '0' } // in the clear, so the stored bytes can be compared as sent
      const room = `cold-join-${encrypted ? 'enc' : 'plain'}`
      await storeRoom(temp.dir, env, room, NOTES)

      const server = await startTestServer({ dataDir: temp.dir, env })
      servers.push(server)
      const joined = await coldJoin(server.url, room)

      expect(joined.frames.length).toBeGreaterThan(2)
      expect(joined.pendingAfter).toEqual([])
      for (const frame of joined.frames) expect(frame.byteLength).toBeLessThanOrEqual(MAX_FRAME_BYTES)
      const live = server.registry.peek(room)!
      expect(records(joined.doc).map.size).toBe(NOTES + 1)
      expect(Y.encodeStateVector(joined.doc)).toEqual(Y.encodeStateVector(live.doc))
      expect(records(joined.doc).get('shape:late')).toEqual(records(live.doc).get('shape:late'))
      expect(joined.doc.getMap(FIELDS_MAP).toJSON()).toEqual(live.doc.getMap(FIELDS_MAP).toJSON())

      if (!encrypted) {
        // The payloads are the stored bytes themselves: nothing was encoded for this join.
        const stored = await new SqliteRoomStore(openSqlite(DB_FILE(temp.dir))).load(room)
        const expected = [...snapshotParts(stored.snapshot!), ...stored.updates.map((u) => u.data)]
        expect(joined.payloads.length).toBe(expected.length)
        // Buffer.equals: a deep toEqual over a megabyte takes seconds.
        const same = joined.payloads.map((p, i) => Buffer.from(p).equals(Buffer.from(expected[i]!)))
        expect(same.every(Boolean)).toBe(true)
      }
    })
  }

  it('answers from the document once it changed after the load', async () => {
    const temp = makeTempDir()
    temps.push(temp)
    const room = 'cold-join-changed'
    await storeRoom(temp.dir, {}, room, 600)
    const server = await startTestServer({ dataDir: temp.dir })
    servers.push(server)
    const live = await server.registry.acquire(room)
    const kv = records(live.doc)
    live.transactAsServer(() =>
      kv.set('shape:new', noteRecord({ id: 'shape:new', x: 0, y: 0, authorId: 'a', text: 'nieuw' })),
    )
    await live.settled()
    const joined = await coldJoin(server.url, room)
    expect(records(joined.doc).get('shape:new')).toEqual(kv.get('shape:new'))
    expect(records(joined.doc).map.size).toBe(602)
    server.registry.released(room)
  })
})

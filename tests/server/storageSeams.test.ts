import * as decoding from 'lib0/decoding'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { RoomConnection } from '../../server/src/rooms/connection'
import { encodeSyncStep1, encodeUpdate } from '../../server/src/rooms/protocol'
import { RoomRegistry } from '../../server/src/rooms/roomRegistry'
import type { RoomStore, StoredRoom } from '../../server/src/storage/roomStore'
import { openSqlite, SqliteRoomStore } from '../../server/src/storage/sqliteRoomStore'
import { makeTempDir } from '../helpers/tempDir'

/**
 * The asynchronous storage seam on its own: a store whose every call waits until the test lets it
 * go, so the test sees what the room does while a write is still on its way.
 */

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c()
})

/** A real SQLite store behind gates: each load and append waits for `release`. */
function gatedStore() {
  const temp = makeTempDir()
  const db = openSqlite(`${temp.dir}/seams.sqlite`)
  const inner = new SqliteRoomStore(db)
  cleanups.push(() => {
    db.close()
    temp.cleanup()
  })
  const waiting: Array<() => void> = []
  const calls = { load: 0, append: 0 }
  const gate = () => new Promise<void>((resolve) => waiting.push(resolve))
  const store: RoomStore = {
    async load(roomId, options): Promise<StoredRoom> {
      calls.load++
      await gate()
      return inner.load(roomId, options)
    },
    loadSince: (roomId, seq) => inner.loadSince(roomId, seq),
    async append(roomId, updates) {
      calls.append++
      await gate()
      return inner.append(roomId, updates)
    },
    compact: (roomId, snapshot, upTo, schema) => inner.compact(roomId, snapshot, upTo, schema),
    erase: (roomId) => inner.erase(roomId),
    touch: (roomId, at, options) => inner.touch(roomId, at, options),
    lastActivity: (roomId) => inner.lastActivity(roomId),
    idleRooms: (before, options) => inner.idleRooms(before, options),
  }
  const release = async () => {
    await new Promise((r) => setImmediate(r))
    for (const go of waiting.splice(0)) go()
    await new Promise((r) => setImmediate(r))
  }
  return { store, inner, calls, release }
}

function recorder(id: string): RoomConnection & { frames: Uint8Array[] } {
  const frames: Uint8Array[] = []
  return { id, identity: null, frames, send: (f) => frames.push(f), close: () => {} }
}

/** The Yjs updates among a connection's frames (sync step 2 and update messages). */
function contentFrames(frames: Uint8Array[]): number {
  return frames.filter((f) => {
    const d = decoding.createDecoder(f)
    return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) !== 0
  }).length
}

function noteUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getArray('tl_records').push([{ key: 'shape:a', val: { text } }])
  return Y.encodeStateAsUpdate(doc)
}

it('loads a room once however many ask while it loads', async () => {
  const { store, calls, release } = gatedStore()
  const registry = new RoomRegistry(store)
  const asks = [
    registry.acquire('seam-room-01'),
    registry.acquire('seam-room-01'),
    registry.acquire('seam-room-01'),
  ]
  await release()
  const rooms = await Promise.all(asks)
  expect(calls.load).toBe(1)
  expect(new Set(rooms).size).toBe(1)
  await registry.evict('seam-room-01', 1000, 'done')
})

it('sends an update to nobody, not even in a sync answer, before its append resolved', async () => {
  const { store, inner, calls, release } = gatedStore()
  const registry = new RoomRegistry(store)
  const loading = registry.acquire('seam-room-02')
  await release()
  const room = await loading
  const writer = recorder('writer')
  const reader = recorder('reader')
  room.addConnection(writer)
  room.addConnection(reader)
  room.handleFrame(writer, encodeUpdate(noteUpdate('EERST-OPSLAAN')))
  // A late joiner asks for everything while the append waits.
  const late = recorder('late')
  room.addConnection(late)
  room.handleFrame(late, encodeSyncStep1(new Uint8Array([0])))
  await new Promise((r) => setTimeout(r, 20))
  expect(calls.append).toBe(1)
  expect(contentFrames(reader.frames)).toBe(0)
  expect(contentFrames(late.frames)).toBe(0)
  expect((await inner.load('seam-room-02')).updates).toHaveLength(0)

  await release()
  await room.settled()
  expect((await inner.load('seam-room-02')).updates).toHaveLength(1)
  expect(contentFrames(reader.frames)).toBe(1)
  expect(contentFrames(late.frames)).toBeGreaterThanOrEqual(1)
  await registry.evict('seam-room-02', 1000, 'done')
})

it('compacts by sequence number: an append after the snapshot stays in the log', async () => {
  const { inner } = gatedStore()
  const [first] = (await inner.append('seam-room-03', [noteUpdate('a')]))!
  const [second] = (await inner.append('seam-room-03', [noteUpdate('b')]))!
  await inner.compact('seam-room-03', noteUpdate('a'), first!, 'x')
  const stored = await inner.load('seam-room-03')
  expect(stored.snapshotSeq).toBe(first)
  expect(stored.updates.map((u) => u.seq)).toEqual([second])
  // An older snapshot never replaces a newer one.
  await inner.compact('seam-room-03', noteUpdate('old'), 0, 'x')
  expect((await inner.load('seam-room-03')).snapshotSeq).toBe(first)
})

it('never compacts a room whose meeting is being erased while it was on its way out', async () => {
  const { store, inner, release } = gatedStore()
  const registry = new RoomRegistry(store, { idleMs: 0 })
  const loading = registry.acquire('seam-room-04')
  await release()
  const room = await loading
  const writer = recorder('writer')
  room.addConnection(writer)
  room.handleFrame(writer, encodeUpdate(noteUpdate('WEG-ERMEE')))
  await release()
  await room.settled()
  // One more update waits for storage; the room empties and starts on its way out behind it.
  room.handleFrame(writer, encodeUpdate(noteUpdate('NOG-EEN')))
  room.removeConnection(writer)
  registry.released('seam-room-04')
  await new Promise((r) => setTimeout(r, 20))
  expect(registry.peek('seam-room-04')).toBeUndefined()

  registry.discard('seam-room-04')
  await inner.erase('seam-room-04')
  await release()
  await new Promise((r) => setTimeout(r, 20))
  expect((await inner.load('seam-room-04')).snapshot).toBeNull()
})

import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LogFollower } from '../../server/src/rooms/logFollower'
import { SerialQueue } from '../../server/src/rooms/serialQueue'
import { openSqlite, SqliteRoomStore } from '../../server/src/storage/sqliteRoomStore'
import { DB_FILE } from '../helpers/inProcessServer'
import { makeTempDir } from '../helpers/tempDir'
import { eventually } from '../helpers/yjsClient'

/**
 * With several instances, a room hears the others' stored updates through Redis. A message can
 * be lost (an instance died between storing and telling): the room must notice the gap in the
 * log's sequence numbers and read the missing entry back from storage, on the real SQLite store.
 */

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c()
})

/** Another instance's three edits, stored in the room's log: returns them with their seqs. */
async function storeThreeEdits(store: SqliteRoomStore, roomId: string) {
  const writer = new Y.Doc()
  const updates: Uint8Array[] = []
  writer.on('update', (u: Uint8Array) => updates.push(u))
  for (const text of ['een', 'twee', 'drie']) writer.getMap('notes').set(text, text)
  const seqs = (await store.append(roomId, updates))!
  return updates.map((data, i) => ({ seq: seqs[i]!, data }))
}

function followerOn(store: SqliteRoomStore, roomId: string) {
  const doc = new Y.Doc()
  const queue = new SerialQueue((error) => {
    throw error
  })
  const follower = new LogFollower(
    {
      id: roomId,
      doc,
      store,
      queue,
      shared: true,
      isDestroyed: () => false,
      replay: () => {},
      log: () => {},
    },
    0,
  )
  cleanups.push(() => follower.stop())
  return { doc, follower }
}

function openStore() {
  const temp = makeTempDir()
  const db = openSqlite(DB_FILE(temp.dir))
  cleanups.push(temp.cleanup, () => db.close())
  return new SqliteRoomStore(db)
}

it('reads a lost update back from storage when a later one arrives without it', async () => {
  const store = openStore()
  await store.load('gap-room', { create: true })
  const [first, , third] = await storeThreeEdits(store, 'gap-room')
  const { doc, follower } = followerOn(store, 'gap-room')

  // The second message never arrives.
  follower.receivePeerUpdates([first!, third!])
  const notes = doc.getMap('notes')
  expect(notes.get('twee')).toBeUndefined()
  expect(follower.upTo).toBe(first!.seq)

  await eventually(() => notes.get('twee') === 'twee', 3000, 'the lost update, read back')
  expect([...notes.keys()].sort()).toEqual(['drie', 'een', 'twee'])
  expect(follower.upTo).toBe(third!.seq)
})

it('counts updates heard in order without reading storage', async () => {
  const store = openStore()
  await store.load('order-room', { create: true })
  const updates = await storeThreeEdits(store, 'order-room')
  const { doc, follower } = followerOn(store, 'order-room')
  let reads = 0
  const loadSince = store.loadSince.bind(store)
  store.loadSince = (...args) => {
    reads++
    return loadSince(...args)
  }
  follower.receivePeerUpdates(updates)
  expect(follower.upTo).toBe(updates[2]!.seq)
  expect([...doc.getMap('notes').keys()].sort()).toEqual(['drie', 'een', 'twee'])
  await new Promise((resolve) => setTimeout(resolve, 400))
  expect(reads).toBe(0)
})

import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CURRENT_SCHEMA } from '../../server/src/storage/boardSchema'
import { snapshotParts } from '../../server/src/storage/snapshotChunks'
import { openSqlite, SqliteRoomStore } from '../../server/src/storage/sqliteRoomStore'
import type { BoardRecord } from '../../shared/boardRecords'
import { zoneRect } from '../../shared/layout'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { ResettingClient } from '../helpers/meetingClient'
import { meetingIn } from '../helpers/meetingFixture'
import { makeTempDir } from '../helpers/tempDir'
import { decryptedRoomRows } from '../helpers/throughKeys'
import { connectClient, eventually, waitForSync } from '../helpers/yjsClient'
import { imageAsset, imageShape } from '../rules/boardShapes'

/**
 * Issue 16: an asset no shape shows is dropped by the server (after the change that left it
 * unused, and when a room loads), for every client and in storage, so no joiner downloads it.
 */
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function serverOn(dataDir: string): Promise<TestServer> {
  const server = await startTestServer({ log: () => {}, dataDir })
  let stopped: Promise<void> | null = null
  const stop = () => {
    stopped ??= server.stop()
    return stopped
  }
  cleanups.push(stop)
  return { ...server, stop }
}

/** The record keys stored for a room, decrypted with its key (what the server would load). */
async function storedKeys(dataDir: string, roomId: string): Promise<string[]> {
  const doc = new Y.Doc()
  // A snapshot is stored as several updates (storage/snapshotChunks.ts); a log entry is one.
  for (const row of decryptedRoomRows(dataDir, roomId))
    for (const part of snapshotParts(new Uint8Array(row.data))) Y.applyUpdate(doc, part)
  return (doc.getArray('tl_records').toArray() as Array<{ key: string }>).map((e) => e.key)
}

const picture = 'data:image/png;base64,AAAA'

it('drops an asset once the last shape showing it is deleted: for another client and in storage', async () => {
  const temp = makeTempDir()
  cleanups.push(temp.cleanup)
  const server = await serverOn(temp.dir)
  const meeting = await meetingIn(server.url, 'roddelmethode', 'introductie', {
    Piet: 'deelnemer',
    Inge: 'inbrenger',
  })
  const inge = new ResettingClient(server.url, meeting.roomId, meeting.people.Inge!.token)
  const piet = new ResettingClient(server.url, meeting.roomId, meeting.people.Piet!.token)
  cleanups.push(
    () => inge.destroy(),
    () => piet.destroy(),
  )
  await inge.synced()
  await piet.synced()

  const ingeId = meeting.people.Inge!.id
  const rect = zoneRect(meeting.template, 'casus')
  const asset = imageAsset('asset:foto', ingeId, picture)
  const shape: BoardRecord = imageShape('shape:foto', asset.id, {
    x: rect.x + 40,
    y: rect.y + 60,
    authorId: ingeId,
  })
  inge.current.doc.transact(() => {
    inge.current.kv.set(asset.id, asset)
    inge.current.kv.set(shape.id, shape)
  })
  await eventually(() => piet.current.kv.get(asset.id) !== undefined, 5000, 'the picture at Piet')
  expect(inge.refusals).toEqual([])

  inge.current.kv.delete(shape.id)
  await eventually(() => piet.current.kv.get(shape.id) === undefined, 5000, 'the shape gone at Piet')
  await eventually(() => piet.current.kv.get(asset.id) === undefined, 5000, 'the asset gone at Piet')
  await eventually(() => inge.current.kv.get(asset.id) === undefined, 5000, 'the asset gone at Inge')
  expect(inge.refusals).toEqual([])

  await server.stop()
  expect(await storedKeys(temp.dir, meeting.roomId)).not.toContain(asset.id)
})

it('drops, when a room loads, an asset stored without a shape that shows it', async () => {
  const temp = makeTempDir()
  cleanups.push(temp.cleanup)
  const roomId = 'asset-sweep-load'
  const kept = imageAsset('asset:getoond', null, picture)
  const orphan = imageAsset('asset:wees', null, picture)
  const shape = imageShape('shape:toont', kept.id, { x: 0, y: 0 })
  const db = openSqlite(DB_FILE(temp.dir))
  try {
    const doc = new Y.Doc()
    doc.getArray('tl_records').push([kept, orphan, shape].map((val) => ({ key: val.id, val })))
    await new SqliteRoomStore(db).compact(roomId, Y.encodeStateAsUpdate(doc), 0, CURRENT_SCHEMA)
  } finally {
    db.close()
  }

  const server = await serverOn(temp.dir)
  // Loaded with nobody connected: the load itself drops it, before any client's update.
  const room = await server.registry.acquire(roomId)
  const loadedKeys = (room.doc.getArray('tl_records').toArray() as Array<{ key: string }>).map((e) => e.key)
  await room.settled()
  server.registry.released(roomId)
  expect(loadedKeys).toContain(kept.id)
  expect(loadedKeys).not.toContain(orphan.id)
  const client = connectClient(server.url, roomId)
  cleanups.push(() => client.destroy())
  await waitForSync(client)
  await eventually(() => client.kv.get(kept.id) !== undefined, 5000, 'the shown asset')
  expect(client.kv.get(orphan.id)).toBeUndefined()
  client.destroy()
  await server.stop()
  const keys = await storedKeys(temp.dir, roomId)
  expect(keys).toContain(kept.id)
  expect(keys).not.toContain(orphan.id)
})

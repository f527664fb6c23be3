import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CURRENT_SCHEMA,
  LAYOUT_SEQUENCE,
  LAYOUT_VERSION,
  STORED_SCHEMA,
} from '../../server/src/storage/boardSchema'
import { openSqlite, SqliteRoomStore } from '../../server/src/storage/sqliteRoomStore'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { upgradeStatus } from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { makeTempDir } from '../helpers/tempDir'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'

/**
 * The tldraw schema is stored with every snapshot: a room written by an older tldraw is migrated
 * before anyone sees it; one written by a newer tldraw is refused and left as it is.
 */

const NOTE = 'com.tldraw.shape.note'
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** Stores a room whose snapshot claims `noteVersion` for note shapes, holding `record`. */
async function storeRoom(
  dataDir: string,
  roomId: string,
  noteVersion: number,
  record: object,
  layoutVersion?: number,
): Promise<Buffer> {
  const db = openSqlite(DB_FILE(dataDir))
  try {
    const store = new SqliteRoomStore(db)
    const doc = new Y.Doc()
    doc.getArray('tl_records').push([{ key: (record as { id: string }).id, val: record }])
    const schema = JSON.parse(CURRENT_SCHEMA) as { sequences: Record<string, number> }
    schema.sequences[NOTE] = noteVersion
    if (layoutVersion !== undefined) schema.sequences[LAYOUT_SEQUENCE] = layoutVersion
    await store.compact(roomId, Y.encodeStateAsUpdate(doc), 0, JSON.stringify(schema))
    return Buffer.from((await store.load(roomId)).snapshot!)
  } finally {
    db.close()
  }
}

async function serverOn(dataDir: string): Promise<TestServer> {
  const server = await startTestServer({ dataDir })
  cleanups.push(() => server.stop())
  return server
}

const current = () => (JSON.parse(CURRENT_SCHEMA) as { sequences: Record<string, number> }).sequences[NOTE]!

it('migrates the records of a room stored by an older tldraw before anyone sees them', async () => {
  const temp = makeTempDir()
  cleanups.push(temp.cleanup)
  // A note as tldraw stored it one note version ago: "first edited by", not yet "last edited by".
  const note = noteRecord({ id: 'shape:old', x: 0, y: 0, authorId: 'a', text: 'oud' }) as unknown as {
    props: Record<string, unknown>
  }
  const { textLastEditedBy: _, ...props } = note.props
  const old = { ...note, props: { ...props, textFirstEditedBy: 'user:ann' } }
  await storeRoom(temp.dir, 'schema-room-old', current() - 1, old)

  const server = await serverOn(temp.dir)
  const client: TestClient = connectClient(server.url, 'schema-room-old')
  cleanups.push(() => client.destroy())
  await waitForSync(client)
  await eventually(() => client.kv.get('shape:old') !== undefined, 5000, 'record')
  const props2 = (client.kv.get('shape:old') as { props: Record<string, unknown> }).props
  expect(props2.textLastEditedBy).toBe('user:ann')
  expect('textFirstEditedBy' in props2).toBe(false)

  // The next snapshot records our schema: the migration does not run again.
  await server.stop()
  cleanups.pop()
  const db = openSqlite(DB_FILE(temp.dir))
  const stored = await new SqliteRoomStore(db).load('schema-room-old')
  db.close()
  // What it stores names our record layout too (recordLayout.ts), beside tldraw's schema.
  expect(stored.schema).toBe(STORED_SCHEMA)
  expect(JSON.parse(stored.schema!).sequences[LAYOUT_SEQUENCE]).toBe(LAYOUT_VERSION)
})

it('refuses a room stored by a newer tldraw and leaves its bytes as they are', async () => {
  const temp = makeTempDir()
  cleanups.push(temp.cleanup)
  const before = await storeRoom(
    temp.dir,
    'schema-room-new',
    current() + 1,
    noteRecord({ id: 'shape:new', x: 0, y: 0, authorId: 'a', text: 'nieuw' }),
  )
  const server = await serverOn(temp.dir)
  expect((await upgradeStatus(`${server.url.replace(/^http/, 'ws')}/yjs/schema-room-new`)).status).toBe(503)
  const db = openSqlite(DB_FILE(temp.dir))
  const after = Buffer.from((await new SqliteRoomStore(db).load('schema-room-new')).snapshot!)
  db.close()
  expect(after.equals(before)).toBe(true)
})

it('refuses a room stored by a newer record layout and leaves its bytes as they are', async () => {
  const temp = makeTempDir()
  cleanups.push(temp.cleanup)
  const before = await storeRoom(
    temp.dir,
    'schema-room-layout',
    current(),
    noteRecord({ id: 'shape:later', x: 0, y: 0, authorId: 'a', text: 'later' }),
    LAYOUT_VERSION + 1,
  )
  const server = await serverOn(temp.dir)
  expect((await upgradeStatus(`${server.url.replace(/^http/, 'ws')}/yjs/schema-room-layout`)).status).toBe(
    503,
  )
  const db = openSqlite(DB_FILE(temp.dir))
  const after = Buffer.from((await new SqliteRoomStore(db).load('schema-room-layout')).snapshot!)
  db.close()
  expect(after.equals(before)).toBe(true)
})

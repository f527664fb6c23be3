import Database from 'better-sqlite3'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { applySnapshot } from '../../server/src/storage/snapshotChunks'
import { CloseCode } from '../../shared/closeCodes'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { decryptStored } from '../helpers/throughKeys'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'

/**
 * Promises of a room, on free boards, through real sockets and the real database file:
 * compaction while people work, a failed store closes the room, presence leaves with its socket.
 */

let server: TestServer
const clients: TestClient[] = []

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
  server.cleanup()
})

async function client(room: string): Promise<TestClient> {
  const c = connectClient(server.url, room)
  clients.push(c)
  await waitForSync(c)
  return c
}

/** What the database file holds for a room: its snapshot, its log, and the document they make. */
function stored(room: string): { snapshot: boolean; logEntries: number; records: YKeyValue<unknown> } {
  const db = new Database(DB_FILE(server.dataDir), { readonly: true })
  try {
    const snap = db.prepare('SELECT data FROM room_snapshot WHERE room_id = ?').get(room) as
      | { data: Buffer }
      | undefined
    const log = db.prepare('SELECT data FROM room_update WHERE room_id = ? ORDER BY seq').all(room) as Array<{
      data: Buffer
    }>
    const doc = new Y.Doc()
    // Decrypted with the room's key: what the server loads.
    if (snap) applySnapshot(doc, decryptStored(server.dataDir, room, snap.data), null)
    for (const row of log) Y.applyUpdate(doc, decryptStored(server.dataDir, room, row.data))
    return {
      snapshot: snap !== undefined,
      logEntries: log.length,
      records: new YKeyValue(doc.getArray('tl_records')),
    }
  } finally {
    db.close()
  }
}

/** Resolves with the code of the client's first close, and stops it from reconnecting. */
function firstClose(c: TestClient): Promise<{ code: number; receivedBefore: Buffer }> {
  return new Promise((resolve) => {
    const onClose = (event: CloseEvent | null) => {
      c.provider.off('connection-close', onClose)
      c.provider.shouldConnect = false
      resolve({ code: event?.code ?? 0, receivedBefore: c.received() })
    }
    c.provider.on('connection-close', onClose)
  })
}

describe('rooms keep their promises', () => {
  it('compacts the log into a snapshot every 500 updates while clients stay connected', async () => {
    server = await startTestServer()
    const room = 'promise-compact'
    const a = await client(room)
    for (let i = 0; i < 520; i++) a.kv.set('shape:moving', { x: i })
    await eventually(
      () => (stored(room).records.get('shape:moving') as { x: number } | undefined)?.x === 519,
      5000,
      'every move stored',
    )
    const now = stored(room)
    // Still connected, so this is not the compaction of an idle room leaving memory.
    expect(a.provider.wsconnected).toBe(true)
    expect(now.snapshot).toBe(true)
    expect(now.logEntries).toBeLessThan(500)
  })

  it('closes every connection with 1011 when an update cannot be stored, and broadcasts nothing unstored', async () => {
    server = await startTestServer()
    const room = 'promise-storefail'
    const a = await client(room)
    const b = await client(room)
    a.kv.set('shape:kept', { text: 'bewaard' })
    await eventually(() => b.kv.get('shape:kept') !== undefined, 3000, 'stored edit arrives')

    // From outside the server, the database starts refusing this room's log entries.
    const db = new Database(DB_FILE(server.dataDir))
    db.exec(`CREATE TRIGGER refuse_append BEFORE INSERT ON room_update WHEN NEW.room_id = '${room}'
             BEGIN SELECT RAISE(ABORT, 'disk says no'); END`)
    const closes = Promise.all([firstClose(a), firstClose(b)])
    const marker = 'UNSTORED-MARKER-E1'
    a.kv.set('shape:lost', { text: marker })
    const [atA, atB] = await Promise.race([
      closes,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no close within 3 s')), 3000)),
    ])
    expect([atA.code, atB.code]).toEqual([CloseCode.roomUnavailable, CloseCode.roomUnavailable])
    expect(atB.receivedBefore.includes(marker)).toBe(false)
    db.exec('DROP TRIGGER refuse_append')
    db.close()

    // The room comes back from what was stored: the earlier edit, not the unstored one.
    expect(stored(room).records.get('shape:lost')).toBeUndefined()
    const c = await client(room)
    expect(c.kv.get('shape:kept')).toEqual({ text: 'bewaard' })
    expect(c.kv.get('shape:lost')).toBeUndefined()
    expect(c.received().includes(marker)).toBe(false)
  })

  it("removes a connection's presence when its socket closes", async () => {
    server = await startTestServer()
    const room = 'promise-presence'
    const a = await client(room)
    // B is a bare socket: the server can only learn that B left from the socket closing.
    const b = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${room}`)
    await new Promise((resolve, reject) => b.once('open', resolve).once('error', reject))
    const bAwareness = new awarenessProtocol.Awareness(new Y.Doc())
    bAwareness.setLocalState({ user: { name: 'PRESENCE-B' } })
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1) // y-websocket's awareness message
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(bAwareness, [bAwareness.clientID]),
    )
    b.send(encoding.toUint8Array(encoder))
    const states = () => a.provider.awareness.getStates()
    await eventually(() => states().has(bAwareness.clientID), 3000, "B's presence at A")
    expect(states().get(bAwareness.clientID)).toEqual({ user: { name: 'PRESENCE-B' } })

    b.terminate()
    await eventually(() => !states().has(bAwareness.clientID), 3000, "B's presence gone at A")
    bAwareness.destroy()
  })
})

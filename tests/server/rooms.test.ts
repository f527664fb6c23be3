import Database from 'better-sqlite3'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'

const ROOM = 'roomtest-abc123'
let servers: TestServer[] = []
let clients: TestClient[] = []

async function server(opts?: Parameters<typeof startTestServer>[0]) {
  const s = await startTestServer(opts)
  servers.push(s)
  return s
}
async function client(s: TestServer, room = ROOM) {
  const c = connectClient(s.url, room)
  clients.push(c)
  await waitForSync(c)
  return c
}

afterEach(async () => {
  for (const c of clients) c.destroy()
  clients = []
  for (const s of servers) {
    await s.stop().catch(() => {})
    s.cleanup()
  }
  servers = []
})

/** Opens a raw socket to a room, for frames a y-websocket client would never send. */
function rawSocket(s: TestServer, room = ROOM): Promise<WebSocket> {
  const ws = new WebSocket(`${s.url.replace('http', 'ws')}/yjs/${room}`)
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}
function closeCode(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
}

describe('rooms over the y-websocket protocol', () => {
  it('syncs a record between two stock clients and gives a late joiner the whole state', async () => {
    const s = await server()
    const a = await client(s)
    const b = await client(s)
    a.kv.set('shape:one', { id: 'shape:one', text: 'hallo' })
    await eventually(() => b.kv.get('shape:one') !== undefined, 3000, 'record at b')
    expect(b.kv.get('shape:one')).toEqual({ id: 'shape:one', text: 'hallo' })
    b.kv.set('shape:two', { id: 'shape:two', text: 'terug' })
    await eventually(() => a.kv.get('shape:two') !== undefined, 3000, 'record at a')

    const late = await client(s)
    expect(late.kv.get('shape:one')).toEqual({ id: 'shape:one', text: 'hallo' })
    expect(late.kv.get('shape:two')).toEqual({ id: 'shape:two', text: 'terug' })
  })

  it('keeps the state across a restart on the same data dir', async () => {
    const first = await server()
    const a = await client(first)
    for (let i = 0; i < 50; i++) a.kv.set(`shape:${i}`, { i })
    const b = await client(first)
    await eventually(() => b.kv.get('shape:49') !== undefined, 3000, 'all records')
    a.destroy()
    b.destroy()
    await first.stop()

    const second = await server({ dataDir: first.dataDir })
    const c = await client(second)
    for (let i = 0; i < 50; i++) expect(c.kv.get(`shape:${i}`)).toEqual({ i })
  })

  it('refuses a room id of the wrong form with 400 before the upgrade', async () => {
    const s = await server()
    const ws = new WebSocket(`${s.url.replace('http', 'ws')}/yjs/bad!room*id`)
    const status = await new Promise<number>((resolve) =>
      ws.once('unexpected-response', (_req, r) => resolve(r.statusCode ?? 0)),
    )
    expect(status).toBe(400)
  })

  it('closes only the socket that sends a malformed frame; others keep syncing', async () => {
    const s = await server()
    const a = await client(s)
    const b = await client(s)
    const bad = await rawSocket(s)
    const closed = closeCode(bad)
    bad.send(new Uint8Array([0x07, 0xff, 0xff]))
    const { code, reason } = await closed
    expect(code).toBe(CloseCode.malformedMessage)
    expect(reason).toMatch(/malformed message/)

    a.kv.set('shape:after', { ok: true })
    await eventually(() => b.kv.get('shape:after') !== undefined, 3000, 'sync after malformed frame')
  })

  it('closes a socket that sends a frame over 1 MiB with 1009; others keep syncing', async () => {
    const s = await server()
    const a = await client(s)
    const b = await client(s)
    const big = await rawSocket(s)
    const closed = closeCode(big)
    big.send(new Uint8Array(1024 * 1024 + 1))
    expect((await closed).code).toBe(CloseCode.tooBig)

    a.kv.set('shape:after-big', { ok: true })
    await eventually(() => b.kv.get('shape:after-big') !== undefined, 3000, 'sync after big frame')
  })

  it('closes a socket whose update cannot be decoded with 4422', async () => {
    const s = await server()
    const a = await client(s)
    const bad = await rawSocket(s)
    const closed = closeCode(bad)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0) // sync
    encoding.writeVarUint(encoder, 2) // update
    encoding.writeVarUint8Array(encoder, new Uint8Array([5, 200, 1, 3, 9, 9, 9])) // not a Yjs update
    bad.send(encoding.toUint8Array(encoder))
    expect((await closed).code).toBe(CloseCode.badUpdate)
    a.kv.set('shape:still', { ok: true })
    const late = await client(s)
    expect(late.kv.get('shape:still')).toEqual({ ok: true })
  })

  it('refuses an update whose dependencies the room lacks, and keeps no pending structs', async () => {
    const s = await server()
    const a = await client(s)
    // A doc with two changes; send only the second: it depends on the first.
    const doc = new Y.Doc()
    const arr = doc.getArray('tl_records')
    arr.push([{ key: 'x', val: 1 }])
    const sv = Y.encodeStateVector(doc)
    arr.push([{ key: 'y', val: 2 }])
    const second = Y.encodeStateAsUpdate(doc, sv)
    const raw = await rawSocket(s)
    const frames: Buffer[] = []
    raw.on('message', (d: Buffer) => frames.push(d))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint(encoder, 2)
    encoding.writeVarUint8Array(encoder, second)
    raw.send(encoding.toUint8Array(encoder))
    await eventually(() => frames.some((f) => f[0] === 100), 3000, 'refusal frame')
    const room = s.registry.peek(ROOM)!
    expect(room.doc.store.pendingStructs).toBeNull()
    expect(room.doc.getArray('tl_records').length).toBe(0)
    raw.close()
    a.kv.set('shape:ok', { ok: true })
    await eventually(() => room.doc.getArray('tl_records').length === 1, 3000, 'later update applied')
  })

  it('never overwrites a room whose stored data cannot be loaded', async () => {
    const first = await server()
    const a = await client(first)
    a.kv.set('shape:keep', { keep: true })
    await eventually(() => first.registry.peek(ROOM)?.doc.getArray('tl_records').length === 1, 3000, 'stored')
    a.destroy()
    await first.stop()
    // Corrupt what is stored: the snapshot written at shutdown, plus one bad log entry.
    const db = new Database(DB_FILE(first.dataDir))
    const snapshotRows = () => db.prepare('SELECT data FROM room_snapshot WHERE room_id = ?').all(ROOM)
    expect(snapshotRows()).toHaveLength(1)
    db.prepare('UPDATE room_snapshot SET data = ? WHERE room_id = ?').run(Buffer.from([1, 2, 3, 250]), ROOM)
    db.prepare('INSERT INTO room_update (room_id, data) VALUES (?, ?)').run(ROOM, Buffer.from([9, 9, 9]))
    const read = (d: Database.Database) => ({
      snapshot: d.prepare('SELECT data FROM room_snapshot WHERE room_id = ?').all(ROOM),
      log: d.prepare('SELECT seq, data FROM room_update WHERE room_id = ? ORDER BY seq').all(ROOM),
    })
    const before = read(db)
    db.close()

    const second = await server({ dataDir: first.dataDir })
    const ws = new WebSocket(`${second.url.replace('http', 'ws')}/yjs/${ROOM}`)
    const status = await new Promise<number>((resolve) =>
      ws.once('unexpected-response', (_req, r) => resolve(r.statusCode ?? 0)),
    )
    expect(status).toBe(503)
    await second.stop()
    const check = new Database(DB_FILE(first.dataDir))
    expect(read(check)).toEqual(before)
    check.close()
  })

  it('compacts the log into a snapshot and frees an idle room once stored', async () => {
    const s = await server()
    const a = await client(s)
    for (let i = 0; i < 600; i++) a.kv.set('shape:moving', { x: i })
    await eventually(
      () =>
        (s.registry.peek(ROOM)?.doc.getArray('tl_records').toArray().at(-1) as { val?: { x: number } })?.val
          ?.x === 599,
      5000,
      'all moves',
    )
    a.destroy()
    await eventually(() => s.registry.peek(ROOM) === undefined, 5000, 'room freed')
    const db = new Database(DB_FILE(s.dataDir), { readonly: true })
    const logCount = db.prepare('SELECT count(*) AS n FROM room_update WHERE room_id = ?').get(ROOM) as {
      n: number
    }
    const snap = db.prepare('SELECT length(data) AS n FROM room_snapshot WHERE room_id = ?').get(ROOM) as {
      n: number
    }
    db.close()
    expect(logCount.n).toBe(0)
    expect(snap.n).toBeGreaterThan(0)
    const b = await client(s)
    expect(b.kv.get('shape:moving')).toEqual({ x: 599 })
  })
})

import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'
import { MissingKeyError } from '../../server/src/storage/atRest'
import { openSqlite } from '../../server/src/storage/sqliteRoomStore'
import { CloseCode } from '../../shared/closeCodes'
import { copyDataFiles, hitsUnder as hitsIn, KEY_FILE } from '../helpers/dataFiles'
import { api, upgradeStatus } from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess'
import { makeTempDir } from '../helpers/tempDir'
import { openRows, readableInSqlite, sqliteKey, sqliteRows } from '../helpers/throughKeys'
import { connectClient, eventually, waitForSync } from '../helpers/yjsClient'

const temp = makeTempDir()
const processes: ServerProcess[] = []
const copies: string[] = []
afterAll(async () => {
  for (const p of processes) await p.stop({ keepData: true }).catch(() => {})
  for (const copy of copies) rmSync(copy, { recursive: true, force: true })
  temp.cleanup()
})

// Distinctive strings that occur nowhere else, so any hit in the data files is this meeting.
const TITLE = 'Titel-Wisproef-Q7Z'
const FACILITATOR = 'Begeleider Xylofoonvis'
const NAMES = ['Zwaantje Vlinderkruid', 'Korneel Quokkaboom']
const MARKERS = ['NOTITIE-WISMARKER-8841', 'NOTITIE-WISMARKER-5307']
const NEEDLES = [TITLE, FACILITATOR, ...NAMES, ...MARKERS]

/** Rows stored for a room (read from outside the server process, closed again at once). */
function storedRows(dataDir: string, roomId: string): { snapshotBytes: number; logEntries: number } {
  const db = new Database(path.join(dataDir, 'intervisiebord.sqlite'), { readonly: true })
  try {
    const snap = db.prepare('SELECT length(data) AS n FROM room_snapshot WHERE room_id = ?').get(roomId) as
      | { n: number }
      | undefined
    const log = db.prepare('SELECT count(*) AS n FROM room_update WHERE room_id = ?').get(roomId) as {
      n: number
    }
    return { snapshotBytes: snap?.n ?? 0, logEntries: log.n }
  } finally {
    db.close()
  }
}

/** A stock client of one participant writes one note; resolves once the note is on disk. */
async function writeNote(
  url: string,
  roomId: string,
  who: { token: string; participant: { id: string } },
  text: string,
) {
  const client = connectClient(url, roomId, { token: who.token })
  await waitForSync(client)
  const id = `shape:${text}`
  // Long enough that the room's snapshot spills over into overflow pages.
  const long = `${text} ${'Een lange notitie. '.repeat(160)}${text}`
  client.kv.set(id, noteRecord({ id, x: -3000, y: -3000, authorId: who.participant.id, text: long }))
  // Stored (readable with the room's key), never in the clear.
  await eventually(() => readableInSqlite(temp.dir, roomId).includes(text), 5000, `${text} stored`)
  return client
}

/** Every needle found in the raw bytes of any file under the data dir, as `file: needle`. */
function hitsUnder(dir: string, needles: readonly string[] = NEEDLES): string[] {
  return hitsIn(dir, needles)
}

it('leaves no byte of an erased meeting in any file under DATA_DIR, running and after kill -9', async () => {
  const first = await startServerProcess({ dataDir: temp.dir, env: { ROOM_IDLE_MS: '100' } })
  processes.push(first)
  const created = await api<{ meetingId: string; facilitatorPath: string; invitePath: string }>(
    first.url,
    '/meetings',
    { body: { templateId: 'roddelmethode', title: TITLE } },
  )
  expect(created.status).toBe(201)
  const meetingId = created.body.meetingId
  const facilitatorSecret = created.body.facilitatorPath.split('#begeleider=')[1]!
  const inviteSecret = created.body.invitePath.split('#uitnodiging=')[1]!
  const fac = await api<{ token: string }>(first.url, `/meetings/${meetingId}/facilitate`, {
    body: { secret: facilitatorSecret, name: FACILITATOR },
  })
  const people: Array<{ token: string; participant: { id: string } }> = []
  for (const name of NAMES) {
    const joined = await api<{ token: string; participant: { id: string } }>(
      first.url,
      `/meetings/${meetingId}/join`,
      { body: { secret: inviteSecret, name } },
    )
    expect(joined.status).toBe(201)
    people.push(joined.body)
  }

  // The first note ends up in the room's snapshot (written when the idle room leaves memory, large
  // enough for overflow pages), the second in the update log after it.
  const roomId = `m-${meetingId}`
  ;(await writeNote(first.url, roomId, people[0]!, MARKERS[0]!)).destroy()
  await eventually(() => storedRows(temp.dir, roomId).logEntries === 0, 5000, 'room compacted')
  expect(storedRows(temp.dir, roomId).snapshotBytes).toBeGreaterThan(4096) // the page size: overflow pages in use
  const client = await writeNote(first.url, roomId, people[1]!, MARKERS[1]!)
  expect(storedRows(temp.dir, roomId).logEntries).toBeGreaterThan(0)
  // Before the erase every needle is stored: readable with the meeting's key, never raw in a file.
  const readable = readableInSqlite(temp.dir, roomId)
  expect(NEEDLES.filter((needle) => !readable.includes(needle))).toEqual([])
  expect(hitsUnder(temp.dir)).toEqual([])
  // The meeting's and participants' ids are stored in the clear (rows are found by them, and they
  // sit in indexes): the grep sees them before, so zero hits afterwards means something.
  const ids = [meetingId, ...people.map((p) => p.participant.id)]
  expect(new Set(hitsUnder(temp.dir, ids).map((h) => h.split(': ')[1]))).toEqual(new Set(ids))
  const everything = [...NEEDLES, ...ids]
  // A copy of the data files taken now (a backup, a replica, a stolen disk), without the key store.
  const copy = path.join(temp.dir, '..', `${path.basename(temp.dir)}-copy`)
  copyDataFiles(temp.dir, copy)
  copies.push(copy)

  const closed = new Promise<number>((resolve) =>
    client.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
  )
  const erased = await api(first.url, `/meetings/${meetingId}`, { method: 'DELETE', token: fac.body.token })
  expect(erased.status).toBe(200)
  // Right after DELETE returned, with the server still running.
  expect(hitsUnder(temp.dir, everything)).toEqual([])
  expect(await closed).toBe(CloseCode.meetingErased)
  client.destroy()

  // The copy from before holds the meeting's rows, and the key to open them is gone.
  const copied = sqliteRows(path.join(copy, 'intervisiebord.sqlite'), roomId)
  expect(copied.bytes.length).toBeGreaterThan(0)
  expect(copied.texts.length).toBe(1 + NAMES.length + 1)
  const key = sqliteKey(path.join(temp.dir, KEY_FILE), roomId)
  expect(key).toBeNull()
  expect(() => openRows(roomId, key, copied)).toThrow(MissingKeyError)
  expect(hitsUnder(copy)).toEqual([])

  // A crash right after: nothing comes back from the write-ahead log or elsewhere.
  await first.kill9()
  expect(hitsUnder(temp.dir, everything)).toEqual([])

  const second = await startServerProcess({ dataDir: temp.dir })
  processes.push(second)
  const ws = second.url.replace('http', 'ws')
  expect((await api(second.url, `/meetings/${meetingId}`, { token: fac.body.token })).status).toBe(403)
  expect((await upgradeStatus(`${ws}/yjs/${roomId}`, { token: people[0]!.token })).status).toBe(401)
  expect(hitsUnder(temp.dir, everything)).toEqual([])
}, 120_000)

it('clears what a crash between an erase and its checkpoint left in the write-ahead log, at the next open', () => {
  const dir = path.join(temp.dir, 'crash-window')
  const file = path.join(dir, 'intervisiebord.sqlite')
  // A process that commits a name, deletes it and dies (SIGKILL) before any checkpoint.
  const script = `
    const fs = require('node:fs'); fs.mkdirSync(${JSON.stringify(dir)}, { recursive: true })
    const db = new (require('better-sqlite3'))(${JSON.stringify(file)})
    db.pragma('journal_mode = WAL'); db.pragma('secure_delete = ON'); db.pragma('wal_autocheckpoint = 0')
    db.exec('CREATE TABLE t (name TEXT)')
    db.prepare('INSERT INTO t VALUES (?)').run(${JSON.stringify(NAMES[0])})
    db.prepare('DELETE FROM t').run()
    process.kill(process.pid, 'SIGKILL')`
  const crashed = spawnSync(process.execPath, ['-e', script], {
    cwd: path.resolve(import.meta.dirname, '../..'),
  })
  expect(crashed.signal).toBe('SIGKILL')
  expect(hitsUnder(dir)).toEqual([`intervisiebord.sqlite-wal: ${NAMES[0]}`])

  const db = openSqlite(file)
  try {
    expect(hitsUnder(dir)).toEqual([])
  } finally {
    db.close()
  }
})

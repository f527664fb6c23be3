import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { MeetingExport } from '../../shared/exportFormat'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, createMeeting, joinMeeting } from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { TEST_IMPORT_CODE } from '../helpers/testServerEnv'
import { pgKey, readableInPostgres } from '../helpers/throughKeys'
import { connectClient, type TestClient, waitForSync } from '../helpers/yjsClient'
import { DATABASE_URL } from './cluster'

/** The retention sweep and the export's import on Postgres: the same erase paths, the same result. */

const DAY = 24 * 60 * 60 * 1000
const schema = `retention_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
let clock = Date.UTC(2026, 2, 2, 9, 0)
let server: TestServer
const db = new pg.Pool({ connectionString: DATABASE_URL, max: 2 })
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer({
    log: () => {},
    now: () => clock,
    env: { DATABASE_URL, DATABASE_SCHEMA: schema, ROOM_IDLE_MS: '50' },
  })
}, 30_000)
afterAll(async () => {
  for (const client of clients) client.destroy()
  await server?.stop()
  server?.cleanup()
  await db.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_keys CASCADE`).catch(() => {})
  await db.end()
})

/** Every byte the schema's tables hold. */
async function stored(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for (const table of ['room_update', 'room_snapshot', 'room_head', 'meeting', 'participant']) {
    const { rows } = await db.query(`SELECT * FROM ${schema}.${table}`)
    for (const row of rows)
      for (const value of Object.values(row))
        chunks.push(Buffer.isBuffer(value) ? value : Buffer.from(String(value)))
  }
  return Buffer.concat(chunks)
}
const found = async (needles: string[]) => {
  const bytes = await stored()
  return needles.filter((needle) => bytes.includes(needle))
}
/** The needles some of the rooms hold once decrypted with their keys (what the server reads). */
const readable = async (rooms: string[], needles: string[]) => {
  const contents = await Promise.all(rooms.map((room) => readableInPostgres(db, schema, room)))
  return needles.filter((needle) => contents.some((content) => content.includes(needle)))
}

async function writeNote(roomId: string, marker: string, who?: { token: string; id: string }) {
  const client = connectClient(server.url, roomId, who ? { token: who.token } : {})
  clients.push(client)
  await waitForSync(client)
  const id = `shape:${marker}`
  client.kv.set(id, noteRecord({ id, x: -3000, y: -3000, authorId: who?.id ?? 'free', text: marker }))
  // Until the first row is stored its key may not be either: not readable yet, not an error.
  const readableYet = () =>
    readable([roomId], [marker]).catch((error: Error) => {
      if (error.name === 'MissingKeyError' || /no key for/.test(error.message)) return []
      throw error
    })
  for (let i = 0; i < 100 && (await readableYet()).length === 0; i++)
    await new Promise((r) => setTimeout(r, 50))
  client.destroy()
}

it('erases an expired meeting and free board from Postgres and keeps the others', async () => {
  const old = await createMeeting(server.url, 'roddelmethode')
  const oldPerson = await joinMeeting(server.url, old, 'Pg Oudgediende')
  await writeNote(old.roomId, 'PG-RETENTIE-OUD', oldPerson)
  const oldBoard = randomBytes(16).toString('base64url')
  await writeNote(oldBoard, 'PG-RETENTIE-OUDBORD')
  clock += 20 * DAY
  const recent = await createMeeting(server.url, 'roddelmethode')
  const recentPerson = await joinMeeting(server.url, recent, 'Pg Nieuwkomer')
  await writeNote(recent.roomId, 'PG-RETENTIE-RECENT', recentPerson)
  const recentBoard = randomBytes(16).toString('base64url')
  await writeNote(recentBoard, 'PG-RETENTIE-RECENTBORD')

  const gone = ['PG-RETENTIE-OUD', 'Pg Oudgediende', 'PG-RETENTIE-OUDBORD', old.meetingId, oldBoard]
  const kept = [
    'PG-RETENTIE-RECENT',
    'Pg Nieuwkomer',
    'PG-RETENTIE-RECENTBORD',
    recent.meetingId,
    recentBoard,
  ]
  // Before the sweep: the content readable with the rooms' keys and never in the clear, the ids in
  // the clear. So finding none of them afterwards means something.
  const ids = [old.meetingId, oldBoard, recent.meetingId, recentBoard]
  const content = [...gone, ...kept].filter((n) => !ids.includes(n))
  const rooms = [old.roomId, oldBoard, recent.roomId, recentBoard]
  expect(await readable(rooms, content)).toEqual(content)
  expect(await found(content)).toEqual([])
  expect(await found(ids)).toEqual(ids)

  clock += 11 * DAY
  expect(await server.sweep()).toEqual({ meetings: 1, boards: 1, groups: 0, failed: 0 })
  expect(await found(gone)).toEqual([])
  expect(await pgKey(db, schema, old.roomId)).toBeNull()
  expect(await pgKey(db, schema, oldBoard)).toBeNull()
  expect(await found([recent.meetingId, recentBoard])).toEqual([recent.meetingId, recentBoard])
  expect(
    await readable(
      rooms.slice(2),
      content.filter((n) => kept.includes(n)),
    ),
  ).toEqual(content.filter((n) => kept.includes(n)))
  expect((await api(server.url, `/meetings/${recent.meetingId}`, { token: recentPerson.token })).status).toBe(
    200,
  )
})

it('imports an export on Postgres with the same report', async () => {
  const meeting = await createMeeting(server.url, 'roddelmethode')
  const person = await joinMeeting(server.url, meeting, 'Pg Exporteur')
  await writeNote(meeting.roomId, 'PG-EXPORT-NOTITIE', person)
  const file = (
    await api<MeetingExport>(server.url, `/meetings/${meeting.meetingId}/export`, {
      token: meeting.facilitator.token,
    })
  ).body
  const made = await api<{ meetings: Array<{ meetingId: string; facilitatorPath: string }> }>(
    server.url,
    '/meetings/import',
    { body: file, token: TEST_IMPORT_CODE },
  )
  expect(made.status).toBe(201)
  const copy = made.body.meetings[0]!
  const fac = await api<{ token: string }>(server.url, `/meetings/${copy.meetingId}/facilitate`, {
    body: { secret: copy.facilitatorPath.split('#begeleider=')[1], name: 'Bea Begeleider' },
  })
  const again = (
    await api<MeetingExport>(server.url, `/meetings/${copy.meetingId}/export`, { token: fac.body.token })
  ).body
  const records = (f: MeetingExport) => f.meetings[0]!.board.records.map((r) => r.id).sort()
  expect(records(again)).toEqual(records(file))
  expect(again.meetings[0]!.participants.map((p) => p.name)).toEqual([
    ...file.meetings[0]!.participants.map((p) => p.name),
    'Bea Begeleider',
  ])
})

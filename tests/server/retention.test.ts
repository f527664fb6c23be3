import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { importMeetingKey, newMeetingKey, sealText } from '../../client/src/meeting/drafts/sealing'
import { CloseCode } from '../../shared/closeCodes'
import { RECORDS_ARRAY } from '../../shared/wire'
import { foundUnder, hitsUnder } from '../helpers/dataFiles'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, createMeeting, joinMeeting, type MeetingSetup } from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { hasSqliteKey, readableInSqlite, readableThrough } from '../helpers/throughKeys'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'

const DAY = 24 * 60 * 60 * 1000
// The server's clock: moved on by the test, read by every retention decision.
let clock = Date.UTC(2026, 0, 5, 9, 0)
let server: TestServer
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer({ log: () => {}, now: () => clock, env: { ROOM_IDLE_MS: '50' } })
})
afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
  server.cleanup()
})

const freeBoardId = () => randomBytes(16).toString('base64url')

/** A client writes one note with `marker`; resolves once it is on disk. Left connected. */
async function writeNote(roomId: string, marker: string, who?: { token: string; id: string }) {
  const client = connectClient(server.url, roomId, who ? { token: who.token } : {})
  clients.push(client)
  await waitForSync(client)
  const id = `shape:${marker}`
  client.kv.set(id, noteRecord({ id, x: -3000, y: -3000, authorId: who?.id ?? 'free', text: marker }))
  // Stored (readable with the room's key), never in the clear.
  await eventually(() => readableInSqlite(server.dataDir, roomId).includes(marker), 5000, `${marker} stored`)
  return client
}

/** A meeting with a participant of this name who wrote a note with this marker. */
async function meetingWithNote(name: string, marker: string) {
  const setup = await createMeeting(server.url, 'roddelmethode')
  const person = await joinMeeting(server.url, setup, name)
  const client = await writeNote(setup.roomId, marker, person)
  return { setup, person, client }
}

const closeCode = (client: TestClient) =>
  new Promise<number>((resolve) =>
    client.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
  )

const retention = (setup: MeetingSetup) =>
  api<{ days: number; keptUntil: number; maxDays: number; error?: string }>(
    server.url,
    `/meetings/${setup.meetingId}/retention`,
    { token: setup.facilitator.token },
  )

it('erases an expired meeting and an expired free board completely; what is not expired stays and opens', async () => {
  const start = clock
  // Expired at the sweep: a meeting and a free board last used 31 days before it.
  const old = await meetingWithNote('Oudje Wegwerpvink', 'RETENTIE-OUD-4471')
  const oldClosed = closeCode(old.client)
  const oldBoard = freeBoardId()
  ;(await writeNote(oldBoard, 'RETENTIE-OUDBORD-9012')).destroy()
  // Kept longer by its facilitator: 60 days, so not expired at 31.
  const kept = await meetingWithNote('Blijver Langhals', 'RETENTIE-BEWAARD-3350')
  const longer = await api<{ days: number; keptUntil: number }>(
    server.url,
    `/meetings/${kept.setup.meetingId}/retention`,
    { method: 'PUT', body: { days: 60 }, token: kept.setup.facilitator.token },
  )
  expect(longer.body).toMatchObject({ days: 60, keptUntil: start + 60 * DAY })

  // Twenty days on, a meeting and a free board in use.
  clock += 20 * DAY
  const recent = await meetingWithNote('Recente Rietzanger', 'RETENTIE-RECENT-7781')
  const recentBoard = freeBoardId()
  const recentBoardClient = await writeNote(recentBoard, 'RETENTIE-RECENTBORD-2208')
  expect((await retention(recent.setup)).body).toMatchObject({ days: 30, keptUntil: clock + 30 * DAY })

  const gone = [
    'RETENTIE-OUD-4471',
    'Oudje Wegwerpvink',
    'Bea Begeleider', // only the facilitators' name would still be in the kept meetings
    'RETENTIE-OUDBORD-9012',
    old.setup.meetingId,
    old.person.id,
    oldBoard,
  ]
  const staying = [
    'RETENTIE-BEWAARD-3350',
    'Blijver Langhals',
    'RETENTIE-RECENT-7781',
    'RETENTIE-RECENTBORD-2208',
  ]
  const expiredNeedles = gone.filter((n) => n !== 'Bea Begeleider')
  const expiredIds = [old.setup.meetingId, old.person.id, oldBoard]
  const expiredContent = expiredNeedles.filter((n) => !expiredIds.includes(n))
  const rooms = [old.setup.roomId, oldBoard, kept.setup.roomId, recent.setup.roomId, recentBoard]
  // Before the sweep the content is stored, readable with the rooms' keys and never raw in a file;
  // the ids are stored in the clear. So finding none of them afterwards means something.
  expect(readableThrough(server.dataDir, rooms, [...expiredContent, ...staying])).toEqual(
    new Set([...expiredContent, ...staying]),
  )
  expect(hitsUnder(server.dataDir, [...expiredContent, ...staying])).toEqual([])
  expect(foundUnder(server.dataDir, expiredIds)).toEqual(new Set(expiredIds))

  // Nothing has expired yet at 30 days minus a minute after the old ones' last use.
  clock = start + 30 * DAY - 60_000
  expect(await server.sweep()).toEqual({ meetings: 0, boards: 0, groups: 0, failed: 0 })

  clock = start + 31 * DAY
  expect(await server.sweep()).toEqual({ meetings: 1, boards: 1, groups: 0, failed: 0 })
  expect(hitsUnder(server.dataDir, expiredNeedles)).toEqual([])
  // Their keys are gone: a copy of their rows anywhere (WAL, backup) can no longer be read.
  expect([old.setup.roomId, oldBoard].filter((room) => hasSqliteKey(server.dataDir, room))).toEqual([])
  expect(readableThrough(server.dataDir, rooms.slice(2), staying)).toEqual(new Set(staying))
  // Whoever was still connected to the expired meeting is told why it went.
  expect(await oldClosed).toBe(CloseCode.retentionExpired)
  // Its links and sessions open nothing any more.
  expect(
    (await api(server.url, `/meetings/${old.setup.meetingId}`, { token: old.person.token })).status,
  ).toBe(403)

  // The meetings that did not expire still open with their notes, and the recent free board too.
  for (const { setup, person, marker } of [
    { ...kept, marker: 'RETENTIE-BEWAARD-3350' },
    { ...recent, marker: 'RETENTIE-RECENT-7781' },
  ]) {
    expect((await api(server.url, `/meetings/${setup.meetingId}`, { token: person.token })).status).toBe(200)
    const reader = connectClient(server.url, setup.roomId, { token: person.token })
    clients.push(reader)
    await waitForSync(reader)
    expect(reader.kv.get(`shape:${marker}`)).toBeDefined()
  }
  const boardReader = connectClient(server.url, recentBoard)
  clients.push(boardReader)
  await waitForSync(boardReader)
  expect(boardReader.kv.get('shape:RETENTIE-RECENTBORD-2208')).toBeDefined()
  expect(boardReader.doc.getArray(RECORDS_ARRAY).length).toBeGreaterThan(0)
  recentBoardClient.destroy()
})

it('counts a meeting days from its last activity, not from its making', async () => {
  const { setup, person } = await meetingWithNote('Actieve Aalscholver', 'RETENTIE-ACTIEF-5120')
  clock += 25 * DAY
  // Someone opens the board 25 days on: that is activity, the 30 days start again.
  const visitor = connectClient(server.url, setup.roomId, { token: person.token })
  clients.push(visitor)
  await waitForSync(visitor)
  // (SQLite writes the time as the connection opens, before the sync answer goes out.)
  expect((await retention(setup)).body.keptUntil).toBe(clock + 30 * DAY)
  visitor.destroy()
  // (The first test's meetings expire on the way; this one is looked for by its marker.)
  clock += 25 * DAY
  await server.sweep()
  expect(readableThrough(server.dataDir, [setup.roomId], ['RETENTIE-ACTIEF-5120']).size).toBe(1)
  expect((await retention(setup)).status).toBe(200)
  clock += 6 * DAY
  expect((await server.sweep()).meetings).toBeGreaterThanOrEqual(1)
  expect((await retention(setup)).status).toBe(403)
  expect(hitsUnder(server.dataDir, ['RETENTIE-ACTIEF-5120', 'Actieve Aalscholver'])).toEqual([])
  expect(hasSqliteKey(server.dataDir, setup.roomId)).toBe(false)
})

it('keeps the facilitator within the operator maximum, and only the facilitator', async () => {
  const setup = await createMeeting(server.url, 'roddelmethode')
  const person = await joinMeeting(server.url, setup, 'Gewone Deelnemer')
  const { body: view } = await retention(setup)
  const tooLong = await api<{ error: string; max: number }>(
    server.url,
    `/meetings/${setup.meetingId}/retention`,
    {
      method: 'PUT',
      body: { days: view.maxDays + 1 },
      token: setup.facilitator.token,
    },
  )
  expect(tooLong.status).toBe(400)
  expect(tooLong.body).toMatchObject({ error: 'retention_out_of_range', max: view.maxDays })
  const notYours = await api<{ error: string }>(server.url, `/meetings/${setup.meetingId}/retention`, {
    method: 'PUT',
    body: { days: 2 },
    token: person.token,
  })
  expect(notYours.body.error).toBe('not_facilitator')
  expect((await retention(setup)).body.days).toBe(view.days)
})

it('takes an expired meeting’s sealed drafts with it', async () => {
  const setup = await createMeeting(server.url, 'stappenplan-60')
  const anna = await joinMeeting(server.url, setup, 'Anna Voorbereid')
  const key = await importMeetingKey(newMeetingKey())
  const sealed = await sealText(key, setup.meetingId, 'shape:prepared', 'casus')
  const stored = await api(server.url, `/meetings/${setup.meetingId}/drafts/mine/casuslijst`, {
    method: 'PUT',
    body: { drafts: [{ shapeId: 'shape:prepared', sealed }], ready: true },
    token: anna.token,
  })
  expect(stored.status).toBe(200)
  // The sealed text as the server stores it (ciphertext, but bytes of this meeting all the same);
  // the name encrypted at rest, readable only with the meeting's key.
  const raw = [sealed.slice(0, 48), setup.meetingId]
  expect(foundUnder(server.dataDir, raw)).toEqual(new Set(raw))
  expect(readableThrough(server.dataDir, [setup.roomId], ['Anna Voorbereid']).size).toBe(1)
  expect(hitsUnder(server.dataDir, ['Anna Voorbereid'])).toEqual([])
  clock += 31 * DAY
  await server.sweep()
  expect(hitsUnder(server.dataDir, [...raw, 'Anna Voorbereid'])).toEqual([])
  expect(hasSqliteKey(server.dataDir, setup.roomId)).toBe(false)
})

import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import { foundUnder, hitsUnder } from '../helpers/dataFiles'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, createMeeting } from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { hasSqliteKey, readableInSqlite } from '../helpers/throughKeys'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'

let server: TestServer
const clients: TestClient[] = []
beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
  server.cleanup()
})

it('erases a free board with its link: no byte of it under DATA_DIR, its connections closed with 4411', async () => {
  const roomId = randomBytes(16).toString('base64url')
  const marker = 'VRIJ-BORD-WIS-3141'
  const client = connectClient(server.url, roomId)
  clients.push(client)
  await waitForSync(client)
  client.kv.set('shape:wis', noteRecord({ id: 'shape:wis', x: 0, y: 0, authorId: 'x', text: marker }))
  // Stored: readable with the board's key, never raw in a file; its id in the clear.
  await eventually(() => readableInSqlite(server.dataDir, roomId).includes(marker), 5000, 'note stored')
  expect(hitsUnder(server.dataDir, [marker])).toEqual([])
  expect(foundUnder(server.dataDir, [roomId])).toEqual(new Set([roomId]))

  const closed = new Promise<number>((resolve) =>
    client.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
  )
  const erased = await api(server.url, `/boards/${roomId}`, { method: 'DELETE' })
  expect(erased).toEqual({ status: 200, body: { erased: true } })
  // Right after the answer, with the server running: not in the database, its log or anywhere.
  expect(hitsUnder(server.dataDir, [marker, roomId])).toEqual([])
  // And its key: whatever copy of its rows is left anywhere (WAL, backup) cannot be read.
  expect(hasSqliteKey(server.dataDir, roomId)).toBe(false)
  expect(await closed).toBe(CloseCode.boardErased)
  // Erasing it again is no error: there is nothing left to erase.
  expect((await api(server.url, `/boards/${roomId}`, { method: 'DELETE' })).status).toBe(200)
})

it('erases no meeting through the free boards’ door, and refuses ids that are no room', async () => {
  const meeting = await createMeeting(server.url, 'roddelmethode')
  for (const id of [meeting.roomId, 'kort', 'niet%20geldig%20want%20spaties']) {
    const res = await api<{ error: string }>(server.url, `/boards/${id}`, { method: 'DELETE' })
    expect(res.status, id).toBe(404)
    expect(res.body.error, id).toBe('not_a_free_board')
  }
  expect(
    (await api(server.url, `/meetings/${meeting.meetingId}`, { token: meeting.facilitator.token })).status,
  ).toBe(200)
})

import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CloseCode } from '../../templates/src/closeCodes'
import { api } from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'
import { type Cluster, hasKey, readableIn, startCluster, storedBytes } from './cluster'

/** A free board erased through one instance closes its connections on the other too, at once. */

let cluster: Cluster
const clients: TestClient[] = []
beforeAll(async () => {
  cluster = await startCluster(2)
}, 90_000)
afterAll(async () => {
  for (const client of clients) client.destroy()
  await cluster?.stop()
}, 90_000)

const closeCode = (client: TestClient) =>
  new Promise<number>((resolve) =>
    client.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
  )

it('erases a free board everywhere: the other instance closes its connections with 4411', async () => {
  const [a, b] = cluster.instances
  const roomId = randomBytes(16).toString('base64url')
  const writer = connectClient(a!.url, roomId)
  const watcher = connectClient(b!.url, roomId)
  clients.push(writer, watcher)
  await Promise.all([waitForSync(writer), waitForSync(watcher)])
  writer.kv.set(
    'shape:weg',
    noteRecord({ id: 'shape:weg', x: 0, y: 0, authorId: 'x', text: 'VRIJBORD-WIS-6620' }),
  )
  await eventually(() => watcher.kv.get('shape:weg') !== undefined, 10_000, 'note on the other instance')
  // Stored: readable with the board's key, never in the clear; its id in the clear.
  expect((await readableIn(cluster, roomId)).includes('VRIJBORD-WIS-6620')).toBe(true)
  expect((await storedBytes(cluster)).includes('VRIJBORD-WIS-6620')).toBe(false)
  expect((await storedBytes(cluster)).includes(roomId)).toBe(true)

  const watcherClosed = closeCode(watcher)
  const writerClosed = closeCode(writer)
  const erased = await api(a!.url, `/boards/${roomId}`, { method: 'DELETE' })
  expect(erased).toEqual({ status: 200, body: { erased: true } })
  // The watcher on B wrote nothing after the erase: only the announcement can have closed it.
  expect(await watcherClosed).toBe(CloseCode.boardErased)
  expect(await writerClosed).toBe(CloseCode.boardErased)
  const bytes = await storedBytes(cluster)
  expect(bytes.includes('VRIJBORD-WIS-6620')).toBe(false)
  expect(bytes.includes(roomId)).toBe(false)
  expect(await hasKey(cluster, roomId)).toBe(false)
  // A meeting's room is no free board: its id is refused.
  const meetingRoom = await api<{ error: string }>(a!.url, '/boards/m-AAAAAAAAAAAAAAAAAAAAAA', {
    method: 'DELETE',
  })
  expect(meetingRoom).toEqual({ status: 404, body: expect.objectContaining({ error: 'not_a_free_board' }) })
}, 60_000)

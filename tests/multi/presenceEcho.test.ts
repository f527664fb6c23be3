import { afterAll, beforeAll, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { roomProtocols } from '../../shared/roomHandshake'
import { inZone, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'
import { type Cluster, startCluster } from './cluster'
import { command, openZone, refusalsOf } from './leaseScenario'

/**
 * After a failover an honest writer is never refused "in someone else's name". A stock client
 * echoes every presence it receives; one with no presence of its own yet (a client that sets it
 * later) echoes Carla's, held on B from A. That echo must not make Carla's client id Bob's: when
 * Carla, who only watched on A, moves to B and writes for the first time, her note is hers.
 */

let cluster: Cluster
const clients: TestClient[] = []
const providers: WebsocketProvider[] = []

beforeAll(async () => {
  cluster = await startCluster(2)
}, 90_000)
afterAll(async () => {
  for (const p of providers) p.destroy()
  for (const c of clients) c.destroy()
  await cluster?.stop()
}, 90_000)

it('an echo of a colleague’s presence through another instance does not take her client id', async () => {
  const [a, b] = cluster.instances as [(typeof cluster.instances)[0], (typeof cluster.instances)[0]]
  const m = await meetingIn(a.url, 'roddelmethode', 'introductie', { Carla: 'deelnemer', Bob: 'deelnemer' })
  const zone = openZone(m.template)
  expect((await command(a.url, m, { type: 'goto', phaseId: zone.phaseId })).status).toBe(200)
  const carla = m.people.Carla!
  const bob = m.people.Bob!

  // Bob's client on B has no presence of its own: the first presence it sends is an echo.
  const bobOnB = connectClient(b.url, m.roomId, { token: bob.token })
  clients.push(bobOnB)
  bobOnB.provider.awareness.setLocalState(null)
  await waitForSync(bobOnB)

  // Carla watches through A, with her presence; she has written nothing yet.
  const carlaOnA = connectClient(a.url, m.roomId, { token: carla.token })
  clients.push(carlaOnA)
  await waitForSync(carlaOnA)
  carlaOnA.provider.awareness.setLocalStateField('presence', { name: 'Carla' })
  const carlaId = carlaOnA.doc.clientID
  await eventually(
    () => bobOnB.provider.awareness.getStates().has(carlaId),
    10_000,
    'Carla’s presence at Bob',
  )

  // Carla moves to B (A is gone for her) with the document she has, and writes her first note.
  carlaOnA.provider.disconnect()
  const moved = new WebsocketProvider(`${b.url.replace(/^http/, 'ws')}/yjs`, m.roomId, carlaOnA.doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    protocols: roomProtocols(carla.token),
    disableBc: true,
  })
  providers.push(moved)
  const refusals = refusalsOf(moved)
  await eventually(() => moved.synced, 10_000, 'Carla on B')
  const id = 'shape:carla-first'
  carlaOnA.kv.set(
    id,
    noteRecord({ id, ...inZone(m.template, zone.zoneId, 0), authorId: carla.id, text: 'Carla' }),
  )
  await eventually(() => bobOnB.kv.has(id) || refusals.length > 0, 10_000, 'Carla’s note judged')
  expect(refusals).toEqual([])
  expect(bobOnB.kv.has(id)).toBe(true)
  const stored = await cluster.db.query(
    `SELECT owner FROM ${cluster.schema}.room_client_claim WHERE room_id = $1 AND client_id = $2`,
    [m.roomId, carlaId],
  )
  expect(stored.rows).toEqual([{ owner: carla.id }])
}, 90_000)

import { afterAll, beforeAll, expect, it } from 'vitest'
import { inZone, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'
import { type Cluster, startCluster } from './cluster'
import { command, openZone, refusalsOf } from './leaseScenario'

/**
 * A Yjs client id's clock range belongs to its first writer on every instance: Alice writes
 * through A, goes offline with a note not yet sent; Bob writes with her client id through B. Bob
 * is refused (and starts over), and Alice's offline note reaches every board when she is back.
 */

let cluster: Cluster
const clients: TestClient[] = []

beforeAll(async () => {
  cluster = await startCluster(2)
}, 90_000)
afterAll(async () => {
  // Bob's document took another client id than his provider's presence: its teardown may throw.
  for (const c of clients) {
    try {
      c.destroy()
    } catch {}
  }
  await cluster?.stop()
}, 90_000)

function connect(instance: number, roomId: string, token: string): TestClient {
  const c = connectClient(cluster.instances[instance]!.url, roomId, { token })
  clients.push(c)
  return c
}

it('refuses a second writer in an offline colleague’s clock range through another instance', async () => {
  const a = cluster.instances[0]!.url
  const m = await meetingIn(a, 'roddelmethode', 'introductie', { Alice: 'deelnemer', Bob: 'deelnemer' })
  const zone = openZone(m.template)
  expect((await command(a, m, { type: 'goto', phaseId: zone.phaseId })).status).toBe(200)
  const alice = m.people.Alice!
  const bob = m.people.Bob!
  const note = (id: string, authorId: string, text: string, offset: number) =>
    noteRecord({ id, ...inZone(m.template, zone.zoneId, offset), authorId, text })

  const aliceClient = connect(0, m.roomId, alice.token)
  await waitForSync(aliceClient)
  aliceClient.kv.set('shape:alice-1', note('shape:alice-1', alice.id, 'Alice online', 0))
  const watcher = connect(1, m.roomId, m.setup.facilitator.token)
  await waitForSync(watcher)
  await eventually(() => watcher.kv.has('shape:alice-1'), 10_000, 'Alice’s first note on B')

  // Alice loses her connection and writes a note that waits in her browser.
  aliceClient.provider.disconnect()
  await eventually(() => !aliceClient.provider.wsconnected, 5000, 'Alice offline')
  aliceClient.kv.set('shape:alice-offline', note('shape:alice-offline', alice.id, 'Alice offline', 60))

  // Bob, through B, writes at Alice's next clock with her client id.
  const bobClient = connect(1, m.roomId, bob.token)
  const bobRefusals = refusalsOf(bobClient.provider)
  await waitForSync(bobClient)
  bobClient.doc.clientID = aliceClient.doc.clientID
  bobClient.kv.set('shape:bob-in-alice', note('shape:bob-in-alice', bob.id, 'Bob as Alice', 120))
  await eventually(() => bobRefusals.length > 0, 10_000, 'Bob refused')
  expect(bobRefusals[0]!.code).toBe('forbidden')

  // Alice comes back: her offline note reaches both instances' boards; Bob's never does.
  aliceClient.provider.connect()
  await eventually(() => watcher.kv.has('shape:alice-offline'), 10_000, 'Alice’s offline note on B')
  const late = connect(0, m.roomId, m.setup.facilitator.token)
  await waitForSync(late)
  await eventually(() => late.kv.has('shape:alice-offline'), 10_000, 'Alice’s offline note on A')
  expect(watcher.kv.has('shape:bob-in-alice')).toBe(false)
  expect(late.kv.has('shape:bob-in-alice')).toBe(false)
  const stored = await cluster.db.query(
    `SELECT owner FROM ${cluster.schema}.room_client_claim WHERE room_id = $1 AND client_id = $2`,
    [m.roomId, aliceClient.doc.clientID],
  )
  expect(stored.rows).toEqual([{ owner: alice.id }])
}, 90_000)

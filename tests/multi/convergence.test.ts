import { afterAll, beforeAll, expect, it } from 'vitest'
import { sameState } from '../helpers/meetingClient'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'
import { type Cluster, startCluster } from './cluster'

/** Two instances on the real Postgres and Redis, clients on both, one room. */

let cluster: Cluster
const clients: TestClient[] = []

beforeAll(async () => {
  cluster = await startCluster(2)
}, 90_000)
afterAll(async () => {
  for (const c of clients) c.destroy()
  await cluster?.stop()
}, 90_000)

async function client(instance: number, room: string): Promise<TestClient> {
  const c = connectClient(cluster.instances[instance]!.url, room)
  clients.push(c)
  await waitForSync(c)
  return c
}

it('converges: every edit made through either instance reaches every client on both', async () => {
  const room = 'multi-converge-1'
  const onA = [await client(0, room), await client(0, room)]
  const onB = [await client(1, room), await client(1, room)]
  const all = [...onA, ...onB]
  for (let round = 0; round < 10; round++) {
    all.forEach((c, i) => {
      c.kv.set(`shape:${i}-${round}`, { i, round })
      c.kv.set('shape:shared', { by: i, round }) // the same record, written everywhere
    })
  }
  await eventually(() => all.every((c) => c.doc.getArray('tl_records').length === 41), 20_000, 'all records')
  await eventually(() => all.every((c) => sameState(c.doc, all[0]!.doc)), 20_000, 'same state')
  const shared = all.map((c) => JSON.stringify(c.kv.get('shape:shared')))
  expect(new Set(shared).size).toBe(1)

  // A late joiner on either instance gets the whole room from Postgres and the live peers.
  const late = await client(1, room)
  await eventually(() => sameState(late.doc, all[0]!.doc), 20_000, 'late joiner')
}, 90_000)

it('carries presence between instances, and takes it away when its socket closes', async () => {
  const room = 'multi-presence-1'
  const a = await client(0, room)
  const b = await client(1, room)
  a.provider.awareness.setLocalStateField('presence', { cursor: { x: 1, y: 2 } })
  const seenAtB = () => b.provider.awareness.getStates().get(a.doc.clientID)
  await eventually(() => seenAtB() !== undefined, 15_000, 'presence of a at b')
  expect(seenAtB()).toMatchObject({ presence: { cursor: { x: 1, y: 2 } } })
  a.destroy()
  await eventually(() => seenAtB() === undefined, 15_000, 'presence gone at b')
}, 90_000)

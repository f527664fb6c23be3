import { afterAll, beforeAll, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { sameState } from '../helpers/meetingClient'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'
import { type Cluster, startCluster } from './cluster'

/**
 * kill -9 one instance while its clients write: they reconnect to the other instance, and
 * nothing any client had received is lost.
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

async function client(instance: number, room: string): Promise<TestClient> {
  const c = connectClient(cluster.instances[instance]!.url, room)
  clients.push(c)
  await waitForSync(c)
  return c
}

/** The records a client holds, by key. */
const keys = (c: { doc: Y.Doc }) =>
  new Set(c.doc.getArray<{ key: string }>('tl_records').map((entry) => entry.key))

it('loses nothing any client had received when an instance is killed with SIGKILL', async () => {
  const room = 'multi-failover-1'
  const onA = [await client(0, room), await client(0, room)]
  const onB = await client(1, room)
  const writers = [...onA, onB]

  // Everyone writes without pause while instance A dies mid-stream.
  let n = 0
  const writing = setInterval(() => {
    writers.forEach((c, i) => {
      if (c.provider.wsconnected) c.kv.set(`shape:${i}-${n}`, { i, n, text: 'x'.repeat(200) })
    })
    n++
  }, 5)
  await eventually(() => keys(onB).size > 300, 20_000, 'writing under way')
  await cluster.instances[0]!.kill9()
  clearInterval(writing)
  // What A's clients had received from others when A died (their own writes may not have left).
  const had = onA.map((c, i) => [...keys(c)].filter((key) => !key.startsWith(`shape:${i}-`)))

  // Before they come back, instance B already gives every one of those records to a newcomer:
  // A stored each before it sent it, and B reads back what A could not tell it.
  const newcomer = await client(1, room)
  const atNewcomer = keys(newcomer)
  for (const set of had) for (const key of set) expect(atNewcomer.has(key), key).toBe(true)

  // They reconnect to B with the documents they hold, as a client behind a balancer would.
  for (const c of onA) {
    c.provider.disconnect()
    const moved = new WebsocketProvider(
      `${cluster.instances[1]!.url.replace(/^http/, 'ws')}/yjs`,
      room,
      c.doc,
      {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      },
    )
    providers.push(moved)
  }
  await eventually(() => providers.every((p) => p.synced), 20_000, 'reconnected to b')
  await eventually(() => onA.every((c) => sameState(c.doc, onB.doc)), 20_000, 'same state on b')

  // B, and everyone on it, holds every record any client of A had.
  const atB = keys(onB)
  for (const set of had) for (const key of set) expect(atB.has(key), key).toBe(true)

  // And B's room is in Postgres: a fresh client of a fresh instance gets all of it.
  const fresh = await cluster.start()
  const late = connectClient(fresh.url, room)
  clients.push(late)
  await waitForSync(late)
  await eventually(() => sameState(late.doc, onB.doc), 20_000, 'fresh instance has it all')
}, 90_000)

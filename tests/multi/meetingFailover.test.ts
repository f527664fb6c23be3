import { afterAll, beforeAll, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { accessFor } from '../../shared/permissions'
import { roomProtocols } from '../../shared/roomHandshake'
import { REFUSED_MESSAGE } from '../../shared/wire'
import { sameState } from '../helpers/meetingClient'
import { inZone, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'
import { type Cluster, startCluster } from './cluster'

/**
 * kill -9 one instance in a meeting: its participants reconnect to the other instance, whose guard
 * judges them by the room as stored, and nothing any of them had received is lost.
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

function connect(instance: number, roomId: string, token: string): TestClient {
  const c = connectClient(cluster.instances[instance]!.url, roomId, { token })
  clients.push(c)
  return c
}

/** Whether `doc` holds everything `had` holds from clients other than `had`'s own. */
function holdsReceived(doc: Y.Doc, had: Map<number, number>, own: number): boolean {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc))
  return [...had].every(([client, clock]) => client === own || (sv.get(client) ?? 0) >= clock)
}

it('loses nothing a participant had received when their instance is killed with SIGKILL', async () => {
  const m = await meetingIn(cluster.instances[0]!.url, 'roddelmethode', 'introductie', {
    Dirk: 'deelnemer',
    Olga: 'deelnemer',
    Piet: 'deelnemer',
  })
  const phase = m.template.phases.find((p) =>
    m.template.zones.some((z) => accessFor(m.template, p.id, z.id, 'deelnemer').can.has('add')),
  )!
  const zone = m.template.zones.find((z) =>
    accessFor(m.template, phase.id, z.id, 'deelnemer').can.has('add'),
  )!
  const goto = await fetch(`${cluster.instances[0]!.url}/api/meetings/${m.setup.meetingId}/commands`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${m.setup.facilitator.token}` },
    body: JSON.stringify({ type: 'goto', phaseId: phase.id }),
  })
  expect(goto.status).toBe(200)

  const names = ['Dirk', 'Olga', 'Piet'] as const
  const people = names.map((name) => m.people[name]!)
  const onA = [connect(0, m.roomId, people[0]!.token), connect(0, m.roomId, people[1]!.token)]
  const onB = connect(1, m.roomId, people[2]!.token)
  const all = [...onA, onB]
  await Promise.all(all.map((c) => waitForSync(c)))
  const refusals: string[] = []
  for (const c of all) c.provider.messageHandlers[REFUSED_MESSAGE] = () => refusals.push('refused')

  // Each moves their own note inside the open zone, without pause, while instance A dies.
  let n = 0
  const writing = setInterval(() => {
    all.forEach((c, i) => {
      if (!c.provider.wsconnected) return
      const id = `shape:note-${names[i]}`
      c.kv.set(
        id,
        noteRecord({
          id,
          ...inZone(m.template, zone.id, i * 40 + (n % 20)),
          authorId: people[i]!.id,
          text: `${names[i]} ${n}`,
        }),
      )
    })
    n++
  }, 10)
  await eventually(() => n > 100, 20_000, 'writing under way')
  await cluster.instances[0]!.kill9()
  clearInterval(writing)
  const had = onA.map((c) => Y.decodeStateVector(Y.encodeStateVector(c.doc)))

  // Instance B gives a newcomer everything A's participants had received from others.
  const newcomer = connect(1, m.roomId, m.setup.facilitator.token)
  await waitForSync(newcomer)
  for (const [i, sv] of had.entries())
    expect(holdsReceived(newcomer.doc, sv, onA[i]!.doc.clientID)).toBe(true)

  // They come back through B with the documents they hold, and nobody is refused.
  onA.forEach((c, i) => {
    c.provider.disconnect()
    const moved = new WebsocketProvider(
      `${cluster.instances[1]!.url.replace(/^http/, 'ws')}/yjs`,
      m.roomId,
      c.doc,
      {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        protocols: roomProtocols(people[i]!.token),
        disableBc: true,
      },
    )
    moved.messageHandlers[REFUSED_MESSAGE] = () => refusals.push('refused after the move')
    providers.push(moved)
  })
  await eventually(() => providers.every((p) => p.synced), 20_000, 'reconnected to b')
  await eventually(() => [...onA, newcomer].every((c) => sameState(c.doc, onB.doc)), 20_000, 'same state')
  expect(refusals).toEqual([])
}, 90_000)

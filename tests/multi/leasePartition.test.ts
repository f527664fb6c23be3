import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import { api } from '../helpers/meetingClient'
import type { ServerProcess } from '../helpers/serverProcess'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'
import { type Cluster, startCluster } from './cluster'
import { assignRole, firstJudgedRefusal, meetingWithWriter, refusalsOf, writeNote } from './leaseScenario'
import { startTcpProxy, type TcpProxy } from './tcpProxy'

/**
 * Instance B reaches Redis through a proxy in this process; cutting it is a partition. A role
 * change or an erase through A is in force on B's open connections before A answers (or A says it
 * is not): B, no longer sure it is current, refuses to judge, and closes an erased meeting's
 * connections by reading Postgres.
 */

let cluster: Cluster
let proxy: TcpProxy
let a: ServerProcess
let b: ServerProcess
const clients: TestClient[] = []

beforeAll(async () => {
  cluster = await startCluster(1)
  const redis = new URL(process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379')
  proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) })
  a = cluster.instances[0]!
  b = await cluster.start({ REDIS_URL: proxy.url })
}, 90_000)
afterAll(async () => {
  for (const c of clients) c.destroy()
  await proxy?.close()
  await cluster?.stop()
}, 90_000)

// Each test starts with B on Redis, whatever the one before left.
beforeEach(() => proxy.restore())

function connect(server: ServerProcess, roomId: string, token: string): TestClient {
  const c = connectClient(server.url, roomId, { token })
  clients.push(c)
  return c
}

it('a role change through A holds on B’s open connections while B is cut off from Redis', async () => {
  const { m, zone } = await meetingWithWriter(a.url)
  const dirk = m.people.Dirk!
  // Three of Dirk's connections on B, open before the partition; one note through B first.
  const onB = [0, 1, 2].map(() => connect(b, m.roomId, dirk.token))
  const refusals = onB.map((c) => refusalsOf(c.provider))
  await Promise.all(onB.map((c) => waitForSync(c)))
  const watcher = connect(a, m.roomId, m.setup.facilitator.token)
  await waitForSync(watcher)
  const before = writeNote(onB[0]!, m, zone, 0)
  await eventually(() => watcher.kv.has(before), 10_000, 'a note through B reaches A')

  await proxy.cut()
  const demoted = await assignRole(a.url, m, dirk.id, 'observer')
  // In force everywhere (200), or it says it is not (503): never "done" for what is not.
  expect([200, 503]).toContain(demoted.status)

  // Every write after the answer, through each connection already open on B, is refused.
  const after = onB.map((c, i) => writeNote(c, m, zone, i + 1))
  // More than the refusal budget (30 a minute) through one: not its fault, so it is not closed.
  for (let n = 0; n < 34; n++) after.push(writeNote(onB[0]!, m, zone, 20 + n))
  await eventually(() => refusals.every((r) => r.length > 0), 15_000, 'each write refused')
  await eventually(() => refusals[0]!.length >= 35, 15_000, '35 refusals on one connection')
  expect(refusals.flat().every((r) => r.code === 'unavailable')).toBe(true)
  expect(onB.every((c) => c.provider.wsconnected)).toBe(true) // refused, not closed: it recovers
  expect(after.some((id) => watcher.kv.has(id))).toBe(false)

  // B back on Redis: it reads the meeting again and judges Dirk as the observer he now is.
  await proxy.restore()
  expect(await firstJudgedRefusal(b, m, zone, dirk.token, clients)).toBe('forbidden')
  const stored = await cluster.db.query(
    `SELECT count(*)::int AS n FROM ${cluster.schema}.room_update WHERE room_id = $1 AND position($2::bytea in data) > 0`,
    [m.roomId, Buffer.from('Dirk 1')],
  )
  expect(stored.rows[0].n).toBe(0)
}, 120_000)

it('an erase through A closes the connections of B, cut off from Redis', async () => {
  const { m } = await meetingWithWriter(a.url)
  const onB = connect(b, m.roomId, m.people.Dirk!.token)
  await waitForSync(onB, 15_000)
  const closed = new Promise<number>((resolve) =>
    onB.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
  )
  await proxy.cut()
  const erased = await api(a.url, `/meetings/${m.setup.meetingId}`, {
    method: 'DELETE',
    token: m.setup.facilitator.token,
  })
  expect(erased.status).toBe(200)
  const late = new Promise<string>((resolve) => setTimeout(() => resolve('still open after 20 s'), 20_000))
  expect(await Promise.race([closed, late])).toBe(CloseCode.meetingErased)
  await proxy.restore()
}, 90_000)

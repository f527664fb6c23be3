import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ServerProcess } from '../helpers/serverProcess'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'
import { type Cluster, startCluster } from './cluster'
import { assignRole, command, meetingWithWriter, refusalsOf, writeNote } from './leaseScenario'
import { startTcpProxy, type TcpProxy } from './tcpProxy'

/**
 * Silent partitions: each instance reaches Redis through a proxy that holds the bytes without
 * closing anything, so nobody hears of a disconnect. Only leases tell: a command through A waits
 * until B confirmed or its lease ran out; and when A itself cannot reach Redis its answer (503)
 * comes only once B, which cannot either, has lapsed. No write through B after the answer passes.
 */

let cluster: Cluster
let toA: TcpProxy
let toB: TcpProxy
let a: ServerProcess
let b: ServerProcess
const clients: TestClient[] = []

beforeAll(async () => {
  const redis = new URL(process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379')
  const target = { host: redis.hostname, port: Number(redis.port || 6379) }
  toA = await startTcpProxy(target)
  toB = await startTcpProxy(target)
  cluster = await startCluster(0)
  a = await cluster.start({ REDIS_URL: toA.url })
  b = await cluster.start({ REDIS_URL: toB.url })
}, 90_000)
afterAll(async () => {
  for (const c of clients) c.destroy()
  await toA?.close()
  await toB?.close()
  await cluster?.stop()
}, 90_000)

async function dirkOnB() {
  const { m, zone } = await meetingWithWriter(a.url)
  const onB = connectClient(b.url, m.roomId, { token: m.people.Dirk!.token })
  clients.push(onB)
  const refusals = refusalsOf(onB.provider)
  await waitForSync(onB, 15_000)
  const watcher = connectClient(a.url, m.roomId, { token: m.setup.facilitator.token })
  clients.push(watcher)
  await waitForSync(watcher, 15_000)
  return { m, zone, onB, refusals, watcher }
}

it('a role change through A waits for B’s lease when B hears nothing and says nothing', async () => {
  const { m, zone, onB, refusals, watcher } = await dirkOnB()
  toB.pause()
  const demoted = await assignRole(a.url, m, m.people.Dirk!.id, 'observer')
  expect(demoted.status).toBe(200)
  const note = writeNote(onB, m, zone, 1)
  await eventually(() => refusals.length > 0, 15_000, 'the write refused')
  expect(watcher.kv.has(note)).toBe(false)
  toB.resume()
}, 90_000)

it('with Redis silent for everyone, a command answers 503 within seconds, after B has lapsed', async () => {
  const { m, zone, onB, refusals, watcher } = await dirkOnB()
  toA.pause()
  toB.pause()
  const closing = await command(a.url, m, { type: 'goto', phaseId: zone.closedPhaseId })
  // Timing is the point: Redis's silence is noticed after 1 s (a command's timeout), then one
  // lease time (3 s) passes so that B, which cannot renew either, has lapsed; room for a busy machine.
  expect(closing.ms).toBeLessThan(8000)
  expect(closing.ms).toBeGreaterThanOrEqual(3000)
  expect(closing.status).toBe(503)
  const note = writeNote(onB, m, zone, 1)
  await eventually(() => refusals.length > 0, 15_000, 'the write refused')
  expect(refusals[0]!.code).toBe('unavailable')
  expect(watcher.kv.has(note)).toBe(false)
  toA.resume()
  toB.resume()
}, 90_000)

import { afterAll, beforeAll, expect, it } from 'vitest'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'
import { type Cluster, startCluster } from './cluster'
import { command, meetingWithWriter, refusalsOf, writeNote } from './leaseScenario'

/**
 * Instance B stalls (SIGSTOP) longer than its lease. A phase change through A that closes a zone
 * answers without waiting for B for good, and the writes B's connections sent after that answer
 * are refused when B wakes: it knows its lease ran out and reads the meeting again first.
 */

/** `LEASE_RUNS=20 npx vitest run tests/multi/leaseStall.test.ts` repeats the stall (a long run). */
const RUNS = Math.max(1, Number(process.env.LEASE_RUNS) || 1)

let cluster: Cluster
const clients: TestClient[] = []

beforeAll(async () => {
  cluster = await startCluster(2)
}, 90_000)
afterAll(async () => {
  cluster?.instances[1]?.child.kill('SIGCONT')
  for (const c of clients) c.destroy()
  await cluster?.stop()
}, 90_000)

it(
  'refuses, after a stall, the writes sent after a phase change closed their zone',
  async () => {
    for (let run = 0; run < RUNS; run++) await stallOnce(run)
  },
  120_000 * RUNS,
)

async function stallOnce(run: number): Promise<void> {
  const [a, b] = cluster.instances as [(typeof cluster.instances)[0], (typeof cluster.instances)[0]]
  const { m, zone } = await meetingWithWriter(a.url)
  const onB = [0, 1].map(() => connectClient(b.url, m.roomId, { token: m.people.Dirk!.token }))
  clients.push(...onB)
  const refusals = onB.map((c) => refusalsOf(c.provider))
  await Promise.all(onB.map((c) => waitForSync(c)))
  const watcher = connectClient(a.url, m.roomId, { token: m.setup.facilitator.token })
  clients.push(watcher)
  await waitForSync(watcher)

  b.child.kill('SIGSTOP')
  const closing = await command(a.url, m, { type: 'goto', phaseId: zone.closedPhaseId })
  // Timing is the point here: an answer within seconds, not after B wakes (room for a busy machine).
  expect(closing.ms).toBeLessThan(15_000)
  expect([200, 503]).toContain(closing.status)
  if (process.env.LEASE_RUNS) console.info(`run ${run}: phase change ${closing.status} in ${closing.ms} ms`)
  const after = onB.map((c, i) => writeNote(c, m, zone, i + 1))
  b.child.kill('SIGCONT')

  await eventually(() => refusals.every((r) => r.length > 0), 20_000, 'each write refused')
  expect(after.some((id) => watcher.kv.has(id))).toBe(false)
  const stored = await cluster.db.query(
    `SELECT count(*)::int AS n FROM ${cluster.schema}.room_update WHERE room_id = $1 AND (position($2::bytea in data) > 0 OR position($3::bytea in data) > 0)`,
    [m.roomId, Buffer.from(after[0]!), Buffer.from(after[1]!)],
  )
  expect(stored.rows[0].n).toBe(0)
}

import { type ChildProcess, spawn } from 'node:child_process'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { api, joinMeeting } from '../helpers/meetingClient'
import { freePort } from '../helpers/serverProcess'
import { connectClient, eventually, type TestClient, waitForSync } from '../helpers/yjsClient'
import { type Cluster, startCluster } from './cluster'
import { command, meetingWithWriter, refusalsOf, writeNote } from './leaseScenario'

/**
 * Two instances on a Redis of this test's own, which it then kills. A command and a join answer
 * within seconds (done, or refused with a reason), never after a minute; and no write through an
 * instance that cannot know it is current passes after that answer.
 */

let redis: ChildProcess
let cluster: Cluster
const clients: TestClient[] = []

beforeAll(async () => {
  const port = await freePort()
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', ''], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  redis.stdout?.on('data', (d) => {
    out += d
  })
  await eventually(() => out.includes('Ready to accept connections'), 10_000, 'redis-server ready')
  cluster = await startCluster(2, { REDIS_URL: `redis://127.0.0.1:${port}` })
}, 90_000)
afterAll(async () => {
  for (const c of clients) c.destroy()
  redis?.kill('SIGKILL')
  await cluster?.stop()
}, 90_000)

it('answers a command and a join within 5 s with Redis gone, and lets no later write through', async () => {
  const [a, b] = cluster.instances as [(typeof cluster.instances)[0], (typeof cluster.instances)[0]]
  const { m, zone } = await meetingWithWriter(a.url)
  const onB = connectClient(b.url, m.roomId, { token: m.people.Dirk!.token })
  clients.push(onB)
  const refusals = refusalsOf(onB.provider)
  await waitForSync(onB)

  const gone = new Promise((resolve) => redis.once('exit', resolve))
  redis.kill('SIGKILL')
  await gone

  const closing = await command(a.url, m, { type: 'goto', phaseId: zone.closedPhaseId })
  expect(closing.ms).toBeLessThan(5000)
  // Stored, but not confirmed by every instance: it says so.
  expect(closing.status).toBe(503)
  expect((closing.body as { error: string }).error).toMatch(/^not_(confirmed|current)$/)
  const note = writeNote(onB, m, zone, 1)
  await eventually(() => refusals.length > 0, 10_000, 'the write refused')
  expect(refusals[0]!.code).toBe('unavailable')

  const started = Date.now()
  const joined = await joinMeeting(b.url, m.setup, 'Nienke').catch((error: Error) => error)
  expect(Date.now() - started).toBeLessThan(5000)
  expect(joined).toBeDefined()
  const view = await api<{ participants: unknown[] }>(a.url, `/meetings/${m.setup.meetingId}`, {
    token: m.setup.facilitator.token,
  })
  expect(view.status).toBe(200)
  const stored = await cluster.db.query(
    `SELECT count(*)::int AS n FROM ${cluster.schema}.room_update WHERE room_id = $1 AND position($2::bytea in data) > 0`,
    [m.roomId, Buffer.from(note)],
  )
  expect(stored.rows[0].n).toBe(0)
}, 120_000)

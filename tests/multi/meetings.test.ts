import { afterAll, beforeAll, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import { accessFor } from '../../shared/permissions'
import { api, command, joinMeeting, ResettingClient } from '../helpers/meetingClient'
import { inZone, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'
import { type Cluster, hasKey, readableIn, startCluster, storedBytes } from './cluster'

/**
 * Meeting state on several instances: what the facilitator changes through one instance is in
 * force on the other before the command answers, and an erase reaches every instance and Postgres.
 */

let cluster: Cluster
const clients: ResettingClient[] = []

beforeAll(async () => {
  cluster = await startCluster(2)
}, 90_000)
afterAll(async () => {
  for (const c of clients) c.destroy()
  await cluster?.stop()
}, 90_000)

const A = () => cluster.instances[0]!.url
const B = () => cluster.instances[1]!.url

async function connect(base: string, roomId: string, token: string): Promise<ResettingClient> {
  const c = new ResettingClient(base, roomId, token)
  clients.push(c)
  await c.synced()
  return c
}

it('holds a lock and a role change made through one instance on the other, at once', async () => {
  const m = await meetingIn(A(), 'roddelmethode', 'introductie', { Dirk: 'deelnemer', Olga: 'deelnemer' })
  // A zone participants may add to in one phase and not in the next.
  const phases = m.template.phases.map((p) => p.id)
  let open: { zone: string; from: string; to: string } | undefined
  for (let i = 0; i + 1 < phases.length && !open; i++) {
    for (const zone of m.template.zones) {
      const now = accessFor(m.template, phases[i]!, zone.id, 'deelnemer').can.has('add')
      const next = accessFor(m.template, phases[i + 1]!, zone.id, 'deelnemer').can.has('add')
      if (now && !next) open = { zone: zone.id, from: phases[i]!, to: phases[i + 1]! }
    }
  }
  expect(open).toBeDefined()
  await command(A(), m.setup, { type: 'goto', phaseId: open!.from })
  const dirk = await connect(B(), m.roomId, m.people.Dirk!.token)
  const olga = await connect(A(), m.roomId, m.people.Olga!.token)

  const note = (id: string, offset: number) =>
    noteRecord({ id, ...inZone(m.template, open!.zone, offset), authorId: m.people.Dirk!.id, text: id })
  dirk.current.kv.set('shape:before', note('shape:before', 0))
  await eventually(() => olga.current.kv.get('shape:before') !== undefined, 15_000, 'allowed note at olga')

  // The phase moves on through A; the same edit on B is refused right after the command answers.
  await command(A(), m.setup, { type: 'goto', phaseId: open!.to })
  dirk.current.kv.set('shape:after', note('shape:after', 30))
  await eventually(() => dirk.refusals.length === 1, 15_000, 'refusal on b')
  expect(dirk.refusals[0]!.code).toBe('forbidden')

  // A role change through A: Dirk, observer now, may not write even in the free area on B.
  await eventually(() => dirk.current.provider.synced, 15_000, 'dirk resynced')
  const res = await api(A(), `/meetings/${m.setup.meetingId}/roles`, {
    body: { participantId: m.people.Dirk!.id, role: 'observer' },
    token: m.setup.facilitator.token,
  })
  expect(res.status).toBe(200)
  dirk.current.kv.set(
    'shape:free',
    noteRecord({ id: 'shape:free', x: -3000, y: -3000, authorId: m.people.Dirk!.id, text: 'vrij' }),
  )
  await eventually(() => dirk.refusals.length === 2, 15_000, 'observer refused on b')
  expect(dirk.refusals[1]!.en).toContain('observer')
  expect(olga.current.kv.get('shape:after')).toBeUndefined()
  expect(olga.current.kv.get('shape:free')).toBeUndefined()
}, 90_000)

it('erases through one instance: the other closes its connections, Postgres keeps no byte', async () => {
  const m = await meetingIn(A(), 'roddelmethode', 'introductie', {})
  const marker = 'WISMARKER-7Q'
  const witness = await joinMeeting(A(), m.setup, `Naam-${marker}`)
  const onB = await connect(B(), m.roomId, witness.token)
  const onA = await connect(A(), m.roomId, m.setup.facilitator.token)
  onA.current.kv.set(
    'shape:secret',
    noteRecord({ id: 'shape:secret', x: -3000, y: -3000, authorId: m.setup.facilitator.id, text: marker }),
  )
  await eventually(() => onB.current.kv.get('shape:secret') !== undefined, 15_000, 'note at b')
  // Stored: readable with the meeting's key (the note and the name), never in the clear.
  const readable = await readableIn(cluster, m.roomId)
  expect([marker, `Naam-${marker}`].filter((n) => !readable.includes(n))).toEqual([])
  expect((await storedBytes(cluster)).includes(marker)).toBe(false)

  const closedAtB = new Promise<number>((resolve) =>
    onB.current.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
  )
  const erased = await api(A(), `/meetings/${m.setup.meetingId}`, {
    method: 'DELETE',
    token: m.setup.facilitator.token,
  })
  expect(erased.status).toBe(200)
  expect(await closedAtB).toBe(CloseCode.meetingErased)
  expect((await storedBytes(cluster)).includes(marker)).toBe(false)
  expect((await storedBytes(cluster)).includes(m.setup.meetingId)).toBe(false)
  expect(await hasKey(cluster, m.roomId)).toBe(false)
  // Every session is gone on both instances.
  for (const base of [A(), B()]) {
    const res = await api(base, `/meetings/${m.setup.meetingId}`, { token: witness.token })
    expect(res.status).toBe(403)
  }
  // Later writes cannot bring anything back: give the instances time to store what they held.
  await new Promise((r) => setTimeout(r, 3000))
  expect((await storedBytes(cluster)).includes(marker)).toBe(false)
  expect((await readableIn(cluster, m.roomId)).includes(marker)).toBe(false)
}, 90_000)

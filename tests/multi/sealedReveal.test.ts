import { afterAll, beforeAll, expect, it } from 'vitest'
import { importMeetingKey, newMeetingKey, openText, sealText } from '../../client/src/meeting/drafts/sealing'
import type { BoardRecord } from '../../shared/boardRecords'
import { api, command, ResettingClient } from '../helpers/meetingClient'
import { meetingIn } from '../helpers/meetingFixture'
import { eventually } from '../helpers/yjsClient'
import { type Cluster, startCluster } from './cluster'

/**
 * The server's own reveal on two instances with Postgres: a draft stored through one instance is
 * placed, sealed, by the phase change made through the other, and the first instance's guard
 * knows it as a revealed note at once (only its author changes its text).
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

it('reveals through one instance what was stored through the other, with the author rule on both', async () => {
  const m = await meetingIn(A(), 'intervisie-8-stappen', 'ieder-voor-zich', {
    Anna: 'deelnemer',
    Bram: 'deelnemer',
  })
  const key = await importMeetingKey(newMeetingKey())
  const id = 'shape:multianna'
  const stored = await api(A(), `/meetings/${m.setup.meetingId}/drafts/mine/wat-speelt-er`, {
    method: 'PUT',
    body: {
      drafts: [{ shapeId: id, sealed: await sealText(key, m.setup.meetingId, id, 'OVER-TWEE-8833') }],
      ready: true,
    },
    token: m.people.Anna!.token,
  })
  expect(stored.status).toBe(200)
  const bea = await connect(A(), m.roomId, m.people.begeleider!.token)
  const anna = await connect(A(), m.roomId, m.people.Anna!.token)
  await command(B(), m.setup, { type: 'next' })
  await eventually(() => bea.current.kv.get(id) !== undefined, 15_000, 'the revealed note on A')
  const note = bea.current.kv.get(id) as BoardRecord
  expect(await openText(key, m.setup.meetingId, id, note.meta!.sealed as string)).toBe('OVER-TWEE-8833')
  // On A: the begeleider cannot change it, Anna can.
  const forged = await sealText(key, m.setup.meetingId, id, 'VERVALST')
  bea.current.kv.set(id, { ...note, meta: { ...note.meta, sealed: forged } })
  await eventually(() => bea.refusals.length === 1, 15_000, 'refusal on A')
  const own = await sealText(key, m.setup.meetingId, id, 'HERSCHREVEN')
  anna.current.kv.set(id, { ...note, meta: { ...note.meta, sealed: own } })
  const bram = await connect(B(), m.roomId, m.people.Bram!.token)
  await eventually(
    () => (bram.current.kv.get(id) as BoardRecord | undefined)?.meta?.sealed === own,
    15_000,
    'Anna’s text on B',
  )
  expect(anna.refusals).toEqual([])
}, 90_000)

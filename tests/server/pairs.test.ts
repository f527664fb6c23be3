import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../templates/src/boardRecords'
import { zoneRect } from '../../templates/src/layout'
import type { MeetingProgress } from '../../templates/src/phaseMachine'
import type { Template } from '../../templates/src/templateSchema'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import {
  api,
  command,
  createMeeting,
  joinMeeting,
  type MeetingSetup,
  ResettingClient,
} from '../helpers/meetingClient'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * Pairs in Modelling, through the real server: the facilitator splits the four who take part in
 * two pairs; the split is refused when it names the begeleider; a stock client's note tagged with
 * its own pair reaches the others, one tagged with the other pair is refused and reaches nobody.
 */
let server: TestServer
let setup: MeetingSetup
let template: Template
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
  setup = await createMeeting(server.url, 'modelling')
  template = (await api<{ template: Template }>(server.url, '/templates/modelling')).body.template
  await command(server.url, setup, { type: 'start' })
  await command(server.url, setup, { type: 'goto', phaseId: 'modelling' })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

async function participant(name: string) {
  const p = await joinMeeting(server.url, setup, name)
  const client = new ResettingClient(server.url, setup.roomId, p.token)
  clients.push(client)
  await client.synced()
  return Object.assign(client, { id: p.id })
}

const split = (groups: string[][]) =>
  api<{ progress?: MeetingProgress; error?: string; participantId?: string; reason?: string }>(
    server.url,
    `/meetings/${setup.meetingId}/commands`,
    { body: { type: 'splitGroups', groups }, token: setup.facilitator.token },
  )

describe('pairs on the server', () => {
  it('splits in pairs, refuses the begeleider in a pair, and refuses a note in another pair’s name', async () => {
    const [anna, bram, carla, daan] = [
      await participant('Anna'),
      await participant('Bram'),
      await participant('Carla'),
      await participant('Daan'),
    ]

    const withFacilitator = await split([
      [anna.id, setup.facilitator.id],
      [bram.id, carla.id],
    ])
    expect(withFacilitator.status).toBe(409)
    expect(withFacilitator.body).toMatchObject({
      error: 'group_member_refused',
      participantId: setup.facilitator.id,
      reason: 'role',
    })
    expect((await split([[anna.id, 'participant-nobody']])).body).toMatchObject({ reason: 'unknown' })

    const ok = await split([
      [anna.id, bram.id],
      [carla.id, daan.id],
    ])
    expect(ok.status).toBe(200)
    const groups = ok.body.progress!.groups!.groups
    const [ab, cd] = groups.map((g) => g.id)

    const rect = zoneRect(template, 'gedrag')
    const note = (id: string, groupId: string): BoardRecord => {
      const r = noteRecord({ id, x: rect.x + 40, y: rect.y + 160, authorId: anna.id, text: 'Luistert eerst' })
      return { ...r, meta: { ...r.meta, groupId } }
    }
    anna.current.kv.set('shape:other-pair', note('shape:other-pair', cd!))
    await eventually(() => anna.refusals.length === 1, 3000, 'refusal')
    expect(anna.refusals[0]!.nl).toContain('eigen paar')
    await eventually(() => anna.current.provider.synced, 3000, 'anna resynced')
    expect(carla.current.kv.get('shape:other-pair')).toBeUndefined()

    anna.current.kv.set('shape:own-pair', note('shape:own-pair', ab!))
    await eventually(() => carla.current.kv.get('shape:own-pair') !== undefined, 3000, 'note at carla')
    expect((carla.current.kv.get('shape:own-pair') as BoardRecord).meta?.groupId).toBe(ab)
    expect(anna.refusals.length).toBe(1)
  })
})

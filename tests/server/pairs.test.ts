import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importMeetingKey, newMeetingKey, sealText } from '../../client/src/meeting/drafts/sealing'
import type { BoardRecord } from '../../shared/boardRecords'
import { zoneRect } from '../../shared/layout'
import type { MeetingProgress } from '../../shared/phaseMachine'
import type { Template } from '../../shared/templateSchema'
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
 * two pairs; the split is refused when it names the begeleider. The pairs write sealed drafts
 * (method 12 step 4: the post-its go on the flaps when the time is up), and at the reveal each
 * note carries its author's pair. Over the room (Balint's subgroups, whose notes go on the board
 * as they are written) a stock client's note tagged with its own group reaches the others, one
 * tagged with another group is refused and reaches nobody.
 */
let server: TestServer
let setup: MeetingSetup
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
  setup = await createMeeting(server.url, 'modelling')
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
  return Object.assign(client, { id: p.id, authToken: p.token })
}

const split = (groups: string[][]) =>
  api<{ progress?: MeetingProgress; error?: string; participantId?: string; reason?: string }>(
    server.url,
    `/meetings/${setup.meetingId}/commands`,
    { body: { type: 'splitGroups', groups }, token: setup.facilitator.token },
  )

describe('pairs on the server', () => {
  it('splits in pairs, refuses the begeleider in a pair, and reveals the pairs’ sealed answers with their pair', async () => {
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

    // Anna writes her pair's answer for the flap; nobody sees it until the reveal.
    const key = await importMeetingKey(newMeetingKey())
    const sealed = await sealText(key, setup.meetingId, 'shape:pair-answer', 'Luistert eerst')
    const put = await api(server.url, `/meetings/${setup.meetingId}/drafts/mine/gedrag`, {
      method: 'PUT',
      body: { drafts: [{ shapeId: 'shape:pair-answer', sealed }], ready: true },
      token: anna.authToken,
    })
    expect(put.status).toBe(200)
    expect(carla.current.kv.get('shape:pair-answer')).toBeUndefined()
    await command(server.url, setup, { type: 'next' })
    await eventually(() => carla.current.kv.get('shape:pair-answer') !== undefined, 5000, 'revealed at carla')
    const revealed = carla.current.kv.get('shape:pair-answer') as BoardRecord
    expect(revealed.meta?.groupId).toBe(ab)
    expect(revealed.meta?.authorId).toBe(anna.id)
    expect(groups.find((g) => g.id === cd)?.members).toEqual([carla.id, daan.id])
  })
})

describe('subgroups over the room (Balint)', () => {
  it('passes a note tagged with its own group and refuses one in another group’s name', async () => {
    const balint = await createMeeting(server.url, 'balintmethode')
    const balintTemplate = (await api<{ template: Template }>(server.url, '/templates/balintmethode')).body
      .template
    await command(server.url, balint, { type: 'start' })
    await command(server.url, balint, { type: 'goto', phaseId: 'oordeelsvorming' })
    const join = async (name: string) => {
      const p = await joinMeeting(server.url, balint, name)
      const client = new ResettingClient(server.url, balint.roomId, p.token)
      clients.push(client)
      await client.synced()
      return Object.assign(client, { id: p.id })
    }
    const [anna, bram, carla, daan] = [
      await join('Anna'),
      await join('Bram'),
      await join('Carla'),
      await join('Daan'),
    ]
    const ok = await api<{ progress?: MeetingProgress }>(
      server.url,
      `/meetings/${balint.meetingId}/commands`,
      {
        body: {
          type: 'splitGroups',
          groups: [
            [anna.id, bram.id],
            [carla.id, daan.id],
          ],
        },
        token: balint.facilitator.token,
      },
    )
    expect(ok.status).toBe(200)
    const [ab, cd] = ok.body.progress!.groups!.groups.map((g) => g.id)

    const rect = zoneRect(balintTemplate, 'adviezen')
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

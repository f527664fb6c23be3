import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importMeetingKey, newMeetingKey, openText, sealText } from '../../client/src/meeting/drafts/sealing'
import type { BoardRecord } from '../../shared/boardRecords'
import type { RoleId } from '../../shared/schema'
import { honestFollowUp } from '../helpers/followUp'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, command, type ResettingClient } from '../helpers/meetingClient'
import { connectPerson, inZone, type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * Where the seeds have people write for themselves first (issue 17): G4 phase 2 (members note
 * the questions they would ask while the case is sketched), method 5 step 2 ("formuleren voor
 * zichzelf maximaal drie vragen") and method 12 step 4 (the pairs' post-its go on the five flaps
 * when the time is up; the inbrenger takes part). Over the room a plain note there is refused;
 * the sealed draft is the way in, and the server puts it on everyone's board, still sealed, at
 * the phase change.
 */
const CASES: { method: string; phase: string; zone: string; writer: RoleId; ref: string }[] = [
  {
    ref: 'G4 phase 2',
    method: 'zes-fasen-reflectieverslag',
    phase: 'casus-inbreng',
    zone: 'vragen',
    writer: 'deelnemer',
  },
  {
    ref: '5 step 2',
    method: 'warm-neutraal-koud',
    phase: 'vragen-formuleren',
    zone: 'vragen',
    writer: 'deelnemer',
  },
  {
    ref: '12 step 4',
    method: 'modelling',
    phase: 'modelling',
    zone: 'gedrag',
    writer: 'deelnemer',
  },
  {
    ref: '12 step 4',
    method: 'modelling',
    phase: 'modelling',
    zone: 'visie-op-de-situatie',
    writer: 'inbrenger',
  },
]

let server: TestServer
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

const connect = (fixture: MeetingFixture, name: string) => connectPerson(server.url, fixture, name, clients)

const sealedOn = (client: ResettingClient) =>
  [...client.current.kv.map.values()]
    .map((entry) => entry.val as BoardRecord)
    .find((r) => r.typeName === 'shape' && (r.meta as { sealed?: unknown } | undefined)?.sealed !== undefined)

describe.each(CASES)('$ref ($method, $zone by the $writer)', (c) => {
  it('refuses a plain note there and reveals the sealed draft at the phase change', async () => {
    const fixture = await meetingIn(server.url, c.method, c.phase, {
      Ina: 'inbrenger',
      Anna: 'deelnemer',
      Bram: 'deelnemer',
    })
    const writerName = c.writer === 'inbrenger' ? 'Ina' : 'Anna'
    const writer = connect(fixture, writerName)
    const bram = connect(fixture, 'Bram')
    const facilitator = connect(fixture, 'begeleider')
    for (const client of [writer, bram, facilitator]) await client.synced()

    const marker = `EIGEN-${c.method}-${c.zone}`.toUpperCase()
    writer.current.kv.set(
      'shape:plain',
      noteRecord({
        id: 'shape:plain',
        ...inZone(fixture.template, c.zone),
        authorId: writer.id,
        text: marker,
      }),
    )
    await eventually(() => writer.refusals.length === 1, 5000, 'refusal')
    expect(writer.refusals[0]!.code).toBe('forbidden')
    expect(writer.refusals[0]!.nl).toContain('Schrijf hier voor jezelf')
    // The free area is closed to a writer under a quota: the begeleider's edit, sent after the
    // refusal came back (so after the server handled the refused update), marks the moment.
    await honestFollowUp(facilitator, bram, 'shape:after-refusal')
    expect(bram.received().includes(marker)).toBe(false)

    const key = await importMeetingKey(newMeetingKey())
    const shapeId = 'shape:eigen'
    const sealed = await sealText(key, fixture.setup.meetingId, shapeId, marker)
    const put = await api(server.url, `/meetings/${fixture.setup.meetingId}/drafts/mine/${c.zone}`, {
      method: 'PUT',
      body: { drafts: [{ shapeId, sealed }], ready: true },
      token: fixture.people[writerName]!.token,
    })
    expect(put.status).toBe(200)
    expect(sealedOn(bram)).toBeUndefined()

    await command(server.url, fixture.setup, { type: 'next' })
    await eventually(() => sealedOn(bram) !== undefined, 5000, 'revealed at bram')
    const note = sealedOn(bram)!
    const meta = note.meta as { sealed: string; sealId?: string }
    expect(await openText(key, fixture.setup.meetingId, meta.sealId ?? note.id, meta.sealed)).toBe(marker)
    expect(bram.received().includes(marker)).toBe(false)
  })
})

describe('5 step 2: at most three questions each, sealed', () => {
  it('stores three sealed questions and refuses a fourth', async () => {
    const fixture = await meetingIn(server.url, 'warm-neutraal-koud', 'vragen-formuleren', {
      Ina: 'inbrenger',
      Anna: 'deelnemer',
    })
    const key = await importMeetingKey(newMeetingKey())
    const drafts = async (n: number) =>
      Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const shapeId = `shape:vraag${i}`
          return { shapeId, sealed: await sealText(key, fixture.setup.meetingId, shapeId, `Vraag ${i}?`) }
        }),
      )
    const put = async (n: number) =>
      api<{ error?: string }>(server.url, `/meetings/${fixture.setup.meetingId}/drafts/mine/vragen`, {
        method: 'PUT',
        body: { drafts: await drafts(n), ready: true },
        token: fixture.people.Anna!.token,
      })
    expect((await put(3)).status).toBe(200)
    const fourth = await put(4)
    expect(fourth.status).toBe(400)
    expect(fourth.body.error).toBe('draft_quota')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importMeetingKey, newMeetingKey, openText, sealText } from '../../client/src/meeting/drafts/sealing'
import type { BoardRecord } from '../../shared/boardRecords'
import { honestFollowUp } from '../helpers/followUp'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, command, type ResettingClient } from '../helpers/meetingClient'
import { connectPerson, inZone, type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * Private writing is a rule on the server (issue 17): in G2's advice zone, private for the
 * participants while they write advice, a stock y-websocket client that writes a plain note there
 * (or moves one in) is refused with a reason, and nobody else receives it. The sealed draft,
 * through the draft API, is the way in: it reaches the board sealed at the next phase.
 */
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

describe('a private zone over the room', () => {
  it('refuses a plain note written or moved into it, and lets the sealed draft through at the reveal', async () => {
    const fixture = await meetingIn(server.url, 'stappenplan-60', 'adviezen', {
      Ina: 'inbrenger',
      Anna: 'deelnemer',
      Bram: 'deelnemer',
    })
    const anna = connect(fixture, 'Anna')
    const bram = connect(fixture, 'Bram')
    const facilitator = connect(fixture, 'begeleider')
    for (const c of [anna, bram, facilitator]) await c.synced()

    // 1. A plain note straight into the private advice zone.
    const marker = 'GEHEIM-ADVIES-4471'
    anna.current.kv.set(
      'shape:plain',
      noteRecord({
        id: 'shape:plain',
        ...inZone(fixture.template, 'adviezen'),
        authorId: anna.id,
        text: marker,
      }),
    )
    await eventually(() => anna.refusals.length === 1, 5000, 'refusal')
    expect(anna.refusals[0]!.code).toBe('forbidden')
    expect(anna.refusals[0]!.nl).toContain('Schrijf hier voor jezelf')
    expect(anna.refusals[0]!.en).toContain('Write here for yourself')

    // 2. A note in the free area (allowed, everyone sees it), then moved into the private zone.
    await eventually(() => anna.current.provider.synced, 5000, 'anna resynced')
    const free = noteRecord({ id: 'shape:free', x: -3000, y: -3000, authorId: anna.id, text: 'vrij' })
    anna.current.kv.set('shape:free', free)
    await eventually(() => bram.current.kv.get('shape:free') !== undefined, 5000, 'free note at bram')
    anna.current.kv.set('shape:free', { ...free, ...inZone(fixture.template, 'adviezen', 30) })
    await eventually(() => anna.refusals.length === 2, 5000, 'second refusal')

    await honestFollowUp(anna, bram, 'shape:after-refusals')
    for (const other of [bram, facilitator]) expect(other.received().includes(marker)).toBe(false)
    expect((bram.current.kv.get('shape:free') as BoardRecord).x).toBe(-3000)

    // The honest way: a sealed draft through the draft API, placed sealed by the server at the reveal.
    const key = await importMeetingKey(newMeetingKey())
    const shapeId = 'shape:annasadvies'
    const sealed = await sealText(key, fixture.setup.meetingId, shapeId, 'Mijn advies')
    const put = await api(server.url, `/meetings/${fixture.setup.meetingId}/drafts/mine/adviezen`, {
      method: 'PUT',
      body: { drafts: [{ shapeId, sealed }], ready: true },
      token: fixture.people.Anna!.token,
    })
    expect(put.status).toBe(200)
    await command(server.url, fixture.setup, { type: 'next' })
    const onBoard = () =>
      [...bram.current.kv.map.values()]
        .map((entry) => entry.val as BoardRecord)
        .find(
          (r) => r.typeName === 'shape' && (r.meta as { sealed?: unknown } | undefined)?.sealed !== undefined,
        )
    await eventually(() => onBoard() !== undefined, 5000, 'revealed note at bram')
    const note = onBoard()!
    const meta = note.meta as { sealed: string; sealId?: string }
    expect(await openText(key, fixture.setup.meetingId, meta.sealId ?? note.id, meta.sealed)).toBe(
      'Mijn advies',
    )
  })

  it("keeps the inbrenger's own notes during the gossip from the group until she responds (6, 11)", async () => {
    for (const templateId of ['roddelmethode', 'roddelmethode-met-advies']) {
      const fixture = await meetingIn(server.url, templateId, 'roddelen', {
        Ina: 'inbrenger',
        Anna: 'deelnemer',
        Bram: 'deelnemer',
      })
      const ina = connect(fixture, 'Ina')
      const others = [connect(fixture, 'Anna'), connect(fixture, 'Bram'), connect(fixture, 'begeleider')]
      for (const c of [ina, ...others]) await c.synced()
      const marker = `INA-EIGEN-${templateId.length}`

      // Over the room her note is refused, as in any private zone.
      ina.current.kv.set(
        'shape:inaplain',
        noteRecord({
          id: 'shape:inaplain',
          ...inZone(fixture.template, 'aantekeningen-inbrenger'),
          authorId: ina.id,
          text: marker,
        }),
      )
      await eventually(() => ina.refusals.length === 1, 5000, `${templateId}: refusal`)
      expect(ina.refusals[0]!.nl).toContain('Schrijf hier voor jezelf')

      // As a sealed draft it is stored for her only.
      const key = await importMeetingKey(newMeetingKey())
      const shapeId = `shape:ina${templateId.length}`
      const sealed = await sealText(key, fixture.setup.meetingId, shapeId, marker)
      const put = await api(
        server.url,
        `/meetings/${fixture.setup.meetingId}/drafts/mine/aantekeningen-inbrenger`,
        {
          method: 'PUT',
          body: { drafts: [{ shapeId, sealed }], ready: true },
          token: fixture.people.Ina!.token,
        },
      )
      expect(put.status).toBe(200)
      await honestFollowUp(ina, others[0]!, `shape:honest${templateId.length}`)
      for (const other of others) {
        expect(other.received().includes(marker)).toBe(false)
        expect(other.received().includes(sealed)).toBe(false)
      }

      // When she responds, it is on every board, sealed, opening to her text with the key.
      await command(server.url, fixture.setup, { type: 'next' })
      for (const other of others) {
        const hers = () =>
          [...other.current.kv.map.values()]
            .map((entry) => entry.val as BoardRecord)
            .find((r) => (r.meta as { sealed?: unknown } | undefined)?.sealed !== undefined)
        await eventually(() => hers() !== undefined, 5000, `${templateId}: her note revealed`)
        const meta = hers()!.meta as { sealed: string; sealId?: string }
        expect(await openText(key, fixture.setup.meetingId, meta.sealId ?? hers()!.id, meta.sealed)).toBe(
          marker,
        )
        expect(other.received().includes(marker)).toBe(false)
      }
    }
  })
})

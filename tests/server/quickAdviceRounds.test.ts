import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { noteArea } from '../../shared/layout'
import { slotsFor } from '../../shared/slots'
import { MEETING_MAP, MEETING_VIEW_KEY, type MeetingView } from '../../shared/wire'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { command, ResettingClient } from '../helpers/meetingClient'
import { type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * Quick advice rounds (method 3) with three topics and not one role change by hand: every member
 * scores their own topic in the inventory, and in the walk each topic's owner is its inbrenger
 * (presents, notes what it gave them, gives no advice on it), the others advise (topicRole.ts).
 * Stock y-websocket clients write; the server alone decides.
 */
let server: TestServer
let m: MeetingFixture
const clients = new Map<string, ResettingClient>()
let serial = 0

beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
  m = await meetingIn(server.url, 'snelle-adviesrondes', 'inventarisatie', {
    Anna: 'deelnemer',
    Ben: 'deelnemer',
    Carla: 'deelnemer',
  })
  for (const name of ['Anna', 'Ben', 'Carla']) {
    const client = new ResettingClient(server.url, m.roomId, m.people[name]!.token)
    await client.synced()
    clients.set(name, client)
  }
})
afterAll(async () => {
  for (const c of clients.values()) c.destroy()
  await server.stop()
  server.cleanup()
})

const view = () =>
  server.registry.peek(m.roomId)!.doc.getMap(MEETING_MAP).get(MEETING_VIEW_KEY) as MeetingView
const stored = (id: string) =>
  server.registry
    .peek(m.roomId)!
    .doc.getArray<{ key: string; val: { meta?: { rating?: string } } }>('tl_records')
    .toArray()
    .find((e) => e.key === id)

/** `person` writes a note in a zone (or changes one); resolves to whether the server kept it. */
async function write(
  person: string,
  zoneId: string,
  text: string,
  opts: { id?: string; at?: number; rating?: string } = {},
) {
  const client = clients.get(person)!
  const refusedBefore = client.refusals.length
  const id = opts.id ?? `shape:n${++serial}`
  const slots = slotsFor(noteArea(m.template, zoneId), 9)
  const slot = slots[(opts.at ?? serial) % slots.length]!
  const note = noteRecord({ id, ...slot, authorId: m.people[person]!.id, text, rating: opts.rating })
  client.current.kv.set(id, note)
  const kept = () =>
    stored(id) !== undefined && (opts.rating === undefined || stored(id)!.val.meta?.rating === opts.rating)
  await eventually(() => kept() || client.refusals.length > refusedBefore)
  if (!kept()) await client.synced()
  return kept()
}

describe('quick advice rounds without role changes', () => {
  it('every member puts their topic on the list and scores it; nobody scores another’s', async () => {
    const participants = () => view().participants.map((p) => [p.id, p.role])
    const rolesAtStart = participants()
    expect(
      await write('Anna', 'onderwerpen', 'Mijn planning loopt uit', {
        id: 'shape:t-anna',
        at: 0,
        rating: '4',
      }),
    ).toBe(true)
    expect(
      await write('Ben', 'onderwerpen', 'Een collega werkt niet mee', {
        id: 'shape:t-ben',
        at: 1,
        rating: '9',
      }),
    ).toBe(true)
    expect(
      await write('Carla', 'onderwerpen', 'Nee zeggen tegen mijn manager', {
        id: 'shape:t-carla',
        at: 2,
        rating: '7',
      }),
    ).toBe(true)
    // Anna marks Ben's topic: refused (each scores only their own).
    const client = clients.get('Anna')!
    const before = client.refusals.length
    const bens = stored('shape:t-ben')!.val as BoardRecord
    client.current.kv.set('shape:t-ben', { ...bens, meta: { ...bens.meta, rating: '1' } })
    await eventually(() => client.refusals.length > before)
    expect(stored('shape:t-ben')!.val.meta?.rating).toBe('9')
    expect(participants()).toEqual(rolesAtStart)
  })

  it('walks the three topics highest first, each owner presenting and the others advising', async () => {
    await command(server.url, m.setup, { type: 'next' })
    const owners = view().progress.topics!.map((t) => t.authorId)
    expect(owners).toEqual([m.people.Ben!.id, m.people.Carla!.id, m.people.Anna!.id])
    const order = ['Ben', 'Carla', 'Anna']
    for (const [round, owner] of order.entries()) {
      const others = order.filter((p) => p !== owner)
      expect(view().progress.phaseIndex).toBe(1)
      // Present: only the owner writes the dilemma.
      expect(await write(owner, 'casus', `Dilemma van ${owner}`)).toBe(true)
      expect(await write(others[0]!, 'casus', 'Niet mijn onderwerp')).toBe(false)
      for (const n of [1, 2, 3]) {
        await command(server.url, m.setup, { type: 'next' })
        for (const other of others)
          expect(await write(other, `adviesronde-${n}`, `Advies ${n} van ${other}`)).toBe(true)
        // No advice to oneself: the owner listens.
        expect(await write(owner, `adviesronde-${n}`, 'Advies aan mezelf')).toBe(false)
      }
      await command(server.url, m.setup, { type: 'next' })
      expect(await write(owner, 'opbrengst', `Opbrengst voor ${owner}`)).toBe(true)
      expect(await write(others[1]!, 'opbrengst', 'Niet de mijne')).toBe(false)
      if (round < 2) await command(server.url, m.setup, { type: 'nextRound' })
    }
    // Zero role changes: everyone is still what they joined as.
    for (const name of order) {
      expect(view().participants.find((p) => p.id === m.people[name]!.id)?.role).toBe('deelnemer')
    }
  })
})

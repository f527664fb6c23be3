import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { noteArea } from '../../shared/layout'
import { slotsFor } from '../../shared/slots'
import { MEETING_MAP, MEETING_VIEW_KEY, type MeetingView } from '../../shared/wire'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, command, ResettingClient } from '../helpers/meetingClient'
import { type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * Quick advice rounds (method 3) through the real server: each inbrenger scores their own topic,
 * the server freezes the topics highest first when the per-topic block starts, and each next
 * round is the next topic, until the last.
 */
let server: TestServer
let m: MeetingFixture
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
  m = await meetingIn(server.url, 'snelle-adviesrondes', 'inventarisatie', {
    Anna: 'deelnemer',
    Ben: 'deelnemer',
    Carla: 'deelnemer',
  })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

const view = () =>
  server.registry.peek(m.roomId)!.doc.getMap(MEETING_MAP).get(MEETING_VIEW_KEY) as MeetingView
const records = () => server.registry.peek(m.roomId)!.doc.getArray<{ key: string }>('tl_records').toArray()

async function setRole(person: string, role: string) {
  const res = await api(server.url, `/meetings/${m.setup.meetingId}/roles`, {
    body: { participantId: m.people[person]!.id, role },
    token: m.setup.facilitator.token,
  })
  expect(res.status).toBe(200)
}

/** `person` becomes inbrenger, puts their topic on the list with a score, and hands the role back. */
async function scoredTopic(person: string, at: number, text: string, score: string) {
  await setRole(person, 'inbrenger')
  const client = new ResettingClient(server.url, m.roomId, m.people[person]!.token)
  clients.push(client)
  await client.synced()
  const slot = slotsFor(noteArea(m.template, 'onderwerpen'), 6)[at]!
  const id = `shape:topic-${person}`
  client.current.kv.set(id, noteRecord({ id, ...slot, authorId: m.people[person]!.id, text, rating: score }))
  await eventually(() => records().some((e) => e.key === id))
  expect(client.refusals).toEqual([])
  await setRole(person, 'deelnemer')
}

describe('the walk through the topics', () => {
  it('freezes the topics highest score first when the first topic starts', async () => {
    await scoredTopic('Anna', 0, 'Mijn planning loopt steeds uit', '4')
    await scoredTopic('Ben', 1, 'Een collega die niet meewerkt', '9')
    await scoredTopic('Carla', 2, 'Nee zeggen tegen mijn manager', '7')
    expect(view().progress.topics ?? null).toBeNull()
    await command(server.url, m.setup, { type: 'next' })
    expect(view().progress.topics?.map((t) => [t.text, t.score])).toEqual([
      ['Een collega die niet meewerkt', 9],
      ['Nee zeggen tegen mijn manager', 7],
      ['Mijn planning loopt steeds uit', 4],
    ])
    expect(view().progress.topics?.[0]?.authorId).toBe(m.people.Ben!.id)
  })

  it('goes to the next topic with each next round, and refuses one after the last', async () => {
    for (let round = 2; round <= 3; round++) {
      await command(server.url, m.setup, { type: 'goto', phaseId: 'evaluatie' })
      await command(server.url, m.setup, { type: 'nextRound' })
      expect(view().progress.round).toBe(round)
      expect(view().progress.topics).toHaveLength(3)
    }
    await command(server.url, m.setup, { type: 'goto', phaseId: 'evaluatie' })
    const res = await api<{ error: string; command: string }>(
      server.url,
      `/meetings/${m.setup.meetingId}/commands`,
      {
        body: { type: 'nextRound' },
        token: m.setup.facilitator.token,
      },
    )
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ error: 'command_refused', command: 'nextRound' })
  })
})

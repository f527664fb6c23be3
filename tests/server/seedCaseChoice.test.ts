import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { noteArea } from '../../shared/layout'
import type { MeetingProgress } from '../../shared/phaseMachine'
import { slotsFor } from '../../shared/slots'
import { MEETING_MAP, MEETING_VIEW_KEY, type MeetingView } from '../../shared/wire'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, command, ResettingClient } from '../helpers/meetingClient'
import { meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * Where the seed starts with choosing a case (Modelling step 1, the intuitive method's step 3,
 * Balint's step 3), through the real server: members put their cases on the list, the
 * facilitator opens the vote in that step, each member votes, and the most voted case leads.
 */
let server: TestServer
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

const CASES = [
  { method: 'modelling', collect: 'casus-kiezen', choose: 'casus-kiezen', zone: 'casuslijst' },
  { method: 'intuitieve-methode', collect: 'inventarisatie', choose: 'inventarisatie', zone: 'onderwerpen' },
  { method: 'balintmethode', collect: 'problemen-verzamelen', choose: 'probleemkeuze', zone: 'onderwerpen' },
]

describe.each(CASES)('$method: the case is chosen by vote', ({ method, collect, choose, zone }) => {
  it('collects cases, opens the vote in the seed’s step and counts each member’s votes', async () => {
    const m = await meetingIn(server.url, method, collect, {
      Anna: 'deelnemer',
      Ben: 'deelnemer',
      Carla: 'deelnemer',
    })
    const doc = () => server.registry.peek(m.roomId)!.doc
    const progress = () => (doc().getMap(MEETING_MAP).get(MEETING_VIEW_KEY) as MeetingView).progress
    const onBoard = (id: string) =>
      doc()
        .getArray<{ key: string }>('tl_records')
        .toArray()
        .some((e) => e.key === id)
    const slots = slotsFor(noteArea(m.template, zone), 6)
    for (const [i, name] of ['Anna', 'Ben'].entries()) {
      const client = new ResettingClient(server.url, m.roomId, m.people[name]!.token)
      clients.push(client)
      await client.synced()
      const id = `shape:case-${name}`
      client.current.kv.set(
        id,
        noteRecord({ id, ...slots[i]!, authorId: m.people[name]!.id, text: `Casus van ${name}` }),
      )
      await eventually(() => onBoard(id))
      expect(client.refusals).toEqual([])
    }
    if (choose !== collect) await command(server.url, m.setup, { type: 'goto', phaseId: choose })
    await command(server.url, m.setup, { type: 'setVotes', perPerson: 1 })
    expect(progress().voting).toMatchObject({ zoneId: zone, open: true, perPerson: 1 })
    const vote = (name: string, noteId: string) =>
      api<{ progress?: MeetingProgress; reason?: string }>(
        server.url,
        `/meetings/${m.setup.meetingId}/votes`,
        {
          body: { noteId, cast: true },
          token: m.people[name]!.token,
        },
      )
    expect((await vote('Anna', 'shape:case-Ben')).status).toBe(200)
    expect((await vote('Carla', 'shape:case-Ben')).status).toBe(200)
    expect((await vote('Ben', 'shape:case-Anna')).status).toBe(200)
    // One vote each: a second is refused.
    expect((await vote('Anna', 'shape:case-Anna')).status).not.toBe(200)
    const votes = Object.values(progress().voting!.votes).flat()
    expect(votes.filter((v) => v === 'shape:case-Ben')).toHaveLength(2)
    expect(votes.filter((v) => v === 'shape:case-Anna')).toHaveLength(1)
  })
})

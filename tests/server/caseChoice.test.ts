import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zoneFrameId } from '../../shared/boardRecords'
import { noteArea, zoneRect } from '../../shared/layout'
import type { MeetingProgress } from '../../shared/phaseMachine'
import { slotsFor } from '../../shared/slots'
import { MEETING_MAP, MEETING_VIEW_KEY, type MeetingView } from '../../shared/wire'
import { boxShape } from '../helpers/drawnShapes'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, command, ResettingClient } from '../helpers/meetingClient'
import { type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * Choosing the case in the 60-minute plan (G2) through the real server: the case list's two
 * sentences, the server putting a case on the list, and dot votes that only the voter casts,
 * at most as many as the facilitator allowed, only on cases on the list, only while open.
 */
let server: TestServer
let m: MeetingFixture
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
  m = await meetingIn(server.url, 'stappenplan-60', 'problemen-verzamelen', {
    Anna: 'deelnemer',
    Ben: 'deelnemer',
    Carla: 'deelnemer',
    Olaf: 'observer',
  })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

const slot = (i: number) => slotsFor(noteArea(m.template, 'casuslijst'), 8)[i]!
const roomDoc = () => server.registry.peek(m.roomId)!.doc
const progress = () => (roomDoc().getMap(MEETING_MAP).get(MEETING_VIEW_KEY) as MeetingView).progress
const boardHas = (id: string) =>
  roomDoc()
    .getArray<{ key: string }>('tl_records')
    .toArray()
    .some((e) => e.key === id)

function vote(person: string, noteId: string, cast = true, extra: Record<string, unknown> = {}) {
  return api<{ error?: string; reason?: string; progress?: MeetingProgress }>(
    server.url,
    `/meetings/${m.setup.meetingId}/votes`,
    { body: { noteId, cast, ...extra }, token: m.people[person]!.token },
  )
}

async function writeCase(person: string, id: string, at: number, text: string) {
  const client = new ResettingClient(server.url, m.roomId, m.people[person]!.token)
  clients.push(client)
  await client.synced()
  client.current.kv.set(id, noteRecord({ id, ...slot(at), authorId: m.people[person]!.id, text }))
  return client
}

describe('the case list (G2: at most two sentences)', () => {
  it('takes a case of two sentences from the board and refuses one of three, with the reason', async () => {
    await writeCase(
      'Anna',
      'shape:anna-case',
      0,
      'Mijn team mist deadlines. Hoe spreek ik dat aan, bijv. in het overleg?',
    )
    await eventually(() => boardHas('shape:anna-case'))
    const ben = await writeCase('Ben', 'shape:ben-long', 1, 'Een. Twee. Drie.')
    await eventually(() => ben.refusals.length > 0)
    expect(ben.refusals[0]!.nl).toContain('hooguit 2 zinnen')
    expect(boardHas('shape:ben-long')).toBe(false)
  })

  it('puts a case sent in beforehand on the list in its author’s name, within the same limit', async () => {
    const id = await server.meetings.addCaseToList(m.setup.meetingId, m.people.Ben!.id, 'Ik zeg te vaak ja.')
    expect(boardHas(id)).toBe(true)
    const record = roomDoc()
      .getArray<{ key: string; val: { meta: { authorId: string }; x: number; y: number } }>('tl_records')
      .toArray()
      .find((e) => e.key === id)!.val
    expect(record.meta.authorId).toBe(m.people.Ben!.id)
    // Not on top of Anna's case in the first slot.
    expect([record.x, record.y]).not.toEqual([slot(0).x, slot(0).y])
    await expect(
      server.meetings.addCaseToList(m.setup.meetingId, m.people.Carla!.id, 'Een. Twee. Drie.'),
    ).rejects.toMatchObject({ code: 'case_refused', data: { reason: 'tooLong', max: 2 } })
  })
})

describe('dot votes (G2 casus kiezen)', () => {
  let benCase = ''
  it('refuses votes until the facilitator opens them in the phase that votes', async () => {
    benCase = await server.meetings.addCaseToList(
      m.setup.meetingId,
      m.people.Carla!.id,
      'Mijn rooster klopt nooit.',
    )
    expect((await vote('Anna', 'shape:anna-case')).body.reason).toBe('notOpen')
    // Not in this phase: problemen-verzamelen has no vote.
    const early = await api<{ error: string }>(server.url, `/meetings/${m.setup.meetingId}/commands`, {
      body: { type: 'setVotes', perPerson: 2 },
      token: m.setup.facilitator.token,
    })
    expect(early.status).toBe(409)
    await command(server.url, m.setup, { type: 'next' })
    const byParticipant = await api<{ error: string }>(
      server.url,
      `/meetings/${m.setup.meetingId}/commands`,
      {
        body: { type: 'setVotes', perPerson: 2 },
        token: m.people.Anna!.token,
      },
    )
    expect(byParticipant.status).toBe(403)
    await command(server.url, m.setup, { type: 'setVotes', perPerson: 2 })
    expect(progress().voting).toMatchObject({ zoneId: 'casuslijst', perPerson: 2, open: true })
  })

  it('gives each person the number of votes set, no more, and lets them take one back', async () => {
    expect((await vote('Anna', 'shape:anna-case')).status).toBe(200)
    expect((await vote('Anna', benCase)).status).toBe(200)
    const third = await vote('Anna', 'shape:anna-case')
    expect(third.status).toBe(409)
    expect(third.body).toMatchObject({ error: 'vote_refused', reason: 'noVotesLeft' })
    expect((await vote('Anna', benCase, false)).status).toBe(200)
    expect((await vote('Anna', benCase, false)).body.reason).toBe('notVoted')
    expect((await vote('Anna', 'shape:anna-case')).status).toBe(200)
    expect(progress().voting?.votes[m.people.Anna!.id]).toEqual(['shape:anna-case', 'shape:anna-case'])
  })

  it('counts a vote for whoever holds the session, whatever the body claims', async () => {
    const res = await vote('Ben', benCase, true, { voterId: m.people.Carla!.id })
    expect(res.status).toBe(200)
    expect(progress().voting?.votes[m.people.Ben!.id]).toEqual([benCase])
    expect(progress().voting?.votes[m.people.Carla!.id]).toBeUndefined()
  })

  it('refuses a vote on a note that is not on the list, and any vote from an observer', async () => {
    expect((await vote('Carla', 'shape:bestaat-niet')).body.reason).toBe('notOnList')
    expect((await vote('Olaf', 'shape:anna-case')).body.reason).toBe('notAllowed')
  })

  it('takes votes only on case notes of the list: not on its zone frame, a drawing or an empty note in it', async () => {
    const frame = zoneFrameId('casuslijst')
    expect(boardHas(frame)).toBe(true)
    expect((await vote('Carla', frame)).body.reason).toBe('notOnList')
    // The begeleider's box and an empty note, both wholly inside the list.
    const beaClient = new ResettingClient(server.url, m.roomId, m.people.begeleider!.token)
    clients.push(beaClient)
    await beaClient.synced()
    const list = zoneRect(m.template, 'casuslijst')
    const box = boxShape(
      'shape:list-box',
      { authorId: m.people.begeleider!.id, x: list.x + 30, y: list.y + 10 },
      40,
      40,
    )
    const last = slotsFor(noteArea(m.template, 'casuslijst'), 99).at(-1)!
    const blank = noteRecord({ id: 'shape:blank', ...last, authorId: m.people.begeleider!.id, text: '' })
    beaClient.current.kv.set(box.id, box)
    beaClient.current.kv.set(blank.id, blank)
    await eventually(() => boardHas(box.id) && boardHas(blank.id), 5000, 'box and blank note on the list')
    expect((await vote('Carla', box.id)).body.reason).toBe('notOnList')
    expect((await vote('Carla', blank.id)).body.reason).toBe('notOnList')
    expect(progress().voting?.votes[m.people.Carla!.id] ?? []).not.toContain(frame)
  })

  it('loses no vote when several arrive at once', async () => {
    await Promise.all([vote('Carla', benCase), vote('Ben', benCase), vote('Carla', 'shape:anna-case')])
    const votes = progress().voting!.votes
    expect(votes[m.people.Carla!.id]?.slice().sort()).toEqual(['shape:anna-case', benCase].sort())
    expect(votes[m.people.Ben!.id]).toEqual([benCase, benCase])
  })

  it('closes when the facilitator closes it or the phase moves on; the counts stay', async () => {
    await command(server.url, m.setup, { type: 'closeVoting' })
    expect((await vote('Ben', 'shape:anna-case', false)).body.reason).toBe('notOpen')
    await command(server.url, m.setup, { type: 'setVotes', perPerson: 3 })
    expect(progress().voting?.perPerson).toBe(3)
    await command(server.url, m.setup, { type: 'next' })
    expect(progress().voting?.open).toBe(false)
    expect((await vote('Ben', 'shape:anna-case')).body.reason).toBe('notOpen')
    expect(progress().voting?.votes[m.people.Anna!.id]).toHaveLength(2)
  })
})

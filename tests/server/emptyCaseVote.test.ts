import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isVotableCase } from '../../shared/caseVotes'
import { noteArea } from '../../shared/layout'
import { slotsFor } from '../../shared/slots'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, command, ResettingClient } from '../helpers/meetingClient'
import { type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * An empty note on the case list (G2) is no case: a case refused as too long, or one still being
 * typed, leaves an empty note for a moment, and nobody can put a vote on it.
 */
let server: TestServer
let m: MeetingFixture
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
  m = await meetingIn(server.url, 'stappenplan-60', 'problemen-verzamelen', {
    Anna: 'deelnemer',
    Ben: 'deelnemer',
  })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

const slot = (i: number) => slotsFor(noteArea(m.template, 'casuslijst'), 8)[i]!
const boardHas = (id: string) =>
  server.registry
    .peek(m.roomId)!
    .doc.getArray<{ key: string }>('tl_records')
    .toArray()
    .some((e) => e.key === id)

/** A case note by `person`; null: a note with no text at all, as the note tool leaves it. */
async function write(person: string, id: string, at: number, text: string | null) {
  const client = new ResettingClient(server.url, m.roomId, m.people[person]!.token)
  clients.push(client)
  await client.synced()
  const note = noteRecord({ id, ...slot(at), authorId: m.people[person]!.id, text: text ?? '' })
  const empty = { type: 'doc', content: [{ type: 'paragraph' }] }
  client.current.kv.set(id, text === null ? { ...note, props: { ...note.props, richText: empty } } : note)
  await eventually(() => boardHas(id))
}

const vote = (person: string, noteId: string) =>
  api<{ reason?: string }>(server.url, `/meetings/${m.setup.meetingId}/votes`, {
    body: { noteId, cast: true },
    token: m.people[person]!.token,
  })

describe('an empty note on the case list', () => {
  it('is no case: by its text, blank or white space only', () => {
    expect(isVotableCase('')).toBe(false)
    expect(isVotableCase('  \n ')).toBe(false)
    expect(isVotableCase('Ik zeg te vaak ja.')).toBe(true)
  })

  it('gets no vote on the server, while a case with text does', async () => {
    await write('Anna', 'shape:anna-case', 0, 'Mijn team mist deadlines.')
    await write('Ben', 'shape:ben-empty', 1, null)
    await write('Ben', 'shape:ben-blank', 2, '   ')
    await command(server.url, m.setup, { type: 'next' })
    await command(server.url, m.setup, { type: 'setVotes', perPerson: 3 })
    expect((await vote('Anna', 'shape:ben-empty')).body.reason).toBe('notOnList')
    expect((await vote('Anna', 'shape:ben-blank')).body.reason).toBe('notOnList')
    expect((await vote('Anna', 'shape:anna-case')).status).toBe(200)
  })
})

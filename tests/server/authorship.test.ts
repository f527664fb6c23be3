import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importMeetingKey, newMeetingKey, sealText } from '../../client/src/meeting/drafts/sealing'
import { ANONYMOUS_META_KEY, isAnonymousNote } from '../../shared/authorship'
import type { BoardRecord } from '../../shared/boardRecords'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, command, type ResettingClient } from '../helpers/meetingClient'
import { connectPerson, inZone, type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * "Who wrote it is the server's word" with stock y-websocket clients: nobody puts another's id
 * on a note as author or last editor (tldraw prints the last editor's name on the note), in a
 * user record or in presence; a note revealed anonymously never carries a name, not after a
 * later edit either, and no presence points at it; an evaluation's text and score are its
 * author's, the begeleider's included.
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

const text = (value: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }],
})

/** Writes a record as a client does and says whether the room took it or refused it. */
async function tryPut(
  client: ResettingClient,
  witness: ResettingClient,
  record: BoardRecord,
): Promise<'accepted' | 'refused'> {
  const refusals = client.refusals.length
  client.current.kv.set(record.id, record)
  await eventually(
    () =>
      client.refusals.length > refusals ||
      JSON.stringify(witness.current.kv.get(record.id)) === JSON.stringify(record),
    3000,
    `a verdict on ${record.id}`,
  )
  if (client.refusals.length > refusals) {
    await client.synced()
    return 'refused'
  }
  return 'accepted'
}

describe('names on the board are the server’s word', () => {
  it('refuses another’s id as author, last editor, user record or presence, also from the begeleider', async () => {
    const fixture = await meetingIn(server.url, 'intervisie-8-stappen', 'doorvragen', {
      Anna: 'deelnemer',
      Bram: 'deelnemer',
    })
    const anna = connect(fixture, 'Anna')
    const bram = connect(fixture, 'Bram')
    const bea = connect(fixture, 'begeleider')
    for (const c of [anna, bram, bea]) await c.synced()
    const annaId = fixture.people.Anna!.id
    const bramId = fixture.people.Bram!.id
    const at = inZone(fixture.template, 'vragen')
    const mine = noteRecord({ id: 'shape:anna1', ...at, authorId: annaId, text: 'Wat maakt het lastig?' })

    // Author and last editor: another's id is refused, one's own is taken.
    expect(await tryPut(anna, bram, { ...mine, meta: { authorId: bramId } })).toBe('refused')
    const asBram = { ...mine, props: { ...mine.props, textLastEditedBy: bramId } }
    expect(await tryPut(anna, bram, asBram)).toBe('refused')
    const asAnna = { ...mine, props: { ...mine.props, textLastEditedBy: annaId } }
    expect(await tryPut(anna, bram, asAnna)).toBe('accepted')
    // Changing the text while leaving someone else's name as last editor says they wrote it.
    const edited = { ...asAnna, props: { ...asAnna.props, richText: text('Wat maakt het zo lastig?') } }
    expect(await tryPut(bea, bram, { ...edited, props: { ...edited.props, textLastEditedBy: annaId } })).toBe(
      'refused',
    )
    // The begeleider may tidy it (editAny), under their own name.
    const beaId = fixture.people.begeleider!.id
    expect(await tryPut(bea, bram, { ...edited, props: { ...edited.props, textLastEditedBy: beaId } })).toBe(
      'accepted',
    )
    // Moving it leaves the last editor as it is: nothing is said about anyone.
    const moved = { ...(bram.current.kv.get(mine.id) as BoardRecord) }
    expect(await tryPut(anna, bram, { ...moved, x: moved.x! + 10 })).toBe('accepted')

    // User records: only one's own, under one's own name.
    const user = (id: string, name: string) =>
      ({ id: `user:${id}`, typeName: 'user', name, color: '#ff0000', imageUrl: '', meta: {} }) as BoardRecord
    expect(await tryPut(anna, bram, user(bramId, 'Bram'))).toBe('refused')
    expect(await tryPut(anna, bram, user(annaId, 'Bram'))).toBe('refused')
    expect(await tryPut(anna, bram, user(annaId, 'Anna'))).toBe('accepted')

    // Presence: whatever id and name it claims, it goes out under the sender's own.
    anna.current.provider.awareness.setLocalStateField('presence', {
      userId: `user:${bramId}`,
      userName: 'Bram',
      cursor: { x: 1, y: 2, type: 'default', rotation: 0 },
      selectedShapeIds: [],
    })
    const seen = () =>
      bram.current.provider.awareness.getStates().get(anna.current.doc.clientID)?.presence as
        | { userId?: string; userName?: string }
        | undefined
    await eventually(() => seen()?.userId !== undefined, 3000, 'Anna’s presence')
    expect(seen()).toMatchObject({ userId: `user:${annaId}`, userName: 'Anna' })
  })
})

describe('an anonymous reveal', () => {
  it('keeps every name off the revealed notes, also after a later edit, and out of presence', async () => {
    const names = ['Anna', 'Bram', 'Carla']
    const fixture = await meetingIn(
      server.url,
      'intervisie-8-stappen',
      'ieder-voor-zich',
      Object.fromEntries(names.map((n) => [n, 'deelnemer' as const])),
    )
    const { meetingId } = fixture.setup
    const key = await importMeetingKey(newMeetingKey())
    const bea = connect(fixture, 'begeleider')
    const anna = connect(fixture, 'Anna')
    const carla = connect(fixture, 'Carla')
    await bea.synced()
    await anna.synced()
    await carla.synced()
    // Each seals a note in the private zone; the server puts them down at the reveal.
    const ids: string[] = []
    for (const [i, name] of names.entries()) {
      const person = fixture.people[name]!
      const shapeId = `shape:anon${i}${meetingId.slice(0, 6)}`
      const sealed = await sealText(key, meetingId, shapeId, `ANONIEM-${name}`)
      const res = await api(server.url, `/meetings/${meetingId}/drafts/mine/wat-speelt-er`, {
        method: 'PUT',
        body: { drafts: [{ shapeId, sealed }], ready: true },
        token: person.token,
      })
      expect(res.status).toBe(200)
      ids.push(shapeId)
    }
    await command(server.url, fixture.setup, { type: 'revealMode', anonymous: true })
    await command(server.url, fixture.setup, { type: 'next' })
    await eventually(() => ids.every((id) => carla.current.kv.get(id)), 3000, 'the revealed notes')
    for (const id of ids) {
      const record = carla.current.kv.get(id) as BoardRecord
      expect(isAnonymousNote(record)).toBe(true)
      expect(record.meta).toEqual(expect.not.objectContaining({ authorId: expect.anything() }))
      expect(record.props?.textLastEditedBy).toBeNull()
    }

    // Anna's later edit of her own note (a new seal) cannot put her name on it, nor drop the flag.
    const annas = anna.current.kv.get(ids[0]!) as BoardRecord
    const resealed = await sealText(key, meetingId, ids[0]!, 'Later bijgewerkt')
    const rewritten = { ...annas, meta: { ...annas.meta, sealed: resealed } }
    const annaId = fixture.people.Anna!.id
    expect(
      await tryPut(anna, carla, { ...rewritten, props: { ...rewritten.props, textLastEditedBy: annaId } }),
    ).toBe('refused')
    const { [ANONYMOUS_META_KEY]: _flag, ...unmarked } = rewritten.meta as Record<string, unknown>
    expect(await tryPut(anna, carla, { ...rewritten, meta: unmarked })).toBe('refused')
    // Her new text goes through the server, which writes it without a name (anonymousEdits.test.ts).
    expect(await tryPut(anna, carla, rewritten)).toBe('refused')
    const through = await api(server.url, `/meetings/${meetingId}/drafts/revealed/${ids[0]!}/seal`, {
      method: 'PUT',
      body: { sealed: resealed },
      token: fixture.people.Anna!.token,
    })
    expect(through.status).toBe(200)
    await eventually(
      () => (carla.current.kv.get(ids[0]!) as BoardRecord | undefined)?.meta?.sealed === resealed,
      3000,
      'the new seal',
    )

    // Presence that selects an anonymous note reaches nobody with it (nor with the cursor on it).
    const third = ids[2]!
    bea.current.provider.awareness.setLocalStateField('presence', {
      cursor: { x: 5, y: 6, type: 'default', rotation: 0 },
      selectedShapeIds: [third, 'shape:other'],
    })
    const seen = () =>
      carla.current.provider.awareness.getStates().get(bea.current.doc.clientID)?.presence as
        | { selectedShapeIds?: string[]; cursor?: unknown }
        | undefined
    await eventually(() => seen()?.selectedShapeIds !== undefined, 3000, 'the begeleider’s presence')
    expect(seen()).toMatchObject({ selectedShapeIds: ['shape:other'], cursor: null })
    const frames = carla.received().toString('latin1')
    expect(frames).not.toMatch(new RegExp(`selectedShapeIds":\\[[^\\]]*${third}`))

    // What the room holds: none of the three notes names anyone.
    for (const id of ids) {
      const stored = carla.current.kv.get(id) as BoardRecord
      expect(stored.meta).toEqual(expect.not.objectContaining({ authorId: expect.anything() }))
      expect(stored.props?.textLastEditedBy).toBeNull()
    }
  })
})

describe('an evaluation', () => {
  it('changes only by its author: not its text, score or place by the begeleider', async () => {
    const fixture = await meetingIn(server.url, 'intervisie-8-stappen', 'evaluatie', {
      Anna: 'deelnemer',
      Bram: 'deelnemer',
    })
    const anna = connect(fixture, 'Anna')
    const bram = connect(fixture, 'Bram')
    const bea = connect(fixture, 'begeleider')
    for (const c of [anna, bram, bea]) await c.synced()
    const annaId = fixture.people.Anna!.id
    const beaId = fixture.people.begeleider!.id
    const note = noteRecord({
      id: 'shape:eval-anna',
      ...inZone(fixture.template, 'evaluatie'),
      authorId: annaId,
      text: 'Fijn, ik heb er veel aan gehad.',
    })
    const evaluation = { ...note, meta: { ...note.meta, score: 4 } }
    expect(await tryPut(anna, bram, evaluation)).toBe('accepted')

    const rewritten = {
      ...evaluation,
      props: { ...evaluation.props, richText: text('Niets aan gehad.'), textLastEditedBy: beaId },
    }
    expect(await tryPut(bea, bram, rewritten)).toBe('refused')
    expect(await tryPut(bea, bram, { ...evaluation, meta: { ...evaluation.meta, score: 1 } })).toBe('refused')
    expect(await tryPut(bram, anna, { ...evaluation, meta: { ...evaluation.meta, score: 1 } })).toBe(
      'refused',
    )
    const refusals = bea.refusals.length
    bea.current.kv.delete(evaluation.id)
    await eventually(() => bea.refusals.length > refusals, 3000, 'refused removal')
    await bea.synced()
    // Moving it within the zone stays the begeleider's to do; the words and score stay Anna's.
    expect(await tryPut(bea, bram, { ...evaluation, x: evaluation.x! + 20 })).toBe('accepted')
    const own = { ...evaluation, x: evaluation.x! + 20, meta: { ...evaluation.meta, score: 5 } }
    expect(await tryPut(anna, bram, own)).toBe('accepted')
    expect(bram.current.kv.get(evaluation.id)).toMatchObject({ meta: { authorId: annaId, score: 5 } })
  })
})

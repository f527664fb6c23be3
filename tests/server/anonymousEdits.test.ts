import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { importMeetingKey, newMeetingKey, openText, sealText } from '../../client/src/meeting/drafts/sealing'
import { snapshotParts } from '../../server/src/storage/snapshotChunks'
import type { BoardRecord } from '../../shared/boardRecords'
import { RECORDS_ARRAY } from '../../shared/wire'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, command, type ResettingClient } from '../helpers/meetingClient'
import { connectPerson, type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { decryptedRoomRows } from '../helpers/throughKeys'
import { eventually } from '../helpers/yjsClient'

/**
 * An author changes her anonymously revealed note without her name ever coming near it. Every
 * Yjs item carries its writer's client id and presence maps client ids to people, so her browser
 * never writes the note: it sends the new seal to the server, which writes it as the server. Her
 * own write over the socket, and her move of the note, are refused; nobody else can use the route.
 * Afterwards no item of the document and no stored update carries any of her client ids.
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

/** Every struct stored for the room (its snapshot and its log), as Yjs decodes them. */
function storedStructs(roomId: string): Array<{ client: number }> {
  // Decrypted with the room's key: what the server loads. A snapshot is stored as several updates
  // (storage/snapshotChunks.ts); a log entry is one.
  return decryptedRoomRows(server.dataDir, roomId).flatMap((row) =>
    snapshotParts(new Uint8Array(row.data)).flatMap((part) => Y.decodeUpdate(part).structs.map((s) => s.id)),
  )
}

/** The client ids of the items that hold entries of the record `key`, as a document holds them. */
function writersOf(doc: Y.Doc, key: string): number[] {
  const writers: number[] = []
  let item = doc.getArray(RECORDS_ARRAY)._start
  while (item) {
    for (const value of item.content.getContent() as Array<{ key?: unknown }>)
      if (value?.key === key) writers.push(item.id.client)
    item = item.right
  }
  return writers
}

describe('an anonymously revealed note', () => {
  it('changes by its author only through the server, which leaves her client id off the room', async () => {
    const fixture = await meetingIn(server.url, 'intervisie-8-stappen', 'ieder-voor-zich', {
      Anna: 'deelnemer',
      Bram: 'deelnemer',
    })
    const { meetingId } = fixture.setup
    const key = await importMeetingKey(newMeetingKey())
    const ids: Record<string, string> = {}
    for (const name of ['Anna', 'Bram']) {
      const shapeId = `shape:anon-${name.toLowerCase()}-${meetingId.slice(0, 6)}`
      const sealed = await sealText(key, meetingId, shapeId, `Eerste tekst van ${name}`)
      const res = await api(server.url, `/meetings/${meetingId}/drafts/mine/wat-speelt-er`, {
        method: 'PUT',
        body: { drafts: [{ shapeId, sealed }], ready: true },
        token: fixture.people[name]!.token,
      })
      expect(res.status).toBe(200)
      ids[name] = shapeId
    }
    await command(server.url, fixture.setup, { type: 'revealMode', anonymous: true })
    await command(server.url, fixture.setup, { type: 'next' })
    const bea = connect(fixture, 'begeleider')
    const anna = connect(fixture, 'Anna')
    const bram = connect(fixture, 'Bram')
    for (const c of [bea, anna, bram]) await c.synced()
    const annasClients = new Set([anna.current.doc.clientID])
    const id = ids.Anna!
    const note = (c: ResettingClient) => c.current.kv.get(id) as BoardRecord
    const original = note(bram)
    expect(original.meta?.anonymous).toBe(true)

    const reseal = (name: string, sealed: unknown) =>
      api<{ error?: string }>(server.url, `/meetings/${meetingId}/drafts/revealed/${id}/seal`, {
        method: 'PUT',
        body: { sealed },
        token: fixture.people[name]!.token,
      })

    // Anna's new text goes through the server and reaches everyone, sealed.
    const rewritten = await sealText(key, meetingId, id, 'Herschreven door de schrijver')
    expect((await reseal('Anna', rewritten)).status).toBe(200)
    await eventually(() => note(bram).meta?.sealed === rewritten, 3000, 'the new seal at Bram')
    expect(await openText(key, meetingId, id, String(note(bram).meta?.sealed))).toBe(
      'Herschreven door de schrijver',
    )
    expect(note(bram).meta?.anonymous).toBe(true)
    expect(note(bram).meta?.authorId).toBeUndefined()

    // Nobody else may use the route (the answer does not say whose note it is); no bad seal.
    const forged = await sealText(key, meetingId, id, 'Niet van Anna')
    for (const name of ['Bram', 'begeleider']) {
      const refused = await reseal(name, forged)
      expect(refused.status).toBe(404)
      expect(refused.body.error).toBe('not_your_revealed')
    }
    const bad = await reseal('Anna', 'niet-versleuteld')
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('invalid_body')
    const unknown = await api<{ error?: string }>(
      server.url,
      `/meetings/${meetingId}/drafts/revealed/shape:nergens/seal`,
      { method: 'PUT', body: { sealed: forged }, token: fixture.people.Anna!.token },
    )
    expect(unknown.body.error).toBe('not_your_revealed')

    // Her own writes over the socket are refused: the seal, and a move.
    const now = note(anna)
    const direct = await sealText(key, meetingId, id, 'Rechtstreeks in het bord')
    anna.current.kv.set(id, { ...now, meta: { ...now.meta, sealed: direct } })
    await eventually(() => anna.refusals.length === 1, 3000, 'refusal: her seal over the socket')
    expect(anna.refusals[0]!.en).toMatch(/only through the server/)
    await anna.synced()
    annasClients.add(anna.current.doc.clientID)
    const again = note(anna)
    anna.current.kv.set(id, { ...again, x: Number(again.x) + 30 })
    await eventually(() => anna.refusals.length === 2, 3000, 'refusal: her move')
    expect(anna.refusals[1]!.en).toMatch(/Only the facilitator moves/)
    await anna.synced()
    annasClients.add(anna.current.doc.clientID)
    // Bram cannot move it either; the begeleider can (tidying names the begeleider, not Anna).
    bram.current.kv.set(id, { ...note(bram), x: Number(original.x) + 40 })
    await eventually(() => bram.refusals.length === 1, 3000, 'refusal: Bram moves it')
    await bram.synced()
    bea.current.kv.set(id, { ...note(bea), x: Number(original.x) + 50 })
    await eventually(() => note(bram).x === Number(original.x) + 50, 3000, 'the begeleider’s move')
    expect(bea.refusals).toEqual([])
    expect(note(bram).meta?.sealed).toBe(rewritten)

    // Nothing in the room carries any client id Anna ever had: not the note, not the log.
    const writers = writersOf(bram.current.doc, id)
    expect(writers.length).toBeGreaterThan(0)
    expect(writers.filter((c) => annasClients.has(c))).toEqual([])
    expect([...bram.current.doc.store.clients.keys()].filter((c) => annasClients.has(c))).toEqual([])
    await eventually(() => storedStructs(fixture.roomId).length > 0, 3000, 'the stored room')
    expect(storedStructs(fixture.roomId).filter((s) => annasClients.has(s.client))).toEqual([])
  })

  it('leaves a named note to its author on the board', async () => {
    const fixture = await meetingIn(server.url, 'intervisie-8-stappen', 'ieder-voor-zich', {
      Anna: 'deelnemer',
    })
    const { meetingId } = fixture.setup
    const key = await importMeetingKey(newMeetingKey())
    const id = `shape:named-${meetingId.slice(0, 6)}`
    await api(server.url, `/meetings/${meetingId}/drafts/mine/wat-speelt-er`, {
      method: 'PUT',
      body: {
        drafts: [{ shapeId: id, sealed: await sealText(key, meetingId, id, 'Met naam') }],
        ready: true,
      },
      token: fixture.people.Anna!.token,
    })
    await command(server.url, fixture.setup, { type: 'next' })
    const res = await api<{ error?: string }>(
      server.url,
      `/meetings/${meetingId}/drafts/revealed/${id}/seal`,
      {
        method: 'PUT',
        body: { sealed: await sealText(key, meetingId, id, 'Anders') },
        token: fixture.people.Anna!.token,
      },
    )
    expect(res.status).toBe(409)
    expect(res.body.error).toBe('not_anonymous')
  })
})

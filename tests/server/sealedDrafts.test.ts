import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importMeetingKey, newMeetingKey, openText, sealText } from '../../client/src/meeting/drafts/sealing'
import type { BoardRecord } from '../../shared/boardRecords'
import { plainTextOf } from '../../shared/outcome/noteText'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, command, createMeeting, joinMeeting, ResettingClient } from '../helpers/meetingClient'
import { connectPerson, inZone, type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { TEST_IMPORT_CODE } from '../helpers/testServerEnv'
import { eventually } from '../helpers/yjsClient'

/**
 * Private writing that rests on nobody's browser but the author's (issue 15). Six people in a G1
 * meeting write sealed drafts; before the reveal no other client, no file under DATA_DIR and no
 * log line holds any of them, and no route hands them to anyone. Two authors leave; at the phase
 * change the server itself places all six on every board at once, still sealed: the stored room
 * never holds their plain text. Only an author changes their note's text; the begeleider can
 * only remove one visibly. Going back to writing starts a new round that reveals like the first.
 */
const NAMES = ['Anna', 'Bram', 'Carla', 'Dirk', 'Eva', 'Fleur']
let server: TestServer
const logLines: string[] = []
const clients: ResettingClient[] = []

beforeAll(async () => {
  server = await startTestServer({
    log: (msg, data) => logLines.push(`${msg} ${JSON.stringify(data ?? {})}`),
  })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

const connect = (fixture: MeetingFixture, name: string) => connectPerson(server.url, fixture, name, clients)

/** Every byte of every file under DATA_DIR (the database, its WAL, anything else). */
function dataDirBytes(): Buffer {
  const files: Buffer[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry)
      if (statSync(full).isDirectory()) walk(full)
      else files.push(readFileSync(full))
    }
  }
  walk(server.dataDir)
  return Buffer.concat(files)
}

function putDraft(fixture: MeetingFixture, name: string, zoneId: string, drafts: unknown[], ready = false) {
  return api<{ error?: string }>(server.url, `/meetings/${fixture.setup.meetingId}/drafts/mine/${zoneId}`, {
    method: 'PUT',
    body: { drafts, ready },
    token: fixture.people[name]!.token,
  })
}

async function writeDrafts(fixture: MeetingFixture, key: CryptoKey, marker: (name: string) => string) {
  const ids: Record<string, string> = {}
  for (const [i, name] of NAMES.entries()) {
    const shapeId = `shape:draft${i}${fixture.setup.meetingId.slice(0, 6)}`
    const sealed = await sealText(key, fixture.setup.meetingId, shapeId, marker(name))
    const res = await putDraft(fixture, name, 'wat-speelt-er', [{ shapeId, sealed }], i % 2 === 0)
    expect(res.status).toBe(200)
    ids[name] = shapeId
  }
  return ids
}

/** What a browser with the key shows for a revealed note. */
async function opened(fixture: MeetingFixture, key: CryptoKey, record: BoardRecord): Promise<string> {
  const meta = record.meta as { sealed?: string; sealId?: string }
  return openText(key, fixture.setup.meetingId, meta.sealId ?? record.id, meta.sealed!)
}

const G1_PRIVATE = ['intervisie-8-stappen', 'ieder-voor-zich'] as const

describe('sealed drafts in a G1 meeting of six', () => {
  it('keeps every draft from everyone else, then the server reveals all six at once, sealed, without their authors', async () => {
    const roles = Object.fromEntries(NAMES.map((n) => [n, 'deelnemer' as const]))
    const fixture = await meetingIn(server.url, ...G1_PRIVATE, roles)
    const key = await importMeetingKey(newMeetingKey())
    const marker = (name: string) => `GEHEIM-${name.toUpperCase()}-7391`
    const facilitator = connect(fixture, 'begeleider')
    const people = Object.fromEntries(NAMES.map((name) => [name, connect(fixture, name)]))
    for (const c of [facilitator, ...Object.values(people)]) await c.synced()

    const ids = await writeDrafts(fixture, key, marker)
    // The author gets their own back (another device of theirs), and nobody else's.
    const mine = await api<{ drafts: Array<{ shapeId: string }> }>(
      server.url,
      `/meetings/${fixture.setup.meetingId}/drafts/mine`,
      { token: fixture.people.Anna!.token },
    )
    expect(mine.body.drafts.map((d) => d.shapeId)).toEqual([ids.Anna])
    // The begeleider sees counts and "klaar", no content.
    const progress = await api<{ progress: Array<Record<string, unknown>> }>(
      server.url,
      `/meetings/${fixture.setup.meetingId}/drafts/progress`,
      { token: fixture.people.begeleider!.token },
    )
    expect(progress.body.progress).toHaveLength(6)
    const annas = progress.body.progress.find((p) => p.participantId === fixture.people.Anna!.id)
    expect(annas).toEqual({
      participantId: fixture.people.Anna!.id,
      zoneId: 'wat-speelt-er',
      count: 1,
      ready: true,
    })
    // No route hands drafts to the begeleider (the old reveal went through their browser).
    const released = await fetch(`${server.url}/api/meetings/${fixture.setup.meetingId}/drafts/released`, {
      headers: { Authorization: `Bearer ${fixture.people.begeleider!.token}` },
    })
    expect(released.status).toBe(404)
    await new Promise((r) => setTimeout(r, 300))
    for (const name of NAMES) {
      for (const c of [facilitator, ...Object.values(people)])
        expect(c.received().includes(marker(name))).toBe(false)
      expect(dataDirBytes().includes(marker(name))).toBe(false)
      expect(logLines.join('\n')).not.toContain(marker(name))
    }

    // Two authors close their browsers before the reveal.
    people.Carla!.destroy()
    people.Fleur!.destroy()
    const remaining = [facilitator, ...['Anna', 'Bram', 'Dirk', 'Eva'].map((n) => people[n]!)]

    const revealedAt = Date.now()
    await command(server.url, fixture.setup, { type: 'next' })
    for (const client of remaining) {
      await eventually(
        () => NAMES.every((name) => client.current.kv.get(ids[name]!) !== undefined),
        1000,
        'six notes',
      )
    }
    expect(Date.now() - revealedAt).toBeLessThan(1000)
    // Each opens with the key to what its author wrote, under their name; no plain text anywhere.
    for (const name of NAMES) {
      const record = people.Anna!.current.kv.get(ids[name]!) as BoardRecord
      expect(await opened(fixture, key, record)).toBe(marker(name))
      expect(plainTextOf(record)).toBe('')
      expect((record.meta as { authorId?: string }).authorId).toBe(fixture.people[name]!.id)
    }
    expect(remaining.flatMap((c) => c.refusals)).toEqual([])
    await server.registry.evict(fixture.roomId, 4000, 'test: store and unload').catch(() => {})
    for (const name of NAMES) {
      for (const c of remaining) expect(c.received().includes(marker(name))).toBe(false)
      expect(dataDirBytes().includes(marker(name))).toBe(false)
    }
    const db = new Database(DB_FILE(server.dataDir), { readonly: true })
    const left = db
      .prepare('SELECT COUNT(*) AS n FROM private_draft WHERE meeting_id = ?')
      .get(fixture.setup.meetingId)
    db.close()
    expect(left).toEqual({ n: 0 })
  })

  it('reveals anonymously: no author on the board, yet only the author can change the text', async () => {
    const roles = Object.fromEntries(NAMES.map((n) => [n, 'deelnemer' as const]))
    const fixture = await meetingIn(server.url, ...G1_PRIVATE, roles)
    const key = await importMeetingKey(newMeetingKey())
    const ids = await writeDrafts(fixture, key, (name) => `anoniem van ${name}`)

    await command(server.url, fixture.setup, { type: 'revealMode', anonymous: true })
    await command(server.url, fixture.setup, { type: 'next' })
    const anna = connect(fixture, 'Anna')
    const bram = connect(fixture, 'Bram')
    await anna.synced()
    await bram.synced()
    for (const id of Object.values(ids)) {
      const record = anna.current.kv.get(id) as BoardRecord
      expect(record).toBeDefined()
      expect((record.meta as { authorId?: unknown }).authorId).toBeUndefined()
      expect((record.props as { textLastEditedBy?: unknown }).textLastEditedBy).toBeNull()
    }
    // Anna changes her own note's text (a new seal), through the server (anonymousEdits.test.ts);
    // Bram cannot change hers.
    const annas = anna.current.kv.get(ids.Anna!) as BoardRecord
    const resealed = await sealText(key, fixture.setup.meetingId, ids.Anna!, 'anoniem, herschreven')
    const through = await api(
      server.url,
      `/meetings/${fixture.setup.meetingId}/drafts/revealed/${ids.Anna!}/seal`,
      { method: 'PUT', body: { sealed: resealed }, token: fixture.people.Anna!.token },
    )
    expect(through.status).toBe(200)
    await eventually(
      () => (bram.current.kv.get(ids.Anna!) as BoardRecord).meta?.sealed === resealed,
      3000,
      "Anna's new text",
    )
    const forged = await sealText(key, fixture.setup.meetingId, ids.Anna!, 'Bram schrijft in Anna’s naam')
    bram.current.kv.set(ids.Anna!, { ...annas, meta: { ...annas.meta, sealed: forged } })
    await eventually(() => bram.refusals.length === 1, 3000, 'refusal')
    expect(bram.refusals[0]!.en).toMatch(/Only the author of this note/)
    expect(anna.refusals).toEqual([])
  })

  it('lets the begeleider neither change nor drop a revealed note: removal only visibly, for everyone', async () => {
    const fixture = await meetingIn(server.url, ...G1_PRIVATE, { Anna: 'deelnemer', Bram: 'deelnemer' })
    const key = await importMeetingKey(newMeetingKey())
    const { meetingId } = fixture.setup
    const id = 'shape:annasnote'
    expect(
      (
        await putDraft(fixture, 'Anna', 'wat-speelt-er', [
          { shapeId: id, sealed: await sealText(key, meetingId, id, 'Van Anna') },
        ])
      ).status,
    ).toBe(200)
    await command(server.url, fixture.setup, { type: 'next' })
    const bea = connect(fixture, 'begeleider')
    const bram = connect(fixture, 'Bram')
    await bea.synced()
    await bram.synced()
    const note = () => bram.current.kv.get(id) as BoardRecord
    const original = note()
    expect(await opened(fixture, key, original)).toBe('Van Anna')

    // Another text under Anna's name: a new seal, or plain text beside it.
    const forged = await sealText(key, meetingId, id, 'Iets wat Anna nooit schreef')
    bea.current.kv.set(id, { ...original, meta: { ...original.meta, sealed: forged } })
    await eventually(() => bea.refusals.length === 1, 3000, 'refusal: new seal')
    await bea.synced()
    bea.current.kv.set(
      id,
      noteRecord({
        id,
        x: original.x as number,
        y: original.y as number,
        authorId: fixture.people.Anna!.id,
        text: 'Iets anders',
      }),
    )
    await eventually(() => bea.refusals.length === 2, 3000, 'refusal: plain text')
    await bea.synced()
    // Blanking it, or dropping it from the board.
    bea.current.kv.set(id, { ...original, meta: { authorId: fixture.people.Anna!.id } })
    await eventually(() => bea.refusals.length === 3, 3000, 'refusal: blanked')
    await bea.synced()
    bea.current.kv.delete(id)
    await eventually(() => bea.refusals.length === 4, 3000, 'refusal: dropped')
    expect(bea.refusals.map((r) => r.en)).toEqual([
      expect.stringMatching(/Only the author of this note/),
      expect.stringMatching(/stays sealed/),
      expect.stringMatching(/Only the author of this note/),
      expect.stringMatching(/Only its author takes a revealed note away/),
    ])
    await bea.synced()
    expect(note().meta?.sealed).toBe(original.meta?.sealed)

    // The visible removal: the note stays, says so, holds no text; nobody brings the text back.
    const nope = await api<{ error: string }>(
      server.url,
      `/meetings/${meetingId}/drafts/revealed/${id}/remove`,
      {
        body: {},
        token: fixture.people.Bram!.token,
      },
    )
    expect(nope.body.error).toBe('not_facilitator')
    const removed = await api(server.url, `/meetings/${meetingId}/drafts/revealed/${id}/remove`, {
      body: {},
      token: fixture.people.begeleider!.token,
    })
    expect(removed.status).toBe(200)
    await eventually(() => note().meta?.removedBy === 'begeleider', 3000, 'removed for everyone')
    expect(note().meta?.sealed).toBeUndefined()
    expect(note().meta?.authorId).toBe(fixture.people.Anna!.id)
    const anna = connect(fixture, 'Anna')
    await anna.synced()
    anna.current.kv.set(id, { ...note(), meta: { ...note().meta, sealed: original.meta!.sealed } })
    await eventually(() => anna.refusals.length === 1, 3000, 'refusal: text back after removal')
  })

  it('starts a new round after going back: nothing of it reaches anyone early, no id can be taken, the absent are revealed', async () => {
    const fixture = await meetingIn(server.url, ...G1_PRIVATE, { Anna: 'deelnemer', Bram: 'deelnemer' })
    const key = await importMeetingKey(newMeetingKey())
    const { meetingId } = fixture.setup
    const bea = connect(fixture, 'begeleider')
    const bram = connect(fixture, 'Bram')
    await bea.synced()
    await bram.synced()
    const first = 'shape:round1anna'
    await putDraft(fixture, 'Anna', 'wat-speelt-er', [
      { shapeId: first, sealed: await sealText(key, meetingId, first, 'RONDE-EEN') },
    ])
    // To the revealing phase and back: round one is revealed, for everyone at once.
    await command(server.url, fixture.setup, { type: 'next' })
    await command(server.url, fixture.setup, { type: 'goto', phaseId: 'ieder-voor-zich' })
    await eventually(() => bram.current.kv.get(first) !== undefined, 3000, 'round one on Bram’s board')
    expect(bea.current.kv.get(first)).toEqual(bram.current.kv.get(first))

    // Round two: Anna writes again and leaves. Bram (who saw round one's id) cannot block it.
    const second = 'shape:round2anna'
    const text = 'RONDE-TWEE-5170'
    const brams = [
      { shapeId: second, sealed: await sealText(key, meetingId, second, 'van Bram') },
      { shapeId: first, sealed: await sealText(key, meetingId, first, 'van Bram') },
    ]
    expect((await putDraft(fixture, 'Bram', 'wat-speelt-er', brams)).status).toBe(200)
    const annas = await putDraft(fixture, 'Anna', 'wat-speelt-er', [
      { shapeId: second, sealed: await sealText(key, meetingId, second, text) },
    ])
    expect(annas.status).toBe(200)
    // Nothing of round two reaches the begeleider before its reveal.
    await new Promise((r) => setTimeout(r, 300))
    expect(bea.current.kv.get(second)).toBeUndefined()
    const begeleidersOwn = await api<{ drafts: unknown[] }>(
      server.url,
      `/meetings/${meetingId}/drafts/mine`,
      {
        token: fixture.people.begeleider!.token,
      },
    )
    expect(begeleidersOwn.body.drafts).toEqual([])

    await command(server.url, fixture.setup, { type: 'next' })
    const sealedOnBoard = () =>
      [...bram.current.kv.map.values()]
        .map((entry) => (entry as { val: BoardRecord }).val)
        .filter((r) => typeof r.meta?.sealed === 'string')
    await eventually(() => sealedOnBoard().length === 4, 3000, 'round two')
    const texts = await Promise.all(sealedOnBoard().map((r) => opened(fixture, key, r)))
    expect(texts.sort()).toEqual(['RONDE-EEN', text, 'van Bram', 'van Bram'].sort())
    expect([bea, bram].flatMap((c) => c.refusals)).toEqual([])
  })

  it('lets nobody store or read another person’s drafts', async () => {
    const fixture = await meetingIn(server.url, ...G1_PRIVATE, { Anna: 'deelnemer', Bram: 'deelnemer' })
    const key = await importMeetingKey(newMeetingKey())
    const { meetingId } = fixture.setup
    const sealed = await sealText(key, meetingId, 'shape:annas', 'van Anna')
    expect(
      (await putDraft(fixture, 'Anna', 'wat-speelt-er', [{ shapeId: 'shape:annas', sealed }])).status,
    ).toBe(200)
    expect((await putDraft(fixture, 'Bram', 'vragen', [{ shapeId: 'shape:brams', sealed }])).body.error).toBe(
      'zone_not_private',
    )
    const brams = await api<{ drafts: unknown[] }>(server.url, `/meetings/${meetingId}/drafts/mine`, {
      token: fixture.people.Bram!.token,
    })
    expect(brams.body.drafts).toEqual([])
    const progress = await api<{ error: string }>(server.url, `/meetings/${meetingId}/drafts/progress`, {
      token: fixture.people.Bram!.token,
    })
    expect(progress.body.error).toBe('not_facilitator')
    // An oversized body is refused unread, with the limit; one over the per-zone count by field.
    const huge = await putDraft(fixture, 'Anna', 'wat-speelt-er', [
      { shapeId: 'shape:big', sealed: 'A'.repeat(2_000_000) },
    ])
    expect([huge.status, (huge.body as { error: string }).error]).toEqual([413, 'body_too_large'])
    const many = await putDraft(
      fixture,
      'Anna',
      'wat-speelt-er',
      Array.from({ length: 31 }, (_, i) => ({ shapeId: `shape:n${i}`, sealed })),
    )
    expect([many.status, (many.body as { error: string; field: string }).field]).toEqual([400, 'drafts'])
    // A seal for another note id does not open (the id is bound into it).
    await expect(openText(key, meetingId, 'shape:other', sealed)).rejects.toThrow()
    // Nobody puts a sealed note on the board but the server.
    const bram = connect(fixture, 'Bram')
    await bram.synced()
    const own = noteRecord({
      id: 'shape:fake',
      ...inZone(fixture.template, 'vragen'),
      authorId: fixture.people.Bram!.id,
      text: '',
    })
    bram.current.kv.set('shape:fake', { ...own, meta: { ...own.meta, sealed } })
    await eventually(() => bram.refusals.length === 1, 3000, 'refusal')
    expect(bram.refusals[0]!.en).toMatch(/Only the server places revealed notes/)
  })

  it('takes a case prepared before the meeting, shows it to nobody, and places it at the start under its bringer', async () => {
    const setup = await createMeeting(server.url, 'stappenplan-60')
    const anna = await joinMeeting(server.url, setup, 'Anna')
    const bram = await joinMeeting(server.url, setup, 'Bram')
    const key = await importMeetingKey(newMeetingKey())
    const text = 'VOORBEREID-7720 Een collega die steeds te laat komt.'
    const sealed = await sealText(key, setup.meetingId, 'shape:prepared', text)
    const put = (token: string, zoneId: string) =>
      api<{ error?: string }>(server.url, `/meetings/${setup.meetingId}/drafts/mine/${zoneId}`, {
        method: 'PUT',
        body: { drafts: [{ shapeId: 'shape:prepared', sealed }], ready: true },
        token,
      })
    // Only into the case list, only by those who take part.
    expect((await put(anna.token, 'casus')).body.error).toBe('zone_not_private')
    expect((await put(setup.facilitator.token, 'casuslijst')).body.error).toBe('zone_not_private')
    expect((await put(anna.token, 'casuslijst')).status).toBe(200)
    const brams = new ResettingClient(server.url, setup.roomId, bram.token)
    clients.push(brams)
    await brams.synced()
    expect(brams.received().includes('VOORBEREID-7720')).toBe(false)
    expect(dataDirBytes().includes('VOORBEREID-7720')).toBe(false)

    // Anonymous or not, a prepared case keeps its bringer at the start.
    await command(server.url, setup, { type: 'revealMode', anonymous: true })
    await command(server.url, setup, { type: 'start' })
    await eventually(() => brams.current.kv.get('shape:prepared') !== undefined, 3000, 'the case on the list')
    const record = brams.current.kv.get('shape:prepared') as BoardRecord
    expect(record.meta?.authorId).toBe(anna.id)
    expect(await openText(key, setup.meetingId, 'shape:prepared', record.meta!.sealed as string)).toBe(text)
    expect(brams.refusals).toEqual([])
    // Once started, the list is no place for drafts any more.
    expect((await put(anna.token, 'casuslijst')).body.error).toBe('zone_not_private')
  })

  it('carries a revealed note sealed through export and import: it opens with the old key, and stays the author’s', async () => {
    const fixture = await meetingIn(server.url, ...G1_PRIVATE, { Anna: 'deelnemer' })
    const key = await importMeetingKey(newMeetingKey())
    const { meetingId } = fixture.setup
    const id = 'shape:travels'
    const text = 'MEEGENOMEN-2291'
    await putDraft(fixture, 'Anna', 'wat-speelt-er', [
      { shapeId: id, sealed: await sealText(key, meetingId, id, text) },
    ])
    await command(server.url, fixture.setup, { type: 'next' })
    const file = await api<{ meetings: Array<{ board: { records: BoardRecord[] } }> }>(
      server.url,
      `/meetings/${meetingId}/export`,
      { token: fixture.people.begeleider!.token },
    )
    expect(JSON.stringify(file.body)).not.toContain(text)
    const made = await api<{ meetings: Array<{ meetingId: string; facilitatorPath: string }> }>(
      server.url,
      '/meetings/import',
      { body: file.body, token: TEST_IMPORT_CODE },
    )
    expect(made.status).toBe(201)
    const copy = made.body.meetings[0]!
    const secret = copy.facilitatorPath.split('#begeleider=')[1]!
    const fac = await api<{ token: string }>(server.url, `/meetings/${copy.meetingId}/facilitate`, {
      body: { secret, name: 'Bea' },
    })
    const bea = new ResettingClient(server.url, `m-${copy.meetingId}`, fac.body.token)
    clients.push(bea)
    await bea.synced()
    const record = bea.current.kv.get(id) as BoardRecord
    expect(record.meta?.sealedIn).toBe(meetingId)
    expect(await openText(key, meetingId, id, record.meta!.sealed as string)).toBe(text)
    // Still a revealed note here: the begeleider cannot drop it (only remove it visibly).
    bea.current.kv.delete(id)
    await eventually(() => bea.refusals.length === 1, 3000, 'refusal')
    expect(bea.refusals[0]!.en).toMatch(/Only its author takes a revealed note away/)
  })

  it('sends no cursor from inside a private zone, and no selection, while people write privately', async () => {
    const fixture = await meetingIn(server.url, ...G1_PRIVATE, { Anna: 'deelnemer', Bram: 'deelnemer' })
    const anna = connect(fixture, 'Anna')
    const bram = connect(fixture, 'Bram')
    await anna.synced()
    await bram.synced()
    const inside = inZone(fixture.template, 'wat-speelt-er')
    const outside = inZone(fixture.template, 'vragen')
    const presence = (at: { x: number; y: number }) => ({
      cursor: { x: at.x, y: at.y, type: 'default', rotation: 0 },
      selectedShapeIds: ['shape:secret'],
      chatMessage: 'typing',
      lastActivityTimestamp: 1_700_000_123_456,
    })
    const seenByBram = () => bram.current.provider.awareness.getStates().get(anna.current.doc.clientID)
    anna.current.provider.awareness.setLocalStateField('presence', presence(outside))
    await eventually(
      () => (seenByBram()?.presence as { cursor?: unknown })?.cursor !== undefined,
      3000,
      'cursor',
    )
    expect(seenByBram()?.presence).toMatchObject({
      selectedShapeIds: [],
      chatMessage: '',
      lastActivityTimestamp: 1_700_000_100_000,
    })
    anna.current.provider.awareness.setLocalStateField('presence', presence(inside))
    await eventually(() => seenByBram()?.presence === null, 3000, 'no cursor inside the private zone')
  })
})

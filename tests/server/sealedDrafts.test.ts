import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  importMeetingKey,
  newMeetingKey,
  openDraft,
  sealDraft,
} from '../../client/src/meeting/drafts/sealing'
import { asAnonymousNote } from '../../templates/src/authorship'
import type { BoardRecord } from '../../templates/src/boardRecords'
import type { ReleasedDraft } from '../../templates/src/drafts/sealedDrafts'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, command, createMeeting, joinMeeting, ResettingClient } from '../helpers/meetingClient'
import { inZone, type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { eventually } from '../helpers/yjsClient'

/**
 * Private writing that survives its author's browser (issue: "a reveal that never depends on the
 * author"). Six people in a G1 meeting write sealed drafts; before the reveal no other client,
 * no file under DATA_DIR and no log line holds any of them; two authors leave; at the reveal the
 * begeleider's client opens the released drafts and all six are on every remaining board in 1 s.
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

function connect(fixture: MeetingFixture, name: string): ResettingClient {
  const client = new ResettingClient(server.url, fixture.roomId, fixture.people[name]!.token)
  clients.push(client)
  return client
}

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

async function writeDrafts(fixture: MeetingFixture, key: CryptoKey, marker: (name: string) => string) {
  const ids: Record<string, string> = {}
  for (const [i, name] of NAMES.entries()) {
    const person = fixture.people[name]!
    const at = inZone(fixture.template, 'wat-speelt-er', i * 4)
    const shapeId = `shape:draft${i}${fixture.setup.meetingId.slice(0, 6)}`
    const note = noteRecord({ id: shapeId, ...at, authorId: person.id, text: marker(name) })
    const sealed = await sealDraft(key, fixture.setup.meetingId, shapeId, note)
    const res = await api(server.url, `/meetings/${fixture.setup.meetingId}/drafts/mine/wat-speelt-er`, {
      method: 'PUT',
      body: { drafts: [{ shapeId, sealed }], ready: i % 2 === 0 },
      token: person.token,
    })
    expect(res.status).toBe(200)
    ids[name] = shapeId
  }
  return ids
}

async function releasedDrafts(fixture: MeetingFixture, token: string) {
  return api<{ released: ReleasedDraft[]; error?: string }>(
    server.url,
    `/meetings/${fixture.setup.meetingId}/drafts/released`,
    { token },
  )
}

/** What the begeleider's browser does at the reveal: open each released draft, put it on the board. */
async function publishReleased(fixture: MeetingFixture, key: CryptoKey, facilitator: ResettingClient) {
  const { body } = await releasedDrafts(fixture, fixture.people.begeleider!.token)
  const records: BoardRecord[] = []
  for (const draft of body.released) {
    const record = (await openDraft(key, fixture.setup.meetingId, draft.shapeId, draft.sealed)) as BoardRecord
    const meta = { ...(record.meta as Record<string, unknown>) }
    delete meta.authorId
    if (draft.authorId) meta.authorId = draft.authorId
    // Anonymous: as the reveal puts it down, flagged and without a last editor (authorship.ts).
    records.push(draft.authorId ? ({ ...record, meta } as BoardRecord) : asAnonymousNote({ ...record, meta }))
  }
  facilitator.current.doc.transact(() => {
    for (const record of records) facilitator.current.kv.set(record.id, record)
  })
  return body.released
}

describe('sealed drafts in a G1 meeting of six', () => {
  it('keeps every draft from every other client, file and log line, and reveals all six without their authors', async () => {
    const roles = Object.fromEntries(NAMES.map((n) => [n, 'deelnemer' as const]))
    const fixture = await meetingIn(server.url, 'intervisie-8-stappen', 'ieder-voor-zich', roles)
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
    const progress = await api<{ progress: Array<{ participantId: string; count: number; ready: boolean }> }>(
      server.url,
      `/meetings/${fixture.setup.meetingId}/drafts/progress`,
      { token: fixture.people.begeleider!.token },
    )
    expect(progress.body.progress).toHaveLength(6)
    expect(progress.body.progress.find((p) => p.participantId === fixture.people.Anna!.id)).toMatchObject({
      count: 1,
      ready: true,
    })
    // Before the reveal: nobody may read the released drafts, and there are none.
    expect((await releasedDrafts(fixture, fixture.people.Bram!.token)).status).toBe(403)
    expect((await releasedDrafts(fixture, fixture.people.begeleider!.token)).body.released).toEqual([])
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
    const remaining = [
      facilitator,
      ...NAMES.filter((n) => n !== 'Carla' && n !== 'Fleur').map((n) => people[n]!),
    ]

    await command(server.url, fixture.setup, { type: 'next' })
    const revealedAt = Date.now()
    const released = await publishReleased(fixture, key, facilitator)
    expect(released).toHaveLength(6)
    expect(new Set(released.map((r) => r.authorId))).toEqual(new Set(NAMES.map((n) => fixture.people[n]!.id)))
    for (const client of remaining) {
      await eventually(
        () => NAMES.every((name) => client.current.kv.get(ids[name]!) !== undefined),
        1000,
        'six notes',
      )
    }
    expect(Date.now() - revealedAt).toBeLessThan(1000)
    expect(facilitator.refusals).toEqual([])
    const onBoard = people.Anna!.current.kv.get(ids.Bram!) as BoardRecord
    expect((onBoard.meta as { authorId?: string }).authorId).toBe(fixture.people.Bram!.id)

    // Published: the server finds them on the board and keeps nothing of the drafts.
    const dropped = await api<{ dropped: number }>(
      server.url,
      `/meetings/${fixture.setup.meetingId}/drafts/published`,
      {
        body: { shapeIds: Object.values(ids) },
        token: fixture.people.begeleider!.token,
      },
    )
    expect(dropped.body.dropped).toBe(6)
    const db = new Database(DB_FILE(server.dataDir), { readonly: true })
    const left = db
      .prepare('SELECT COUNT(*) AS n FROM sealed_draft UNION ALL SELECT COUNT(*) FROM released_draft')
      .all()
    db.close()
    expect(left).toEqual([{ n: 0 }, { n: 0 }])
  })

  it('reveals anonymously: no author id in the released drafts or in the stored records', async () => {
    const roles = Object.fromEntries(NAMES.map((n) => [n, 'deelnemer' as const]))
    const fixture = await meetingIn(server.url, 'intervisie-8-stappen', 'ieder-voor-zich', roles)
    const key = await importMeetingKey(newMeetingKey())
    const facilitator = connect(fixture, 'begeleider')
    await facilitator.synced()
    const ids = await writeDrafts(fixture, key, (name) => `anoniem van ${name}`)

    await command(server.url, fixture.setup, { type: 'revealMode', anonymous: true })
    await command(server.url, fixture.setup, { type: 'next' })
    const released = await publishReleased(fixture, key, facilitator)
    expect(released.map((r) => r.authorId)).toEqual(NAMES.map(() => null))
    const reader = connect(fixture, 'Anna')
    await reader.synced()
    await eventually(
      () => Object.values(ids).every((id) => reader.current.kv.get(id) !== undefined),
      2000,
      'notes',
    )
    expect(facilitator.refusals).toEqual([])
    await server.registry.evict(fixture.roomId, 4000, 'test: store and unload').catch(() => {})
    // The stored board: none of the six notes names anyone.
    const stored = connect(fixture, 'Bram')
    await stored.synced()
    for (const id of Object.values(ids)) {
      const record = stored.current.kv.get(id) as BoardRecord
      expect(record).toBeDefined()
      expect((record.meta as { authorId?: unknown }).authorId).toBeUndefined()
    }
    const db = new Database(DB_FILE(server.dataDir), { readonly: true })
    const authors = db.prepare('SELECT author_id AS a FROM released_draft').all() as Array<{
      a: string | null
    }>
    db.close()
    expect(authors.every((row) => row.a === null)).toBe(true)
  })

  it('lets nobody store, read or publish another person’s drafts', async () => {
    const fixture = await meetingIn(server.url, 'intervisie-8-stappen', 'ieder-voor-zich', {
      Anna: 'deelnemer',
      Bram: 'deelnemer',
    })
    const key = await importMeetingKey(newMeetingKey())
    const { meetingId } = fixture.setup
    const put = (name: string, zoneId: string, shapeId: string, sealed: string) =>
      api<{ error?: string }>(server.url, `/meetings/${meetingId}/drafts/mine/${zoneId}`, {
        method: 'PUT',
        body: { drafts: [{ shapeId, sealed }], ready: false },
        token: fixture.people[name]!.token,
      })
    const sealed = await sealDraft(key, meetingId, 'shape:annas', { text: 'van Anna' })
    expect((await put('Anna', 'wat-speelt-er', 'shape:annas', sealed)).status).toBe(200)
    // Bram cannot take over Anna's draft id, nor write privately where the zone is not private.
    expect((await put('Bram', 'wat-speelt-er', 'shape:annas', sealed)).body.error).toBe('draft_id_taken')
    expect((await put('Bram', 'vragen', 'shape:brams', sealed)).body.error).toBe('zone_not_private')
    // Bram's "mine" holds nothing of Anna's; the progress and the released drafts are the begeleider's.
    const brams = await api<{ drafts: unknown[] }>(server.url, `/meetings/${meetingId}/drafts/mine`, {
      token: fixture.people.Bram!.token,
    })
    expect(brams.body.drafts).toEqual([])
    const progress = await api<{ error: string }>(server.url, `/meetings/${meetingId}/drafts/progress`, {
      token: fixture.people.Bram!.token,
    })
    expect(progress.body.error).toBe('not_facilitator')
    // An oversized body is refused unread, with the limit; one over the per-zone count by field.
    const huge = await api<{ error: string; max: number }>(
      server.url,
      `/meetings/${meetingId}/drafts/mine/wat-speelt-er`,
      {
        method: 'PUT',
        body: { drafts: [{ shapeId: 'shape:big', sealed: 'A'.repeat(2_000_000) }], ready: false },
        token: fixture.people.Anna!.token,
      },
    )
    expect([huge.status, huge.body.error]).toEqual([413, 'body_too_large'])
    const many = await api<{ error: string; field: string }>(
      server.url,
      `/meetings/${meetingId}/drafts/mine/wat-speelt-er`,
      {
        method: 'PUT',
        body: {
          drafts: Array.from({ length: 31 }, (_, i) => ({ shapeId: `shape:n${i}`, sealed })),
          ready: false,
        },
        token: fixture.people.Anna!.token,
      },
    )
    expect([many.status, many.body.error, many.body.field]).toEqual([400, 'invalid_body', 'drafts'])
    // A seal for another shape id does not open (the id is bound into it).
    await expect(openDraft(key, meetingId, 'shape:other', sealed)).rejects.toThrow()

    await command(server.url, fixture.setup, { type: 'next' })
    // After the reveal a participant cannot publish Anna's note (in her name or his own).
    const bram = connect(fixture, 'Bram')
    await bram.synced()
    const at = inZone(fixture.template, 'wat-speelt-er')
    bram.current.kv.set(
      'shape:annas',
      noteRecord({ id: 'shape:annas', ...at, authorId: fixture.people.Anna!.id, text: 'x' }),
    )
    await eventually(() => bram.refusals.length === 1, 3000, 'refusal')
    // The begeleider cannot publish it under another name, or in another zone.
    const facilitator = connect(fixture, 'begeleider')
    await facilitator.synced()
    facilitator.current.kv.set(
      'shape:annas',
      noteRecord({ id: 'shape:annas', ...at, authorId: fixture.people.Bram!.id, text: 'x' }),
    )
    await eventually(() => facilitator.refusals.length === 1, 3000, 'refusal: wrong author')
    await facilitator.synced()
    const elsewhere = inZone(fixture.template, 'vragen')
    facilitator.current.kv.set(
      'shape:annas',
      noteRecord({ id: 'shape:annas', ...elsewhere, authorId: fixture.people.Anna!.id, text: 'x' }),
    )
    await eventually(() => facilitator.refusals.length === 2, 3000, 'refusal: wrong zone')
    expect(facilitator.refusals[0]!.en).toMatch(/name of whoever wrote it/)
    expect(facilitator.refusals[1]!.en).toMatch(/zone it was written in/)
  })

  it('takes a case prepared before the meeting, shows it to nobody, and releases it at the start', async () => {
    const setup = await createMeeting(server.url, 'stappenplan-60')
    const anna = await joinMeeting(server.url, setup, 'Anna')
    const bram = await joinMeeting(server.url, setup, 'Bram')
    const key = await importMeetingKey(newMeetingKey())
    const text = 'VOORBEREID-7720 Een collega die steeds te laat komt.'
    const sealed = await sealDraft(key, setup.meetingId, 'shape:prepared', { id: 'shape:prepared', text })
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
    const released = () =>
      api<{ released: ReleasedDraft[] }>(server.url, `/meetings/${setup.meetingId}/drafts/released`, {
        token: setup.facilitator.token,
      })
    expect((await released()).body.released).toEqual([])
    const brams = new ResettingClient(server.url, setup.roomId, bram.token)
    clients.push(brams)
    await brams.synced()
    expect(brams.received().includes('VOORBEREID-7720')).toBe(false)
    expect(dataDirBytes().includes('VOORBEREID-7720')).toBe(false)

    // Anonymous or not, a prepared case keeps its bringer at the start.
    await command(server.url, setup, { type: 'revealMode', anonymous: true })
    await command(server.url, setup, { type: 'start' })
    const out = (await released()).body.released
    expect(out.map((d) => [d.shapeId, d.zoneId, d.authorId])).toEqual([
      ['shape:prepared', 'casuslijst', anna.id],
    ])
    expect(await openDraft(key, setup.meetingId, 'shape:prepared', out[0]!.sealed)).toMatchObject({ text })
    // Once started, the list is no place for drafts any more.
    expect((await put(anna.token, 'casuslijst')).body.error).toBe('zone_not_private')
  })

  it('sends no cursor from inside a private zone, and no selection, while people write privately', async () => {
    const fixture = await meetingIn(server.url, 'intervisie-8-stappen', 'ieder-voor-zich', {
      Anna: 'deelnemer',
      Bram: 'deelnemer',
    })
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

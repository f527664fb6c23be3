import { existsSync, readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importMeetingKey, newMeetingKey, openText, sealText } from '../../client/src/meeting/drafts/sealing'
import { REFLECTION_SEAL_ID, type SealedReflection } from '../../shared/outcome/sealedReflection'
import {
  command,
  createGroup,
  type GroupMeetingSetup,
  groupMeeting,
  TestClock,
} from '../helpers/groupScenario'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api } from '../helpers/meetingClient'
import { meetingIn } from '../helpers/meetingFixture'

/**
 * The G4 reflection report kept with its meeting (issue 17): sealed in the author's browser, so
 * the server's database holds no word of it; written by the inbrenger alone; in the look-back of
 * the group's next meeting; signed off by a begeleider, recorded from their session; gone with
 * the meeting.
 */
let server: TestServer
const clock = new TestClock()

beforeAll(async () => {
  server = await startTestServer({ now: clock.now, log: () => {} })
})
afterAll(async () => {
  await server.stop()
  server.cleanup()
})

const MARKER = 'REFLECTIE-INZICHT-8812'

type Answer = { reflection: SealedReflection | null; error?: string }
const reflectionOf = (m: GroupMeetingSetup, name: string, path = 'reflection') =>
  api<Answer>(server.url, `/meetings/${m.meetingId}/${path}`, { method: 'GET', token: m.people[name]!.token })
const putReflection = (m: GroupMeetingSetup, name: string, sealed: string) =>
  api<Answer>(server.url, `/meetings/${m.meetingId}/reflection`, {
    method: 'PUT',
    body: { sealed },
    token: m.people[name]!.token,
  })
const signOff = (m: GroupMeetingSetup, name: string, path = 'reflection/sign-off') =>
  api<Answer>(server.url, `/meetings/${m.meetingId}/${path}`, {
    method: 'POST',
    token: m.people[name]!.token,
  })

/**
 * The marker as it would read in any base64 text that holds it (at each of the three offsets it
 * could fall on): a "seal" that only encodes would show one of these.
 */
const encodedForms = (text: string) =>
  [0, 1, 2].map((pad) =>
    Buffer.from(`${'x'.repeat(pad)}${text}`)
      .toString('base64')
      .slice(4, -4),
  )

/** Every byte of the SQLite database as it lies on disk (the file and its write-ahead log). */
function rawDatabase(): string {
  const file = DB_FILE(server.dataDir)
  return [file, `${file}-wal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('')
}

describe('the sealed reflection report', () => {
  it('is stored sealed, by its author only, shown and signed off in the next meeting, and erased with its meeting', async () => {
    const base = server.url
    const group = await createGroup(base, 'Reflectiegroep', ['Bea', 'Ahmed', 'Carla'])
    const first = await groupMeeting(base, group, clock.t, 'Bea', { Ahmed: 'inbrenger', Carla: 'deelnemer' })
    await command(base, first, 'Bea', { type: 'start' })
    await command(base, first, 'Bea', { type: 'finish' })

    // Sealed in Ahmed's browser with the meeting key; the server gets the ciphertext only.
    const key = await importMeetingKey(newMeetingKey())
    const text = JSON.stringify({ inzichten: MARKER })
    const sealed = await sealText(key, first.meetingId, REFLECTION_SEAL_ID, text)

    // Nobody but the inbrenger writes it: not a participant, not the begeleider.
    for (const name of ['Carla', 'Bea']) {
      const refused = await putReflection(first, name, sealed)
      expect(refused.status, name).toBe(403)
      expect(refused.body.error).toBe('not_reflection_author')
    }
    const stored = await putReflection(first, 'Ahmed', sealed)
    expect(stored.status).toBe(200)
    expect(stored.body.reflection).toMatchObject({ authorName: 'Ahmed', signOff: null, sealed })

    // The database holds the seal, never the text.
    const db = new Database(DB_FILE(server.dataDir), { readonly: true })
    const rows = db.prepare('SELECT * FROM sealed_reflection').all()
    db.close()
    expect(JSON.stringify(rows)).toContain(sealed)
    const raw = rawDatabase()
    for (const form of [MARKER, ...encodedForms(MARKER)]) {
      expect(JSON.stringify(rows)).not.toContain(form)
      expect(raw).not.toContain(form)
    }

    // A sign-off from a participant is refused; only a begeleider signs.
    const notHers = await signOff(first, 'Carla')
    expect(notHers.status).toBe(403)
    expect(notHers.body.error).toBe('not_facilitator')

    // The next meeting of the group: its look-back carries the report, still sealed, for everyone.
    clock.advance(7 * 24 * 60)
    const second = await groupMeeting(base, group, clock.t, 'Ahmed', { Bea: 'deelnemer', Carla: 'inbrenger' })
    const seen = await reflectionOf(second, 'Carla', 'look-back/reflection')
    expect(seen.status).toBe(200)
    expect(seen.body.reflection).toMatchObject({ meetingId: first.meetingId, authorName: 'Ahmed', sealed })
    const opened = await openText(key, first.meetingId, REFLECTION_SEAL_ID, seen.body.reflection!.sealed)
    expect(JSON.parse(opened)).toEqual({ inzichten: MARKER })

    // Signed off by this meeting's begeleider: the server names them from their session.
    expect((await signOff(second, 'Bea', 'look-back/reflection/sign-off')).status).toBe(403)
    const signed = await signOff(second, 'Ahmed', 'look-back/reflection/sign-off')
    expect(signed.status).toBe(200)
    expect(signed.body.reflection!.signOff).toMatchObject({
      participantId: second.people.Ahmed!.id,
      name: 'Ahmed',
      meetingId: second.meetingId,
      at: clock.now(),
    })
    // Once signed off, the text no longer changes.
    const late = await putReflection(first, 'Ahmed', sealed)
    expect(late.status).toBe(409)
    expect(late.body.error).toBe('reflection_signed_off')

    // Erasing the meeting erases its report: the look-back has none any more.
    const erased = await api(base, `/meetings/${first.meetingId}`, {
      method: 'DELETE',
      token: first.people.Bea!.token,
    })
    expect(erased.status).toBe(200)
    const after = await reflectionOf(second, 'Carla', 'look-back/reflection')
    expect(after.body.reflection).toBeNull()
    const check = new Database(DB_FILE(server.dataDir), { readonly: true })
    expect(check.prepare('SELECT COUNT(*) AS n FROM sealed_reflection').get()).toEqual({ n: 0 })
    check.close()
    expect(rawDatabase()).not.toContain(sealed)
  })

  it('goes with its meeting at the retention sweep', async () => {
    const m = await meetingIn(server.url, 'zes-fasen-reflectieverslag', 'evaluatie-afspraken', {
      Ina: 'inbrenger',
    })
    const key = await importMeetingKey(newMeetingKey())
    const sealed = await sealText(
      key,
      m.setup.meetingId,
      REFLECTION_SEAL_ID,
      JSON.stringify({ aandacht: MARKER }),
    )
    const put = await api<Answer>(server.url, `/meetings/${m.setup.meetingId}/reflection`, {
      method: 'PUT',
      body: { sealed },
      token: m.people.Ina!.token,
    })
    expect(put.status).toBe(200)
    const count = () => {
      const db = new Database(DB_FILE(server.dataDir), { readonly: true })
      const row = db
        .prepare('SELECT COUNT(*) AS n FROM sealed_reflection WHERE meeting_id = ?')
        .get(m.setup.meetingId)
      db.close()
      return row
    }
    expect(count()).toEqual({ n: 1 })
    clock.advance(40 * 24 * 60)
    expect((await server.sweep()).meetings).toBeGreaterThanOrEqual(1)
    expect(count()).toEqual({ n: 0 })
  })
})

import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { EXPORT_FORMAT, type MeetingExport } from '../../shared/exportFormat'
import { deriveOutcome } from '../../shared/outcome/meetingOutcome'
import { summaryMarkdown } from '../../shared/outcome/reportMarkdown'
import { currentEntries } from '../helpers/boardRules'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, command } from '../helpers/meetingClient'
import { inZone, type MeetingFixture, meetingIn } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { importHeaders, TEST_IMPORT_CODE } from '../helpers/testServerEnv'
import { connectClient, eventually, waitForSync } from '../helpers/yjsClient'

let source: TestServer
let target: TestServer
beforeAll(async () => {
  // Two servers, each with its own DATA_DIR: the export travels from one to the other.
  source = await startTestServer({ log: () => {} })
  target = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  for (const server of [source, target]) {
    await server.stop()
    server.cleanup()
  }
})

const NOTES = [
  { zone: 'casus', text: 'Casus: een ouder die elke dag belt' },
  { zone: 'vragen', text: 'Wat wil je zelf bereiken met deze ouder?' },
  { zone: 'vragen', text: 'Wanneer ging het wel goed?' },
]

/** A roddelmethode meeting in its exploration, with people in roles and notes in outcome zones. */
async function meetingWithOutcome(): Promise<MeetingFixture> {
  const meeting = await meetingIn(source.url, 'roddelmethode', 'verkenning', {
    'Inge Inbreng': 'inbrenger',
    'Piet Vraagsteller': 'deelnemer',
  })
  const fac = meeting.people.begeleider!
  const client = connectClient(source.url, meeting.roomId, { token: fac.token })
  await waitForSync(client)
  NOTES.forEach((note, i) => {
    const id = `shape:export-${i}`
    client.kv.set(
      id,
      noteRecord({ id, ...inZone(meeting.template, note.zone, i * 220), authorId: fac.id, text: note.text }),
    )
  })
  await command(source.url, meeting.setup, { type: 'extend', minutes: 5 })
  await eventually(() => client.provider.synced && client.doc.getArray('tl_records').length > 0, 3000)
  // The notes are in the room once the server's copy holds them.
  await eventually(
    () =>
      NOTES.every((_, i) =>
        source.registry
          .peek(meeting.roomId)
          ?.doc.getArray('tl_records')
          .toJSON()
          .some((e: { key: string }) => e.key === `shape:export-${i}`),
      ),
    5000,
    'notes in the room',
  )
  client.destroy()
  return meeting
}

/** The outcome and report as the target server's room and meeting hold them (read in-process). */
async function outcomeOn(server: TestServer, meetingId: string) {
  const view = await server.meetings.view(meetingId)
  const template = server.meetings.template(meetingId)!
  const roomId = `m-${meetingId}`
  const room = await server.registry.acquire(roomId)
  const records: BoardRecord[] = [...currentEntries(room.doc).values()].map((e) => e.record)
  server.registry.released(roomId)
  const outcome = deriveOutcome({ template, ...view, records })
  return { view, outcome, report: summaryMarkdown(outcome, { language: 'nl' }) }
}

it('exports a meeting and imports it on a fresh server: the same meeting, outcome and report', async () => {
  const meeting = await meetingWithOutcome()
  const exported = await api<MeetingExport>(source.url, `/meetings/${meeting.setup.meetingId}/export`, {
    token: meeting.setup.facilitator.token,
  })
  expect(exported.status).toBe(200)
  const file = exported.body
  expect(file).toMatchObject({ format: EXPORT_FORMAT, version: 1 })
  const [original] = file.meetings
  expect(original!.participants.map((p) => [p.name, p.role])).toEqual([
    ['Bea Begeleider', 'begeleider'],
    ['Inge Inbreng', 'inbrenger'],
    ['Piet Vraagsteller', 'deelnemer'],
  ])
  expect(original!.outcome).toMatchObject({ people: { inbrenger: ['Inge Inbreng'] } })
  expect(original!.report!.nl).toContain('Casus: een ouder die elke dag belt')
  expect(original!.report!.nl).toContain('Wanneer ging het wel goed?')
  expect(original!.report!.en).toContain('Inge Inbreng')
  // No secret of any kind travels: not the links' secrets, not a session token, not their hashes.
  const text = JSON.stringify(file)
  const secrets = [meeting.setup.facilitatorSecret, meeting.setup.inviteSecret]
  for (const person of Object.values(meeting.people)) secrets.push(person.token)
  for (const secret of secrets) expect(text).not.toContain(secret)
  expect(text).not.toMatch(/[0-9a-f]{64}/) // a sha-256 hash in hex

  const imported = await api<{
    meetings: Array<{ meetingId: string; facilitatorPath: string; invitePath: string }>
  }>(target.url, '/meetings/import', { body: file, token: TEST_IMPORT_CODE })
  expect(imported.status).toBe(201)
  const made = imported.body.meetings[0]!
  expect(made.meetingId).not.toBe(meeting.setup.meetingId)
  const copy = await outcomeOn(target, made.meetingId)
  // New ids for the people; everything else as it was.
  const ids = new Map(original!.participants.map((p, i) => [p.id, copy.view.participants[i]!.id]))
  expect(copy.view.participants.map((p) => [p.name, p.role, p.color])).toEqual(
    original!.participants.map((p) => [p.name, p.role, p.color]),
  )
  for (const [oldId, newId] of ids) expect(newId).not.toBe(oldId)
  expect(copy.view.title).toBe(original!.title)
  expect(copy.view.templateId).toBe('roddelmethode')
  expect(copy.view.progress).toEqual(original!.progress)
  expect(copy.outcome).toEqual(JSON.parse(JSON.stringify(original!.outcome), (_k, v) => ids.get(v) ?? v))
  expect(copy.report).toBe(original!.report!.nl)

  // The new links work on the new server: its facilitator link opens it, its export has the notes.
  const secret = made.facilitatorPath.split('#begeleider=')[1]!
  const fac = await api<{ token: string }>(target.url, `/meetings/${made.meetingId}/facilitate`, {
    body: { secret, name: 'Nieuwe Begeleider' },
  })
  expect(fac.status).toBe(201)
  const again = await api<MeetingExport>(target.url, `/meetings/${made.meetingId}/export`, {
    token: fac.body.token,
  })
  for (const note of NOTES) expect(again.body.meetings[0]!.report!.nl).toContain(note.text)
  // The old links mean nothing there.
  const oldSecret = await api(target.url, `/meetings/${made.meetingId}/facilitate`, {
    body: { secret: meeting.setup.facilitatorSecret, name: 'Indringer' },
  })
  expect(oldSecret.status).toBe(403)
})

it('lets only the facilitator export', async () => {
  const meeting = await meetingIn(source.url, 'roddelmethode', 'introductie', { 'Piet Pakker': 'deelnemer' })
  const res = await api<{ error: string }>(source.url, `/meetings/${meeting.setup.meetingId}/export`, {
    token: meeting.people['Piet Pakker']!.token,
  })
  expect(res.status).toBe(403)
  expect(res.body.error).toBe('not_facilitator')
})

it('refuses a bad file, naming the field, and makes nothing', async () => {
  const meeting = await meetingWithOutcome()
  const file = (
    await api<MeetingExport>(source.url, `/meetings/${meeting.setup.meetingId}/export`, {
      token: meeting.setup.facilitator.token,
    })
  ).body
  const attempt = (body: unknown) =>
    api<{ error: string; field?: string }>(target.url, '/meetings/import', { body, token: TEST_IMPORT_CODE })
  const broken = structuredClone(file)
  ;(broken.meetings[0]!.board.records[3] as Record<string, unknown>).typeName = 'shape'
  delete (broken.meetings[0]!.board.records[3] as Record<string, unknown>).props
  // A note longer than a participant may write (LIMIT_RECORD_TEXT_CHARS, 10,000 by default).
  const tooLong = structuredClone(file)
  const longAt = tooLong.meetings[0]!.board.records.findIndex((r) => r.id === 'shape:export-1')
  const long = noteRecord({ id: 'shape:export-1', x: 0, y: 0, authorId: 'x', text: 'lang '.repeat(2001) })
  tooLong.meetings[0]!.board.records[longAt] = long as (typeof tooLong.meetings)[0]['board']['records'][0]
  // A note the editor cannot draw (a mark its text schema does not know) passes tldraw's validators.
  const undrawable = structuredClone(file)
  const badAt = undrawable.meetings[0]!.board.records.findIndex((r) => r.id === 'shape:export-2')
  const bad = undrawable.meetings[0]!.board.records[badAt] as BoardRecord
  bad.props = {
    ...bad.props,
    richText: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }] }],
    },
  }
  const cases: Array<[unknown, string, string]> = [
    [{ ...file, version: 2 }, 'invalid_body', 'version'],
    [
      { ...file, meetings: [{ ...file.meetings[0], templateId: 'bestaat-niet' }] },
      'unknown_template',
      'meetings.0.templateId',
    ],
    [
      {
        ...file,
        meetings: [
          { ...file.meetings[0], participants: [{ ...file.meetings[0]!.participants[0], name: '' }] },
        ],
      },
      'invalid_body',
      'meetings.0.participants.0.name',
    ],
    [broken, 'invalid_import', 'meetings.0.board.records.3'],
    [tooLong, 'invalid_import', `meetings.0.board.records.${longAt}`],
    [undrawable, 'invalid_import', `meetings.0.board.records.${badAt}`],
  ]
  const meetingsStored = () => {
    const db = new Database(DB_FILE(target.dataDir), { readonly: true })
    try {
      return (db.prepare('SELECT count(*) AS n FROM meeting').get() as { n: number }).n
    } finally {
      db.close()
    }
  }
  const before = meetingsStored()
  for (const [body, error, field] of cases) {
    const res = await attempt(body)
    expect(res.status, field).toBe(400)
    expect(res.body, field).toMatchObject({ error, field })
  }
  expect(meetingsStored()).toBe(before)
  // Larger than the limit: refused before it is read.
  const huge = await fetch(`${target.url}/api/meetings/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...importHeaders },
    body: `{"pad":"${'x'.repeat(11 * 1024 * 1024)}"}`,
  })
  expect(huge.status).toBe(400)
  expect(((await huge.json()) as { error: string }).error).toBe('import_too_large')
})

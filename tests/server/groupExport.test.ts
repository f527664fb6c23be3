import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { MeetingExport } from '../../shared/exportFormat'
import { TestClock } from '../helpers/groupScenario'
import { transferGroup } from '../helpers/groupTransfer'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api } from '../helpers/meetingClient'
import { TEST_IMPORT_CODE } from '../helpers/testServerEnv'

let source: TestServer
let target: TestServer
let file: MeetingExport
const clock = new TestClock()
beforeAll(async () => {
  // Two servers, each with its own DATA_DIR: the group's file travels from one to the other.
  source = await startTestServer({ now: clock.now, log: () => {} })
  target = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  for (const server of [source, target]) {
    await server.stop()
    server.cleanup()
  }
})

it('exports a group and imports it on a fresh server: its meetings, outcomes, reports, members, register', async () => {
  file = (await transferGroup(source, target, clock)).file
}, 90_000)

function rowsIn(server: TestServer): { meetings: number; groups: number; presence: number } {
  const db = new Database(DB_FILE(server.dataDir), { readonly: true })
  try {
    const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    return { meetings: n('meeting'), groups: n('meeting_group'), presence: n('presence') }
  } finally {
    db.close()
  }
}

it('refuses a bad group file, naming the field, and makes nothing', async () => {
  expect(file).toBeDefined()
  const withGroup = (change: (group: NonNullable<MeetingExport['group']>) => void) => {
    const copy = structuredClone(file)
    change(copy.group!)
    return copy
  }
  const cases: Array<[unknown, string, string]> = [
    [withGroup((g) => g.series.pop()), 'invalid_body', 'group.series'],
    [withGroup((g) => (g.name = ' ')), 'invalid_body', 'group.name'],
    [
      withGroup((g) => (g.series[1]!.presence[0]!.participantId = 'niemand')),
      'invalid_import',
      'group.series.1.presence.0.participantId',
    ],
    [
      withGroup((g) => (g.series[0]!.presence[0]!.leftAt = g.series[0]!.presence[0]!.joinedAt - 1)),
      'invalid_import',
      'group.series.0.presence.0.leftAt',
    ],
    [
      withGroup((g) => (g.series[1]!.lookBack!.previous = 1)),
      'invalid_import',
      'group.series.1.lookBack.previous',
    ],
    // A meeting of the group that is wrong: the group is refused with it, nothing is made.
    [
      {
        ...file,
        meetings: file.meetings.map((m, i) => (i === 2 ? { ...m, templateId: 'bestaat-niet' } : m)),
      },
      'unknown_template',
      'meetings.2.templateId',
    ],
  ]
  const before = rowsIn(target)
  for (const [body, error, field] of cases) {
    const res = await api<{ error: string; field?: string }>(target.url, '/meetings/import', {
      body,
      token: TEST_IMPORT_CODE,
    })
    expect(res.status, field).toBe(400)
    expect(res.body, field).toMatchObject({ error, field })
  }
  expect(rowsIn(target)).toEqual(before)
  // A group that has not met yet travels too: a file with the group and no meetings.
  const empty = { ...file, meetings: [], group: { ...file.group!, series: [] } }
  const made = await api<{ group: { groupId: string } | null; meetings: unknown[] }>(
    target.url,
    '/meetings/import',
    { body: empty, token: TEST_IMPORT_CODE },
  )
  expect(made.status).toBe(201)
  expect(made.body.meetings).toEqual([])
  expect(rowsIn(target)).toMatchObject({ meetings: before.meetings, groups: before.groups + 1 })
  // Without a group, a file still needs a meeting.
  const none = await api<{ error: string; field: string }>(target.url, '/meetings/import', {
    body: { ...file, meetings: [], group: undefined },
    token: TEST_IMPORT_CODE,
  })
  expect(none.body).toMatchObject({ error: 'invalid_body', field: 'meetings' })
})

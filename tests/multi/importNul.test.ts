import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, expect, it } from 'vitest'
import type { MeetingExport } from '../../shared/exportFormat'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, createMeeting } from '../helpers/meetingClient'
import { TEST_IMPORT_CODE } from '../helpers/testServerEnv'
import { DATABASE_URL } from './cluster'

/**
 * Issue 16, finding 7: Postgres refuses a NUL character in text. An import holding one must be
 * refused before anything is written, by its field, and leave no meeting, name or board behind.
 */
const schema = `imp_nul_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
const db = new pg.Pool({ connectionString: DATABASE_URL, max: 1 })
db.on('error', () => {})
let server: TestServer | undefined

afterAll(async () => {
  await server?.stop()
  server?.cleanup()
  await db.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_keys CASCADE`).catch(() => {})
  await db.end()
})

const count = async (table: string) =>
  Number((await db.query(`SELECT count(*) AS n FROM ${schema}.${table}`)).rows[0].n)

it('an import with a NUL byte in a name makes nothing on Postgres', async () => {
  server = await startTestServer({ log: () => {}, env: { DATABASE_URL, DATABASE_SCHEMA: schema } })
  const setup = await createMeeting(server.url, 'roddelmethode')
  const file = (
    await api<MeetingExport>(server.url, `/meetings/${setup.meetingId}/export`, {
      token: setup.facilitator.token,
    })
  ).body
  const before = { meetings: await count('meeting'), participants: await count('participant') }
  // Three meetings; the NUL is in the last, so a writer that goes meeting by meeting has written two.
  file.meetings.push(structuredClone(file.meetings[0]!), structuredClone(file.meetings[0]!))
  file.meetings[2]!.participants[0]!.name = 'Bea\u0000Begeleider'
  const res = await api<{ error: string; field: string }>(server.url, '/meetings/import', {
    body: file,
    token: TEST_IMPORT_CODE,
  })
  expect(res).toMatchObject({
    status: 400,
    body: { error: 'invalid_import', field: 'meetings.2.participants.0.name' },
  })
  expect({ meetings: await count('meeting'), participants: await count('participant') }).toEqual(before)
}, 60_000)

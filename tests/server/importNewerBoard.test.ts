import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { MeetingExport } from '../../shared/exportFormat'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api } from '../helpers/meetingClient'
import { meetingIn } from '../helpers/meetingFixture'
import { TEST_IMPORT_CODE } from '../helpers/testServerEnv'

/**
 * An export written by a newer tldraw than this server's is refused, naming the field, and makes
 * nothing: its records could hold what this server's schema cannot validate or migrate. The same
 * file with this server's schema imports (so the refusal is for the schema, not anything else).
 */
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  await server.stop()
  server.cleanup()
})

function meetingsStored(): number {
  const db = new Database(DB_FILE(server.dataDir), { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM meeting').get() as { n: number }).n
  } finally {
    db.close()
  }
}

/** The file with its tldraw schema changed by `change` (the serialized schema's JSON). */
function withSchema(file: MeetingExport, change: (schema: { sequences: Record<string, number> }) => void) {
  const copy = structuredClone(file)
  const schema = JSON.parse(copy.meetings[0]!.board.tldrawSchema) as { sequences: Record<string, number> }
  change(schema)
  copy.meetings[0]!.board.tldrawSchema = JSON.stringify(schema)
  return copy
}

it('refuses an export from a newer tldraw, naming the field, and imports the same file from its own', async () => {
  const meeting = await meetingIn(server.url, 'roddelmethode', 'introductie', { 'Piet Pakker': 'deelnemer' })
  const exported = await api<MeetingExport>(server.url, `/meetings/${meeting.setup.meetingId}/export`, {
    token: meeting.setup.facilitator.token,
  })
  expect(exported.status).toBe(200)
  const file = exported.body
  const newerNote = withSchema(file, (schema) => {
    const note = Object.keys(schema.sequences).find((s) => s.endsWith('shape.note'))!
    schema.sequences[note]! += 1
  })
  const unknownSequence = withSchema(file, (schema) => {
    schema.sequences['com.tldraw.shape.hologram'] = 1
  })
  const before = meetingsStored()
  for (const body of [newerNote, unknownSequence]) {
    const res = await api<{ error: string; field: string }>(server.url, '/meetings/import', {
      body,
      token: TEST_IMPORT_CODE,
    })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: 'invalid_import', field: 'meetings.0.board.tldrawSchema' })
  }
  expect(meetingsStored()).toBe(before)

  const same = await api(server.url, '/meetings/import', { body: file, token: TEST_IMPORT_CODE })
  expect(same.status).toBe(201)
  expect(meetingsStored()).toBe(before + 1)
})

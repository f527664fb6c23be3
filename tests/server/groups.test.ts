import Database from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'
import { TestClock } from '../helpers/groupScenario'
import { playGroupSeries } from '../helpers/groupSeries'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api } from '../helpers/meetingClient'

let server: TestServer | undefined
afterAll(async () => {
  await server?.stop()
  server?.cleanup()
})

function presenceRows(dataDir: string, meetingId: string): number {
  const db = new Database(DB_FILE(dataDir), { readonly: true })
  try {
    return (
      db.prepare('SELECT count(*) AS n FROM presence WHERE meeting_id = ?').get(meetingId) as { n: number }
    ).n
  } finally {
    db.close()
  }
}

it('runs a group of three meetings: look-back, register without case text, erasure (SQLite)', async () => {
  const clock = new TestClock()
  server = await startTestServer({ now: clock.now, log: () => {} })
  const { base, group, second } = await playGroupSeries(server, clock)

  // Erasing a meeting erases its attendance, and the register loses its lines.
  expect(presenceRows(server.dataDir, second.meetingId)).toBeGreaterThan(0)
  const erased = await api(base, `/meetings/${second.meetingId}`, {
    method: 'DELETE',
    token: second.people.Bea!.token,
  })
  expect(erased.status).toBe(200)
  expect(presenceRows(server.dataDir, second.meetingId)).toBe(0)
  const after = await fetch(`${base}/api/groups/${group.groupId}/attendance.csv`, {
    headers: { Authorization: `Bearer ${group.secret}` },
  })
  const text = await after.text()
  expect(text).not.toContain('2026-11-11')
  expect(text).toContain('2026-11-18')
}, 60_000)

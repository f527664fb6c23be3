import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'
import { arrive, createGroup, groupMeeting, leave, TestClock } from '../helpers/groupScenario'
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

/** Which needles occur in the raw bytes of any file under the data dir. */
function bytesUnder(dir: string, needles: readonly string[]): string[] {
  const hits = new Set<string>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const bytes = readFileSync(path.join(entry.parentPath, entry.name))
    for (const needle of needles) if (bytes.includes(needle)) hits.add(needle)
  }
  return [...hits]
}

it('erases a group with its link only: no byte of its name or members is left, the meetings stay', async () => {
  const base = server!.url
  const NAME = 'Groepsnaam-Wisproef-6612'
  const MEMBER = 'Lid-Wisproef-3390'
  const group = await createGroup(base, NAME, [MEMBER, 'Bea'])
  const meeting = await groupMeeting(base, group, null, 'Bea', {})
  const board = await arrive(server!, meeting, 'Bea')
  await leave(server!, meeting, board)
  await new Promise((resolve) => setTimeout(resolve, 100)) // the connection's end is written
  expect(presenceRows(server!.dataDir, meeting.meetingId)).toBe(1)
  expect(bytesUnder(server!.dataDir, [NAME, MEMBER]).length).toBeGreaterThan(0)

  // A facilitator's session opens the register, but does not erase the group.
  const byFacilitator = await api(base, `/groups/${group.groupId}`, {
    method: 'DELETE',
    token: meeting.people.Bea!.token,
  })
  expect(byFacilitator.status).toBe(403)
  const erased = await api(base, `/groups/${group.groupId}`, { method: 'DELETE', token: group.secret })
  expect(erased.status).toBe(200)

  expect(bytesUnder(server!.dataDir, [NAME, MEMBER])).toEqual([])
  expect(presenceRows(server!.dataDir, meeting.meetingId)).toBe(0)
  expect((await api(base, `/groups/${group.groupId}`, { token: group.secret })).status).toBe(403)
  // The meeting itself is still there, for its facilitator to keep or erase.
  expect(
    (await api(base, `/meetings/${meeting.meetingId}`, { token: meeting.people.Bea!.token })).status,
  ).toBe(200)
}, 30_000)

import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'
import { checkGroupLinkRenewal } from '../helpers/groupLinkRenewal'
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

it('answers bad group input with a code, and a wrong link like a group that does not exist', async () => {
  const base = server!.url
  const empty = await api<{ error: string; field: string }>(base, '/groups', { body: { name: '  ' } })
  expect(empty.status).toBe(400)
  expect(empty.body).toMatchObject({ error: 'invalid_body', field: 'name' })
  const notJson = await fetch(`${base}/api/groups`, { method: 'POST', body: '{"name":' })
  expect(notJson.status).toBe(400)
  const tooMany = await api(base, '/groups', { body: { name: 'G', members: Array(31).fill('x') } })
  expect(tooMany.status).toBe(400)

  const group = await createGroup(base, 'Groep Zuid', [])
  const wrong = await api<{ error: string }>(base, `/groups/${group.groupId}`, { token: 'x'.repeat(43) })
  const missing = await api<{ error: string }>(base, '/groups/bestaat-niet-0000000000', {
    token: group.secret,
  })
  expect([wrong.status, wrong.body.error]).toEqual([403, 'invalid_group_link'])
  expect([missing.status, missing.body.error]).toEqual([403, 'invalid_group_link'])
  const badStart = await api(base, `/groups/${group.groupId}/meetings`, {
    body: { templateId: 'intervisie-8-stappen', plannedStart: 'morgen' },
    token: group.secret,
  })
  expect(badStart.status).toBe(400)
  const unknownMethod = await api<{ error: string }>(base, `/groups/${group.groupId}/meetings`, {
    body: { templateId: 'bestaat-niet' },
    token: group.secret,
  })
  expect([unknownMethod.status, unknownMethod.body.error]).toEqual([400, 'unknown_template'])
  // The first meeting of a group has nothing to look back on.
  const first = await groupMeeting(base, group, null, 'Bea', {})
  const followUp = await api<{ error: string }>(base, `/meetings/${first.meetingId}/look-back`, {
    body: { text: 'iets' },
    token: first.people.Bea!.token,
  })
  expect([followUp.status, followUp.body.error]).toEqual([404, 'no_look_back'])
  const noSession = await api<{ error: string }>(base, `/meetings/${first.meetingId}/look-back`, {
    body: { text: 'iets' },
  })
  expect([noSession.status, noSession.body.error]).toEqual([403, 'invalid_session'])
})

it('renews a group link: the old one opens nothing, the new one everything (SQLite)', async () => {
  await checkGroupLinkRenewal(server!.url)
})

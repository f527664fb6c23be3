import { afterAll, expect, it } from 'vitest'
import { createGroup } from '../helpers/groupScenario'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, createMeeting } from '../helpers/meetingClient'
import { makeTempDir } from '../helpers/tempDir'

/**
 * RETENTION_MAX_DAYS caps what was chosen before it was lowered: a meeting and a group kept 200
 * days under the old maximum are erased by the sweep once the new maximum (100 days) has passed,
 * not 200 days on. The operator restarts the server on the same DATA_DIR with the lower maximum.
 */
const DAY = 24 * 60 * 60 * 1000
const MINUTE = 60_000
let clock = Date.UTC(2026, 3, 6, 9, 0)
const dataDir = makeTempDir()
const servers: TestServer[] = []

async function start(maxDays: string): Promise<TestServer> {
  const server = await startTestServer({
    dataDir: dataDir.dir,
    log: () => {},
    now: () => clock,
    env: { RETENTION_MAX_DAYS: maxDays },
  })
  servers.push(server)
  return server
}

afterAll(async () => {
  for (const server of servers) await server.stop().catch(() => {})
  dataDir.cleanup()
})

type View = { days: number; keptUntil: number; lastActiveAt: number; maxDays: number; error?: string }

it('erases what was kept longer than a lowered RETENTION_MAX_DAYS once that maximum has passed', async () => {
  const before = await start('365')
  const meeting = await createMeeting(before.url, 'roddelmethode')
  const meetingRetention = (server: TestServer, method = 'GET', body?: unknown) =>
    api<View>(server.url, `/meetings/${meeting.meetingId}/retention`, {
      method,
      body,
      token: meeting.facilitator.token,
    })
  expect((await meetingRetention(before, 'PUT', { days: 200 })).body.days).toBe(200)
  const group = await createGroup(before.url, 'Groep Lang Bewaard', ['Lid Langhals'])
  const groupRetention = (server: TestServer, method = 'GET', body?: unknown) =>
    api<View>(server.url, `/groups/${group.groupId}/retention`, { method, body, token: group.secret })
  expect((await groupRetention(before, 'PUT', { days: 200 })).body.days).toBe(200)
  await before.stop()

  const after = await start('100')
  const views = [(await meetingRetention(after)).body, (await groupRetention(after)).body]
  for (const view of views) {
    expect(view).toMatchObject({ days: 100, maxDays: 100 })
    expect(view.keptUntil).toBe(view.lastActiveAt + 100 * DAY)
  }
  const erasedAt = Math.max(...views.map((v) => v.keptUntil))

  // Within the new maximum both stay; past it, both go, long before their 200 days.
  clock = Math.min(...views.map((v) => v.keptUntil)) - MINUTE
  expect(await after.sweep()).toEqual({ meetings: 0, boards: 0, groups: 0, failed: 0 })
  clock = erasedAt + MINUTE
  expect(await after.sweep()).toEqual({ meetings: 1, boards: 0, groups: 1, failed: 0 })
  expect((await meetingRetention(after)).status).toBe(403)
  expect((await groupRetention(after)).status).toBe(403)
})

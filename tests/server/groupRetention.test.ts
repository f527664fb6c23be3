import { afterAll, beforeAll, expect, it } from 'vitest'
import { foundUnder, hitsUnder } from '../helpers/dataFiles'
import { createGroup, METHOD } from '../helpers/groupScenario'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api } from '../helpers/meetingClient'
import { hasSqliteKey, readableThrough } from '../helpers/throughKeys'

const DAY = 24 * 60 * 60 * 1000
// The server's clock: moved on by the test, read by every retention decision.
const start = Date.UTC(2026, 2, 2, 9, 0)
let clock = start
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ log: () => {}, now: () => clock })
})
afterAll(async () => {
  await server.stop()
  server.cleanup()
})

type Group = Awaited<ReturnType<typeof createGroup>>

/** A meeting of the group whose title and facilitator's name are markers to look for on disk. */
async function meetingOf(group: Group, title: string, facilitator: string) {
  const made = await api<{ meetingId: string; facilitatorPath: string }>(
    server.url,
    `/groups/${group.groupId}/meetings`,
    { body: { templateId: METHOD, title, plannedStart: null }, token: group.secret },
  )
  expect(made.status).toBe(201)
  const fac = await api<{ token: string }>(server.url, `/meetings/${made.body.meetingId}/facilitate`, {
    body: { secret: made.body.facilitatorPath.split('#begeleider=')[1]!, name: facilitator },
  })
  expect(fac.status).toBe(201)
  return { meetingId: made.body.meetingId, token: fac.body.token }
}

const groupRetention = (group: Group, token = group.secret) =>
  api<{ days: number; keptUntil: number; maxDays: number; error?: string }>(
    server.url,
    `/groups/${group.groupId}/retention`,
    { token },
  )
const setGroupDays = (group: Group, days: number, token = group.secret) =>
  api<{ days: number; keptUntil: number; error?: string; max?: number }>(
    server.url,
    `/groups/${group.groupId}/retention`,
    { method: 'PUT', body: { days }, token },
  )

it('keeps a group and its meetings for the group’s days after its last activity, then erases them', async () => {
  // Group 1 keeps the default (30 days); group 2 is kept 10 days, one of its meetings 60 of its own.
  const one = await createGroup(server.url, 'GROEP-EEN-5081', ['LID-EEN-6120'])
  const a = await meetingOf(one, 'TITEL-A-7710', 'BEGELEIDER-A-3321')
  const two = await createGroup(server.url, 'GROEP-TWEE-4417', ['LID-TWEE-9034'])
  const b = await meetingOf(two, 'TITEL-B-2290', 'BEGELEIDER-B-8813')
  const c = await meetingOf(two, 'TITEL-C-5576', 'BEGELEIDER-C-1148')
  const own = await api(server.url, `/meetings/${b.meetingId}/retention`, {
    method: 'PUT',
    body: { days: 60 },
    token: b.token,
  })
  expect(own.status).toBe(200)

  // Only the group link sets the group's days, within the operator's maximum.
  expect((await setGroupDays(two, 10, c.token)).status).toBe(403)
  const maxDays = (await groupRetention(two)).body.maxDays
  const tooLong = await setGroupDays(two, maxDays + 1)
  expect(tooLong.status).toBe(400)
  expect(tooLong.body).toMatchObject({ error: 'retention_out_of_range', max: maxDays })
  expect((await setGroupDays(two, 0)).body.error).toBe('retention_out_of_range')
  expect((await setGroupDays(two, 10)).body).toMatchObject({ days: 10, keptUntil: start + 10 * DAY })
  // A facilitator of one of its meetings may read it (the board shows it), not change it.
  expect((await groupRetention(two, c.token)).body).toMatchObject({ days: 10 })
  expect((await groupRetention(one)).body).toMatchObject({ days: 30, keptUntil: start + 30 * DAY })

  const groupTwo = ['GROEP-TWEE-4417', 'LID-TWEE-9034', 'TITEL-C-5576', 'BEGELEIDER-C-1148']
  const staying = ['GROEP-EEN-5081', 'LID-EEN-6120', 'TITEL-A-7710', 'TITEL-B-2290', 'BEGELEIDER-B-8813']
  // All stored now, so finding none of them later means something: the group's name and members in
  // the clear (group data, not a meeting's), the meetings' titles and names readable only with
  // their meetings' keys.
  const groupData = ['GROEP-TWEE-4417', 'LID-TWEE-9034', 'GROEP-EEN-5081', 'LID-EEN-6120']
  expect(foundUnder(server.dataDir, groupData)).toEqual(new Set(groupData))
  const meetingData = [...groupTwo, ...staying].filter((n) => !groupData.includes(n))
  const rooms = [a, b, c].map((m) => `m-${m.meetingId}`)
  expect(readableThrough(server.dataDir, rooms, meetingData)).toEqual(new Set(meetingData))
  expect(hitsUnder(server.dataDir, meetingData)).toEqual([])

  clock = start + 10 * DAY - 60_000
  expect(await server.sweep()).toEqual({ meetings: 0, boards: 0, groups: 0, failed: 0 })
  clock = start + 11 * DAY
  expect(await server.sweep()).toEqual({ meetings: 1, boards: 0, groups: 1, failed: 0 })
  expect(hitsUnder(server.dataDir, groupTwo)).toEqual([])
  expect(hasSqliteKey(server.dataDir, `m-${c.meetingId}`)).toBe(false)
  const stayingGroup = staying.filter((n) => groupData.includes(n))
  expect(foundUnder(server.dataDir, stayingGroup)).toEqual(new Set(stayingGroup))
  const stayingMeetings = staying.filter((n) => !groupData.includes(n))
  expect(readableThrough(server.dataDir, rooms.slice(0, 2), stayingMeetings)).toEqual(
    new Set(stayingMeetings),
  )
  expect((await groupRetention(two)).status).toBe(403)
  expect((await api(server.url, `/meetings/${c.meetingId}`, { token: c.token })).status).toBe(403)
  // The meeting with days of its own stays, as a meeting without a group.
  expect((await api(server.url, `/meetings/${b.meetingId}`, { token: b.token })).status).toBe(200)

  // Group 1's page is opened on day 20: that is activity, its 30 days start again, for its
  // meeting too (which on its own, idle since day 0, would go on day 30).
  clock = start + 20 * DAY
  expect((await api(server.url, `/groups/${one.groupId}`, { token: one.secret })).status).toBe(200)
  expect((await groupRetention(one)).body.keptUntil).toBe(clock + 30 * DAY)
  // Its facilitator's board says the same date: the meeting is kept as long as its group.
  const meetingView = await api<{ keptUntil: number; followsGroup?: boolean }>(
    server.url,
    `/meetings/${a.meetingId}/retention`,
    { token: a.token },
  )
  expect(meetingView.body).toMatchObject({ keptUntil: clock + 30 * DAY, followsGroup: true })
  clock = start + 31 * DAY
  expect(await server.sweep()).toMatchObject({ meetings: 0, groups: 0 })
  expect((await api(server.url, `/meetings/${a.meetingId}`, { token: a.token })).status).toBe(200)

  clock = start + 51 * DAY
  expect(await server.sweep()).toMatchObject({ meetings: 1, groups: 1, failed: 0 })
  expect(
    hitsUnder(server.dataDir, ['GROEP-EEN-5081', 'LID-EEN-6120', 'TITEL-A-7710', 'BEGELEIDER-A-3321']),
  ).toEqual([])
  expect(hasSqliteKey(server.dataDir, `m-${a.meetingId}`)).toBe(false)
  expect((await api(server.url, `/groups/${one.groupId}`, { token: one.secret })).status).toBe(403)
}, 30_000)

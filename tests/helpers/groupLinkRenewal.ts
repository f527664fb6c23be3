import { expect } from 'vitest'
import { createGroup, groupMeeting } from './groupScenario'
import { api } from './meetingClient'

/**
 * A group link that leaked can be replaced without erasing the group: after renewing, the old
 * link opens nothing (not the page, not the export, not another renewal), the new one opens all;
 * a facilitator's session in one of its meetings may not renew it, and still opens the group.
 * Run against one instance's API (SQLite in tests/server, Postgres in tests/multi).
 */
export async function checkGroupLinkRenewal(base: string): Promise<void> {
  const group = await createGroup(base, 'Groep Linkvernieuwing', ['Bea', 'Ina'])
  const meeting = await groupMeeting(base, group, null, 'Bea', {})
  const facilitator = meeting.people.Bea!.token

  const byFacilitator = await api<{ error: string }>(base, `/groups/${group.groupId}/link`, {
    method: 'POST',
    token: facilitator,
  })
  expect([byFacilitator.status, byFacilitator.body.error]).toEqual([403, 'invalid_group_link'])

  const renewed = await api<{ groupPath: string }>(base, `/groups/${group.groupId}/link`, {
    method: 'POST',
    token: group.secret,
  })
  expect(renewed.status).toBe(200)
  expect(renewed.body.groupPath).toMatch(new RegExp(`^/g/${group.groupId}#groep=[A-Za-z0-9_-]{43}$`))
  const fresh = renewed.body.groupPath.split('#groep=')[1]!
  expect(fresh).not.toBe(group.secret)

  for (const [path, method] of [
    [`/groups/${group.groupId}`, 'GET'],
    [`/groups/${group.groupId}/export`, 'GET'],
    [`/groups/${group.groupId}/link`, 'POST'],
  ] as const) {
    const old = await api<{ error: string }>(base, path, { method, token: group.secret })
    expect([old.status, old.body.error], `${method} ${path} with the old link`).toEqual([
      403,
      'invalid_group_link',
    ])
  }
  const opened = await api<{ name: string; meetings: unknown[] }>(base, `/groups/${group.groupId}`, {
    token: fresh,
  })
  expect([opened.status, opened.body.name, opened.body.meetings.length]).toEqual([
    200,
    'Groep Linkvernieuwing',
    1,
  ])
  expect((await api(base, `/groups/${group.groupId}/export`, { token: fresh })).status).toBe(200)
  expect((await api(base, `/groups/${group.groupId}`, { token: facilitator })).status).toBe(200)
}

import { expect } from 'vitest'
import type { MeetingExport } from '../../shared/exportFormat'
import type { LookBack } from '../../shared/groups/lookBack'
import { CASE_TEXT, type TestClock } from './groupScenario'
import { playGroupSeries } from './groupSeries'
import type { TestServer } from './inProcessServer'
import { api } from './meetingClient'
import { TEST_IMPORT_CODE } from './testServerEnv'

export interface ImportAnswer {
  meetings: Array<{ meetingId: string; title: string; facilitatorPath: string; invitePath: string }>
  group: { groupId: string; groupPath: string } | null
}

const registerOf = async (base: string, groupId: string, secret: string) =>
  (
    await fetch(`${base}/api/groups/${groupId}/attendance.csv`, {
      headers: { Authorization: `Bearer ${secret}` },
    })
  ).text()

/** A file's outcome with the people's ids of `from` replaced by those of `to` (same order). */
function outcomeAs(from: MeetingExport['meetings'][0], to: MeetingExport['meetings'][0]) {
  const ids = new Map(from.participants.map((p, i) => [p.id, to.participants[i]!.id]))
  return JSON.parse(JSON.stringify(from.outcome), (_key, value) => ids.get(value) ?? value)
}

/**
 * Plays a group's series on `source`, exports the group with its link and imports the file on
 * `target` (its own storage): the same meetings, outcomes, reports, members and register, under a
 * new group link. Returns the file and the import's answer for further checks.
 */
export async function transferGroup(source: TestServer, target: TestServer, clock: TestClock) {
  const { base, group, second, third } = await playGroupSeries(source, clock)
  // Only the group link exports the whole group: not a facilitator of one of its meetings.
  const byFacilitator = await api(base, `/groups/${group.groupId}/export`, { token: third.people.Bea!.token })
  expect(byFacilitator.status).toBe(403)
  const exported = await api<MeetingExport>(base, `/groups/${group.groupId}/export`, { token: group.secret })
  expect(exported.status).toBe(200)
  const file = exported.body
  expect(file.meetings).toHaveLength(3)
  expect(file.group?.name).toBe('Intervisiegroep Noord')
  // Members with their ids (the register and the look-backs name them), no personal link.
  expect(file.group?.members.map((m) => (typeof m === 'string' ? m : m.name))).toEqual([
    'Bea',
    'Ahmed',
    'Carla',
  ])
  expect(file.meetings[0]!.participants.every((p) => typeof p.memberId === 'string')).toBe(true)
  expect(file.meetings[0]!.report!.nl).toContain(CASE_TEXT.advice)
  // No secret travels: not the group link's, not a meeting's, not a hash of one.
  const text = JSON.stringify(file)
  expect(text).not.toContain(group.secret)
  expect(text).not.toMatch(/[0-9a-f]{64}/)

  const imported = await api<ImportAnswer>(target.url, '/meetings/import', {
    body: file,
    token: TEST_IMPORT_CODE,
  })
  expect(imported.status, JSON.stringify(imported.body)).toBe(201)
  const made = imported.body
  expect(made.group).not.toBeNull()
  const groupId = made.group!.groupId
  const secret = made.group!.groupPath.split('#groep=')[1]!
  expect(groupId).not.toBe(group.groupId)
  expect(made.meetings.map((m) => m.title)).toEqual(file.meetings.map((m) => m.title))

  // The group page: the same name, members, series (dates, methods, states) and next turn.
  const before = await api<Record<string, unknown>>(base, `/groups/${group.groupId}`, { token: group.secret })
  const after = await api<Record<string, unknown>>(target.url, `/groups/${groupId}`, { token: secret })
  expect(after.status).toBe(200)
  const withoutIds = (view: Record<string, unknown>) => ({
    ...view,
    id: null,
    meetings: (view.meetings as Array<Record<string, unknown>>).map((m) => ({ ...m, meetingId: null })),
    // The same members (ids kept) with new personal links.
    members: (view.members as Array<Record<string, unknown>>).map((m) => ({ ...m, link: null })),
  })
  expect(withoutIds(after.body)).toEqual(withoutIds(before.body))
  expect((after.body.meetings as Array<{ meetingId: string }>).map((m) => m.meetingId)).toEqual(
    made.meetings.map((m) => m.meetingId),
  )

  // The register, line for line.
  expect(await registerOf(target.url, groupId, secret)).toBe(
    await registerOf(base, group.groupId, group.secret),
  )

  // Each meeting: its outcome and its reports in both languages, exported again from the new server.
  const again = (await api<MeetingExport>(target.url, `/groups/${groupId}/export`, { token: secret })).body
  expect(again.meetings).toHaveLength(3)
  file.meetings.forEach((original, i) => {
    const copy = again.meetings[i]!
    expect(copy.participants.map((p) => [p.name, p.role, p.color])).toEqual(
      original.participants.map((p) => [p.name, p.role, p.color]),
    )
    expect(copy.progress).toEqual(original.progress)
    expect(copy.report).toEqual(original.report)
    expect(copy.outcome).toEqual(outcomeAs(original, copy))
  })
  expect(again.group!.series.map((s) => s.presence.length)).toEqual(
    file.group!.series.map((s) => s.presence.length),
  )

  // The second meeting opens with the same look-back on the first (its new id), follow-up and all.
  const lookBackOn = async (server: TestServer, meetingId: string) => {
    const room = await server.registry.acquire(`m-${meetingId}`)
    try {
      return room.doc.getMap('meeting').get('lookBack') as LookBack | undefined
    } finally {
      server.registry.released(`m-${meetingId}`)
    }
  }
  const original = await lookBackOn(source, second.meetingId)
  expect(original?.followUp).toBe('Het overleg was goed')
  expect(await lookBackOn(target, made.meetings[1]!.meetingId)).toEqual({
    ...original,
    previousMeetingId: made.meetings[0]!.meetingId,
  })

  // The new meetings' links work there; the old group link means nothing.
  const first = made.meetings[0]!
  const fac = await api(target.url, `/meetings/${first.meetingId}/facilitate`, {
    body: { secret: first.facilitatorPath.split('#begeleider=')[1]!, name: 'Nieuwe Begeleider' },
  })
  expect(fac.status).toBe(201)
  expect((await api(target.url, `/groups/${groupId}`, { token: group.secret })).status).toBe(403)
  return { file, made, groupId, secret }
}

import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { arrive, createGroup, type GroupMeetingSetup, groupMeeting, leave } from '../helpers/groupScenario'
import { DB_FILE, startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, createMeeting, joinMeeting } from '../helpers/meetingClient'
import { eventually } from '../helpers/yjsClient'

/**
 * Who was connected when is written down only for meetings of a group (for its register): a
 * meeting outside a group, or one whose group was erased, leaves no attendance row, however many
 * come and go. Each absence is checked after a group meeting's connection, made later, was recorded.
 */
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ log: () => {} })
})
afterAll(async () => {
  await server.stop()
  server.cleanup()
})

function attendanceRows(meetingId: string): number {
  const db = new Database(DB_FILE(server.dataDir), { readonly: true })
  try {
    return (
      db.prepare('SELECT count(*) AS n FROM presence WHERE meeting_id = ?').get(meetingId) as { n: number }
    ).n
  } finally {
    db.close()
  }
}

/** Someone comes to a new group meeting and leaves; resolves once that visit is written down. */
async function recordedVisit(): Promise<void> {
  const group = await createGroup(server.url, 'Controlegroep', ['Bea'])
  const meeting = await groupMeeting(server.url, group, null, 'Bea', {})
  await leave(server, meeting, await arrive(server, meeting, 'Bea'))
  await eventually(() => attendanceRows(meeting.meetingId) === 1, 5000, 'the group meeting’s visit')
}

it('records no attendance for a meeting outside a group', async () => {
  const setup = await createMeeting(server.url, 'roddelmethode')
  const piet = await joinMeeting(server.url, setup, 'Piet Zondergroep')
  const outside: GroupMeetingSetup = {
    meetingId: setup.meetingId,
    roomId: setup.roomId,
    inviteSecret: '',
    people: { Bea: setup.facilitator, Piet: piet },
  }
  for (const name of ['Bea', 'Piet']) await leave(server, outside, await arrive(server, outside, name))
  await recordedVisit()
  expect(attendanceRows(setup.meetingId)).toBe(0)
})

it('stops recording a meeting once its group is erased', async () => {
  const group = await createGroup(server.url, 'Groep Die Gaat', ['Bea'])
  const meeting = await groupMeeting(server.url, group, null, 'Bea', {})
  await leave(server, meeting, await arrive(server, meeting, 'Bea'))
  await eventually(() => attendanceRows(meeting.meetingId) === 1, 5000, 'visit while in the group')
  expect(
    (await api(server.url, `/groups/${group.groupId}`, { method: 'DELETE', token: group.secret })).status,
  ).toBe(200)
  expect(attendanceRows(meeting.meetingId)).toBe(0)
  // The meeting goes on without its group: visits are no longer written down.
  await leave(server, meeting, await arrive(server, meeting, 'Bea'))
  await recordedVisit()
  expect(attendanceRows(meeting.meetingId)).toBe(0)
})

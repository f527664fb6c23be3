import { afterAll, beforeAll, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes'
import { arrive, command, createGroup, groupMeeting, leave, TestClock } from '../helpers/groupScenario'
import { startTestServer, type TestServer } from '../helpers/inProcessServer'
import { api, createMeeting, joinMeeting, upgradeStatus } from '../helpers/meetingClient'
import { connectClient, eventually, waitForSync } from '../helpers/yjsClient'

/**
 * People, not typed names: a stranger with the invite link is a guest whatever name they type; a
 * name is one name however it is spaced, cased or disguised; the facilitator can remove someone
 * for good; and a meeting takes a bounded number of people. On the real server.
 */
const clock = new TestClock()
let server: TestServer
beforeAll(async () => {
  server = await startTestServer({
    now: clock.now,
    log: () => {},
    env: { LIMIT_PARTICIPANTS_PER_MEETING: '6' },
  })
})
afterAll(async () => {
  await server?.stop()
  server?.cleanup()
})

interface Joined {
  status: number
  body: { token: string; participant: { id: string; name: string }; error?: string }
}
const join = (meetingId: string, body: Record<string, unknown>) =>
  api<Joined['body']>(server.url, `/meetings/${meetingId}/join`, { body }) as Promise<Joined>

it('a stranger under a member name is a guest: refused that name, no look-back, a guest in the register', async () => {
  const base = server.url
  const group = await createGroup(base, 'Groep Zuid', ['Bea', 'Inge', 'Carla'])
  // Last time Inge (member, by her personal link) brought the case.
  const first = await groupMeeting(base, group, clock.t, 'Bea', { Inge: 'inbrenger', Carla: 'deelnemer' })
  await command(base, first, 'Bea', { type: 'start' })
  clock.advance(10)
  await command(base, first, 'Bea', { type: 'finish' })

  clock.advance(7 * 24 * 60)
  const second = await groupMeeting(base, group, clock.t, 'Bea', { Carla: 'deelnemer' })
  // A stranger with the invite link types Inge's name, however spaced or cased: refused.
  for (const name of [' inge ', 'INGE', 'Inge\u00a0', '\u202eInge']) {
    const taken = await join(second.meetingId, { secret: second.inviteSecret, name })
    expect(taken.status, name).toBe(409)
    expect(taken.body.error).toBe('name_taken')
  }
  // Under another name they get in, as a guest, and may not write what came of Inge's case.
  const stranger = await join(second.meetingId, { secret: second.inviteSecret, name: 'Inge V.' })
  expect(stranger.status).toBe(201)
  const byStranger = await api<{ error: string }>(base, `/meetings/${second.meetingId}/look-back`, {
    body: { text: 'vervalst' },
    token: stranger.body.token,
  })
  expect(byStranger.status).toBe(403)
  expect(byStranger.body.error).toBe('not_previous_inbrenger')
  // A member credential from another group, or a made-up one, opens nothing.
  const other = await createGroup(base, 'Andere groep', ['Inge'])
  for (const member of [other.members.Inge!, `${group.members.Inge!.split('.')[0]}.${'x'.repeat(43)}`]) {
    const refused = await join(second.meetingId, { member })
    expect(refused.status).toBe(403)
  }
  // Inge herself, by her personal link: she writes it.
  const inge = await join(second.meetingId, { member: group.members.Inge! })
  expect(inge.status).toBe(201)
  expect(inge.body.participant.name).toBe('Inge')
  const byInge = await api(base, `/meetings/${second.meetingId}/look-back`, {
    body: { text: 'Het gesprek met de teamleider hielp' },
    token: inge.body.token,
  })
  expect(byInge.status).toBe(200)

  // The register: Inge once as a member, the stranger as a guest under their own name.
  const m = {
    ...second,
    people: {
      ...second.people,
      Inge: { id: inge.body.participant.id, token: inge.body.token },
      Gast: { id: stranger.body.participant.id, token: stranger.body.token },
    },
  }
  const boards = [
    await arrive(server, m, 'Bea'),
    await arrive(server, m, 'Inge'),
    await arrive(server, m, 'Gast'),
  ]
  await command(base, second, 'Bea', { type: 'start' })
  clock.advance(20)
  await command(base, second, 'Bea', { type: 'finish' })
  for (const board of boards) await leave(server, m, board)
  const csv = await (
    await fetch(`${base}/api/groups/${group.groupId}/attendance.csv`, {
      headers: { Authorization: `Bearer ${group.secret}` },
    })
  ).text()
  expect(csv.match(/;Inge;lid;deelnemer;20\r\n/g)).toHaveLength(1)
  expect(csv.match(/;Inge V\.;gast;deelnemer;20\r\n/g)).toHaveLength(1)
  // The rotation counts Inge's turn (her member id), not the stranger's name.
  const view = await api<{ next: { inbrenger: string } }>(base, `/groups/${group.groupId}`, {
    token: group.secret,
  })
  expect(view.body.next.inbrenger).not.toBe('Inge')
}, 60_000)

it('one name per person: =1+1 spaced, with a no-break space, INGE and " inge " are taken; a direction override is stripped', async () => {
  const meeting = await createMeeting(server.url, 'intervisie-8-stappen')
  expect((await join(meeting.meetingId, { secret: meeting.inviteSecret, name: '=1+1' })).status).toBe(201)
  for (const name of [' =1+1', '=1+1\u00a0', '\u00a0=1+1', '＝1+1']) {
    const second = await join(meeting.meetingId, { secret: meeting.inviteSecret, name })
    expect(second.status, JSON.stringify(name)).toBe(409)
    expect(second.body.error).toBe('name_taken')
  }
  expect((await join(meeting.meetingId, { secret: meeting.inviteSecret, name: 'INGE' })).status).toBe(201)
  expect((await join(meeting.meetingId, { secret: meeting.inviteSecret, name: ' inge ' })).status).toBe(409)
  const rtl = await join(meeting.meetingId, { secret: meeting.inviteSecret, name: '\u202eegnI\u202c' })
  expect(rtl.status).toBe(201)
  expect(rtl.body.participant.name).toBe('egnI')
  const invisible = await join(meeting.meetingId, {
    secret: meeting.inviteSecret,
    name: '\u200b\u00a0\u202e',
  })
  expect(invisible.status).toBe(400)
  expect(invisible.body.error).toBe('invalid_name')
  // Everyone sees the cleaned names.
  const view = await api<{ view: { participants: Array<{ name: string }> } }>(
    server.url,
    `/meetings/${meeting.meetingId}`,
    { token: meeting.facilitator.token },
  )
  expect(view.body.view.participants.map((p) => p.name).sort()).toEqual([
    '=1+1',
    'Bea Begeleider',
    'INGE',
    'egnI',
  ])
})

it('a removed participant is out for good: socket closed with 4403, no reconnect, old token refused', async () => {
  const meeting = await createMeeting(server.url, 'intervisie-8-stappen')
  const eva = await joinMeeting(server.url, meeting, 'Eva')
  const client = connectClient(server.url, meeting.roomId, { token: eva.token })
  await waitForSync(client)
  const closes: number[] = []
  client.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) closes.push(event.code)
  })
  // Only a facilitator removes; nobody removes themselves.
  const byEva = await api(
    server.url,
    `/meetings/${meeting.meetingId}/participants/${meeting.facilitator.id}`,
    {
      method: 'DELETE',
      token: eva.token,
    },
  )
  expect(byEva.status).toBe(403)
  const self = await api<{ error: string }>(
    server.url,
    `/meetings/${meeting.meetingId}/participants/${meeting.facilitator.id}`,
    { method: 'DELETE', token: meeting.facilitator.token },
  )
  expect(self.body.error).toBe('cannot_remove_self')

  const removed = await api(server.url, `/meetings/${meeting.meetingId}/participants/${eva.id}`, {
    method: 'DELETE',
    token: meeting.facilitator.token,
  })
  expect(removed.status).toBe(200)
  await eventually(() => closes.length > 0, 5000, 'the close')
  expect(closes[0]).toBe(CloseCode.removedByFacilitator)
  // A stock y-websocket client does not come back from a 44xx close (y-websocket 3).
  expect(client.provider.shouldConnect).toBe(false)
  // The old token opens nothing: not a room, not the API.
  const again = await upgradeStatus(`${server.url.replace(/^http/, 'ws')}/yjs/${meeting.roomId}`, {
    token: eva.token,
  })
  expect(again.status).toBe(401)
  const me = await api(server.url, `/meetings/${meeting.meetingId}`, { token: eva.token })
  expect(me.status).toBe(403)
  const write = await api(server.url, `/meetings/${meeting.meetingId}/votes`, {
    body: { noteId: 'shape:x', cast: true },
    token: eva.token,
  })
  expect(write.status).toBe(403)
  // Gone from the panel; removing twice says there is nobody.
  const view = await api<{ view: { participants: Array<{ id: string }> } }>(
    server.url,
    `/meetings/${meeting.meetingId}`,
    { token: meeting.facilitator.token },
  )
  expect(view.body.view.participants.map((p) => p.id)).not.toContain(eva.id)
  const twice = await api(server.url, `/meetings/${meeting.meetingId}/participants/${eva.id}`, {
    method: 'DELETE',
    token: meeting.facilitator.token,
  })
  expect(twice.status).toBe(404)
  client.destroy()
})

it('takes people up to the cap and refuses the next with meeting_full', async () => {
  const meeting = await createMeeting(server.url, 'intervisie-8-stappen')
  // The facilitator is one of 6.
  const five = await Promise.all(
    [1, 2, 3, 4, 5].map((i) => join(meeting.meetingId, { secret: meeting.inviteSecret, name: `Lid ${i}` })),
  )
  expect(five.map((j) => j.status)).toEqual([201, 201, 201, 201, 201])
  const over = await join(meeting.meetingId, { secret: meeting.inviteSecret, name: 'Lid 6' })
  expect(over.status).toBe(409)
  expect(over.body.error).toBe('meeting_full')
  // Removing someone makes room.
  const gone = await api(
    server.url,
    `/meetings/${meeting.meetingId}/participants/${five[0]!.body.participant.id}`,
    {
      method: 'DELETE',
      token: meeting.facilitator.token,
    },
  )
  expect(gone.status).toBe(200)
  expect((await join(meeting.meetingId, { secret: meeting.inviteSecret, name: 'Lid 6' })).status).toBe(201)
})

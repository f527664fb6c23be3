import { expect } from 'vitest'
import { attendanceCsvHeaders } from '../../shared/groups/attendanceCsv'
import type { Template } from '../../shared/templateSchema'
import {
  arrive,
  CASE_TEXT,
  command,
  createGroup,
  groupMeeting,
  leave,
  lookBackOf,
  METHOD,
  type TestClock,
  writeOutcome,
} from './groupScenario'
import type { TestServer } from './inProcessServer'
import { api, ResettingClient } from './meetingClient'

async function csv(base: string, groupId: string, token?: string) {
  const res = await fetch(`${base}/api/groups/${groupId}/attendance.csv`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() }
}

/**
 * Three meetings of one group, played on the real server with a test clock: the second opens with
 * the first one's look-back, and the register has the right lines and no case text. Returns the
 * group and meetings for checks on the storage itself.
 */
export async function playGroupSeries(server: TestServer, clock: TestClock) {
  const base = server.url
  const template = (await api<{ template: Template }>(base, `/templates/${METHOD}`)).body.template
  const group = await createGroup(base, 'Intervisiegroep Noord', ['Bea', 'Ahmed', 'Carla'])

  // Meeting 1: Ahmed brings the case. Bea and Ahmed arrive at 14:00, the meeting starts 14:05,
  // Carla is there from 14:10 to 14:45, the meeting finishes 15:05.
  const first = await groupMeeting(base, group, clock.t, 'Bea', { Ahmed: 'inbrenger', Carla: 'deelnemer' })
  const bea = await arrive(server, first, 'Bea')
  const ahmed = await arrive(server, first, 'Ahmed')
  clock.advance(5)
  await command(base, first, 'Bea', { type: 'start' })
  await command(base, first, 'Bea', { type: 'chooseCase', text: CASE_TEXT.case })
  clock.advance(5)
  const carla = await arrive(server, first, 'Carla')
  await writeOutcome(server, first, template, 'Carla')
  clock.advance(35)
  await leave(server, first, carla)
  clock.advance(20)
  await command(base, first, 'Bea', { type: 'finish' })
  clock.advance(1)
  await leave(server, first, bea)
  await leave(server, first, ahmed)

  const view = await api<{ next: { inbrenger: string; begeleider: string }; meetings: unknown[] }>(
    base,
    `/groups/${group.groupId}`,
    { token: group.secret },
  )
  expect(view.status).toBe(200)
  expect(view.body.meetings).toHaveLength(1)
  // Ahmed brought last time's case and Bea facilitated: now Bea's case, Ahmed facilitates.
  expect(view.body.next).toEqual({ inbrenger: 'Bea', begeleider: 'Ahmed' })

  // Meeting 2, a week later: it opens with the look-back on meeting 1.
  clock.advance(7 * 24 * 60)
  const second = await groupMeeting(base, group, clock.t, 'Bea', { Ahmed: 'deelnemer', Carla: 'inbrenger' })
  const ahmedAgain = await arrive(server, second, 'Ahmed')
  const lookBack = lookBackOf(ahmedAgain)
  expect(lookBack).toMatchObject({
    previousMeetingId: first.meetingId,
    chosenCase: CASE_TEXT.case,
    chosenAdvice: CASE_TEXT.advice,
    inbrengers: ['Ahmed'],
    followUp: null,
    suggestion: { inbrenger: 'Bea', begeleider: 'Ahmed' },
  })
  expect(lookBack?.action?.specifiek).toBe(CASE_TEXT.action)

  // Last time's inbrenger writes what came of it; someone else may not.
  const byCarla = await api<{ error: string }>(base, `/meetings/${second.meetingId}/look-back`, {
    body: { text: 'niet van mij' },
    token: second.people.Carla!.token,
  })
  expect(byCarla.status).toBe(403)
  expect(byCarla.body.error).toBe('not_previous_inbrenger')
  const byAhmed = await api(base, `/meetings/${second.meetingId}/look-back`, {
    body: { text: 'Het overleg was goed' },
    token: second.people.Ahmed!.token,
  })
  expect(byAhmed.status).toBe(200)
  await expectEventually(() => lookBackOf(ahmedAgain)?.followUp === 'Het overleg was goed')

  // The look-back is the server's: a participant's board cannot write it.
  const forger = new ResettingClient(base, second.roomId, second.people.Carla!.token)
  await forger.synced()
  const real = lookBackOf(forger.current)
  forger.current.doc.getMap('meeting').set('lookBack', { ...real, followUp: 'vervalst' })
  await expectEventually(() => forger.refusals.length === 1)
  const held = server.registry.peek(second.roomId)?.doc.getMap('meeting').get('lookBack') as {
    followUp: string
  }
  expect(held.followUp).toBe('Het overleg was goed')
  await leave(server, second, forger.current)

  const beaAgain = await arrive(server, second, 'Bea')
  clock.advance(2)
  await command(base, second, 'Bea', { type: 'start' })
  clock.advance(30)
  await command(base, second, 'Bea', { type: 'finish' })
  await leave(server, second, ahmedAgain)
  await leave(server, second, beaAgain)

  // Meeting 3 is planned but has not taken place.
  clock.advance(7 * 24 * 60)
  const third = await groupMeeting(base, group, clock.t + 60 * 60_000, 'Bea', {})

  // Who may read the register.
  expect((await csv(base, group.groupId)).status).toBe(403)
  expect((await csv(base, group.groupId, second.people.Carla!.token)).status).toBe(403)
  const other = await createGroup(base, 'Andere groep', [])
  expect((await csv(base, group.groupId, other.secret)).status).toBe(403)
  expect((await csv(base, group.groupId, third.people.Bea!.token)).status).toBe(200)

  const register = await csv(base, group.groupId, group.secret)
  expect(register.status).toBe(200)
  expect(register.type).toContain('text/csv')
  for (const secret of Object.values(CASE_TEXT)) {
    for (const word of secret.split(' ')) if (/\d{4}/.test(word)) expect(register.text).not.toContain(word)
  }
  const lines = register.text.replace(/^\uFEFF/, '').split('\r\n')
  expect(lines).toEqual([
    attendanceCsvHeaders('Europe/Amsterdam').join(';'),
    '2026-11-04;Intervisie in 8 stappen;14:00;15:05;14:05;15:05;Ahmed;lid;inbrenger;60',
    '2026-11-04;Intervisie in 8 stappen;14:00;15:05;14:05;15:05;Bea;lid;begeleider;60',
    '2026-11-04;Intervisie in 8 stappen;14:00;15:05;14:05;15:05;Carla;lid;deelnemer;35',
    '2026-11-11;Intervisie in 8 stappen;15:06;16:11;15:08;15:38;Ahmed;lid;deelnemer;30',
    '2026-11-11;Intervisie in 8 stappen;15:06;16:11;15:08;15:38;Bea;lid;begeleider;30',
    '2026-11-18;Intervisie in 8 stappen;16:38;17:43;;;;;;',
    '',
  ])
  return { base, group, first, second, third, register }
}

async function expectEventually(predicate: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

import { expect } from 'vitest'
import { arrive, command, createGroup, groupMeeting, leave, type TestClock } from './groupScenario'
import type { TestServer } from './inProcessServer'
import { api } from './meetingClient'

/**
 * A group from before members had ids, moved on start-up (SQLite: tests/server; Postgres:
 * tests/multi). A group is played on the new server, then its rows are put back as the old server
 * wrote them (members a list of names, participants without a member); the restarted server gives
 * the names ids, binds the past meeting's people to them, and makes personal links on the group page.
 */
export async function checkLegacyMembers(
  start: () => Promise<TestServer>,
  rewind: (groupId: string) => Promise<void>,
  clock: TestClock,
): Promise<TestServer> {
  let server = await start()
  const group = await createGroup(server.url, 'Oude groep', ['Bea', 'Ahmed'])
  const m = await groupMeeting(server.url, group, clock.t, 'Bea', { Ahmed: 'inbrenger' })
  const boards = [await arrive(server, m, 'Bea'), await arrive(server, m, 'Ahmed')]
  await command(server.url, m, 'Bea', { type: 'start' })
  clock.advance(15)
  await command(server.url, m, 'Bea', { type: 'finish' })
  for (const board of boards) await leave(server, m, board)
  await server.stop()
  await rewind(group.groupId)

  server = await start()
  const base = server.url
  const view = await api<{
    members: Array<{ id: string; name: string; link: string | null }>
    next: unknown
  }>(base, `/groups/${group.groupId}`, { token: group.secret })
  expect(view.status).toBe(200)
  expect(view.body.members.map((x) => x.name)).toEqual(['Bea', 'Ahmed'])
  expect(view.body.members.every((x) => x.link?.includes('#lid='))).toBe(true)
  // The past meeting's people are the members they were: the register and the turn say so.
  const csv = await (
    await fetch(`${base}/api/groups/${group.groupId}/attendance.csv`, {
      headers: { Authorization: `Bearer ${group.secret}` },
    })
  ).text()
  expect(csv).toContain(';Ahmed;lid;inbrenger;15')
  expect(csv).toContain(';Bea;lid;begeleider;15')
  expect(view.body.next).toEqual({ inbrenger: 'Bea', begeleider: 'Ahmed' })
  // The new personal link lets Ahmed into the group's next meeting as himself.
  const links = Object.fromEntries(view.body.members.map((x) => [x.name, x.link!.split('#lid=')[1]!]))
  const bea = { Bea: links.Bea! }
  const next = await groupMeeting(
    base,
    { groupId: group.groupId, secret: group.secret, members: bea },
    clock.t,
    'Bea',
    {},
  )
  const ahmed = view.body.members.find((x) => x.name === 'Ahmed')!
  const joined = await api<{ participant: { name: string; memberId: string } }>(
    base,
    `/meetings/${next.meetingId}/join`,
    { body: { member: ahmed.link!.split('#lid=')[1] } },
  )
  expect(joined.status).toBe(201)
  expect(joined.body.participant).toMatchObject({ name: 'Ahmed', memberId: ahmed.id })

  // A look-back written before members had ids (no inbrengerMembers): last time's inbrenger, as
  // the member he was bound to, still writes what came of it; nobody else but a begeleider.
  const room = await server.registry.acquire(next.roomId)
  try {
    room.transactAsServer(() => {
      const map = room.doc.getMap('meeting')
      const { inbrengerMembers: _dropped, ...old } = map.get('lookBack') as Record<string, unknown>
      map.set('lookBack', old)
    })
    await room.settled()
  } finally {
    server.registry.released(next.roomId)
  }
  const written = await api(base, `/meetings/${next.meetingId}/look-back`, {
    body: { text: 'Het ging beter' },
    token: (joined.body as unknown as { token: string }).token,
  })
  expect(written.status).toBe(200)
  return server
}

import { expect } from 'vitest'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { DOCUMENT_ID } from '../../shared/boardRecords'
import type { LookBack } from '../../shared/groups/lookBack'
import { withChoices } from '../../shared/outcome/choices'
import type { Template } from '../../shared/templateSchema'
import { RECORDS_ARRAY } from '../../shared/wire'
import type { TestServer } from './inProcessServer'
import { api } from './meetingClient'
import { inZone } from './meetingFixture'
import { noteRecord } from './records'
import { connectClient, eventually, type TestClient, waitForSync } from './yjsClient'

/**
 * A group of three playing a series of meetings against the real server, on a clock the test
 * moves: who is connected when is exactly known, so the register's minutes are too. Shared by the
 * SQLite test (tests/server) and the Postgres one (tests/multi).
 */

/** Strings that occur nowhere else: the register must contain none of them. */
export const CASE_TEXT = {
  title: 'TITEL-GEHEIM-5521',
  case: 'CASUS-GEHEIM-7731 over een vastgelopen team',
  advice: 'ADVIES-GEHEIM-4410: vraag het team zelf',
  action: 'ACTIE-GEHEIM-9902 plan een teamoverleg',
} as const

export const METHOD = 'intervisie-8-stappen'
const MIN = 60_000

export class TestClock {
  t = Date.UTC(2026, 10, 4, 13, 0) // 4 November 2026, 14:00 in Amsterdam
  readonly now = () => this.t
  advance(minutes: number) {
    this.t += minutes * MIN
  }
}

export interface GroupMeetingSetup {
  meetingId: string
  roomId: string
  inviteSecret: string
  people: Record<string, { id: string; token: string }>
}

/** A group: its link's secret and each member's personal credential (`<memberId>.<secret>`) by name. */
export interface TestGroup {
  groupId: string
  secret: string
  members: Record<string, string>
}

export async function createGroup(base: string, name: string, members: string[]): Promise<TestGroup> {
  const res = await api<{ groupId: string; groupPath: string }>(base, '/groups', { body: { name, members } })
  expect(res.status).toBe(201)
  const groupId = res.body.groupId
  const secret = res.body.groupPath.split('#groep=')[1]!
  // The group page, opened with the group link, shows every member's personal link.
  const view = await api<{ members: Array<{ name: string; link: string | null }> }>(
    base,
    `/groups/${groupId}`,
    {
      token: secret,
    },
  )
  expect(view.status).toBe(200)
  const links = view.body.members.map((m) => [m.name, m.link!.split('#lid=')[1]!] as const)
  return { groupId, secret, members: Object.fromEntries(links) }
}

/**
 * A meeting of the group with `facilitator` (facilitator link) and the others in roles. A member
 * comes in with their personal link (the facilitator with both); anyone else is a guest by invite.
 */
export async function groupMeeting(
  base: string,
  group: { groupId: string; secret: string; members?: Record<string, string> },
  plannedStart: number | null,
  facilitator: string,
  others: Record<string, 'inbrenger' | 'deelnemer'>,
): Promise<GroupMeetingSetup> {
  const created = await api<{ meetingId: string; facilitatorPath: string; invitePath: string }>(
    base,
    `/groups/${group.groupId}/meetings`,
    { body: { templateId: METHOD, title: CASE_TEXT.title, plannedStart }, token: group.secret },
  )
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const { meetingId } = created.body
  const inviteSecret = created.body.invitePath.split('#uitnodiging=')[1]!
  const fac = await api<{ token: string; participant: { id: string } }>(
    base,
    `/meetings/${meetingId}/facilitate`,
    {
      body: {
        secret: created.body.facilitatorPath.split('#begeleider=')[1]!,
        name: facilitator,
        member: group.members?.[facilitator],
      },
    },
  )
  expect(fac.status, JSON.stringify(fac.body)).toBe(201)
  const people: GroupMeetingSetup['people'] = {
    [facilitator]: { id: fac.body.participant.id, token: fac.body.token },
  }
  for (const [name, role] of Object.entries(others)) {
    const joined = await api<{ token: string; participant: { id: string } }>(
      base,
      `/meetings/${meetingId}/join`,
      {
        body: group.members?.[name] ? { member: group.members[name] } : { secret: inviteSecret, name },
      },
    )
    expect(joined.status, JSON.stringify(joined.body)).toBe(201)
    people[name] = { id: joined.body.participant.id, token: joined.body.token }
    if (role !== 'deelnemer') {
      const res = await api(base, `/meetings/${meetingId}/roles`, {
        body: { participantId: joined.body.participant.id, role },
        token: fac.body.token,
      })
      expect(res.status).toBe(200)
    }
  }
  return { meetingId, roomId: `m-${meetingId}`, inviteSecret, people }
}

export async function command(base: string, m: GroupMeetingSetup, facilitator: string, body: unknown) {
  const res = await api(base, `/meetings/${m.meetingId}/commands`, {
    body,
    token: m.people[facilitator]!.token,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
}

/** Connects someone's board; resolves once the server holds the connection. */
export async function arrive(server: TestServer, m: GroupMeetingSetup, name: string): Promise<TestClient> {
  const before = server.registry.peek(m.roomId)?.connections.size ?? 0
  const client = connectClient(server.url, m.roomId, { token: m.people[name]!.token })
  await waitForSync(client)
  await eventually(() => (server.registry.peek(m.roomId)?.connections.size ?? 0) > before, 5000, `${name} in`)
  return client
}

/** Closes someone's board; resolves once the server saw the connection go. */
export async function leave(server: TestServer, m: GroupMeetingSetup, client: TestClient): Promise<void> {
  const before = server.registry.peek(m.roomId)?.connections.size ?? 0
  client.destroy()
  await eventually(() => (server.registry.peek(m.roomId)?.connections.size ?? 0) < before, 5000, 'left')
}

/**
 * The inbrenger's outcome on the board: an advice note in the advice zone, chosen, and a SMART
 * action (written as the server, standing in for the phases in which the group writes them).
 */
export async function writeOutcome(
  server: TestServer,
  m: GroupMeetingSetup,
  template: Template,
  author: string,
) {
  const room = await server.registry.acquire(m.roomId)
  try {
    room.transactAsServer(() => {
      const kv = new YKeyValue(room.doc.getArray<{ key: string; val: unknown }>(RECORDS_ARRAY))
      const id = 'shape:advies1'
      kv.set(
        id,
        noteRecord({
          id,
          ...inZone(template, 'tips'),
          authorId: m.people[author]!.id,
          text: CASE_TEXT.advice,
        }),
      )
      const document = kv.get(DOCUMENT_ID) as Parameters<typeof withChoices>[0]
      kv.set(
        DOCUMENT_ID,
        withChoices(document, {
          chosenAdviceId: id,
          action: {
            specifiek: CASE_TEXT.action,
            meetbaar: '',
            acceptabel: '',
            realistisch: '',
            tijdgebonden: 'vrijdag',
          },
        }),
      )
    })
    await room.settled()
  } finally {
    server.registry.released(m.roomId)
  }
}

/** The look-back as a participant's board holds it. */
export function lookBackOf(client: TestClient): LookBack | undefined {
  return client.doc.getMap('meeting').get('lookBack') as LookBack | undefined
}

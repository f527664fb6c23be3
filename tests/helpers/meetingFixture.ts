import { zoneRect } from '../../shared/layout'
import type { RoleId } from '../../shared/schema'
import type { Template } from '../../shared/templateSchema'
import { api, command, createMeeting, joinMeeting, type MeetingSetup, ResettingClient } from './meetingClient'

/** A participant as a test knows them: id and session token. */
export interface Person {
  id: string
  token: string
  role: RoleId
}

export interface MeetingFixture {
  setup: MeetingSetup
  template: Template
  roomId: string
  people: Record<string, Person>
}

/**
 * A started meeting of a method, in a given phase, with people in roles (the facilitator is
 * `begeleider`). Everything through the public API, as browsers do it.
 */
export async function meetingIn(
  base: string,
  templateId: string,
  phaseId: string,
  roles: Record<string, RoleId>,
): Promise<MeetingFixture> {
  const setup = await createMeeting(base, templateId)
  const template = (await api<{ template: Template }>(base, `/templates/${templateId}`)).body.template
  await command(base, setup, { type: 'start' })
  await command(base, setup, { type: 'goto', phaseId })
  const people: Record<string, Person> = {
    begeleider: { id: setup.facilitator.id, token: setup.facilitator.token, role: 'begeleider' },
  }
  for (const [name, role] of Object.entries(roles)) {
    const joined = await joinMeeting(base, setup, name)
    if (role !== 'deelnemer') {
      const res = await api(base, `/meetings/${setup.meetingId}/roles`, {
        body: { participantId: joined.id, role },
        token: setup.facilitator.token,
      })
      if (res.status !== 200) throw new Error(`role ${role} for ${name}: ${res.status}`)
    }
    people[name] = { ...joined, role }
  }
  return { setup, template, roomId: setup.roomId, people }
}

/** A page point well inside a zone (away from its edges), shifted right by `offset`. */
export function inZone(template: Template, zoneId: string, offset = 0): { x: number; y: number } {
  const zone = template.zones.find((z) => z.id === zoneId)
  if (!zone) throw new Error(`no zone ${zoneId} in ${template.id}`)
  const rect = zoneRect(template, zone.id)
  return { x: rect.x + 40 + offset, y: rect.y + 60 }
}

/**
 * A person of the fixture on the room, as a client that starts over when refused; kept in
 * `clients` so the test closes it. Carries the person's participant id.
 */
export function connectPerson(
  url: string,
  fixture: MeetingFixture,
  name: string,
  clients: ResettingClient[],
): ResettingClient & { id: string } {
  const person = fixture.people[name]!
  const client = new ResettingClient(url, fixture.roomId, person.token)
  clients.push(client)
  return Object.assign(client, { id: person.id })
}

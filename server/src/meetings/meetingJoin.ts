import { checkDisplayName, DISPLAY_NAME_MAX } from '../../../shared/people/displayName'
import type { RoleId } from '../../../shared/schema'
import type { ParticipantView } from '../../../shared/wire'
import { ApiError } from '../http/apiError'
import {
  type MeetingRow,
  type MeetingStore,
  NameTakenError,
  type ParticipantRow,
} from '../storage/meetingStore'
import { invalidLink } from './meetingRefusals'
import type { MeetingState } from './meetingState'
import { hashSecret, newId, newSecret } from './secrets'

/**
 * Letting someone into a meeting: as a group member (their personal credential; their name), or
 * as a guest under a typed name that is cleaned, bounded and unique in the meeting (one rule with
 * the join form: shared/people/displayName.ts). A guest may not take a member's name, and
 * a meeting takes at most its cap of people at once.
 */

const COLORS = ['#1f6feb', '#d1242f', '#1a7f37', '#8250df', '#bf8700', '#0a7f8c', '#cf222e', '#6e7781']

/** A display name's length after cleaning, as the server enforces it (shared/people). */
export const NAME_LENGTH = { min: 1, max: DISPLAY_NAME_MAX } as const

/**
 * Who a member credential is, for a meeting of a group (the groups know; groups/groupService.ts),
 * and the names a guest may not take there (the members'). Null: not a member of its group.
 */
export interface MemberDirectory {
  member(meetingId: string, credential: string): Promise<{ id: string; name: string } | null>
  memberNames(meetingId: string): Promise<string[]>
  /** The group the meeting belongs to, if any. */
  groupOf(meetingId: string): Promise<string | null>
}

/** A join: with the meeting's link secret, or as a group member with their personal link's credential. */
export interface JoinRequest {
  secret?: string | null
  name?: string
  member?: string | null
}

export interface Session {
  token: string
  participant: ParticipantView
  meetingId: string
}

/** What a join needs of the meeting service. */
export interface JoinHost {
  store: MeetingStore
  state: MeetingState
  members: MemberDirectory | null
  /** People in one meeting at the same time (LIMIT_PARTICIPANTS_PER_MEETING). */
  cap: number
  now(): number
  /** The participants changed: the other instances and every board hear of it. */
  announce(meetingId: string): Promise<void>
}

/** Run one at a time per meeting (in this process): the cap and the names are read fresh. */
export async function admit(
  host: JoinHost,
  meeting: MeetingRow,
  request: JoinRequest,
  role: RoleId,
): Promise<Session> {
  const member = request.member ? await host.members?.member(meeting.id, request.member) : null
  if (request.member && !member) throw invalidLink()
  const everyone = await host.store.participants(meeting.id)
  const present = everyone.filter((p) => p.removedAt === null)
  const token = newSecret()
  // A member joining again (another device, or after being removed) takes over their own place.
  const again = member ? everyone.find((p) => p.memberId === member.id) : undefined
  if (again) {
    if (again.removedAt !== null) requireRoom(host.cap, present.length)
    await host.store.setTokenHash(again.id, hashSecret(token))
    // With the facilitator link too: they lead this time.
    if (role === 'begeleider' && again.role !== 'begeleider') await host.store.setRole(again.id, role)
    const back = { ...again, removedAt: null, role: role === 'begeleider' ? role : again.role }
    host.state.remember(back)
    await host.announce(meeting.id)
    return { token, participant: participantView(back), meetingId: meeting.id }
  }
  requireRoom(host.cap, present.length)
  // Names others see are unique in the meeting; a guest may not take a group member's name.
  const taken = present.filter((p) => p.nameKey != null).map((p) => p.name)
  if (!member && host.members) taken.push(...(await host.members.memberNames(meeting.id)))
  const checked = checkDisplayName(member?.name ?? request.name ?? '', taken)
  if (!checked.ok) {
    if (checked.problem === 'taken') throw nameTaken()
    throw new ApiError(400, 'invalid_name', 'A display name has 1 to 40 visible characters.', NAME_LENGTH)
  }
  const row: ParticipantRow = {
    id: newId(),
    meetingId: meeting.id,
    name: checked.name,
    role,
    color: COLORS[everyone.length % COLORS.length]!,
    tokenHash: hashSecret(token),
    createdAt: host.now(),
    memberId: member?.id ?? null,
    removedAt: null,
    nameKey: checked.key,
  }
  try {
    await host.store.insertParticipant(row)
  } catch (error) {
    // Another instance let someone in under this name a moment ago (the unique index).
    if (error instanceof NameTakenError) throw nameTaken()
    throw error
  }
  host.state.remember(row)
  await host.announce(meeting.id)
  return { token, participant: participantView(row), meetingId: meeting.id }
}

function requireRoom(cap: number, present: number): void {
  if (present >= cap) {
    throw new ApiError(409, 'meeting_full', 'This meeting has as many participants as it takes.', {
      max: cap,
    })
  }
}

const nameTaken = () =>
  new ApiError(409, 'name_taken', 'Someone in this meeting already has this name; choose another.')

export function participantView(row: ParticipantRow): ParticipantView {
  return { id: row.id, name: row.name, role: row.role, color: row.color, memberId: row.memberId }
}

import type * as Y from 'yjs'
import type { BoardRecord } from '../../../shared/boardRecords'
import { type AttendanceRow, attendanceRows } from '../../../shared/groups/attendance'
import { GROUP_TIME_ZONE } from '../../../shared/groups/groupTime'
import {
  FOLLOW_UP_MAX,
  LOOK_BACK_KEY,
  type LookBack,
  lookBackFrom,
  mayWriteFollowUp,
} from '../../../shared/groups/lookBack'
import { type GroupMember, MEMBER_FRAGMENT, readMemberCredential } from '../../../shared/groups/members'
import { type RotationSuggestion, suggestRotation } from '../../../shared/groups/rotation'
import { deriveOutcome } from '../../../shared/outcome/meetingOutcome'
import { cleanDisplayName, displayNameKey } from '../../../shared/people/displayName'
import { type MeetingProgress, plannedMinutes } from '../../../shared/phaseMachine'
import type { Template } from '../../../shared/templateSchema'
import { MEETING_MAP, meetingRoomId } from '../../../shared/wire'
import { readBoardRecords } from '../board/boardRecords'
import { ApiError } from '../http/apiError'
import type { MeetingRooms, MeetingService, MemberDirectory } from '../meetings/meetingService'
import { hashSecret, newId, newSecret } from '../meetings/secrets'
import type { GroupRow, GroupStore } from '../storage/groupStore'
import type { MeetingStore, ParticipantRow } from '../storage/meetingStore'
import { MemberKeys } from './memberKeys'
import { memberSecret, parseMembers, publicMembers, type StoredMember, withLink } from './memberLinks'

/** A member on the group page; their personal link only for whoever opened it with the group link. */
export interface MemberView extends GroupMember {
  /** `/g/<groupId>#lid=<memberId>.<secret>`; null when the page was opened with a facilitator's session. */
  link: string | null
}

export const memberPath = (groupId: string, memberId: string, secret: string) =>
  `/g/${groupId}#${MEMBER_FRAGMENT}=${memberId}.${secret}`

/** What a member's personal link opens: who they are and the meetings they may join. */
export interface MemberHome {
  group: { id: string; name: string; timeZone: string }
  member: GroupMember
  meetings: GroupView['meetings']
}

/** What a group link shows: no case content, only the series and who takes which turn. */
export interface GroupView {
  id: string
  name: string
  /** The zone the group's days and times are shown in (shared/groups/groupTime.ts). */
  timeZone: string
  members: MemberView[]
  meetings: Array<{
    meetingId: string
    /** As the facilitator named it when making it (the method's name if they gave none). */
    title: string
    date: number
    /** Whether `date` is a planned or actual start with its time (not only the day it was made). */
    timed: boolean
    method: { nl: string; en: string }
    started: boolean
    finished: boolean
  }>
  /** Who brings a case and who facilitates next time (a suggestion). */
  next: RotationSuggestion
}

/** A meeting of the group with its stored state, for look-back, rotation and register. */
interface GroupMeeting {
  meetingId: string
  createdAt: number
  plannedStart: number | null
  templateId: string
  title: string
  progress: MeetingProgress
  participants: ParticipantRow[]
}

export const GROUP_NAME_MAX = 80
export { GROUP_MEMBERS_MAX } from '../../../shared/groups/members'

/**
 * Intervisie groups: a series of meetings with members. Access is the group link's secret (stored
 * as its hash only) or the session of a facilitator of one of the group's meetings.
 */
export class GroupService implements MemberDirectory {
  constructor(
    private readonly groups: GroupStore,
    private readonly meetingRows: MeetingStore,
    private readonly meetings: MeetingService,
    private readonly rooms: MeetingRooms,
    private readonly templates: () => ReadonlyMap<string, Template>,
    private readonly now: () => number = Date.now,
    private readonly log: (line: string, fields?: Record<string, unknown>) => void = () => {},
  ) {}

  async create(name: string, members: readonly string[]): Promise<{ groupId: string; groupSecret: string }> {
    const groupId = newId()
    const groupSecret = newSecret()
    const stored = newMembers(members).map((m) => withLink(m, groupSecret))
    await this.groups.insertGroup({
      id: groupId,
      name: name.trim(),
      secretHash: hashSecret(groupSecret),
      membersJson: JSON.stringify(stored),
      createdAt: this.now(),
      retentionDays: null,
      lastActiveAt: this.now(),
    })
    return { groupId, groupSecret }
  }

  /**
   * The group, if `credential` opens it: the group secret, or a session token of a facilitator in
   * one of its meetings. A wrong credential and a group that does not exist get the same answer.
   */
  async authorize(groupId: string, credential: string | null | undefined): Promise<GroupRow> {
    const group = credential ? await this.groups.group(groupId) : undefined
    if (group && credential) {
      if (group.secretHash === hashSecret(credential)) return group
      const participant = await this.meetingRows.participantByTokenHash(hashSecret(credential))
      if (participant?.role === 'begeleider') {
        const membership = await this.groups.groupMeeting(participant.meetingId)
        if (membership?.groupId === groupId) return group
      }
    }
    throw new ApiError(403, 'invalid_group_link', 'This group link is not valid.')
  }

  /**
   * The group, only if `secret` is its link's secret: for what concerns the whole group (erasing,
   * its export, how long it is kept). A facilitator of one meeting may not.
   */
  /** The meeting keys wrapped per member (memberKeys.ts). */
  get memberKeys(): MemberKeys {
    return new MemberKeys(this.groups, this)
  }

  /** The group row itself, or undefined (memberKeys checks the credential). */
  async row(groupId: string): Promise<GroupRow | undefined> {
    return this.groups.group(groupId)
  }

  async authorizeLink(groupId: string, secret: string | null | undefined): Promise<GroupRow> {
    const group = secret ? await this.groups.group(groupId) : undefined
    if (!group || !secret || group.secretHash !== hashSecret(secret)) {
      throw new ApiError(403, 'invalid_group_link', 'This group link is not valid.')
    }
    return group
  }

  /**
   * A new group link (a leaked one can be stopped without erasing the group): the old link opens
   * nothing from now on. Facilitators' sessions in the group's meetings still open the group.
   */
  async renewLink(group: GroupRow): Promise<{ groupSecret: string }> {
    const groupSecret = newSecret()
    // The personal links come from the group link's secret: whoever held the old one could work
    // them out, so they are renewed with it.
    const members = membersOf(group).map((m) => withLink({ ...m, generation: m.generation + 1 }, groupSecret))
    await this.groups.setSecrets(group.id, hashSecret(groupSecret), JSON.stringify(members))
    this.log('group link renewed', { group: group.id })
    return { groupSecret }
  }

  /** A new personal link for one member (the group link only): their old one opens nothing from now. */
  async renewMemberLink(group: GroupRow, groupSecret: string, memberId: string): Promise<MemberView> {
    const members = membersOf(group)
    const member = members.find((m) => m.id === memberId)
    if (!member) throw new ApiError(404, 'unknown_member', 'No such member in this group.')
    const renewed = withLink({ ...member, generation: member.generation + 1 }, groupSecret)
    await this.groups.setMembersJson(
      group.id,
      JSON.stringify(members.map((m) => (m.id === memberId ? renewed : m))),
    )
    this.log('member link renewed', { group: group.id })
    return {
      id: renewed.id,
      name: renewed.name,
      link: memberPath(group.id, renewed.id, memberSecret(groupSecret, renewed)),
    }
  }

  /**
   * The group's page. Opened with the group link (`credential` is its secret), it shows each
   * member's personal link; a member without one yet (a group from before) gets it now.
   */
  async view(group: GroupRow, credential: string | null = null): Promise<GroupView> {
    // Opening the group's page is activity: its retention counts from now.
    await this.groups.touchGroup(group.id, this.now())
    const series = await this.series(group.id)
    let stored = membersOf(group)
    const groupSecret = credential !== null && hashSecret(credential) === group.secretHash ? credential : null
    if (groupSecret !== null && stored.some((m) => m.secretHash === null)) {
      stored = stored.map((m) => (m.secretHash === null ? withLink(m, groupSecret) : m))
      await this.groups.setMembersJson(group.id, JSON.stringify(stored))
    }
    const members = stored.map((m) => ({
      id: m.id,
      name: m.name,
      link: groupSecret === null ? null : memberPath(group.id, m.id, memberSecret(groupSecret, m)),
    }))
    return {
      id: group.id,
      name: group.name,
      timeZone: GROUP_TIME_ZONE,
      members,
      meetings: series.map((m) => this.seriesEntry(m)),
      next: suggestRotation(publicMembers(stored), series.map(pastRoles)),
    }
  }

  /** The member a personal credential (`<memberId>.<secret>`) is, in this group; else null. */
  memberByCredential(group: GroupRow, credential: string | null | undefined): StoredMember | null {
    const read = credential ? readMemberCredential(credential) : null
    if (!read) return null
    const member = membersOf(group).find((m) => m.id === read.memberId)
    return member?.secretHash && member.secretHash === hashSecret(read.secret) ? member : null
  }

  /** What a member's personal link opens: their name and the group's meetings to join. */
  async memberHome(groupId: string, credential: string | null | undefined): Promise<MemberHome> {
    const group = await this.groups.group(groupId)
    const member = group ? this.memberByCredential(group, credential) : null
    if (!group || !member) throw new ApiError(403, 'invalid_member_link', 'This personal link is not valid.')
    const series = await this.series(group.id)
    return {
      group: { id: group.id, name: group.name, timeZone: GROUP_TIME_ZONE },
      member: { id: member.id, name: member.name },
      meetings: series.map((m) => this.seriesEntry(m)),
    }
  }

  /** MemberDirectory: the member a credential is, for a meeting of their group. */
  async member(meetingId: string, credential: string): Promise<GroupMember | null> {
    const membership = await this.groups.groupMeeting(meetingId)
    const group = membership ? await this.groups.group(membership.groupId) : undefined
    const member = group ? this.memberByCredential(group, credential) : null
    return member ? { id: member.id, name: member.name } : null
  }

  /** MemberDirectory: the group a meeting belongs to. */
  async groupOf(meetingId: string): Promise<string | null> {
    return (await this.groups.groupMeeting(meetingId))?.groupId ?? null
  }

  /** MemberDirectory: the names of the meeting's group's members (a guest may not take one). */
  async memberNames(meetingId: string): Promise<string[]> {
    const membership = await this.groups.groupMeeting(meetingId)
    const group = membership ? await this.groups.group(membership.groupId) : undefined
    return group ? membersOf(group).map((m) => m.name) : []
  }

  /**
   * A new meeting in the group. It opens with a look-back on the group's previous meeting, written
   * into its document for everyone to read.
   */
  async createMeeting(group: GroupRow, templateId: string, title: string, plannedStart: number | null) {
    const series = await this.series(group.id)
    const previous = series.at(-1)
    const created = await this.meetings.create(templateId, title)
    await this.groups.addMeeting({
      meetingId: created.meetingId,
      groupId: group.id,
      plannedStart,
      createdAt: this.now(),
    })
    if (previous) {
      const suggestion = suggestRotation(publicMembers(membersOf(group)), series.map(pastRoles))
      // A previous board that cannot be read (broken, or no room free now) costs the look-back,
      // not the meeting: the facilitator has their links either way.
      const lookBack = await this.lookBackOn(previous, suggestion).catch((error: unknown) => {
        this.log('look-back not made', { meeting: created.meetingId, error: (error as Error).message })
        return null
      })
      if (lookBack) await this.writeLookBack(created.meetingId, lookBack)
    }
    return created
  }

  /**
   * Erases the group: its name, its members, the series and the register. Only with the group
   * link: a facilitator of one meeting may not end the whole group. The meetings stay.
   */
  async erase(groupId: string, secret: string | null): Promise<void> {
    await this.authorizeLink(groupId, secret)
    await this.groups.eraseGroup(groupId)
  }

  /**
   * The retention sweep found the group expired: its meetings that follow the group's retention
   * go as a facilitator's erase would take them (connections closed), then the group. A meeting
   * with days of its own stays, as a meeting without a group, until those have passed.
   */
  async expire(groupId: string): Promise<void> {
    for (const row of await this.groups.meetings(groupId)) {
      const meeting = await this.meetingRows.meeting(row.meetingId)
      if (meeting && meeting.retentionDays === null) await this.meetings.expire(row.meetingId)
    }
    await this.groups.eraseGroup(groupId)
  }

  /** What came of last time's advice, in the words of last time's inbrenger (or a facilitator). */
  async setFollowUp(meetingId: string, actor: ParticipantRow, text: string): Promise<LookBack> {
    const read = await this.readLookBack(meetingId)
    if (!read) throw new ApiError(404, 'no_look_back', 'This meeting has no look-back.')
    const lookBack = await this.withInbrengerMembers(read)
    if (!mayWriteFollowUp(lookBack, actor)) {
      throw new ApiError(403, 'not_previous_inbrenger', "Only last time's inbrenger or a begeleider.")
    }
    const trimmed = text.trim().slice(0, FOLLOW_UP_MAX)
    const next: LookBack = { ...lookBack, followUp: trimmed || null, followUpBy: trimmed ? actor.name : null }
    this.log('look-back written', { meeting: meetingId, member: actor.memberId !== null })
    await this.writeLookBack(meetingId, next)
    return next
  }

  /**
   * A look-back written before members had ids names its inbrengers by name only: they are read
   * from the previous meeting's participants (bound to members when the group was moved).
   */
  private async withInbrengerMembers(lookBack: LookBack): Promise<LookBack> {
    if (lookBack.inbrengerMembers !== undefined || !lookBack.previousMeetingId) return lookBack
    const previous = await this.meetingRows.participants(lookBack.previousMeetingId)
    const ids = previous
      .filter((p) => p.role === 'inbrenger' && p.memberId !== null)
      .map((p) => p.memberId as string)
    return { ...lookBack, inbrengerMembers: [...new Set(ids)] }
  }

  /** The register's rows for the group's meetings; no title, no case. */
  async attendance(group: GroupRow): Promise<AttendanceRow[]> {
    const series = await this.series(group.id)
    const members = publicMembers(membersOf(group))
    const withPresence = await Promise.all(
      series.map(async (m) => {
        const template = this.templates().get(m.templateId)
        return {
          meetingId: m.meetingId,
          method: this.methodName(m.templateId),
          createdAt: m.createdAt,
          plannedStart: m.plannedStart,
          plannedMinutes: template ? plannedMinutes(template) : 0,
          startedAt: m.progress.startedAt ?? null,
          finishedAt: m.progress.finished ? (m.progress.finishedAt ?? null) : null,
          participants: m.participants.map((p) => ({
            id: p.id,
            name: p.name,
            role: p.role,
            memberId: p.memberId,
          })),
          intervals: await this.groups.presence(m.meetingId),
          members,
        }
      }),
    )
    return attendanceRows(withPresence, this.now())
  }

  /** A meeting as the group's pages list it: its name, day and state; nothing of the case. */
  private seriesEntry(m: GroupMeeting): GroupView['meetings'][number] {
    const start = m.progress.startedAt ?? m.plannedStart
    return {
      meetingId: m.meetingId,
      title: m.title,
      date: start ?? m.createdAt,
      timed: start !== null,
      method: this.methodName(m.templateId),
      started: m.progress.phaseIndex >= 0,
      finished: m.progress.finished,
    }
  }

  private methodName(templateId: string): { nl: string; en: string } {
    const template = this.templates().get(templateId)
    return template ? { nl: template.name.nl, en: template.name.en } : { nl: templateId, en: templateId }
  }

  /** The group's meetings that still exist, oldest first. */
  private async series(groupId: string): Promise<GroupMeeting[]> {
    const rows = await this.groups.meetings(groupId)
    const loaded = await Promise.all(
      rows.map(async (row) => {
        const [meeting, participants] = await Promise.all([
          this.meetingRows.meeting(row.meetingId),
          this.meetingRows.participants(row.meetingId),
        ])
        if (!meeting) return null
        return {
          meetingId: row.meetingId,
          createdAt: row.createdAt,
          plannedStart: row.plannedStart,
          templateId: meeting.templateId,
          title: meeting.title,
          progress: JSON.parse(meeting.progressJson) as MeetingProgress,
          participants,
        }
      }),
    )
    return loaded.filter((m): m is GroupMeeting => m !== null)
  }

  /** The previous meeting's outcome, derived from its board as the report does. */
  private async lookBackOn(previous: GroupMeeting, suggestion: RotationSuggestion): Promise<LookBack | null> {
    const template = this.templates().get(previous.templateId)
    if (!template) return null
    const records = await this.withRoom(previous.meetingId, (doc) => currentRecords(doc), false)
    const outcome = deriveOutcome({
      template,
      title: previous.title,
      progress: previous.progress,
      participants: previous.participants,
      records,
    })
    const date = previous.progress.startedAt ?? previous.createdAt
    // Who may write what came of it: last time's inbrengers as members (a guest inbrenger: nobody).
    const inbrengerMembers = previous.participants
      .filter((p) => p.role === 'inbrenger' && p.memberId !== null)
      .map((p) => p.memberId as string)
    return lookBackFrom(previous.meetingId, date, outcome, suggestion, [...new Set(inbrengerMembers)])
  }

  /** The look-back the meeting opened with, if any (for a group's export). */
  async readLookBack(meetingId: string): Promise<LookBack | null> {
    const value = await this.withRoom(meetingId, (doc) => doc.getMap(MEETING_MAP).get(LOOK_BACK_KEY), false)
    return value && typeof value === 'object' ? (value as LookBack) : null
  }

  /** Writes the meeting's look-back as the server (also for a group's import). */
  async writeLookBack(meetingId: string, lookBack: LookBack): Promise<void> {
    await this.withRoom(meetingId, (doc) => doc.getMap(MEETING_MAP).set(LOOK_BACK_KEY, lookBack), true)
  }

  /** Runs `fn` on the meeting's room (loading it if nobody is connected); as the server if `write`. */
  private async withRoom<T>(meetingId: string, fn: (doc: Y.Doc) => T, write: boolean): Promise<T> {
    const roomId = meetingRoomId(meetingId)
    const room = await this.rooms.acquire(roomId)
    try {
      if (!write) return fn(room.doc)
      let result: T | undefined
      room.transactAsServer(() => {
        result = fn(room.doc)
      })
      await room.settled()
      return result as T
    } finally {
      this.rooms.released(roomId)
    }
  }
}

function membersOf(group: GroupRow): StoredMember[] {
  return parseMembers(group.id, group.membersJson)
}

/** A new group's members from the names given: cleaned, each name once (as a meeting compares them). */
export function newMembers(names: readonly string[]): StoredMember[] {
  const seen = new Set<string>()
  const members: StoredMember[] = []
  for (const raw of names) {
    const name = cleanDisplayName(raw)
    const key = displayNameKey(name)
    if (key === '' || seen.has(key)) continue
    seen.add(key)
    members.push({ id: newId(), name, secretHash: null, generation: 0 })
  }
  return members
}

/** Who had which role in a past meeting, by member id (guests take no turn), for the rotation. */
function pastRoles(m: GroupMeeting) {
  const byRole = (role: string) =>
    m.participants.filter((p) => p.role === role && p.memberId !== null).map((p) => p.memberId as string)
  return { inbrengers: byRole('inbrenger'), begeleiders: byRole('begeleider') }
}

/** The board's records, as the one reader reads them. */
function currentRecords(doc: Y.Doc): BoardRecord[] {
  return [...readBoardRecords(doc).values()]
}

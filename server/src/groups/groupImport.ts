import type { MeetingExport } from '../../../shared/exportFormat'
import type { ExportedGroup } from '../../../shared/groups/groupExportFormat'
import { LOOK_BACK_KEY } from '../../../shared/groups/lookBack'
import { setMeetingValue } from '../imports/importBoard'
import {
  type ImportedMeeting,
  invalid,
  type MeetingImporter,
  type PreparedGroup,
  type PreparedMeeting,
} from '../lifecycle/meetingImport'
import { hashSecret, newId, newSecret } from '../meetings/secrets'
import type { GroupStore } from '../storage/groupStore'
import type { RetentionPolicy } from '../storage/meetingStore'
import { newMembers } from './groupService'
import type { StoredMember } from './memberLinks'
import { withLink } from './memberLinks'

export interface ImportedGroup {
  groupId: string
  groupSecret: string
  meetings: ImportedMeeting[]
}

/**
 * Makes a new group from a group's export file: a new id and group link, its meetings made by the
 * meeting importer (new ids and links) and attached in the file's order, the register's
 * connections following the people's new ids. The group's part is checked before anything is
 * written, as the meetings are; a refusal names the field (`group.series.1.presence.0.participantId`).
 */
export class GroupImporter {
  constructor(
    private readonly groups: Pick<GroupStore, 'eraseGroup'>,
    private readonly meetings: Pick<MeetingImporter, 'prepare' | 'commit'>,
    private readonly policy: RetentionPolicy,
    private readonly now: () => number,
  ) {}

  async import(file: MeetingExport & { group: ExportedGroup }): Promise<ImportedGroup> {
    const { group } = file
    const members = importedMembers(group)
    this.check(file, group, members)
    const prepared = await this.meetings.prepare(file)
    const groupId = newId()
    const groupSecret = newSecret()
    const rows = this.groupRows(file, group, members, prepared, groupId, groupSecret)
    try {
      // The group, its meetings, their boards (with the look-backs): one transaction.
      const made = await this.meetings.commit(prepared, rows)
      return { groupId, groupSecret, meetings: made }
    } catch (error) {
      // Stored but not published (its meetings went again already): the group goes too.
      await this.groups.eraseGroup(groupId).catch(() => {})
      throw error
    }
  }

  private groupRows(
    file: MeetingExport & { group: ExportedGroup },
    group: ExportedGroup,
    members: readonly StoredMember[],
    prepared: readonly PreparedMeeting[],
    groupId: string,
    groupSecret: string,
  ): PreparedGroup {
    const made: ImportedMeeting[] = prepared.map((p) => p.made)
    const rows: PreparedGroup = {
      row: {
        id: groupId,
        name: group.name.trim(),
        secretHash: hashSecret(groupSecret),
        // Each member keeps their id (the register and the look-backs name them); new personal links.
        membersJson: JSON.stringify(members.map((m) => withLink(m, groupSecret))),
        createdAt: group.createdAt,
        retentionDays:
          group.retentionDays === null ? null : Math.min(group.retentionDays, this.policy.maxDays),
        // Its retention counts from the import, as its meetings' does.
        lastActiveAt: this.now(),
      },
      series: [],
      presence: [],
    }
    let previousAddedAt = -1
    for (const [i, entry] of group.series.entries()) {
      const meeting = made[i]!
      // Strictly later than the one before, so the series keeps the file's order.
      const addedAt = Math.max(entry.addedAt, previousAddedAt + 1)
      previousAddedAt = addedAt
      rows.series.push({
        meetingId: meeting.meetingId,
        groupId,
        plannedStart: entry.plannedStart,
        createdAt: addedAt,
      })
      for (const p of entry.presence) {
        rows.presence.push({
          id: newId(),
          meetingId: meeting.meetingId,
          participantId: meeting.participantIds.get(p.participantId)!,
          joinedAt: p.joinedAt,
          // Still connected when the file was written: the connection ends there.
          leftAt: p.leftAt ?? Math.max(p.joinedAt, file.exportedAt),
        })
      }
      // The meeting opens with the look-back it had, naming its previous meeting's new id.
      if (entry.lookBack) {
        const { previous, ...lookBack } = entry.lookBack
        setMeetingValue(prepared[i]!.board, LOOK_BACK_KEY, {
          ...lookBack,
          previousMeetingId: previous === null ? '' : made[previous]!.meetingId,
        })
      }
    }
    return rows
  }

  /**
   * The register's connections must name people of their own meeting, and end after they begin;
   * a look-back looks back on an earlier meeting of the file.
   */
  private check(file: MeetingExport, group: ExportedGroup, members: readonly StoredMember[]): void {
    const memberIds = new Set(members.map((m) => m.id))
    for (const [i, meeting] of file.meetings.entries()) {
      for (const [j, p] of meeting.participants.entries()) {
        if (p.memberId != null && !memberIds.has(p.memberId))
          throw invalid(`meetings.${i}.participants.${j}.memberId`, 'not a member of group.members')
      }
    }
    group.series.forEach((entry, i) => {
      const previous = entry.lookBack?.previous ?? null
      if (previous !== null && previous >= i) {
        throw invalid(`group.series.${i}.lookBack.previous`, 'not an earlier meeting of the file')
      }
      const people = new Set(file.meetings[i]!.participants.map((p) => p.id))
      entry.presence.forEach((p, j) => {
        const field = `group.series.${i}.presence.${j}`
        if (!people.has(p.participantId)) {
          throw invalid(`${field}.participantId`, `not a participant of meetings.${i}`)
        }
        if (p.leftAt !== null && p.leftAt < p.joinedAt) throw invalid(`${field}.leftAt`, 'before joinedAt')
      })
    })
  }
}

/**
 * The file's members: with their ids (a name twice, or an id twice, is refused), or, in a file
 * from before members had ids, names that become members with new ids.
 */
function importedMembers(group: ExportedGroup): StoredMember[] {
  const named = group.members.filter((m): m is string => typeof m === 'string')
  const fresh = newMembers(named)
  const seen = new Set<string>()
  const kept: StoredMember[] = []
  group.members.forEach((m, i) => {
    if (typeof m === 'string') return
    const [member] = newMembers([m.name])
    if (!member) throw invalid(`group.members.${i}.name`, 'no visible name')
    if (seen.has(m.id)) throw invalid(`group.members.${i}.id`, 'a member id appears twice')
    seen.add(m.id)
    kept.push({ ...member, id: m.id })
  })
  return [...kept, ...fresh]
}

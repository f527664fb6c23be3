import type { MeetingExport } from '../../../templates/src/exportFormat'
import type { ExportedGroup } from '../../../templates/src/groups/groupExportFormat'
import { type ImportedMeeting, invalid, type MeetingImporter } from '../lifecycle/meetingImport'
import { hashSecret, newId, newSecret } from '../meetings/secrets'
import type { GroupStore } from '../storage/groupStore'
import type { RetentionPolicy } from '../storage/meetingStore'
import { type GroupService, newMembers } from './groupService'
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
    private readonly groups: Pick<GroupStore, 'insertGroup' | 'addMeeting' | 'presenceOpened' | 'eraseGroup'>,
    private readonly meetings: Pick<MeetingImporter, 'import' | 'undo'>,
    private readonly lookBacks: Pick<GroupService, 'writeLookBack'>,
    private readonly policy: RetentionPolicy,
    private readonly now: () => number,
  ) {}

  async import(file: MeetingExport & { group: ExportedGroup }): Promise<ImportedGroup> {
    const { group } = file
    const members = importedMembers(group)
    this.check(file, group, members)
    const made = await this.meetings.import(file)
    const groupId = newId()
    const groupSecret = newSecret()
    try {
      await this.write(file, group, members, made, groupId, groupSecret)
    } catch (error) {
      // A write failed half way: the group and its new meetings go again, nothing stays behind.
      await this.groups.eraseGroup(groupId).catch(() => {})
      await this.meetings.undo(made.map((m) => m.meetingId))
      throw error
    }
    return { groupId, groupSecret, meetings: made }
  }

  private async write(
    file: MeetingExport & { group: ExportedGroup },
    group: ExportedGroup,
    members: readonly StoredMember[],
    made: ImportedMeeting[],
    groupId: string,
    groupSecret: string,
  ): Promise<void> {
    await this.groups.insertGroup({
      id: groupId,
      name: group.name.trim(),
      secretHash: hashSecret(groupSecret),
      // Each member keeps their id (the register and the look-backs name them); new personal links.
      membersJson: JSON.stringify(members.map((m) => withLink(m, groupSecret))),
      createdAt: group.createdAt,
      retentionDays: group.retentionDays === null ? null : Math.min(group.retentionDays, this.policy.maxDays),
      // Its retention counts from the import, as its meetings' does.
      lastActiveAt: this.now(),
    })
    let previousAddedAt = -1
    for (const [i, entry] of group.series.entries()) {
      const meeting = made[i]!
      // Strictly later than the one before, so the series keeps the file's order.
      const addedAt = Math.max(entry.addedAt, previousAddedAt + 1)
      previousAddedAt = addedAt
      await this.groups.addMeeting({
        meetingId: meeting.meetingId,
        groupId,
        plannedStart: entry.plannedStart,
        createdAt: addedAt,
      })
      for (const p of entry.presence) {
        await this.groups.presenceOpened({
          id: newId(),
          meetingId: meeting.meetingId,
          participantId: meeting.participantIds.get(p.participantId)!,
          joinedAt: p.joinedAt,
          // Still connected when the file was written: the connection ends there.
          leftAt: p.leftAt ?? Math.max(p.joinedAt, file.exportedAt),
        })
      }
    }
    // Each meeting opens with the look-back it had, naming its previous meeting's new id.
    for (const [i, entry] of group.series.entries()) {
      if (!entry.lookBack) continue
      const { previous, ...lookBack } = entry.lookBack
      await this.lookBacks.writeLookBack(made[i]!.meetingId, {
        ...lookBack,
        previousMeetingId: previous === null ? '' : made[previous]!.meetingId,
      })
    }
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

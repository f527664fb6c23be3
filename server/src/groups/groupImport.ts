import type { MeetingExport } from '../../../templates/src/exportFormat'
import type { ExportedGroup } from '../../../templates/src/groups/groupExportFormat'
import { type ImportedMeeting, invalid, type MeetingImporter } from '../lifecycle/meetingImport'
import { hashSecret, newId, newSecret } from '../meetings/secrets'
import type { GroupStore } from '../storage/groupStore'
import type { RetentionPolicy } from '../storage/meetingStore'
import type { GroupService } from './groupService'

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
    this.check(file, group)
    const made = await this.meetings.import(file)
    const groupId = newId()
    const groupSecret = newSecret()
    try {
      await this.write(file, group, made, groupId, groupSecret)
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
    made: ImportedMeeting[],
    groupId: string,
    groupSecret: string,
  ): Promise<void> {
    await this.groups.insertGroup({
      id: groupId,
      name: group.name.trim(),
      secretHash: hashSecret(groupSecret),
      membersJson: JSON.stringify([...new Set(group.members.map((m) => m.trim()).filter((m) => m !== ''))]),
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
  private check(file: MeetingExport, group: ExportedGroup): void {
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

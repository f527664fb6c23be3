import { EXPORT_FORMAT, EXPORT_VERSION, type MeetingExport } from '../../../shared/exportFormat'
import type { ExportedGroup } from '../../../shared/groups/groupExportFormat'
import { ApiError } from '../http/apiError'
import type { MeetingExporter } from '../lifecycle/meetingExport'
import type { GroupRow, GroupStore } from '../storage/groupStore'
import type { GroupService } from './groupService'
import { parseMembers, publicMembers } from './memberLinks'

/**
 * Writes a group out as the export file: every meeting of its series as a meeting's own export
 * writes it (board, outcome, Markdown reports), and beside them the group itself: its name, its
 * members, each meeting's place in the series and who was connected when (the register). No
 * secret: an import makes a new group link.
 */
export class GroupExporter {
  constructor(
    private readonly groups: Pick<GroupStore, 'meetings' | 'presence'>,
    private readonly meetings: Pick<MeetingExporter, 'meeting'>,
    private readonly lookBacks: Pick<GroupService, 'readLookBack'>,
    private readonly now: () => number,
  ) {}

  async export(group: GroupRow): Promise<MeetingExport> {
    const meetings: MeetingExport['meetings'] = []
    const series: ExportedGroup['series'] = []
    // Where each meeting is in the file, for the look-backs that name their previous meeting.
    const indexOf = new Map<string, number>()
    for (const row of await this.groups.meetings(group.id)) {
      const meeting = await this.meetings.meeting(row.meetingId).catch((error: unknown) => {
        // Erased between the list and now: it is no longer part of the group.
        if (error instanceof ApiError && error.code === 'unknown_meeting') return null
        throw error
      })
      if (!meeting) continue
      const presence = await this.groups.presence(row.meetingId)
      const lookBack = await this.lookBacks.readLookBack(row.meetingId)
      indexOf.set(row.meetingId, meetings.length)
      meetings.push(meeting)
      series.push({
        addedAt: row.createdAt,
        plannedStart: row.plannedStart,
        presence: presence.map((p) => ({
          participantId: p.participantId,
          joinedAt: p.joinedAt,
          leftAt: p.leftAt,
        })),
        lookBack: lookBack
          ? {
              previous: indexOf.get(lookBack.previousMeetingId) ?? null,
              date: lookBack.date,
              method: lookBack.method,
              chosenCase: lookBack.chosenCase,
              chosenAdvice: lookBack.chosenAdvice,
              action: lookBack.action,
              inbrengers: lookBack.inbrengers,
              inbrengerMembers: lookBack.inbrengerMembers ?? [],
              followUp: lookBack.followUp,
              followUpBy: lookBack.followUpBy,
              suggestion: lookBack.suggestion,
            }
          : null,
      })
    }
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: this.now(),
      meetings,
      group: {
        name: group.name,
        // Ids and names; the personal links' hashes stay here (the import makes new links).
        members: publicMembers(parseMembers(group.id, group.membersJson)),
        createdAt: group.createdAt,
        retentionDays: group.retentionDays,
        series,
      },
    }
  }
}

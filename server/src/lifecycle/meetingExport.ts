import type { BoardRecord } from '../../../shared/boardRecords'
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportedMeeting,
  type MeetingExport,
} from '../../../shared/exportFormat'
import { deriveOutcome } from '../../../shared/outcome/meetingOutcome'
import { summaryMarkdown } from '../../../shared/outcome/reportMarkdown'
import type { MeetingProgress } from '../../../shared/phaseMachine'
import type { Template } from '../../../shared/templateSchema'
import { meetingRoomId } from '../../../shared/wire'
import { readBoardRecords } from '../board/boardRecords'
import { ApiError } from '../http/apiError'
import { requireFacilitator } from '../meetings/meetingRefusals'
import type { MeetingRooms } from '../meetings/meetingService'
import { CURRENT_SCHEMA } from '../storage/boardSchema'
import type { MeetingStore, ParticipantRow } from '../storage/meetingStore'

/**
 * Writes a meeting out as the export file (shared/exportFormat.ts): what it is, who took
 * part (names and roles, never a secret or a token), every record of its board, and the outcome and
 * summary report derived from them, as the report dialog shows them. Only its facilitator may.
 */
export class MeetingExporter {
  constructor(
    private readonly store: Pick<MeetingStore, 'meeting' | 'participants'>,
    private readonly rooms: Pick<MeetingRooms, 'acquire' | 'released'>,
    private readonly templates: () => ReadonlyMap<string, Template>,
    private readonly now: () => number,
  ) {}

  async export(meetingId: string, actor: ParticipantRow): Promise<MeetingExport> {
    requireFacilitator(actor)
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: this.now(),
      meetings: [await this.meeting(meetingId)],
    }
  }

  /** One meeting of the file; a group's export is a list of these. */
  async meeting(meetingId: string): Promise<ExportedMeeting> {
    const [meeting, participants] = await Promise.all([
      this.store.meeting(meetingId),
      this.store.participants(meetingId),
    ])
    if (!meeting) throw new ApiError(404, 'unknown_meeting', 'This meeting does not exist.')
    const template = this.templates().get(meeting.templateId)
    if (!template) {
      throw new ApiError(
        409,
        'unknown_template',
        `The method "${meeting.templateId}" is not on this server.`,
        {
          templateId: meeting.templateId,
        },
      )
    }
    const progress = JSON.parse(meeting.progressJson) as MeetingProgress
    const records = await this.boardRecords(meetingId)
    const people = participants.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      color: p.color,
      memberId: p.memberId,
    }))
    const outcome = deriveOutcome({ template, title: meeting.title, progress, participants: people, records })
    return {
      meetingId: meeting.id,
      title: meeting.title,
      templateId: meeting.templateId,
      method: { nl: template.name.nl, en: template.name.en },
      createdAt: meeting.createdAt,
      retentionDays: meeting.retentionDays,
      progress,
      participants: people,
      board: { tldrawSchema: CURRENT_SCHEMA, records },
      outcome,
      report: {
        nl: summaryMarkdown(outcome, { language: 'nl' }),
        en: summaryMarkdown(outcome, { language: 'en' }),
      },
    }
  }

  /** The room's records as its document holds them now (loaded if nobody is connected). */
  private async boardRecords(meetingId: string): Promise<BoardRecord[]> {
    const roomId = meetingRoomId(meetingId)
    const room = await this.rooms.acquire(roomId)
    try {
      await room.settled()
      return [...readBoardRecords(room.doc).values()]
    } finally {
      this.rooms.released(roomId)
    }
  }
}

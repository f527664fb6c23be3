import { meetingRoomId } from '../../../shared/wire'
import { ApiError } from '../http/apiError'
import { requireFacilitator } from '../meetings/meetingRefusals'
import type { GroupStore } from '../storage/groupStore'
import { DAY_MS, type MeetingStore, type ParticipantRow, type RetentionPolicy } from '../storage/meetingStore'
import type { RoomStore } from '../storage/roomStore'

/** What the facilitator sees of a meeting's retention: "bewaard tot <datum>". */
export interface RetentionView {
  /** Days kept after the last activity, as in force (the default when none was chosen). */
  days: number
  /** Whether the facilitator chose the days (false: the operator's default applies). */
  chosen: boolean
  defaultDays: number
  maxDays: number
  lastActiveAt: number
  /** When the sweep may erase the meeting if nobody uses it before then. */
  keptUntil: number
  /** Kept as long as its group (a meeting of a group without days of its own). */
  followsGroup?: boolean
}

/** A meeting's retention period: read and set by its facilitator, within the operator's maximum. */
export class MeetingRetention {
  constructor(
    private readonly meetings: Pick<MeetingStore, 'meeting' | 'setRetentionDays'>,
    private readonly rooms: Pick<RoomStore, 'lastActivity'>,
    private readonly policy: RetentionPolicy,
    private readonly groups?: Pick<GroupStore, 'groupMeeting' | 'group' | 'lastActivity'>,
  ) {}

  async view(meetingId: string, actor: ParticipantRow): Promise<RetentionView> {
    requireFacilitator(actor)
    const meeting = await this.meetings.meeting(meetingId)
    if (!meeting) throw new ApiError(404, 'unknown_meeting', 'This meeting does not exist.')
    const group = meeting.retentionDays === null ? await this.groupOf(meetingId) : undefined
    if (group) {
      // As the sweep counts it: the group's days after the group's last activity.
      const days = Math.min(group.retentionDays ?? this.policy.defaultDays, this.policy.maxDays)
      const lastActiveAt = (await this.groups!.lastActivity(group.id)) ?? group.createdAt
      return {
        days,
        chosen: false,
        defaultDays: this.policy.defaultDays,
        maxDays: this.policy.maxDays,
        lastActiveAt,
        keptUntil: lastActiveAt + days * DAY_MS,
        followsGroup: true,
      }
    }
    const lastActiveAt = (await this.rooms.lastActivity(meetingRoomId(meetingId))) ?? meeting.createdAt
    // A choice made under a higher maximum counts as the maximum now, as the sweep counts it.
    const days = Math.min(meeting.retentionDays ?? this.policy.defaultDays, this.policy.maxDays)
    return {
      days,
      chosen: meeting.retentionDays !== null,
      defaultDays: this.policy.defaultDays,
      maxDays: this.policy.maxDays,
      lastActiveAt,
      keptUntil: lastActiveAt + days * DAY_MS,
    }
  }

  private async groupOf(meetingId: string) {
    const membership = await this.groups?.groupMeeting(meetingId)
    return membership ? this.groups!.group(membership.groupId) : undefined
  }

  async setDays(meetingId: string, actor: ParticipantRow, days: number): Promise<RetentionView> {
    requireFacilitator(actor)
    if (!Number.isInteger(days) || days < 1 || days > this.policy.maxDays) {
      throw new ApiError(
        400,
        'retention_out_of_range',
        `Keep a meeting 1 to ${this.policy.maxDays} days after its last activity.`,
        { min: 1, max: this.policy.maxDays },
      )
    }
    await this.meetings.setRetentionDays(meetingId, days)
    return this.view(meetingId, actor)
  }
}

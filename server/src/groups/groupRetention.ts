import { ApiError } from '../http/apiError'
import type { RetentionView } from '../lifecycle/meetingRetention'
import type { GroupRow, GroupStore } from '../storage/groupStore'
import { DAY_MS, type RetentionPolicy } from '../storage/meetingStore'

/**
 * How long a group is kept after its last activity (its page opened, or any of its meetings in
 * use). Its meetings without days of their own are kept as long as the group; the retention sweep
 * erases an expired group with them. Within the operator's maximum, as a meeting's.
 */
export class GroupRetention {
  constructor(
    private readonly groups: Pick<GroupStore, 'setRetentionDays' | 'lastActivity' | 'group'>,
    private readonly policy: RetentionPolicy,
  ) {}

  async view(group: GroupRow): Promise<RetentionView> {
    const lastActiveAt = (await this.groups.lastActivity(group.id)) ?? group.createdAt
    // A choice made under a higher maximum counts as the maximum now, as the sweep counts it.
    const days = Math.min(group.retentionDays ?? this.policy.defaultDays, this.policy.maxDays)
    return {
      days,
      chosen: group.retentionDays !== null,
      defaultDays: this.policy.defaultDays,
      maxDays: this.policy.maxDays,
      lastActiveAt,
      keptUntil: lastActiveAt + days * DAY_MS,
    }
  }

  async setDays(group: GroupRow, days: number): Promise<RetentionView> {
    if (!Number.isInteger(days) || days < 1 || days > this.policy.maxDays) {
      throw new ApiError(
        400,
        'retention_out_of_range',
        `Keep a group 1 to ${this.policy.maxDays} days after its last activity.`,
        { min: 1, max: this.policy.maxDays },
      )
    }
    await this.groups.setRetentionDays(group.id, days)
    const updated = await this.groups.group(group.id)
    return this.view(updated ?? { ...group, retentionDays: days })
  }
}

import type { RetentionPolicy } from './meetingStore'

/**
 * Intervisie groups: a name, the members' names, a secret (its hash) for the group link, the
 * series of meetings, and when each participant was connected to a meeting (for the register).
 */
export interface GroupRow {
  id: string
  name: string
  secretHash: string
  /**
   * The members, a JSON array of { id, name, secretHash, generation } (groups/memberLinks.ts); a
   * group from before lists names only until migrateLegacyMembers ran.
   */
  membersJson: string
  createdAt: number
  /** Days the group and its meetings are kept after its last activity; null: the default. */
  retentionDays: number | null
  /** When the group's page was last used (its meetings' activity counts too); null: createdAt. */
  lastActiveAt: number | null
}

/** A meeting in a group's series. */
export interface GroupMeetingRow {
  meetingId: string
  groupId: string
  /** When the facilitator planned to start (for the register), or null. */
  plannedStart: number | null
  createdAt: number
}

/** One connection of a participant to a meeting's room; leftAt null while connected. */
export interface PresenceRow {
  id: string
  meetingId: string
  participantId: string
  joinedAt: number
  leftAt: number | null
}

/** A participant's name as stored (possibly encrypted at rest) made readable again. */
export type NameReader = (meetingId: string, stored: string) => Promise<string>

export interface GroupStore {
  insertGroup(row: GroupRow): Promise<void>
  group(id: string): Promise<GroupRow | undefined>
  addMeeting(row: GroupMeetingRow): Promise<void>
  /** The group's meetings, oldest first. */
  meetings(groupId: string): Promise<GroupMeetingRow[]>
  /** The group a meeting belongs to, if any. */
  groupMeeting(meetingId: string): Promise<GroupMeetingRow | undefined>
  /**
   * The meeting key wrapped for each member (JSON, groups/memberKeys.ts), beside the meeting in the
   * series, so it is erased with the meeting; null: none stored yet.
   */
  memberKeysJson(meetingId: string): Promise<string | null>
  setMemberKeysJson(meetingId: string, json: string): Promise<void>
  presenceOpened(row: PresenceRow): Promise<void>
  presenceClosed(id: string, leftAt: number): Promise<void>
  presence(meetingId: string): Promise<PresenceRow[]>
  /**
   * Erases the group, its place in each meeting (the series) and the attendance of its meetings,
   * in one transaction. The meetings themselves stay, as meetings without a group.
   */
  eraseGroup(groupId: string): Promise<void>
  setRetentionDays(groupId: string, days: number | null): Promise<void>
  /** The group link's new secret (its hash): the old link stops working at once. */
  setSecretHash(groupId: string, secretHash: string): Promise<void>
  /** The group's members (with the hashes of their personal links). */
  setMembersJson(groupId: string, membersJson: string): Promise<void>
  /** Renews the group link and its members' links in one write (memberLinks.ts). */
  setSecrets(groupId: string, secretHash: string, membersJson: string): Promise<void>
  /**
   * Gives groups from before members had ids their members (memberLinks.ts: planLegacyMembers),
   * binding their past meetings' participants, each group in one transaction. Run at start-up,
   * once the meeting tables exist; a group already moved is left be. Resolves with how many moved.
   */
  migrateLegacyMembers(): Promise<number>
  /** The group's page was used at `at` (a later time only; never moves back). */
  touchGroup(groupId: string, at: number): Promise<void>
  /** The latest of the group's own activity and its meetings' rooms' activity. */
  lastActivity(groupId: string): Promise<number | undefined>
  /**
   * Groups whose last activity (see lastActivity) is more than their retention ago at `now`: their
   * own days, else the default, never more than the maximum. Oldest first, at most `limit`.
   */
  expired(now: number, policy: RetentionPolicy, limit: number): Promise<string[]>
}

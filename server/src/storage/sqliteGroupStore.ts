import type Database from 'better-sqlite3'
import { MEETING_ROOM_PREFIX } from '../../../shared/wire'
import { isLegacyMembers, planLegacyMembers } from '../groups/memberLinks'
import type { GroupMeetingRow, GroupRow, GroupStore, NameReader, PresenceRow } from './groupStore'
import { DAY_MS, type RetentionPolicy } from './meetingStore'
import { checkpointTruncate } from './sqliteRoomStore'
import { ensureSqliteTables } from './sqliteTables'
import { GROUP_COLUMNS, GROUP_MEETING_COLUMNS, groupLastActiveSql, PRESENCE_COLUMNS } from './tables'

/** The last activity of the group `g` (tables.ts). */
export const SQLITE_GROUP_LAST_ACTIVE = groupLastActiveSql('sqlite', MEETING_ROOM_PREFIX)

/** Groups and attendance in the embedded database, beside the meetings (same file). */
export class SqliteGroupStore implements GroupStore {
  private readonly stmts

  /** Names as the meeting store wrote them (encrypted at rest: openStorage.ts sets the reader). */
  readName: NameReader = async (_meetingId, stored) => stored

  constructor(private readonly db: Database.Database) {
    ensureSqliteTables(db)
    const groupCols = GROUP_COLUMNS
    const meetingCols = GROUP_MEETING_COLUMNS
    const presenceCols = PRESENCE_COLUMNS
    this.stmts = {
      insertGroup: db.prepare<[GroupRow]>(
        `INSERT INTO meeting_group (id, name, secret_hash, members_json, created_at, retention_days, last_active_at)
         VALUES (@id, @name, @secretHash, @membersJson, @createdAt, @retentionDays, @lastActiveAt)`,
      ),
      group: db.prepare<[string], GroupRow>(`SELECT ${groupCols} FROM meeting_group WHERE id = ?`),
      addMeeting: db.prepare<[GroupMeetingRow]>(
        `INSERT INTO group_meeting (meeting_id, group_id, planned_start, created_at)
         VALUES (@meetingId, @groupId, @plannedStart, @createdAt)`,
      ),
      meetings: db.prepare<[string], GroupMeetingRow>(
        `SELECT ${meetingCols} FROM group_meeting WHERE group_id = ? ORDER BY created_at, meeting_id`,
      ),
      groupMeeting: db.prepare<[string], GroupMeetingRow>(
        `SELECT ${meetingCols} FROM group_meeting WHERE meeting_id = ?`,
      ),
      memberKeysJson: db.prepare<[string], { json: string | null }>(
        'SELECT member_keys_json AS json FROM group_meeting WHERE meeting_id = ?',
      ),
      setMemberKeysJson: db.prepare<[string, string]>(
        'UPDATE group_meeting SET member_keys_json = ? WHERE meeting_id = ?',
      ),
      presenceOpened: db.prepare<[PresenceRow]>(
        `INSERT INTO presence (id, meeting_id, participant_id, joined_at, left_at)
         VALUES (@id, @meetingId, @participantId, @joinedAt, @leftAt)`,
      ),
      presenceClosed: db.prepare<[number, string]>('UPDATE presence SET left_at = ? WHERE id = ?'),
      presence: db.prepare<[string], PresenceRow>(
        `SELECT ${presenceCols} FROM presence WHERE meeting_id = ? ORDER BY joined_at, id`,
      ),
      erasePresence: db.prepare<[string]>('DELETE FROM presence WHERE meeting_id = ?'),
      eraseGroupMeeting: db.prepare<[string]>('DELETE FROM group_meeting WHERE meeting_id = ?'),
      eraseGroupPresence: db.prepare<[string]>(
        'DELETE FROM presence WHERE meeting_id IN (SELECT meeting_id FROM group_meeting WHERE group_id = ?)',
      ),
      eraseGroupMeetings: db.prepare<[string]>('DELETE FROM group_meeting WHERE group_id = ?'),
      eraseGroup: db.prepare<[string]>('DELETE FROM meeting_group WHERE id = ?'),
      setRetentionDays: db.prepare<[number | null, string]>(
        'UPDATE meeting_group SET retention_days = ? WHERE id = ?',
      ),
      setSecretHash: db.prepare<[string, string]>('UPDATE meeting_group SET secret_hash = ? WHERE id = ?'),
      setMembersJson: db.prepare<[string, string]>('UPDATE meeting_group SET members_json = ? WHERE id = ?'),
      touchGroup: db.prepare<[number, string]>(
        'UPDATE meeting_group SET last_active_at = max(coalesce(last_active_at, 0), ?) WHERE id = ?',
      ),
    }
  }

  /** Prepared at first use: they read the meeting table, which the meeting store makes after this. */
  private activityStmts?: ReturnType<SqliteGroupStore['prepareActivity']>
  private prepareActivity() {
    return {
      lastActivity: this.db.prepare<[string], { at: number }>(
        `SELECT ${SQLITE_GROUP_LAST_ACTIVE} AS at FROM meeting_group g WHERE g.id = ?`,
      ),
      expired: this.db.prepare<
        [{ defaultDays: number; maxDays: number; now: number; limit: number }],
        { id: string }
      >(
        `SELECT g.id FROM meeting_group g
         WHERE ${SQLITE_GROUP_LAST_ACTIVE} + min(coalesce(g.retention_days, @defaultDays), @maxDays) * ${DAY_MS} < @now
         ORDER BY ${SQLITE_GROUP_LAST_ACTIVE} LIMIT @limit`,
      ),
    }
  }
  private get activity() {
    this.activityStmts ??= this.prepareActivity()
    return this.activityStmts
  }

  async insertGroup(row: GroupRow): Promise<void> {
    this.stmts.insertGroup.run(row)
  }
  async group(id: string): Promise<GroupRow | undefined> {
    return this.stmts.group.get(id)
  }
  async addMeeting(row: GroupMeetingRow): Promise<void> {
    this.stmts.addMeeting.run(row)
  }
  async meetings(groupId: string): Promise<GroupMeetingRow[]> {
    return this.stmts.meetings.all(groupId)
  }
  async groupMeeting(meetingId: string): Promise<GroupMeetingRow | undefined> {
    return this.stmts.groupMeeting.get(meetingId)
  }
  async memberKeysJson(meetingId: string): Promise<string | null> {
    return this.stmts.memberKeysJson.get(meetingId)?.json ?? null
  }
  async setMemberKeysJson(meetingId: string, json: string): Promise<void> {
    this.stmts.setMemberKeysJson.run(json, meetingId)
  }
  async presenceOpened(row: PresenceRow): Promise<void> {
    this.stmts.presenceOpened.run(row)
  }
  async presenceClosed(id: string, leftAt: number): Promise<void> {
    this.stmts.presenceClosed.run(leftAt, id)
  }
  async presence(meetingId: string): Promise<PresenceRow[]> {
    return this.stmts.presence.all(meetingId)
  }

  /** One transaction, then the write-ahead log to zero bytes (as a meeting's erase: no byte stays). */
  async eraseGroup(groupId: string): Promise<void> {
    this.db.transaction(() => {
      this.stmts.eraseGroupPresence.run(groupId)
      this.stmts.eraseGroupMeetings.run(groupId)
      this.stmts.eraseGroup.run(groupId)
    })()
    checkpointTruncate(this.db)
  }

  async setRetentionDays(groupId: string, days: number | null): Promise<void> {
    this.stmts.setRetentionDays.run(days, groupId)
  }
  async setSecretHash(groupId: string, secretHash: string): Promise<void> {
    this.stmts.setSecretHash.run(secretHash, groupId)
  }
  async setMembersJson(groupId: string, membersJson: string): Promise<void> {
    this.stmts.setMembersJson.run(membersJson, groupId)
  }
  async setSecrets(groupId: string, secretHash: string, membersJson: string): Promise<void> {
    this.db
      .prepare('UPDATE meeting_group SET secret_hash = ?, members_json = ? WHERE id = ?')
      .run(secretHash, membersJson, groupId)
  }
  async migrateLegacyMembers(): Promise<number> {
    const groups = this.db
      .prepare<[], { id: string; membersJson: string }>(
        `SELECT id, members_json AS membersJson FROM meeting_group WHERE members_json LIKE '["%'`,
      )
      .all()
      .filter((g) => isLegacyMembers(g.membersJson))
    const participants = this.db.prepare<[string], { id: string; name: string; meetingId: string }>(
      `SELECT p.id, p.name, p.meeting_id AS meetingId FROM participant p JOIN group_meeting gm ON gm.meeting_id = p.meeting_id
       WHERE gm.group_id = ? AND p.member_id IS NULL`,
    )
    const bind = this.db.prepare<[string, string]>('UPDATE participant SET member_id = ? WHERE id = ?')
    for (const group of groups) {
      const people = await Promise.all(
        participants
          .all(group.id)
          .map(async (p) => ({ id: p.id, name: await this.readName(p.meetingId, p.name) })),
      )
      this.db.transaction(() => {
        const plan = planLegacyMembers(group.id, group.membersJson, people)
        this.stmts.setMembersJson.run(plan.membersJson, group.id)
        for (const b of plan.bindings) bind.run(b.memberId, b.participantId)
      })()
    }
    return groups.length
  }
  async touchGroup(groupId: string, at: number): Promise<void> {
    this.stmts.touchGroup.run(at, groupId)
  }
  async lastActivity(groupId: string): Promise<number | undefined> {
    return this.activity.lastActivity.get(groupId)?.at
  }
  async expired(now: number, policy: RetentionPolicy, limit: number): Promise<string[]> {
    return this.activity.expired
      .all({ defaultDays: policy.defaultDays, maxDays: policy.maxDays, now, limit })
      .map((row) => row.id)
  }

  /**
   * The meeting's rows here, run inside the meeting store's erase transaction: attendance and its
   * place in the group go with the meeting.
   */
  readonly eraseMeetingRows = (meetingId: string): void => {
    this.stmts.erasePresence.run(meetingId)
    this.stmts.eraseGroupMeeting.run(meetingId)
  }
}

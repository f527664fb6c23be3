import type Database from 'better-sqlite3'
import { MEETING_ROOM_PREFIX } from '../../../templates/src/wire'
import { isLegacyMembers, planLegacyMembers } from '../groups/memberLinks'
import type { GroupMeetingRow, GroupRow, GroupStore, PresenceRow } from './groupStore'
import { DAY_MS, type RetentionPolicy } from './meetingStore'
import { addColumn, checkpointTruncate } from './sqliteRoomStore'

/**
 * The group tables; made by the meeting store too, whose retention query reads them (a meeting of
 * a group is kept as long as its group).
 */
export function createGroupTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS meeting_group (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      secret_hash TEXT NOT NULL,
      members_json TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS group_meeting (
      meeting_id TEXT PRIMARY KEY,
      group_id TEXT NOT NULL REFERENCES meeting_group (id),
      planned_start INTEGER,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS group_meeting_by_group ON group_meeting (group_id, created_at);
    CREATE TABLE IF NOT EXISTS presence (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      participant_id TEXT NOT NULL,
      joined_at INTEGER NOT NULL,
      left_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS presence_by_meeting ON presence (meeting_id, joined_at);
  `)
  addColumn(db, 'meeting_group', 'retention_days', 'INTEGER')
  addColumn(db, 'group_meeting', 'member_keys_json', 'TEXT')
  addColumn(db, 'meeting_group', 'last_active_at', 'INTEGER')
  // Groups from before their retention start it now: nothing goes for being old. (Groups made
  // since always have the time.)
  db.prepare('UPDATE meeting_group SET last_active_at = ? WHERE last_active_at IS NULL').run(Date.now())
}

/**
 * SQL for the last activity of the group `g`: its page's, or its making, or the latest activity of
 * a meeting of its series (the room's, else the meeting's making), whichever is latest.
 */
export const SQLITE_GROUP_LAST_ACTIVE = `max(coalesce(g.last_active_at, g.created_at), coalesce((
    SELECT max(coalesce(ga.last_active_at, gm2.created_at)) FROM group_meeting gs
    JOIN meeting gm2 ON gm2.id = gs.meeting_id
    LEFT JOIN room_activity ga ON ga.room_id = ('${MEETING_ROOM_PREFIX}' || gs.meeting_id)
    WHERE gs.group_id = g.id), 0))`

/** Groups and attendance in the embedded database, beside the meetings (same file). */
export class SqliteGroupStore implements GroupStore {
  private readonly stmts

  constructor(private readonly db: Database.Database) {
    createGroupTables(db)
    const groupCols = `id, name, secret_hash AS secretHash, members_json AS membersJson, created_at AS createdAt,
      retention_days AS retentionDays, last_active_at AS lastActiveAt`
    const meetingCols =
      'meeting_id AS meetingId, group_id AS groupId, planned_start AS plannedStart, created_at AS createdAt'
    const presenceCols =
      'id, meeting_id AS meetingId, participant_id AS participantId, joined_at AS joinedAt, left_at AS leftAt'
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
    const participants = this.db.prepare<[string], { id: string; name: string }>(
      `SELECT p.id, p.name FROM participant p JOIN group_meeting gm ON gm.meeting_id = p.meeting_id
       WHERE gm.group_id = ? AND p.member_id IS NULL`,
    )
    const bind = this.db.prepare<[string, string]>('UPDATE participant SET member_id = ? WHERE id = ?')
    for (const group of groups) {
      this.db.transaction(() => {
        const plan = planLegacyMembers(group.id, group.membersJson, participants.all(group.id))
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

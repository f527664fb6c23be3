import type Database from 'better-sqlite3'
import type { GroupMeetingRow, GroupRow, GroupStore, PresenceRow } from './groupStore'
import { checkpointTruncate } from './sqliteRoomStore'

/** Groups and attendance in the embedded database, beside the meetings (same file). */
export class SqliteGroupStore implements GroupStore {
  private readonly stmts

  constructor(private readonly db: Database.Database) {
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
    const groupCols =
      'id, name, secret_hash AS secretHash, members_json AS membersJson, created_at AS createdAt'
    const meetingCols =
      'meeting_id AS meetingId, group_id AS groupId, planned_start AS plannedStart, created_at AS createdAt'
    const presenceCols =
      'id, meeting_id AS meetingId, participant_id AS participantId, joined_at AS joinedAt, left_at AS leftAt'
    this.stmts = {
      insertGroup: db.prepare<[GroupRow]>(
        `INSERT INTO meeting_group (id, name, secret_hash, members_json, created_at)
         VALUES (@id, @name, @secretHash, @membersJson, @createdAt)`,
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
    }
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

  /**
   * The meeting's rows here, run inside the meeting store's erase transaction: attendance and its
   * place in the group go with the meeting.
   */
  readonly eraseMeetingRows = (meetingId: string): void => {
    this.stmts.erasePresence.run(meetingId)
    this.stmts.eraseGroupMeeting.run(meetingId)
  }
}

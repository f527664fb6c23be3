import type Database from 'better-sqlite3'
import type { RoleId } from '../../../shared/schema'
import { MEETING_ROOM_PREFIX, meetingRoomId } from '../../../shared/wire'
import {
  DAY_MS,
  type MeetingRow,
  type MeetingStore,
  NameTakenError,
  type ParticipantRow,
  type RetentionPolicy,
} from './meetingStore'
import { eraseDraftRows } from './sqliteDraftStore'
import { SQLITE_GROUP_LAST_ACTIVE } from './sqliteGroupStore'
import { checkpointTruncate, type SqliteRoomStore } from './sqliteRoomStore'
import { ensureSqliteTables } from './sqliteTables'
import { MEETING_COLUMNS, PARTICIPANT_COLUMNS } from './tables'

/** Meetings and their participants in the embedded database, beside the rooms (same file). */
export class SqliteMeetingStore implements MeetingStore {
  private readonly stmts
  private readonly db: Database.Database

  constructor(
    private readonly rooms: SqliteRoomStore,
    /** Rows of the meeting kept by other stores in the same file (attendance), erased with it. */
    private readonly eraseAlso: ReadonlyArray<(meetingId: string) => void> = [],
  ) {
    const db = rooms.db
    this.db = db
    ensureSqliteTables(db)
    const meetingCols = MEETING_COLUMNS
    const participantCols = PARTICIPANT_COLUMNS
    this.stmts = {
      insertMeeting: db.prepare<[MeetingRow]>(
        `INSERT INTO meeting (id, template_id, title, facilitator_secret_hash, invite_secret_hash, progress_json,
           created_at, retention_days)
         VALUES (@id, @templateId, @title, @facilitatorSecretHash, @inviteSecretHash, @progressJson, @createdAt,
           @retentionDays)`,
      ),
      meeting: db.prepare<[string], MeetingRow>(`SELECT ${meetingCols} FROM meeting WHERE id = ?`),
      setProgress: db.prepare<[string, string]>('UPDATE meeting SET progress_json = ? WHERE id = ?'),
      setInviteSecretHash: db.prepare<[string, string]>(
        'UPDATE meeting SET invite_secret_hash = ? WHERE id = ?',
      ),
      insertParticipant: db.prepare<[ParticipantRow]>(
        `INSERT INTO participant (id, meeting_id, name, role, color, token_hash, created_at, member_id, removed_at,
           name_key)
         VALUES (@id, @meetingId, @name, @role, @color, @tokenHash, @createdAt, @memberId, @removedAt, @nameKey)`,
      ),
      participantByToken: db.prepare<[string], ParticipantRow>(
        `SELECT ${participantCols} FROM participant WHERE token_hash = ?`,
      ),
      participant: db.prepare<[string], ParticipantRow>(
        `SELECT ${participantCols} FROM participant WHERE id = ?`,
      ),
      participants: db.prepare<[string], ParticipantRow>(
        `SELECT ${participantCols} FROM participant WHERE meeting_id = ? ORDER BY created_at, id`,
      ),
      setRole: db.prepare<[string, string]>('UPDATE participant SET role = ? WHERE id = ?'),
      setTokenHash: db.prepare<[string, string]>(
        'UPDATE participant SET token_hash = ?, removed_at = NULL WHERE id = ?',
      ),
      removeParticipant: db.prepare<[number, string, string]>(
        'UPDATE participant SET removed_at = ?, token_hash = ? WHERE id = ?',
      ),
      deleteParticipants: db.prepare<[string]>('DELETE FROM participant WHERE meeting_id = ?'),
      deleteMeeting: db.prepare<[string]>('DELETE FROM meeting WHERE id = ?'),
      setRetentionDays: db.prepare<[number | null, string]>(
        'UPDATE meeting SET retention_days = ? WHERE id = ?',
      ),
      // The room's activity, else the meeting's birth; its days, else the default, at most the maximum.
      // A meeting of a group without days of its own is kept as long as its group.
      expired: db.prepare<
        [{ defaultDays: number; maxDays: number; now: number; limit: number }],
        { id: string }
      >(
        `SELECT m.id FROM meeting m LEFT JOIN room_activity a ON a.room_id = ('${MEETING_ROOM_PREFIX}' || m.id)
         LEFT JOIN group_meeting gm ON gm.meeting_id = m.id
         LEFT JOIN meeting_group g ON g.id = gm.group_id
         WHERE CASE WHEN m.retention_days IS NULL AND g.id IS NOT NULL
           THEN ${SQLITE_GROUP_LAST_ACTIVE} + min(coalesce(g.retention_days, @defaultDays), @maxDays) * ${DAY_MS}
           ELSE coalesce(a.last_active_at, m.created_at) + min(coalesce(m.retention_days, @defaultDays), @maxDays) * ${DAY_MS}
         END < @now
         ORDER BY coalesce(a.last_active_at, m.created_at) LIMIT @limit`,
      ),
    }
  }

  /** With its room's activity: the retention counts from the meeting's making until someone acts. */
  async insertMeeting(row: MeetingRow): Promise<void> {
    this.db.transaction(() => {
      this.stmts.insertMeeting.run(row)
      this.rooms.touchNow(meetingRoomId(row.id), row.createdAt, true)
    })()
  }
  async setRetentionDays(id: string, days: number | null): Promise<void> {
    this.stmts.setRetentionDays.run(days, id)
  }
  async expired(now: number, policy: RetentionPolicy, limit: number): Promise<string[]> {
    return this.stmts.expired
      .all({ defaultDays: policy.defaultDays, maxDays: policy.maxDays, now, limit })
      .map((row) => row.id)
  }
  async meeting(id: string): Promise<MeetingRow | undefined> {
    return this.stmts.meeting.get(id)
  }
  async setProgress(id: string, progressJson: string): Promise<void> {
    this.stmts.setProgress.run(progressJson, id)
  }
  async setInviteSecretHash(id: string, hash: string): Promise<void> {
    this.stmts.setInviteSecretHash.run(hash, id)
  }
  async insertParticipant(row: ParticipantRow): Promise<void> {
    try {
      this.stmts.insertParticipant.run({ ...row, nameKey: row.nameKey ?? null })
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && /name_key/.test(String(error)))
        throw new NameTakenError()
      throw error
    }
  }
  async setTokenHash(participantId: string, tokenHash: string): Promise<void> {
    this.stmts.setTokenHash.run(tokenHash, participantId)
  }
  async removeParticipant(participantId: string, at: number, revokedHash: string): Promise<void> {
    this.stmts.removeParticipant.run(at, revokedHash, participantId)
  }
  async participantByTokenHash(tokenHash: string): Promise<ParticipantRow | undefined> {
    return this.stmts.participantByToken.get(tokenHash)
  }
  async participant(id: string): Promise<ParticipantRow | undefined> {
    return this.stmts.participant.get(id)
  }
  async participants(meetingId: string): Promise<ParticipantRow[]> {
    return this.stmts.participants.all(meetingId)
  }
  async setRole(participantId: string, role: RoleId): Promise<void> {
    this.stmts.setRole.run(role, participantId)
  }

  /**
   * One transaction for the room's rows, the names and the meeting; then the write-ahead log is
   * checkpointed to zero bytes. Only after that checkpoint is no byte of the meeting in any
   * database file (secure_delete zeroes the freed cells and pages), so a crash right after this
   * resolves cannot bring anything back.
   */
  async erase(meetingId: string, roomId: string): Promise<void> {
    this.db.transaction(() => {
      this.rooms.eraseRows(roomId)
      eraseDraftRows(this.db, meetingId)
      for (const erase of this.eraseAlso) erase(meetingId)
      this.stmts.deleteParticipants.run(meetingId)
      this.stmts.deleteMeeting.run(meetingId)
    })()
    checkpointTruncate(this.db)
  }
}

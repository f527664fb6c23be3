import type Database from 'better-sqlite3'
import type { RoleId } from '../../../templates/src/schema'
import { checkpointTruncate } from './sqliteRoomStore'

export interface MeetingRow {
  id: string
  templateId: string
  title: string
  facilitatorSecretHash: string
  inviteSecretHash: string
  progressJson: string
  createdAt: number
}

export interface ParticipantRow {
  id: string
  meetingId: string
  name: string
  role: RoleId
  color: string
  tokenHash: string
  createdAt: number
}

/** Meetings and their participants in the embedded database. Secrets and tokens only as hashes. */
export class MeetingStore {
  private readonly stmts

  constructor(readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS meeting (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL,
        title TEXT NOT NULL,
        facilitator_secret_hash TEXT NOT NULL,
        invite_secret_hash TEXT NOT NULL,
        progress_json TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS participant (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meeting (id),
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        color TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS participant_by_meeting ON participant (meeting_id, created_at);
    `)
    const meetingCols = `id, template_id AS templateId, title, facilitator_secret_hash AS facilitatorSecretHash,
      invite_secret_hash AS inviteSecretHash, progress_json AS progressJson, created_at AS createdAt`
    const participantCols = `id, meeting_id AS meetingId, name, role, color, token_hash AS tokenHash, created_at AS createdAt`
    this.stmts = {
      insertMeeting: db.prepare<[MeetingRow]>(
        `INSERT INTO meeting (id, template_id, title, facilitator_secret_hash, invite_secret_hash, progress_json, created_at)
         VALUES (@id, @templateId, @title, @facilitatorSecretHash, @inviteSecretHash, @progressJson, @createdAt)`,
      ),
      meeting: db.prepare<[string], MeetingRow>(`SELECT ${meetingCols} FROM meeting WHERE id = ?`),
      setProgress: db.prepare<[string, string]>('UPDATE meeting SET progress_json = ? WHERE id = ?'),
      setInviteSecretHash: db.prepare<[string, string]>(
        'UPDATE meeting SET invite_secret_hash = ? WHERE id = ?',
      ),
      insertParticipant: db.prepare<[ParticipantRow]>(
        `INSERT INTO participant (id, meeting_id, name, role, color, token_hash, created_at)
         VALUES (@id, @meetingId, @name, @role, @color, @tokenHash, @createdAt)`,
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
      deleteParticipants: db.prepare<[string]>('DELETE FROM participant WHERE meeting_id = ?'),
      deleteMeeting: db.prepare<[string]>('DELETE FROM meeting WHERE id = ?'),
    }
  }

  insertMeeting(row: MeetingRow): void {
    this.stmts.insertMeeting.run(row)
  }
  meeting(id: string): MeetingRow | undefined {
    return this.stmts.meeting.get(id)
  }
  setProgress(id: string, progressJson: string): void {
    this.stmts.setProgress.run(progressJson, id)
  }
  /** Replaces the invite secret's hash: the old invite link stops working with this write. */
  setInviteSecretHash(id: string, hash: string): void {
    this.stmts.setInviteSecretHash.run(hash, id)
  }
  insertParticipant(row: ParticipantRow): void {
    this.stmts.insertParticipant.run(row)
  }
  participantByTokenHash(tokenHash: string): ParticipantRow | undefined {
    return this.stmts.participantByToken.get(tokenHash)
  }
  participant(id: string): ParticipantRow | undefined {
    return this.stmts.participant.get(id)
  }
  participants(meetingId: string): ParticipantRow[] {
    return this.stmts.participants.all(meetingId)
  }
  setRole(participantId: string, role: RoleId): void {
    this.stmts.setRole.run(role, participantId)
  }
  /**
   * Erases the meeting, its participants (names, session tokens) and, through `eraseRoom`, its
   * board, in ONE transaction; then checkpoints the write-ahead log to zero bytes. Only after
   * that checkpoint is no byte of the meeting in any database file (secure_delete zeroes the
   * freed cells and pages), so a crash right after this returns cannot bring anything back.
   */
  erase(meetingId: string, eraseRoom: () => void): void {
    this.db.transaction(() => {
      eraseRoom()
      this.stmts.deleteParticipants.run(meetingId)
      this.stmts.deleteMeeting.run(meetingId)
    })()
    checkpointTruncate(this.db)
  }
}

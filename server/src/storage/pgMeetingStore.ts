import type pg from 'pg'
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
import { deleteDraftRows } from './pgDraftStore'
import { eraseGroupRows, PG_GROUP_LAST_ACTIVE } from './pgGroupStore'
import { deleteRoomRows, inTransaction } from './postgres'
import { MEETING_COLUMNS, PARTICIPANT_COLUMNS } from './tables'

const MEETING_COLS = MEETING_COLUMNS
const PARTICIPANT_COLS = PARTICIPANT_COLUMNS

/** Meetings and participants in Postgres, shared by every instance (tables: storage/postgres.ts). */
export class PgMeetingStore implements MeetingStore {
  constructor(private readonly pool: pg.Pool) {}

  /** The meeting's room is made with it: only a meeting that exists has a room that takes appends. */
  async insertMeeting(row: MeetingRow): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO meeting (id, template_id, title, facilitator_secret_hash, invite_secret_hash, progress_json,
         created_at, retention_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          row.id,
          row.templateId,
          row.title,
          row.facilitatorSecretHash,
          row.inviteSecretHash,
          row.progressJson,
          row.createdAt,
          row.retentionDays,
        ],
      )
      await client.query(
        'INSERT INTO room_head (room_id, last_active_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [meetingRoomId(row.id), row.createdAt],
      )
    })
  }

  async meeting(id: string): Promise<MeetingRow | undefined> {
    const { rows } = await this.pool.query(`SELECT ${MEETING_COLS} FROM meeting WHERE id = $1`, [id])
    return rows[0] ? meetingRow(rows[0]) : undefined
  }

  async setProgress(id: string, progressJson: string): Promise<void> {
    await this.pool.query('UPDATE meeting SET progress_json = $1 WHERE id = $2', [progressJson, id])
  }

  async setInviteSecretHash(id: string, hash: string): Promise<void> {
    await this.pool.query('UPDATE meeting SET invite_secret_hash = $1 WHERE id = $2', [hash, id])
  }

  async insertParticipant(row: ParticipantRow): Promise<void> {
    try {
      await this.pool.query(
        `INSERT INTO participant (id, meeting_id, name, role, color, token_hash, created_at, member_id, removed_at,
           name_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          row.id,
          row.meetingId,
          row.name,
          row.role,
          row.color,
          row.tokenHash,
          row.createdAt,
          row.memberId,
          row.removedAt,
          row.nameKey ?? null,
        ],
      )
    } catch (error) {
      // 23505: unique_violation; on another instance someone joined under this name just before.
      const e = error as { code?: string; constraint?: string }
      if (e.code === '23505' && e.constraint === 'participant_name_unique') throw new NameTakenError()
      throw error
    }
  }

  async setTokenHash(participantId: string, tokenHash: string): Promise<void> {
    await this.pool.query('UPDATE participant SET token_hash = $1, removed_at = NULL WHERE id = $2', [
      tokenHash,
      participantId,
    ])
  }

  async removeParticipant(participantId: string, at: number, revokedHash: string): Promise<void> {
    await this.pool.query('UPDATE participant SET removed_at = $1, token_hash = $2 WHERE id = $3', [
      at,
      revokedHash,
      participantId,
    ])
  }

  async participantByTokenHash(tokenHash: string): Promise<ParticipantRow | undefined> {
    const { rows } = await this.pool.query(
      `SELECT ${PARTICIPANT_COLS} FROM participant WHERE token_hash = $1`,
      [tokenHash],
    )
    return rows[0] ? participantRow(rows[0]) : undefined
  }

  async participant(id: string): Promise<ParticipantRow | undefined> {
    const { rows } = await this.pool.query(`SELECT ${PARTICIPANT_COLS} FROM participant WHERE id = $1`, [id])
    return rows[0] ? participantRow(rows[0]) : undefined
  }

  async participants(meetingId: string): Promise<ParticipantRow[]> {
    const { rows } = await this.pool.query(
      `SELECT ${PARTICIPANT_COLS} FROM participant WHERE meeting_id = $1 ORDER BY created_at, id`,
      [meetingId],
    )
    return rows.map(participantRow)
  }

  async setRole(participantId: string, role: RoleId): Promise<void> {
    await this.pool.query('UPDATE participant SET role = $1 WHERE id = $2', [role, participantId])
  }

  async setRetentionDays(id: string, days: number | null): Promise<void> {
    await this.pool.query('UPDATE meeting SET retention_days = $1 WHERE id = $2', [days, id])
  }

  async expired(now: number, policy: RetentionPolicy, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      // A meeting of a group without days of its own is kept as long as its group.
      `SELECT m.id FROM meeting m LEFT JOIN room_head h ON h.room_id = '${MEETING_ROOM_PREFIX}' || m.id
       LEFT JOIN group_meeting gm ON gm.meeting_id = m.id
       LEFT JOIN meeting_group g ON g.id = gm.group_id
       WHERE CASE WHEN m.retention_days IS NULL AND g.id IS NOT NULL
         THEN ${PG_GROUP_LAST_ACTIVE} + LEAST(coalesce(g.retention_days, $1), $2) * ${DAY_MS}::bigint
         ELSE coalesce(h.last_active_at, m.created_at) + LEAST(coalesce(m.retention_days, $1), $2) * ${DAY_MS}::bigint
       END < $3
       ORDER BY coalesce(h.last_active_at, m.created_at) LIMIT $4`,
      [policy.defaultDays, policy.maxDays, now, limit],
    )
    return rows.map((row) => row.id)
  }

  /**
   * One transaction for the room's rows, the attendance, the names and the meeting. The rows are gone when it
   * commits; Postgres keeps dead row versions in its files until VACUUM reuses the space (see
   * README, "Several instances").
   */
  async erase(meetingId: string, roomId: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await deleteRoomRows(client, roomId)
      await deleteDraftRows(client, meetingId)
      await eraseGroupRows(client, meetingId)
      await client.query('DELETE FROM participant WHERE meeting_id = $1', [meetingId])
      await client.query('DELETE FROM meeting WHERE id = $1', [meetingId])
    })
  }
}

/** BIGINT arrives as a string; our times fit a JS number. */
function meetingRow(row: Record<string, unknown>): MeetingRow {
  return {
    ...(row as unknown as MeetingRow),
    createdAt: Number(row.createdAt),
    retentionDays: row.retentionDays == null ? null : Number(row.retentionDays),
  }
}

function participantRow(row: Record<string, unknown>): ParticipantRow {
  return {
    ...(row as unknown as ParticipantRow),
    createdAt: Number(row.createdAt),
    removedAt: row.removedAt == null ? null : Number(row.removedAt),
  }
}

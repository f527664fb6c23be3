import type pg from 'pg'
import type { GroupMeetingRow, GroupRow, GroupStore, PresenceRow } from './groupStore'
import { inTransaction } from './postgres'

const GROUP_COLS = `id, name, secret_hash AS "secretHash", members_json AS "membersJson", created_at AS "createdAt"`
const MEETING_COLS = `meeting_id AS "meetingId", group_id AS "groupId", planned_start AS "plannedStart",
  created_at AS "createdAt"`
const PRESENCE_COLS = `id, meeting_id AS "meetingId", participant_id AS "participantId", joined_at AS "joinedAt",
  left_at AS "leftAt"`

/** Groups and attendance in Postgres, shared by every instance (tables: storage/postgres.ts). */
export class PgGroupStore implements GroupStore {
  constructor(private readonly pool: pg.Pool) {}

  async insertGroup(row: GroupRow): Promise<void> {
    await this.pool.query(
      `INSERT INTO meeting_group (id, name, secret_hash, members_json, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [row.id, row.name, row.secretHash, row.membersJson, row.createdAt],
    )
  }

  async group(id: string): Promise<GroupRow | undefined> {
    const { rows } = await this.pool.query(`SELECT ${GROUP_COLS} FROM meeting_group WHERE id = $1`, [id])
    return rows[0] ? { ...(rows[0] as GroupRow), createdAt: Number(rows[0].createdAt) } : undefined
  }

  async addMeeting(row: GroupMeetingRow): Promise<void> {
    await this.pool.query(
      `INSERT INTO group_meeting (meeting_id, group_id, planned_start, created_at) VALUES ($1, $2, $3, $4)`,
      [row.meetingId, row.groupId, row.plannedStart, row.createdAt],
    )
  }

  async meetings(groupId: string): Promise<GroupMeetingRow[]> {
    const { rows } = await this.pool.query(
      `SELECT ${MEETING_COLS} FROM group_meeting WHERE group_id = $1 ORDER BY created_at, meeting_id`,
      [groupId],
    )
    return rows.map(groupMeetingRow)
  }

  async groupMeeting(meetingId: string): Promise<GroupMeetingRow | undefined> {
    const { rows } = await this.pool.query(
      `SELECT ${MEETING_COLS} FROM group_meeting WHERE meeting_id = $1`,
      [meetingId],
    )
    return rows[0] ? groupMeetingRow(rows[0]) : undefined
  }

  async presenceOpened(row: PresenceRow): Promise<void> {
    await this.pool.query(
      `INSERT INTO presence (id, meeting_id, participant_id, joined_at, left_at) VALUES ($1, $2, $3, $4, $5)`,
      [row.id, row.meetingId, row.participantId, row.joinedAt, row.leftAt],
    )
  }

  async presenceClosed(id: string, leftAt: number): Promise<void> {
    await this.pool.query('UPDATE presence SET left_at = $1 WHERE id = $2', [leftAt, id])
  }

  async presence(meetingId: string): Promise<PresenceRow[]> {
    const { rows } = await this.pool.query(
      `SELECT ${PRESENCE_COLS} FROM presence WHERE meeting_id = $1 ORDER BY joined_at, id`,
      [meetingId],
    )
    return rows.map((r) => ({
      ...(r as PresenceRow),
      joinedAt: Number(r.joinedAt),
      leftAt: r.leftAt === null ? null : Number(r.leftAt),
    }))
  }

  /** One transaction; Postgres keeps dead row versions until VACUUM (see README, "Several instances"). */
  async eraseGroup(groupId: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        'DELETE FROM presence WHERE meeting_id IN (SELECT meeting_id FROM group_meeting WHERE group_id = $1)',
        [groupId],
      )
      await client.query('DELETE FROM group_meeting WHERE group_id = $1', [groupId])
      await client.query('DELETE FROM meeting_group WHERE id = $1', [groupId])
    })
  }
}

/** The meeting's rows in the group tables, inside the meeting store's erase transaction. */
export async function eraseGroupRows(client: pg.PoolClient, meetingId: string): Promise<void> {
  await client.query('DELETE FROM presence WHERE meeting_id = $1', [meetingId])
  await client.query('DELETE FROM group_meeting WHERE meeting_id = $1', [meetingId])
}

/** BIGINT arrives as a string; our times fit a JS number. */
function groupMeetingRow(row: Record<string, unknown>): GroupMeetingRow {
  return {
    ...(row as unknown as GroupMeetingRow),
    plannedStart: row.plannedStart === null ? null : Number(row.plannedStart),
    createdAt: Number(row.createdAt),
  }
}

import type pg from 'pg'
import { MEETING_ROOM_PREFIX } from '../../../shared/wire'
import { isLegacyMembers, planLegacyMembers } from '../groups/memberLinks'
import type { GroupMeetingRow, GroupRow, GroupStore, NameReader, PresenceRow } from './groupStore'
import { DAY_MS, type RetentionPolicy } from './meetingStore'
import { inTransaction } from './postgres'
import { GROUP_COLUMNS, GROUP_MEETING_COLUMNS, groupLastActiveSql, PRESENCE_COLUMNS } from './tables'

const GROUP_COLS = GROUP_COLUMNS
/** The last activity of the group `g` (tables.ts). */
export const PG_GROUP_LAST_ACTIVE = groupLastActiveSql('postgres', MEETING_ROOM_PREFIX)
const MEETING_COLS = GROUP_MEETING_COLUMNS
const PRESENCE_COLS = PRESENCE_COLUMNS

/** Groups and attendance in Postgres, shared by every instance (tables: storage/postgres.ts). */
export class PgGroupStore implements GroupStore {
  /** Names as the meeting store wrote them (encrypted at rest: openStorage.ts sets the reader). */
  readName: NameReader = async (_meetingId, stored) => stored

  constructor(private readonly pool: pg.Pool) {}

  async insertGroup(row: GroupRow): Promise<void> {
    await this.pool.query(
      `INSERT INTO meeting_group (id, name, secret_hash, members_json, created_at, retention_days, last_active_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.id, row.name, row.secretHash, row.membersJson, row.createdAt, row.retentionDays, row.lastActiveAt],
    )
  }

  async group(id: string): Promise<GroupRow | undefined> {
    const { rows } = await this.pool.query(`SELECT ${GROUP_COLS} FROM meeting_group WHERE id = $1`, [id])
    return rows[0] ? groupRow(rows[0]) : undefined
  }

  async setRetentionDays(groupId: string, days: number | null): Promise<void> {
    await this.pool.query('UPDATE meeting_group SET retention_days = $1 WHERE id = $2', [days, groupId])
  }

  async setSecretHash(groupId: string, secretHash: string): Promise<void> {
    await this.pool.query('UPDATE meeting_group SET secret_hash = $1 WHERE id = $2', [secretHash, groupId])
  }

  async setMembersJson(groupId: string, membersJson: string): Promise<void> {
    await this.pool.query('UPDATE meeting_group SET members_json = $1 WHERE id = $2', [membersJson, groupId])
  }

  async setSecrets(groupId: string, secretHash: string, membersJson: string): Promise<void> {
    await this.pool.query('UPDATE meeting_group SET secret_hash = $1, members_json = $2 WHERE id = $3', [
      secretHash,
      membersJson,
      groupId,
    ])
  }

  /** Each group in one transaction, its row locked: instances starting together move it once. */
  async migrateLegacyMembers(): Promise<number> {
    const { rows } = await this.pool.query(`SELECT id FROM meeting_group WHERE members_json LIKE '["%'`)
    let moved = 0
    for (const { id } of rows as Array<{ id: string }>) {
      await inTransaction(this.pool, async (client) => {
        const locked = await client.query('SELECT members_json FROM meeting_group WHERE id = $1 FOR UPDATE', [
          id,
        ])
        const membersJson = locked.rows[0]?.members_json as string | undefined
        if (membersJson === undefined || !isLegacyMembers(membersJson)) return
        const people = await client.query(
          `SELECT p.id, p.name, p.meeting_id FROM participant p JOIN group_meeting gm ON gm.meeting_id = p.meeting_id
           WHERE gm.group_id = $1 AND p.member_id IS NULL`,
          [id],
        )
        const named = await Promise.all(
          (people.rows as Array<{ id: string; name: string; meeting_id: string }>).map(async (p) => ({
            id: p.id,
            name: await this.readName(p.meeting_id, p.name),
          })),
        )
        const plan = planLegacyMembers(id, membersJson, named)
        await client.query('UPDATE meeting_group SET members_json = $1 WHERE id = $2', [plan.membersJson, id])
        for (const b of plan.bindings)
          await client.query('UPDATE participant SET member_id = $1 WHERE id = $2', [
            b.memberId,
            b.participantId,
          ])
        moved++
      })
    }
    return moved
  }

  async touchGroup(groupId: string, at: number): Promise<void> {
    await this.pool.query(
      'UPDATE meeting_group SET last_active_at = GREATEST(coalesce(last_active_at, 0), $1) WHERE id = $2',
      [at, groupId],
    )
  }

  async lastActivity(groupId: string): Promise<number | undefined> {
    const { rows } = await this.pool.query(
      `SELECT ${PG_GROUP_LAST_ACTIVE} AS at FROM meeting_group g WHERE g.id = $1`,
      [groupId],
    )
    return rows[0] ? Number(rows[0].at) : undefined
  }

  async expired(now: number, policy: RetentionPolicy, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT g.id FROM meeting_group g
       WHERE ${PG_GROUP_LAST_ACTIVE} + LEAST(coalesce(g.retention_days, $1), $2) * ${DAY_MS}::bigint < $3
       ORDER BY ${PG_GROUP_LAST_ACTIVE} LIMIT $4`,
      [policy.defaultDays, policy.maxDays, now, limit],
    )
    return rows.map((row) => row.id)
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

  async memberKeysJson(meetingId: string): Promise<string | null> {
    const { rows } = await this.pool.query(
      'SELECT member_keys_json AS json FROM group_meeting WHERE meeting_id = $1',
      [meetingId],
    )
    return (rows[0]?.json as string | null | undefined) ?? null
  }
  async setMemberKeysJson(meetingId: string, json: string): Promise<void> {
    await this.pool.query('UPDATE group_meeting SET member_keys_json = $1 WHERE meeting_id = $2', [
      json,
      meetingId,
    ])
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
function groupRow(row: Record<string, unknown>): GroupRow {
  return {
    ...(row as unknown as GroupRow),
    createdAt: Number(row.createdAt),
    retentionDays: row.retentionDays == null ? null : Number(row.retentionDays),
    lastActiveAt: row.lastActiveAt == null ? null : Number(row.lastActiveAt),
  }
}

/** BIGINT arrives as a string; our times fit a JS number. */
function groupMeetingRow(row: Record<string, unknown>): GroupMeetingRow {
  return {
    ...(row as unknown as GroupMeetingRow),
    plannedStart: row.plannedStart === null ? null : Number(row.plannedStart),
    createdAt: Number(row.createdAt),
  }
}

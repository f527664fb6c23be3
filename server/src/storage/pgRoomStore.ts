import type pg from 'pg'
import { deleteRoomRows, inTransaction } from './postgres'
import type { LoadOptions, RoomStore, StoredRoom } from './roomStore'

interface LoadRow {
  kind: number
  seq: string
  data: Buffer | null
  tl_schema: string | null
}

/**
 * RoomStore on Postgres, shared by every instance. Each room has a head row whose counter gives
 * its log entries their seq: an append takes the head's row lock, so seqs follow commit order
 * within a room, and an erased room (no head) takes no more appends, whichever instance sends them.
 */
export class PgRoomStore implements RoomStore {
  constructor(private readonly pool: pg.Pool) {}

  async load(roomId: string, options: LoadOptions = {}): Promise<StoredRoom> {
    if (options.create ?? true) {
      await this.pool.query('INSERT INTO room_head (room_id) VALUES ($1) ON CONFLICT DO NOTHING', [roomId])
    }
    return this.loadSince(roomId, -1)
  }

  /** One statement, so the snapshot and the log come from one moment (a compaction cannot split them). */
  async loadSince(roomId: string, seq: number): Promise<StoredRoom> {
    const { rows } = await this.pool.query<LoadRow>(
      `SELECT 0 AS kind, covers_seq AS seq, CASE WHEN covers_seq > $2 THEN data END AS data, tl_schema
         FROM room_snapshot WHERE room_id = $1
       UNION ALL
       SELECT 1, u.seq, u.data, NULL FROM room_update u
         WHERE u.room_id = $1 AND u.seq > GREATEST($2,
           coalesce((SELECT covers_seq FROM room_snapshot s WHERE s.room_id = $1), 0))
       ORDER BY kind, seq`,
      [roomId, seq],
    )
    const stored: StoredRoom = { snapshot: null, snapshotSeq: 0, schema: null, updates: [] }
    for (const row of rows) {
      if (row.kind === 0) {
        stored.schema = row.tl_schema
        if (row.data) {
          stored.snapshot = new Uint8Array(row.data)
          stored.snapshotSeq = Number(row.seq)
        }
      } else if (row.data) {
        stored.updates.push({ seq: Number(row.seq), data: new Uint8Array(row.data) })
      }
    }
    return stored
  }

  async append(roomId: string, updates: readonly Uint8Array[]): Promise<number[] | null> {
    const { rows } = await this.pool.query<{ seq: string }>(
      `WITH head AS (
         UPDATE room_head SET last_seq = last_seq + $3 WHERE room_id = $1 RETURNING last_seq
       )
       INSERT INTO room_update (room_id, seq, data)
       SELECT $1, head.last_seq - $3 + u.ord, u.data
         FROM head, unnest($2::bytea[]) WITH ORDINALITY AS u(data, ord)
       RETURNING seq`,
      [roomId, updates.map(toBuffer), updates.length],
    )
    if (rows.length === 0) return null
    return rows.map((row) => Number(row.seq)).sort((a, b) => a - b)
  }

  async compact(roomId: string, snapshot: Uint8Array, upToSeq: number, schema: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      // The head's lock orders this against an erase: an erased room gets no snapshot back.
      const head = await client.query('SELECT 1 FROM room_head WHERE room_id = $1 FOR UPDATE', [roomId])
      if (head.rowCount === 0) return
      await client.query(
        `INSERT INTO room_snapshot (room_id, data, covers_seq, tl_schema, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (room_id) DO UPDATE SET data = excluded.data, covers_seq = excluded.covers_seq,
           tl_schema = excluded.tl_schema, updated_at = excluded.updated_at
         WHERE room_snapshot.covers_seq <= excluded.covers_seq`,
        [roomId, toBuffer(snapshot), upToSeq, schema, Date.now()],
      )
      await client.query('DELETE FROM room_update WHERE room_id = $1 AND seq <= $2', [roomId, upToSeq])
    })
  }

  async erase(roomId: string): Promise<void> {
    await inTransaction(this.pool, (client) => deleteRoomRows(client, roomId))
  }

  /** The time lives on the room's head: an erased room (no head) is never touched back. */
  async touch(roomId: string, at: number, _options: { create: boolean }): Promise<void> {
    await this.pool.query(
      'UPDATE room_head SET last_active_at = GREATEST(coalesce(last_active_at, 0), $2) WHERE room_id = $1',
      [roomId, at],
    )
  }

  async lastActivity(roomId: string): Promise<number | null> {
    const { rows } = await this.pool.query<{ at: string | null }>(
      'SELECT last_active_at AS at FROM room_head WHERE room_id = $1',
      [roomId],
    )
    return rows[0]?.at == null ? null : Number(rows[0].at)
  }

  async idleRooms(before: number, options: { exceptPrefix: string; limit: number }): Promise<string[]> {
    const { rows } = await this.pool.query<{ room_id: string }>(
      `SELECT room_id FROM room_head WHERE last_active_at < $1 AND left(room_id, length($2)) <> $2
       ORDER BY last_active_at LIMIT $3`,
      [before, options.exceptPrefix, options.limit],
    )
    return rows.map((row) => row.room_id)
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

import Database from 'better-sqlite3'
import type { LoadOptions, RoomStore, StoredRoom } from './roomStore'
import { eraseClaimRows } from './sqliteClientClaimStore'
import { ensureSqliteTables } from './sqliteTables'

interface SnapshotRow {
  data: Buffer
  coversSeq: number
  schema: string | null
}

/**
 * RoomStore on SQLite (better-sqlite3), in WAL mode. WAL with synchronous=NORMAL keeps every
 * committed transaction across a crash of this process (kill -9); only a power loss may lose
 * the last transactions, which `synchronous: 'full'` closes at the price of an fsync per update.
 * The calls are synchronous underneath: a promise resolves once the row is committed.
 */
export class SqliteRoomStore implements RoomStore {
  readonly db: Database.Database
  private readonly stmts

  constructor(db: Database.Database) {
    this.db = db
    ensureSqliteTables(db)
    this.stmts = {
      snapshot: this.db.prepare<[string], SnapshotRow>(
        'SELECT data, covers_seq AS coversSeq, tl_schema AS schema FROM room_snapshot WHERE room_id = ?',
      ),
      updatesAfter: this.db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM room_update WHERE room_id = ? AND seq > ? ORDER BY seq',
      ),
      append: this.db.prepare<[string, Uint8Array], { seq: number }>(
        'INSERT INTO room_update (room_id, data) VALUES (?, ?) RETURNING seq',
      ),
      // A snapshot that covers less never replaces one that covers more.
      putSnapshot: this.db.prepare<[string, Uint8Array, number, string, number]>(
        `INSERT INTO room_snapshot (room_id, data, covers_seq, tl_schema, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (room_id) DO UPDATE SET data = excluded.data, covers_seq = excluded.covers_seq,
           tl_schema = excluded.tl_schema, updated_at = excluded.updated_at
         WHERE excluded.covers_seq >= room_snapshot.covers_seq`,
      ),
      dropUpTo: this.db.prepare<[string, number]>('DELETE FROM room_update WHERE room_id = ? AND seq <= ?'),
      eraseSnapshot: this.db.prepare<[string]>('DELETE FROM room_snapshot WHERE room_id = ?'),
      eraseLog: this.db.prepare<[string]>('DELETE FROM room_update WHERE room_id = ?'),
      touchOrCreate: this.db.prepare<[string, number]>(
        `INSERT INTO room_activity (room_id, last_active_at) VALUES (?, ?)
         ON CONFLICT (room_id) DO UPDATE SET last_active_at = max(last_active_at, excluded.last_active_at)`,
      ),
      touch: this.db.prepare<[number, string]>(
        'UPDATE room_activity SET last_active_at = max(last_active_at, ?) WHERE room_id = ?',
      ),
      lastActivity: this.db.prepare<[string], { at: number }>(
        'SELECT last_active_at AS at FROM room_activity WHERE room_id = ?',
      ),
      idleRooms: this.db.prepare<[number, string, string, number], { roomId: string }>(
        `SELECT room_id AS roomId FROM room_activity
         WHERE last_active_at < ? AND substr(room_id, 1, length(?)) <> ?
         ORDER BY last_active_at LIMIT ?`,
      ),
      eraseActivity: this.db.prepare<[string]>('DELETE FROM room_activity WHERE room_id = ?'),
    }
  }

  /** One instance only: every room exists, and `create` has nothing to refuse. */
  async load(roomId: string, _options?: LoadOptions): Promise<StoredRoom> {
    return this.loadSince(roomId, -1)
  }

  async loadSince(roomId: string, seq: number): Promise<StoredRoom> {
    return this.db.transaction(() => {
      const snap = this.stmts.snapshot.get(roomId)
      const useSnapshot = snap !== undefined && snap.coversSeq > seq
      const after = Math.max(seq, snap?.coversSeq ?? 0)
      return {
        snapshot: useSnapshot ? new Uint8Array(snap.data) : null,
        snapshotSeq: useSnapshot ? snap.coversSeq : 0,
        schema: snap?.schema ?? null,
        updates: this.stmts.updatesAfter
          .all(roomId, after)
          .map((row) => ({ seq: row.seq, data: new Uint8Array(row.data) })),
      }
    })()
  }

  async append(roomId: string, updates: readonly Uint8Array[]): Promise<number[]> {
    return this.db.transaction(() => updates.map((update) => this.stmts.append.get(roomId, update)!.seq))()
  }

  async compact(roomId: string, snapshot: Uint8Array, upToSeq: number, schema: string): Promise<void> {
    this.db.transaction(() => {
      this.stmts.putSnapshot.run(roomId, snapshot, upToSeq, schema, Date.now())
      this.stmts.dropUpTo.run(roomId, upToSeq)
    })()
  }

  async erase(roomId: string): Promise<void> {
    this.eraseRows(roomId)
    checkpointTruncate(this.db)
  }

  /**
   * Deletes a room's rows; inside a caller's transaction (a meeting erased with its
   * participants) it joins it, and the caller checkpoints after its commit.
   */
  eraseRows(roomId: string): void {
    this.db.transaction(() => {
      this.stmts.eraseSnapshot.run(roomId)
      this.stmts.eraseLog.run(roomId)
      this.stmts.eraseActivity.run(roomId)
      eraseClaimRows(this.db, roomId)
    })()
  }

  async touch(roomId: string, at: number, { create }: { create: boolean }): Promise<void> {
    this.touchNow(roomId, at, create)
  }

  /** The synchronous touch, to join a caller's transaction (a meeting made with its room). */
  touchNow(roomId: string, at: number, create: boolean): void {
    if (create) this.stmts.touchOrCreate.run(roomId, at)
    else this.stmts.touch.run(at, roomId)
  }

  async lastActivity(roomId: string): Promise<number | null> {
    return this.stmts.lastActivity.get(roomId)?.at ?? null
  }

  async idleRooms(before: number, options: { exceptPrefix: string; limit: number }): Promise<string[]> {
    const { exceptPrefix, limit } = options
    return this.stmts.idleRooms.all(before, exceptPrefix, exceptPrefix, limit).map((row) => row.roomId)
  }
}

/** Opens the embedded database file with the settings every store here relies on. */
export function openSqlite(
  file: string,
  options: { synchronous?: 'normal' | 'full' } = {},
): Database.Database {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
  db.pragma('busy_timeout = 5000')
  // Deleted content is overwritten, not just unlinked: an erased meeting must not linger in free pages.
  db.pragma('secure_delete = ON')
  // A crash between an erase's commit and its checkpoint left older page versions in the log.
  db.pragma('wal_checkpoint(TRUNCATE)')
  return db
}

/**
 * Copies the write-ahead log into the database file and truncates it to zero bytes. Until then the
 * log still holds the page versions from before a delete (with secure_delete the database file's
 * own pages are zeroed, but only once the checkpoint writes them). Throws if a reader kept the
 * checkpoint from finishing: an erase must not report success while bytes remain.
 */
export function checkpointTruncate(db: Database.Database): void {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
  if (result?.busy !== 0) {
    throw new Error(`write-ahead log not truncated: ${JSON.stringify(result)}`)
  }
}

import Database from 'better-sqlite3'
import type { RoomStore, StoredRoom } from './roomStore'

/**
 * RoomStore on SQLite (better-sqlite3), in WAL mode. WAL with synchronous=NORMAL keeps every
 * committed transaction across a crash of this process (kill -9); only a power loss may lose
 * the last transactions, which `synchronous: 'full'` closes at the price of an fsync per update.
 */
export class SqliteRoomStore implements RoomStore {
  readonly db: Database.Database
  private readonly stmts

  constructor(db: Database.Database) {
    this.db = db
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS room_snapshot (
        room_id TEXT PRIMARY KEY,
        data BLOB NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS room_update (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        room_id TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS room_update_by_room ON room_update (room_id, seq);
    `)
    this.stmts = {
      snapshot: this.db.prepare<[string], { data: Buffer }>(
        'SELECT data FROM room_snapshot WHERE room_id = ?',
      ),
      updates: this.db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM room_update WHERE room_id = ? ORDER BY seq',
      ),
      append: this.db.prepare<[string, Uint8Array]>('INSERT INTO room_update (room_id, data) VALUES (?, ?)'),
      putSnapshot: this.db.prepare<[string, Uint8Array, number]>(
        `INSERT INTO room_snapshot (room_id, data, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (room_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      ),
      nthSeq: this.db.prepare<[string, number], { seq: number }>(
        'SELECT seq FROM room_update WHERE room_id = ? ORDER BY seq LIMIT 1 OFFSET ?',
      ),
      dropUpTo: this.db.prepare<[string, number]>('DELETE FROM room_update WHERE room_id = ? AND seq <= ?'),
      eraseSnapshot: this.db.prepare<[string]>('DELETE FROM room_snapshot WHERE room_id = ?'),
      eraseLog: this.db.prepare<[string]>('DELETE FROM room_update WHERE room_id = ?'),
      logSize: this.db.prepare<[string], { count: number; bytes: number | null }>(
        'SELECT count(*) AS count, sum(length(data)) AS bytes FROM room_update WHERE room_id = ?',
      ),
    }
  }

  load(roomId: string): StoredRoom {
    const snap = this.stmts.snapshot.get(roomId)
    const updates = this.stmts.updates.all(roomId).map((row) => new Uint8Array(row.data))
    return { snapshot: snap ? new Uint8Array(snap.data) : null, updates }
  }

  append(roomId: string, update: Uint8Array): void {
    this.stmts.append.run(roomId, update)
  }

  compact(roomId: string, snapshot: Uint8Array, coveredUpdates: number): void {
    this.db.transaction(() => {
      this.stmts.putSnapshot.run(roomId, snapshot, Date.now())
      if (coveredUpdates > 0) {
        const last = this.stmts.nthSeq.get(roomId, coveredUpdates - 1)
        if (last) this.stmts.dropUpTo.run(roomId, last.seq)
      }
    })()
  }

  /**
   * Inside a caller's transaction (a meeting erased with its participants) this joins it and the
   * caller checkpoints after its commit; on its own it checkpoints here.
   */
  erase(roomId: string): void {
    const joined = this.db.inTransaction
    this.db.transaction(() => {
      this.stmts.eraseSnapshot.run(roomId)
      this.stmts.eraseLog.run(roomId)
    })()
    if (!joined) checkpointTruncate(this.db)
  }

  logSize(roomId: string): { count: number; bytes: number } {
    const row = this.stmts.logSize.get(roomId)
    return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 }
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

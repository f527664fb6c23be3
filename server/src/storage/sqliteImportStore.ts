import type Database from 'better-sqlite3'
import { SERVER_CLAIM } from './clientClaimStore'
import { checkStorable, type ImportBatch, type ImportStore, importRows, insertSql } from './importStore'
import { ensureSqliteTables } from './sqliteTables'

/** An import in one SQLite transaction (importStore.ts). */
export class SqliteImportStore implements ImportStore {
  constructor(private readonly db: Database.Database) {
    ensureSqliteTables(db)
  }

  async write(batch: ImportBatch): Promise<void> {
    checkStorable(batch)
    const db = this.db
    db.transaction(() => {
      for (const row of importRows(batch)) {
        // SQLite has no booleans: 1 and 0, as the draft store writes them.
        db.prepare(insertSql(row, () => '?')).run(
          ...row.values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)),
        )
      }
      for (const { roomId, board, meeting } of batch.meetings) {
        db.prepare('INSERT INTO room_update (room_id, data) VALUES (?, ?)').run(roomId, board.update)
        db.prepare('INSERT OR REPLACE INTO room_activity (room_id, last_active_at) VALUES (?, ?)').run(
          roomId,
          meeting.createdAt,
        )
        db.prepare('INSERT INTO room_client_claim (room_id, client_id, owner) VALUES (?, ?, ?)').run(
          roomId,
          board.clientId,
          SERVER_CLAIM,
        )
      }
    })()
  }
}

import type Database from 'better-sqlite3'
import { addColumnsSql, createIndexesSql, createTablesSql } from './tables'

const ready = new WeakSet<Database.Database>()

/**
 * Every table of the embedded file (tables.ts) and the SQLite-only ones, made once per open
 * database whichever store is constructed first; a file from an earlier version gets its missing
 * columns, and its rooms and groups a time to count their retention from (nothing goes for being
 * old on the first start after the upgrade).
 */
export function ensureSqliteTables(db: Database.Database): void {
  if (ready.has(db)) return
  db.transaction(() => {
    db.exec(createTablesSql('sqlite'))
    db.exec(`
      CREATE TABLE IF NOT EXISTS room_update (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        room_id TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS room_update_by_room ON room_update (room_id, seq);
    `)
    const added = addColumnsSql('sqlite', (table) => {
      const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>
      return new Set(columns.map((c) => c.name))
    })
    if (added) db.exec(added)
    db.exec(createIndexesSql())
    db.exec(`
      CREATE TABLE IF NOT EXISTS room_activity (room_id TEXT PRIMARY KEY, last_active_at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS room_activity_by_time ON room_activity (last_active_at);
    `)
    const now = Date.now()
    db.prepare(
      `INSERT OR IGNORE INTO room_activity (room_id, last_active_at)
       SELECT room_id, ? FROM (SELECT room_id FROM room_snapshot UNION SELECT room_id FROM room_update)`,
    ).run(now)
    db.prepare('UPDATE meeting_group SET last_active_at = ? WHERE last_active_at IS NULL').run(now)
  })()
  ready.add(db)
}

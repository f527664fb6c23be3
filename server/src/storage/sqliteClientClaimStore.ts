import type Database from 'better-sqlite3'
import type { ClientClaimStore } from './clientClaimStore'
import { ensureSqliteTables } from './sqliteTables'

/** Inside a room's erase transaction. */
export function eraseClaimRows(db: Database.Database, roomId: string): void {
  db.prepare('DELETE FROM room_client_claim WHERE room_id = ?').run(roomId)
}

export class SqliteClientClaimStore implements ClientClaimStore {
  private readonly insert
  private readonly owner

  constructor(db: Database.Database) {
    ensureSqliteTables(db)
    this.insert = db.prepare<[string, number, string]>(
      'INSERT INTO room_client_claim (room_id, client_id, owner) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    )
    this.owner = db.prepare<[string, number], { owner: string }>(
      'SELECT owner FROM room_client_claim WHERE room_id = ? AND client_id = ?',
    )
  }

  async claim(roomId: string, clientId: number, owner: string): Promise<string> {
    this.insert.run(roomId, clientId, owner)
    return this.owner.get(roomId, clientId)?.owner ?? owner
  }
}

import type Database from 'better-sqlite3'
import type pg from 'pg'
import { BYTES_MAGIC, TEXT_PREFIX } from './atRest'

/**
 * Storage opened in the clear (ENCRYPT_AT_REST=0) over data stored encrypted would hand the rooms
 * ciphertext as if it were Yjs updates and show names as ciphertext: refused at start-up instead,
 * with what to do. One row of each kind is enough to know (LIMIT 1).
 */
export const ENCRYPTED_LEFTOVERS =
  'ENCRYPT_AT_REST=0, but the data holds meetings or boards stored encrypted: they would be unreadable. ' +
  'Turn encryption at rest on again (remove ENCRYPT_AT_REST=0), or start from an empty data store.'

export function refuseEncryptedSqlite(db: Database.Database): void {
  const magic = Buffer.from(BYTES_MAGIC)
  const found =
    db.prepare('SELECT 1 FROM room_snapshot WHERE substr(data, 1, 4) = ? LIMIT 1').get(magic) ??
    db.prepare('SELECT 1 FROM room_update WHERE substr(data, 1, 4) = ? LIMIT 1').get(magic) ??
    db.prepare('SELECT 1 FROM meeting WHERE substr(title, 1, 4) = ? LIMIT 1').get(TEXT_PREFIX)
  if (found) throw new Error(ENCRYPTED_LEFTOVERS)
}

export async function refuseEncryptedPostgres(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query(
    `SELECT 1 FROM room_snapshot WHERE substring(data from 1 for 4) = $1
     UNION ALL SELECT 1 FROM room_update WHERE substring(data from 1 for 4) = $1
     UNION ALL SELECT 1 FROM meeting WHERE left(title, 4) = $2
     LIMIT 1`,
    [Buffer.from(BYTES_MAGIC), TEXT_PREFIX],
  )
  if (rows.length > 0) throw new Error(ENCRYPTED_LEFTOVERS)
}

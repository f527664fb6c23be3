import Database from 'better-sqlite3'
import { newKey } from './atRest'
import type { KeyStore } from './keyStore'

/**
 * Keys in a SQLite file of their own. journal_mode=DELETE: the rollback journal holds a page's old
 * content only during a write and is deleted at its commit (no WAL keeps pages after a delete);
 * secure_delete overwrites a deleted key's bytes in the file itself. What a file system or an SSD
 * keeps of unlinked or overwritten blocks is outside any file (README, "Erasure").
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database
  readonly describe: string

  constructor(file: string) {
    this.db = new Database(file)
    this.db.pragma('journal_mode = DELETE')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('secure_delete = ON')
    this.db.pragma('busy_timeout = 5000')
    this.db.exec('CREATE TABLE IF NOT EXISTS data_key (scope TEXT PRIMARY KEY, key BLOB NOT NULL)')
    this.describe = `sqlite ${file}`
  }

  async key(scope: string, create: boolean): Promise<Buffer | null> {
    if (create)
      this.db.prepare('INSERT OR IGNORE INTO data_key (scope, key) VALUES (?, ?)').run(scope, newKey())
    const row = this.db
      .prepare<[string], { key: Buffer }>('SELECT key FROM data_key WHERE scope = ?')
      .get(scope)
    return row?.key ?? null
  }

  async destroy(scope: string): Promise<void> {
    this.db.prepare('DELETE FROM data_key WHERE scope = ?').run(scope)
  }

  async close(): Promise<void> {
    this.db.close()
  }
}

import path from 'node:path'
import { EncryptedDraftStore } from './encryptedDraftStore'
import { EncryptedImportStore } from './encryptedImportStore'
import { refuseEncryptedSqlite } from './encryptedLeftovers'
import { EncryptedMeetingStore } from './encryptedMeetingStore'
import { EncryptedRoomStore } from './encryptedRoomStore'
import { CachedKeys } from './keyStore'
import type { PostgresSettings } from './postgres'
import { SqliteClientClaimStore } from './sqliteClientClaimStore'
import { SqliteDraftStore } from './sqliteDraftStore'
import { SqliteGroupStore } from './sqliteGroupStore'
import { SqliteImportStore } from './sqliteImportStore'
import { SqliteKeyStore } from './sqliteKeyStore'
import { SqliteMeetingStore } from './sqliteMeetingStore'
import { openSqlite, SqliteRoomStore } from './sqliteRoomStore'
import type { KeySettings, Storage } from './storage'

export type { KeySettings, Storage } from './storage'

/** The embedded SQLite file in `dataDir` (the default), or Postgres when `postgres` is given. */
export async function openStorage(options: {
  dataDir: string
  postgres: PostgresSettings | null
  keys?: KeySettings
}): Promise<Storage> {
  if (options.postgres) {
    // Loaded only here: a server on SQLite (the default) never loads the Postgres driver.
    const { openPostgresStorage } = await import('./openPostgresStorage')
    return openPostgresStorage(options.postgres, options.keys)
  }
  const file = path.join(options.dataDir, 'intervisiebord.sqlite')
  if (!options.keys?.enabled) return plainSqlite(file)
  const keyFile = options.keys?.file || path.join(options.dataDir, 'intervisiebord-keys.sqlite')
  const keyStore = new SqliteKeyStore(keyFile)
  const keys = new CachedKeys(keyStore)
  const db = openSqlite(file)
  const rooms = new SqliteRoomStore(db)
  const groups = new SqliteGroupStore(db)
  const meetings = new EncryptedMeetingStore(new SqliteMeetingStore(rooms, [groups.eraseMeetingRows]), keys)
  groups.readName = meetings.readName
  // After the meeting store: the move binds participants, whose member column that store adds.
  await groups.migrateLegacyMembers()
  return {
    rooms: new EncryptedRoomStore(rooms, keys),
    meetings,
    drafts: new EncryptedDraftStore(new SqliteDraftStore(db), keys),
    groups,
    claims: new SqliteClientClaimStore(db),
    imports: new EncryptedImportStore(new SqliteImportStore(db), keys),
    describe: `sqlite ${file}, keys: ${keyStore.describe}`,
    async close() {
      db.close()
      await keyStore.close()
    },
  }
}

/** The SQLite file without encryption at rest (ENCRYPT_AT_REST=0). */
async function plainSqlite(file: string): Promise<Storage> {
  const db = openSqlite(file)
  const rooms = new SqliteRoomStore(db)
  const groups = new SqliteGroupStore(db)
  const meetings = new SqliteMeetingStore(rooms, [groups.eraseMeetingRows])
  try {
    refuseEncryptedSqlite(db)
  } catch (error) {
    db.close()
    throw error
  }
  // After the meeting store: the move binds participants, whose member column that store adds.
  await groups.migrateLegacyMembers()
  return {
    rooms,
    meetings,
    drafts: new SqliteDraftStore(db),
    groups,
    claims: new SqliteClientClaimStore(db),
    imports: new SqliteImportStore(db),
    describe: `sqlite ${file}`,
    async close() {
      db.close()
    },
  }
}

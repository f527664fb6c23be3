import path from 'node:path'
import type { ClientClaimStore } from './clientClaimStore'
import type { DraftStore } from './draftStore'
import { EncryptedDraftStore } from './encryptedDraftStore'
import { EncryptedImportStore } from './encryptedImportStore'
import { refuseEncryptedSqlite } from './encryptedLeftovers'
import { EncryptedMeetingStore } from './encryptedMeetingStore'
import { EncryptedRoomStore } from './encryptedRoomStore'
import type { GroupStore } from './groupStore'
import type { ImportStore } from './importStore'
import { CachedKeys } from './keyStore'
import type { MeetingStore } from './meetingStore'
import type { PostgresSettings } from './postgres'
import type { RoomStore } from './roomStore'
import { SqliteClientClaimStore } from './sqliteClientClaimStore'
import { SqliteDraftStore } from './sqliteDraftStore'
import { SqliteGroupStore } from './sqliteGroupStore'
import { SqliteImportStore } from './sqliteImportStore'
import { SqliteKeyStore } from './sqliteKeyStore'
import { SqliteMeetingStore } from './sqliteMeetingStore'
import { openSqlite, SqliteRoomStore } from './sqliteRoomStore'

/** Both stores on one backend, so a meeting and its room can be erased in one transaction. */
export interface Storage {
  rooms: RoomStore
  meetings: MeetingStore
  /** Sealed drafts, beside the meetings (erased with them). */
  drafts: DraftStore
  groups: GroupStore
  /** Which participant writes in which Yjs client id's clock range, per room (erased with it). */
  claims: ClientClaimStore
  /** A whole import in one transaction (meetings, people, boards, group). */
  imports: ImportStore
  /** What it is, for the start-up log line (no password). */
  describe: string
  close(): Promise<void>
}

/**
 * Where the keys of encryption at rest live (keyStore.ts): for SQLite a file (KEY_STORE, default
 * DATA_DIR/intervisiebord-keys.sqlite), for Postgres a database (KEY_DATABASE_URL, default the
 * data's) in the schema `<DATABASE_SCHEMA>_keys`.
 */
export interface KeySettings {
  /** Encrypt at rest (the default; ENCRYPT_AT_REST=0 turns it off): off, stored in the clear. */
  enabled: boolean
  file?: string | null
  url?: string | null
}

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

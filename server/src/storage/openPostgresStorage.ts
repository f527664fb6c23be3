import type pg from 'pg'
import { EncryptedDraftStore } from './encryptedDraftStore'
import { EncryptedImportStore } from './encryptedImportStore'
import { refuseEncryptedPostgres } from './encryptedLeftovers'
import { EncryptedMeetingStore } from './encryptedMeetingStore'
import { EncryptedRoomStore } from './encryptedRoomStore'
import { CachedKeys, type KeyStore } from './keyStore'
import { PgClientClaimStore } from './pgClientClaimStore'
import { PgDraftStore } from './pgDraftStore'
import { PgGroupStore } from './pgGroupStore'
import { PgImportStore } from './pgImportStore'
import { PgKeyStore } from './pgKeyStore'
import { PgMeetingStore } from './pgMeetingStore'
import { PgRoomStore } from './pgRoomStore'
import { openPostgres, type PostgresSettings, redactUrl } from './postgres'
import type { KeySettings, Storage } from './storage'

/**
 * The stores on Postgres (DATABASE_URL). In a module of its own, which openStorage loads only
 * when Postgres is configured, so the driver costs nothing on the default SQLite.
 */
export async function openPostgresStorage(settings: PostgresSettings, keys?: KeySettings): Promise<Storage> {
  const pool = await openPostgres(settings)
  if (!keys?.enabled) return plainPostgres(pool, settings)
  let keyStore: KeyStore
  try {
    keyStore = await PgKeyStore.open(keys?.url || settings.url, `${settings.schema}_keys`)
  } catch (error) {
    await pool.end().catch(() => {})
    throw error
  }
  const cached = new CachedKeys(keyStore)
  const groups = new PgGroupStore(pool)
  const meetings = new EncryptedMeetingStore(new PgMeetingStore(pool), cached)
  groups.readName = meetings.readName
  await groups.migrateLegacyMembers()
  return {
    rooms: new EncryptedRoomStore(new PgRoomStore(pool), cached),
    meetings,
    drafts: new EncryptedDraftStore(new PgDraftStore(pool), cached),
    groups,
    claims: new PgClientClaimStore(pool),
    imports: new EncryptedImportStore(new PgImportStore(pool), cached),
    describe: `postgres ${redactUrl(settings.url)} schema ${settings.schema}, keys: ${keyStore.describe}`,
    async close() {
      await pool.end()
      await keyStore.close()
    },
  }
}

/** Postgres without encryption at rest (ENCRYPT_AT_REST=0). */
async function plainPostgres(pool: pg.Pool, settings: PostgresSettings): Promise<Storage> {
  try {
    await refuseEncryptedPostgres(pool)
  } catch (error) {
    await pool.end().catch(() => {})
    throw error
  }
  const groups = new PgGroupStore(pool)
  await groups.migrateLegacyMembers()
  return {
    rooms: new PgRoomStore(pool),
    meetings: new PgMeetingStore(pool),
    drafts: new PgDraftStore(pool),
    groups,
    claims: new PgClientClaimStore(pool),
    imports: new PgImportStore(pool),
    describe: `postgres ${redactUrl(settings.url)} schema ${settings.schema}`,
    close: () => pool.end(),
  }
}

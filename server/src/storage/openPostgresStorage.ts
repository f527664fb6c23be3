import type { Storage } from './openStorage'
import { PgClientClaimStore } from './pgClientClaimStore'
import { PgDraftStore } from './pgDraftStore'
import { PgGroupStore } from './pgGroupStore'
import { PgMeetingStore } from './pgMeetingStore'
import { PgRoomStore } from './pgRoomStore'
import { openPostgres, type PostgresSettings, redactUrl } from './postgres'

/**
 * The stores on Postgres (DATABASE_URL). In a module of its own, which openStorage loads only
 * when Postgres is configured, so the driver costs nothing on the default SQLite.
 */
export async function openPostgresStorage(settings: PostgresSettings): Promise<Storage> {
  const pool = await openPostgres(settings)
  const groups = new PgGroupStore(pool)
  await groups.migrateLegacyMembers()
  return {
    rooms: new PgRoomStore(pool),
    meetings: new PgMeetingStore(pool),
    drafts: new PgDraftStore(pool),
    groups,
    claims: new PgClientClaimStore(pool),
    describe: `postgres ${redactUrl(settings.url)} schema ${settings.schema}`,
    close: () => pool.end(),
  }
}

import path from 'node:path'
import type { DraftStore } from './draftStore'
import type { MeetingStore } from './meetingStore'
import { PgDraftStore } from './pgDraftStore'
import { PgMeetingStore } from './pgMeetingStore'
import { PgRoomStore } from './pgRoomStore'
import { openPostgres, type PostgresSettings, redactUrl } from './postgres'
import type { RoomStore } from './roomStore'
import { SqliteDraftStore } from './sqliteDraftStore'
import { SqliteMeetingStore } from './sqliteMeetingStore'
import { openSqlite, SqliteRoomStore } from './sqliteRoomStore'

/** Both stores on one backend, so a meeting and its room can be erased in one transaction. */
export interface Storage {
  rooms: RoomStore
  meetings: MeetingStore
  /** Sealed drafts, beside the meetings (erased with them). */
  drafts: DraftStore
  /** What it is, for the start-up log line (no password). */
  describe: string
  close(): Promise<void>
}

/** The embedded SQLite file in `dataDir` (the default), or Postgres when `postgres` is given. */
export async function openStorage(options: {
  dataDir: string
  postgres: PostgresSettings | null
}): Promise<Storage> {
  if (options.postgres) {
    const pool = await openPostgres(options.postgres)
    return {
      rooms: new PgRoomStore(pool),
      meetings: new PgMeetingStore(pool),
      drafts: new PgDraftStore(pool),
      describe: `postgres ${redactUrl(options.postgres.url)} schema ${options.postgres.schema}`,
      close: () => pool.end(),
    }
  }
  const file = path.join(options.dataDir, 'intervisiebord.sqlite')
  const db = openSqlite(file)
  const rooms = new SqliteRoomStore(db)
  return {
    rooms,
    meetings: new SqliteMeetingStore(rooms),
    drafts: new SqliteDraftStore(db),
    describe: `sqlite ${file}`,
    async close() {
      db.close()
    },
  }
}

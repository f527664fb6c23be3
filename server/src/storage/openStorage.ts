import path from 'node:path'
import type { ClientClaimStore } from './clientClaimStore'
import type { DraftStore } from './draftStore'
import type { GroupStore } from './groupStore'
import type { ImportStore } from './importStore'
import type { MeetingStore } from './meetingStore'
import { PgClientClaimStore } from './pgClientClaimStore'
import { PgDraftStore } from './pgDraftStore'
import { PgGroupStore } from './pgGroupStore'
import { PgImportStore } from './pgImportStore'
import { PgMeetingStore } from './pgMeetingStore'
import { PgRoomStore } from './pgRoomStore'
import { openPostgres, type PostgresSettings, redactUrl } from './postgres'
import type { RoomStore } from './roomStore'
import { SqliteClientClaimStore } from './sqliteClientClaimStore'
import { SqliteDraftStore } from './sqliteDraftStore'
import { SqliteGroupStore } from './sqliteGroupStore'
import { SqliteImportStore } from './sqliteImportStore'
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

/** The embedded SQLite file in `dataDir` (the default), or Postgres when `postgres` is given. */
export async function openStorage(options: {
  dataDir: string
  postgres: PostgresSettings | null
}): Promise<Storage> {
  if (options.postgres) {
    const pool = await openPostgres(options.postgres)
    const groups = new PgGroupStore(pool)
    await groups.migrateLegacyMembers()
    return {
      rooms: new PgRoomStore(pool),
      meetings: new PgMeetingStore(pool),
      drafts: new PgDraftStore(pool),
      groups,
      claims: new PgClientClaimStore(pool),
      imports: new PgImportStore(pool),
      describe: `postgres ${redactUrl(options.postgres.url)} schema ${options.postgres.schema}`,
      close: () => pool.end(),
    }
  }
  const file = path.join(options.dataDir, 'intervisiebord.sqlite')
  const db = openSqlite(file)
  const rooms = new SqliteRoomStore(db)
  const groups = new SqliteGroupStore(db)
  const meetings = new SqliteMeetingStore(rooms, [groups.eraseMeetingRows])
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

import path from 'node:path'
import type { ClientClaimStore } from './clientClaimStore'
import type { DraftStore } from './draftStore'
import type { GroupStore } from './groupStore'
import type { MeetingStore } from './meetingStore'
import type { PostgresSettings } from './postgres'
import type { RoomStore } from './roomStore'
import { SqliteClientClaimStore } from './sqliteClientClaimStore'
import { SqliteDraftStore } from './sqliteDraftStore'
import { SqliteGroupStore } from './sqliteGroupStore'
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
    // Loaded only here: a server on SQLite (the default) never loads the Postgres driver.
    const { openPostgresStorage } = await import('./openPostgresStorage')
    return openPostgresStorage(options.postgres)
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
    describe: `sqlite ${file}`,
    async close() {
      db.close()
    },
  }
}

import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'
import { SqliteGroupStore } from '../../server/src/storage/sqliteGroupStore'
import { SqliteMeetingStore } from '../../server/src/storage/sqliteMeetingStore'
import { openSqlite, SqliteRoomStore } from '../../server/src/storage/sqliteRoomStore'
import { makeTempDir } from '../helpers/tempDir'

const temp = makeTempDir()
afterAll(() => temp.cleanup())

it('gives the rooms and meetings of a database from before retention the time of the upgrade', async () => {
  const file = path.join(temp.dir, 'old.sqlite')
  // The tables as the version before this one made them, with a free board and a meeting in them.
  const old = new Database(file)
  old.exec(`
    CREATE TABLE room_snapshot (room_id TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at INTEGER NOT NULL,
      covers_seq INTEGER NOT NULL DEFAULT 0, tl_schema TEXT);
    CREATE TABLE room_update (seq INTEGER PRIMARY KEY AUTOINCREMENT, room_id TEXT NOT NULL, data BLOB NOT NULL);
    CREATE TABLE meeting (id TEXT PRIMARY KEY, template_id TEXT NOT NULL, title TEXT NOT NULL,
      facilitator_secret_hash TEXT NOT NULL, invite_secret_hash TEXT NOT NULL, progress_json TEXT NOT NULL,
      created_at INTEGER NOT NULL);
    INSERT INTO room_update (room_id, data) VALUES ('oudvrijbord1', x'00'), ('m-oudeVergadering', x'00');
    INSERT INTO room_snapshot (room_id, data, updated_at) VALUES ('oudvrijbord2', x'00', 0);
    INSERT INTO meeting VALUES ('oudeVergadering', 'roddelmethode', 'Oud', 'a', 'b', '{}', 0);
    CREATE TABLE meeting_group (id TEXT PRIMARY KEY, name TEXT NOT NULL, secret_hash TEXT NOT NULL,
      members_json TEXT NOT NULL, created_at INTEGER NOT NULL);
    INSERT INTO meeting_group VALUES ('oudeGroep', 'Oude groep', 'c', '[]', 0);
  `)
  old.close()

  const before = Date.now()
  const db = openSqlite(file)
  try {
    const rooms = new SqliteRoomStore(db)
    const meetings = new SqliteMeetingStore(rooms)
    const groups = new SqliteGroupStore(db)
    for (const roomId of ['oudvrijbord1', 'oudvrijbord2', 'm-oudeVergadering']) {
      expect(await rooms.lastActivity(roomId)).toBeGreaterThanOrEqual(before)
    }
    expect((await meetings.meeting('oudeVergadering'))?.retentionDays).toBeNull()
    // Made in 1970, but its retention starts at the upgrade: nothing is expired now.
    const policy = { defaultDays: 30, maxDays: 365 }
    expect(await meetings.expired(Date.now(), policy, 10)).toEqual([])
    // The same for a group from before groups had a retention.
    expect(await groups.lastActivity('oudeGroep')).toBeGreaterThanOrEqual(before)
    expect(await groups.expired(Date.now(), policy, 10)).toEqual([])
    expect(await groups.expired(Date.now() + 31 * 24 * 3600_000, policy, 10)).toEqual(['oudeGroep'])
    const month = 30 * 24 * 3600_000
    expect(await rooms.idleRooms(Date.now() - month, { exceptPrefix: 'm-', limit: 10 })).toEqual([])
    expect(await meetings.expired(Date.now() + 31 * 24 * 3600_000, policy, 10)).toEqual(['oudeVergadering'])
    // Later, they are idle: the free boards, not the meeting's room (its meeting decides).
    const idle = await rooms.idleRooms(Date.now() + 1, { exceptPrefix: 'm-', limit: 10 })
    expect(idle.sort()).toEqual(['oudvrijbord1', 'oudvrijbord2'])
  } finally {
    db.close()
  }
})

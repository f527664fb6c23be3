import Database from 'better-sqlite3'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import type { BoardRecord } from '../../shared/boardRecords'
import { RECORDS_ARRAY } from '../../shared/wire'

/**
 * Puts records into a room's stored log in the SQLite file directly, past every guard, as old
 * data or another version of the app could have left them. The server must be stopped (or the
 * room not loaded): a running room does not read its log again.
 */
export function writeRecordsIntoStorage(
  dbFile: string,
  roomId: string,
  records: readonly BoardRecord[],
): void {
  const doc = new Y.Doc()
  const kv = new YKeyValue(doc.getArray<{ key: string; val: unknown }>(RECORDS_ARRAY))
  doc.transact(() => {
    for (const record of records) kv.set(record.id, record)
  })
  const db = new Database(dbFile)
  try {
    db.prepare('INSERT INTO room_update (room_id, data) VALUES (?, ?)').run(
      roomId,
      Buffer.from(Y.encodeStateAsUpdate(doc)),
    )
  } finally {
    db.close()
    doc.destroy()
  }
}

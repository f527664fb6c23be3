import path from 'node:path'
import Database from 'better-sqlite3'
import type pg from 'pg'
import { decryptBytes, decryptText, isEncryptedBytes, isEncryptedText } from '../../server/src/storage/atRest'
import { MEETING_ROOM_PREFIX } from '../../shared/wire'

/**
 * What a room's stored rows say once decrypted with the key the key store holds for it (its board,
 * and for a meeting its title and names): what the server itself can read. Throws when a row is
 * stored in the clear (encryption at rest did not apply) or when the key is gone (MissingKeyError:
 * erased), so "readable through the store" and "unreadable without the key" are both checks.
 */
export interface StoredRows {
  bytes: Uint8Array[]
  texts: string[]
}

export function openRows(roomId: string, key: Buffer | null, rows: StoredRows): Buffer {
  const chunks: Buffer[] = []
  for (const stored of rows.bytes) {
    if (!isEncryptedBytes(stored)) throw new Error(`${roomId}: a row stored in the clear`)
    chunks.push(Buffer.from(decryptBytes(key, roomId, stored)))
  }
  for (const stored of rows.texts) {
    if (!isEncryptedText(stored)) throw new Error(`${roomId}: a text stored in the clear`)
    chunks.push(Buffer.from(decryptText(key, roomId, stored)))
  }
  return Buffer.concat(chunks)
}

const meetingOf = (roomId: string) =>
  roomId.startsWith(MEETING_ROOM_PREFIX) ? roomId.slice(MEETING_ROOM_PREFIX.length) : null

/** The room's rows in a SQLite data file (the live one, or a copy taken earlier). */
export function sqliteRows(dataFile: string, roomId: string): StoredRows {
  const db = new Database(dataFile, { readonly: true, fileMustExist: true })
  try {
    const bytes = [
      ...db
        .prepare<[string], { data: Buffer }>('SELECT data FROM room_snapshot WHERE room_id = ?')
        .all(roomId),
      ...db.prepare<[string], { data: Buffer }>('SELECT data FROM room_update WHERE room_id = ?').all(roomId),
    ].map((row) => row.data)
    const meetingId = meetingOf(roomId)
    const texts =
      meetingId === null
        ? []
        : [
            ...db
              .prepare<[string], { t: string }>('SELECT title AS t FROM meeting WHERE id = ?')
              .all(meetingId),
            ...db
              .prepare<[string], { t: string }>('SELECT name AS t FROM participant WHERE meeting_id = ?')
              .all(meetingId),
          ].map((row) => row.t)
    return { bytes, texts }
  } finally {
    db.close()
  }
}

/** The key the SQLite key store (default: DATA_DIR/intervisiebord-keys.sqlite) holds for the room. */
export function sqliteKey(keyFile: string, roomId: string): Buffer | null {
  const db = new Database(keyFile, { readonly: true, fileMustExist: true })
  try {
    return (
      db.prepare<[string], { key: Buffer }>('SELECT key FROM data_key WHERE scope = ?').get(roomId)?.key ??
      null
    )
  } finally {
    db.close()
  }
}

/** The room's content in `dataDir`, decrypted with the key store beside it. */
export function readableInSqlite(dataDir: string, roomId: string, dataFile?: string): Buffer {
  const rows = sqliteRows(dataFile ?? path.join(dataDir, 'intervisiebord.sqlite'), roomId)
  return openRows(roomId, sqliteKey(path.join(dataDir, 'intervisiebord-keys.sqlite'), roomId), rows)
}

/** The room's rows in a Postgres schema. */
export async function pgRows(db: pg.Pool, schema: string, roomId: string): Promise<StoredRows> {
  const bytes: Uint8Array[] = []
  for (const table of ['room_snapshot', 'room_update']) {
    const { rows } = await db.query<{ data: Buffer }>(
      `SELECT data FROM ${schema}.${table} WHERE room_id = $1`,
      [roomId],
    )
    bytes.push(...rows.map((row) => row.data))
  }
  const meetingId = meetingOf(roomId)
  const texts: string[] = []
  if (meetingId !== null) {
    const title = await db.query<{ t: string }>(`SELECT title AS t FROM ${schema}.meeting WHERE id = $1`, [
      meetingId,
    ])
    const names = await db.query<{ t: string }>(
      `SELECT name AS t FROM ${schema}.participant WHERE meeting_id = $1`,
      [meetingId],
    )
    texts.push(...title.rows.map((r) => r.t), ...names.rows.map((r) => r.t))
  }
  return { bytes, texts }
}

/** The key the Postgres key store (schema `<schema>_keys`, same database) holds for the room. */
export async function pgKey(db: pg.Pool, schema: string, roomId: string): Promise<Buffer | null> {
  const { rows } = await db.query<{ key: Buffer }>(
    `SELECT key FROM ${schema}_keys.data_key WHERE scope = $1`,
    [roomId],
  )
  return rows[0]?.key ?? null
}

/** The room's content in a Postgres schema, decrypted with the key store beside it. */
export async function readableInPostgres(db: pg.Pool, schema: string, roomId: string): Promise<Buffer> {
  return openRows(roomId, await pgKey(db, schema, roomId), await pgRows(db, schema, roomId))
}

/** The needles some of the rooms' stored content holds once decrypted with their keys (SQLite). */
export function readableThrough(
  dataDir: string,
  roomIds: readonly string[],
  needles: readonly string[],
): Set<string> {
  const contents = roomIds.map((roomId) => readableInSqlite(dataDir, roomId))
  return new Set(needles.filter((needle) => contents.some((content) => content.includes(needle))))
}

/** Whether the SQLite key store beside the data still holds the room's key. */
export function hasSqliteKey(dataDir: string, roomId: string): boolean {
  return sqliteKey(path.join(dataDir, 'intervisiebord-keys.sqlite'), roomId) !== null
}

/**
 * Every stored room row under `dataDir` (updates and snapshots, of one room or all), decrypted with
 * its room's key: what the server would load. Rows from before encryption pass as they are.
 */
export function decryptedRoomRows(
  dataDir: string,
  roomId?: string,
): Array<{ roomId: string; data: Uint8Array }> {
  const db = new Database(path.join(dataDir, 'intervisiebord.sqlite'), { readonly: true })
  const keys = new Database(path.join(dataDir, 'intervisiebord-keys.sqlite'), { readonly: true })
  try {
    const where = roomId === undefined ? '' : 'WHERE room_id = ?'
    const args = roomId === undefined ? [] : [roomId]
    const rows = [
      ...(db.prepare(`SELECT room_id AS roomId, data FROM room_snapshot ${where}`).all(...args) as RoomRow[]),
      ...(db
        .prepare(`SELECT room_id AS roomId, data FROM room_update ${where} ORDER BY seq`)
        .all(...args) as RoomRow[]),
    ]
    const keyOf = keys.prepare<[string], { key: Buffer }>('SELECT key FROM data_key WHERE scope = ?')
    return rows.map((row) => ({
      roomId: row.roomId,
      data: decryptBytes(keyOf.get(row.roomId)?.key ?? null, row.roomId, row.data),
    }))
  } finally {
    db.close()
    keys.close()
  }
}
type RoomRow = { roomId: string; data: Buffer }

/** All stored room content under `dataDir`, decrypted, as one buffer to look for markers in. */
export function decryptedRoomBytes(dataDir: string): Buffer {
  return Buffer.concat(decryptedRoomRows(dataDir).map((row) => Buffer.from(row.data)))
}

/** One stored room value decrypted with its room's key from the key store beside `dataDir`. */
export function decryptStored(dataDir: string, roomId: string, data: Uint8Array): Uint8Array {
  return decryptBytes(sqliteKey(path.join(dataDir, 'intervisiebord-keys.sqlite'), roomId), roomId, data)
}

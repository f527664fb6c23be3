import type * as Y from 'yjs'
import type { BoardRecord } from '../../../shared/boardRecords'
import { composeRecord, FIELD_GROUPS, FIELDS_MAP, fieldKey } from '../../../shared/recordLayout'
import { RECORDS_ARRAY } from '../../../shared/wire'

/**
 * The server's one reader (and writer) of a board's records in a room's document, in the layout
 * of shared/recordLayout.ts. Everything on the server that reads the board goes through
 * here (the guard's RecordIndex keeps the same rules incrementally), so every reader agrees with
 * what the clients draw: per key the right-most live entry of the records array that is a
 * `{ key, val }` pair with `val.id === key` (y-utility's YKeyValue rule, as the client binding
 * accepts it), with the record's field entries laid over it.
 */

/** One { key, val } entry of the records array. */
export interface RecordEntry {
  key: string
  val: BoardRecord
}

/** Whether a value of the records array is a record entry every reader accepts. */
export function isEntry(value: unknown): value is RecordEntry {
  if (typeof value !== 'object' || value === null) return false
  const { key, val } = value as { key?: unknown; val?: unknown }
  if (typeof key !== 'string' || typeof val !== 'object' || val === null || Array.isArray(val)) return false
  const record = val as BoardRecord
  return record.id === key && typeof record.typeName === 'string'
}

export const recordsArray = (doc: Y.Doc) => doc.getArray<unknown>(RECORDS_ARRAY)
export const fieldsMap = (doc: Y.Doc) => doc.getMap<unknown>(FIELDS_MAP)

/**
 * The board's records by id as the document holds them now, composed (base and field entries).
 * A record's place in the order is that of its current entry.
 */
export function readBoardRecords(doc: Y.Doc): Map<string, BoardRecord> {
  const bases = new Map<string, BoardRecord>()
  for (const entry of recordsArray(doc).toArray()) {
    if (!isEntry(entry)) continue
    bases.delete(entry.key)
    bases.set(entry.key, entry.val)
  }
  const fields = fieldsMap(doc)
  const records = new Map<string, BoardRecord>()
  for (const [id, base] of bases)
    records.set(
      id,
      composeRecord(base, (group) => fields.get(fieldKey(id, group))),
    )
  return records
}

/**
 * Writes records whole, as the server does (seeds, migrations, reveals, imports): a new base
 * entry per record (older entries of its key removed), and its field entries removed, so that
 * what the server wrote is what everyone draws (a sealed text must not stay open in `@text`).
 * Call inside a transaction of the server's.
 */
export function writeRecordsWhole(doc: Y.Doc, records: readonly BoardRecord[]): void {
  if (records.length === 0) return
  const ids = new Set(records.map((r) => r.id))
  removeEntries(doc, ids)
  recordsArray(doc).push(records.map((val) => ({ key: val.id, val })))
}

/** Removes records (their base entries and field entries). Call inside a transaction of the server's. */
export function removeRecords(doc: Y.Doc, ids: Iterable<string>): void {
  removeEntries(doc, new Set(ids))
}

function removeEntries(doc: Y.Doc, ids: ReadonlySet<string>): void {
  const array = recordsArray(doc)
  const values = array.toArray()
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i] as { key?: unknown } | null
    if (value && typeof value === 'object' && typeof value.key === 'string' && ids.has(value.key))
      array.delete(i, 1)
  }
  const fields = fieldsMap(doc)
  for (const id of ids) {
    for (const group of FIELD_GROUPS) if (fields.has(fieldKey(id, group))) fields.delete(fieldKey(id, group))
  }
}

import { createTLSchema } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import type { BoardRecord } from '../../../shared/boardRecords'
import { readBoardRecords, writeRecordsWhole } from '../board/boardRecords'

const schema = createTLSchema()
type SerializedSchema = ReturnType<typeof schema.serialize>

/** tldraw's schema as this server's records follow it, stored beside every snapshot (JSON). */
export const CURRENT_SCHEMA = JSON.stringify(schema.serialize())

/**
 * The layout of the records in a room's document (shared/recordLayout.ts), kept as one
 * more sequence beside tldraw's in what a room stores: 1 = whole records in the records array
 * only; 2 = bases there and a shape's place and text as field entries in `tl_fields`. A layout 1
 * room reads as it is under layout 2 (a base without entries is the whole record), so it needs
 * no rewrite; a server that knows only layout 1 refuses a layout 2 room (an unknown sequence)
 * instead of showing stale places. Exports carry whole records and tldraw's schema only.
 */
export const LAYOUT_SEQUENCE = 'intervisiebord.recordLayout'
export const LAYOUT_VERSION = 2

/** What a room stores beside its snapshot: tldraw's schema and our layout's version. */
export const STORED_SCHEMA = JSON.stringify({
  ...schema.serialize(),
  sequences: { ...schema.serialize().sequences, [LAYOUT_SEQUENCE]: LAYOUT_VERSION },
})

/** How a room's stored schema relates to ours. */
export type SchemaCheck =
  | { kind: 'same' }
  /** Written by an older tldraw: migrate the records up before anyone sees them. */
  | { kind: 'older'; stored: SerializedSchema }
  /** Written by a newer tldraw (or one we cannot read): refuse the room and keep its bytes. */
  | { kind: 'newer'; detail: string }

/**
 * Compares a stored schema with ours. Null (a room never compacted, or compacted before schemas
 * were kept) counts as ours: those records were written by this version.
 */
export function checkSchema(storedJson: string | null): SchemaCheck {
  if (storedJson === null || storedJson === CURRENT_SCHEMA || storedJson === STORED_SCHEMA)
    return { kind: 'same' }
  let stored: SerializedSchema
  try {
    stored = JSON.parse(storedJson) as SerializedSchema
  } catch {
    return { kind: 'newer', detail: 'stored schema is not JSON' }
  }
  if (stored?.schemaVersion !== 2 || typeof stored.sequences !== 'object' || stored.sequences === null) {
    return { kind: 'newer', detail: `schema format ${String(stored?.schemaVersion)}` }
  }
  const ours: Record<string, number> = { ...schema.serialize().sequences, [LAYOUT_SEQUENCE]: LAYOUT_VERSION }
  for (const [sequence, version] of Object.entries(stored.sequences)) {
    const mine = ours[sequence]
    // tldraw ignores sequences it does not know; we refuse them: their records would not validate.
    if (mine === undefined) return { kind: 'newer', detail: `unknown sequence ${sequence}` }
    if (version > mine) return { kind: 'newer', detail: `${sequence} ${version} > ${mine}` }
  }
  // Our layout's sequence is ours to read (a layout 1 room needs no rewrite), not tldraw's.
  const { [LAYOUT_SEQUENCE]: _layout, ...tldrawSequences } = stored.sequences as Record<string, number>
  stored = { ...stored, sequences: tldrawSequences } as SerializedSchema
  const migrations = schema.getMigrationsSince(stored)
  if (!migrations.ok) return { kind: 'newer', detail: String(migrations.error) }
  return migrations.value.length === 0 ? { kind: 'same' } : { kind: 'older', stored }
}

/** A record, as the board stores it: an object with an id. */
export type StoredRecord = { id: string } & Record<string, unknown>

/**
 * Runs tldraw's migrations over the board's records (the whole store at once, so store-level
 * migrations see everything). Returns every record, migrated, or why it failed.
 */
export function migrateRecords(
  records: readonly StoredRecord[],
  stored: SerializedSchema,
): { ok: true; records: StoredRecord[] } | { ok: false; reason: string } {
  const store: Record<string, StoredRecord> = {}
  for (const record of records) store[record.id] = structuredClone(record)
  const result = schema.migrateStoreSnapshot({ schema: stored, store: store as never })
  if (result.type !== 'success') return { ok: false, reason: String(result.reason) }
  return { ok: true, records: Object.values(result.value) as unknown as StoredRecord[] }
}

/**
 * Migrates the board records in a room's document (as the one reader reads them, base and field
 * entries composed) from `stored` to ours: each record that changed is written whole again (its
 * field entries removed). Call inside a transaction of the server's; writes nothing if any
 * record fails to migrate.
 */
export function migrateBoard(
  doc: Y.Doc,
  stored: SerializedSchema,
): { ok: true; changed: number } | { ok: false; reason: string } {
  const current = readBoardRecords(doc)
  const result = migrateRecords([...current.values()] as StoredRecord[], stored)
  if (!result.ok) return result
  const changed = result.records.filter(
    (record) => JSON.stringify(record) !== JSON.stringify(current.get(record.id)),
  )
  writeRecordsWhole(doc, changed as unknown as BoardRecord[])
  return { ok: true, changed: changed.length }
}

import { createTLSchema } from '@tldraw/tlschema'
import type * as Y from 'yjs'

const schema = createTLSchema()
type SerializedSchema = ReturnType<typeof schema.serialize>

/** tldraw's schema as this server's records follow it, stored beside every snapshot (JSON). */
export const CURRENT_SCHEMA = JSON.stringify(schema.serialize())

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
  if (storedJson === null || storedJson === CURRENT_SCHEMA) return { kind: 'same' }
  let stored: SerializedSchema
  try {
    stored = JSON.parse(storedJson) as SerializedSchema
  } catch {
    return { kind: 'newer', detail: 'stored schema is not JSON' }
  }
  if (stored?.schemaVersion !== 2 || typeof stored.sequences !== 'object' || stored.sequences === null) {
    return { kind: 'newer', detail: `schema format ${String(stored?.schemaVersion)}` }
  }
  const ours = schema.serialize().sequences
  for (const [sequence, version] of Object.entries(stored.sequences)) {
    const mine = ours[sequence]
    // tldraw ignores sequences it does not know; we refuse them: their records would not validate.
    if (mine === undefined) return { kind: 'newer', detail: `unknown sequence ${sequence}` }
    if (version > mine) return { kind: 'newer', detail: `${sequence} ${version} > ${mine}` }
  }
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
 * Migrates the board records in a room's document (the records array, y-utility's YKeyValue
 * layout) from `stored` to ours: each record that changed replaces its entry. Call inside a
 * transaction of the server's; writes nothing if any record fails to migrate.
 */
export function migrateBoard(
  records: Y.Array<{ key: string; val: unknown }>,
  stored: SerializedSchema,
): { ok: true; changed: number } | { ok: false; reason: string } {
  const entries = records.toArray()
  const values = entries
    .map((entry) => entry.val)
    .filter((val): val is StoredRecord => typeof val === 'object' && val !== null && 'id' in val)
  const result = migrateRecords(values, stored)
  if (!result.ok) return result
  const byId = new Map(result.records.map((record) => [record.id, record]))
  const changed: Array<{ index: number; key: string; val: StoredRecord }> = []
  entries.forEach((entry, index) => {
    const next = byId.get(entry.key)
    if (next && JSON.stringify(next) !== JSON.stringify(entry.val))
      changed.push({ index, key: entry.key, val: next })
  })
  for (const { index } of [...changed].reverse()) records.delete(index, 1)
  records.push(changed.map(({ key, val }) => ({ key, val })))
  return { ok: true, changed: changed.length }
}

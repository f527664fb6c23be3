import { isEqual } from 'tldraw'
import type { BoardRecord } from '../../../shared/boardRecords'
import {
  composeRecord,
  FIELD_GROUPS,
  fieldKey,
  fieldOf,
  parseFieldKey,
  recordDelta,
} from '../../../shared/recordLayout'
import type { RoomConnection } from './roomConnection'

/**
 * The browser's reading and writing of one record in the room's layout (shared/
 * recordLayout.ts): its base in the records array with its field entries laid over it. A write
 * sends only what changed: a move only the shape's `@xy` entry, a text edit only its `@text`.
 */
type Room = Pick<RoomConnection, 'records' | 'fields'>

/** The record as the room holds it (composed), or undefined. Plain JSON, not trusted. */
export function roomRecord(room: Room, id: string): unknown {
  const base = room.records.get(id)
  if (!base || typeof base !== 'object') return base
  return composeRecord(base as BoardRecord, (group) => room.fields.get(fieldKey(id, group)))
}

/** Writes a record: the base only if a field outside the entries changed, else the changed entries. */
export function writeRoomRecord(room: Room, record: BoardRecord): void {
  const current = roomRecord(room, record.id) as BoardRecord | undefined
  const delta = recordDelta(current, record, isEqual)
  if (delta.base) {
    room.records.set(record.id, record)
    // An entry left as it was would win over the new base: bring the ones there up to date.
    for (const group of FIELD_GROUPS) {
      const key = fieldKey(record.id, group)
      if (room.fields.has(key) && !isEqual(room.fields.get(key), fieldOf(record, group)))
        room.fields.set(key, fieldOf(record, group))
    }
    return
  }
  for (const group of delta.fields) room.fields.set(fieldKey(record.id, group), fieldOf(record, group))
}

/** Removes a record: its base and its field entries. */
export function removeRoomRecord(room: Room, id: string): void {
  if (room.records.has(id)) room.records.delete(id)
  for (const group of FIELD_GROUPS)
    if (room.fields.has(fieldKey(id, group))) room.fields.delete(fieldKey(id, group))
}

/** The record ids a change of field entries touches. */
export function idsOfFieldKeys(keys: Iterable<string>): Set<string> {
  const ids = new Set<string>()
  for (const key of keys) {
    const parsed = parseFieldKey(key)
    if (parsed) ids.add(parsed.id)
  }
  return ids
}

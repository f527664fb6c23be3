import * as Y from 'yjs'
import type { BoardRecord } from '../../../templates/src/boardRecords'
import type { RecordChange } from '../../../templates/src/recordPolicy'
import { RECORDS_ARRAY } from '../../../templates/src/wire'
import type { RecordEntry, RecordIndex } from './recordIndex'

export type DecodedChanges = { ok: true; changes: RecordChange[] } | { ok: false; reason: string }

/**
 * Reads which board records an update creates, changes or deletes, without applying it:
 * inserted { key, val } entries come from the update's structs; deleted ones are found by
 * resolving the delete set against the room's document. Anything written outside the records
 * array (the meeting state, new root types) is reported, so the caller can refuse it.
 * Assumes findMissingDependencies passed (every id the update names is known).
 */
export function decodeRecordChanges(doc: Y.Doc, index: RecordIndex, update: Uint8Array): DecodedChanges {
  const { structs, ds } = Y.decodeUpdate(update)
  const records = doc.getArray(RECORDS_ARRAY)
  const newItems = structs.filter(
    (s): s is Y.Item => s instanceof Y.Item && s.id.clock + s.length > Y.getState(doc.store, s.id.client),
  )
  const parentOfNew = new Map<Y.Item, boolean>()

  const inNewItem = (id: Y.ID): Y.Item | undefined =>
    newItems.find(
      (s) => s.id.client === id.client && id.clock >= s.id.clock && id.clock < s.id.clock + s.length,
    )

  // Whether an item (new or known) lives in the records array.
  const isRecordsItem = (item: Y.Item, depth = 0): boolean => {
    if (depth > newItems.length + 1) return false
    const known = parentOfNew.get(item)
    if (known !== undefined) return known
    let result: boolean
    if (typeof item.parent === 'string') result = item.parent === RECORDS_ARRAY
    else if (item.parent instanceof Y.ID)
      result = false // nested types are not part of the layout
    else {
      const neighbour = item.origin ?? item.rightOrigin
      if (!neighbour) result = false
      else {
        const fresh = inNewItem(neighbour)
        if (fresh) result = isRecordsItem(fresh, depth + 1)
        else {
          const existing = Y.getItem(doc.store, neighbour)
          result = existing instanceof Y.Item && existing.parent === records
        }
      }
    }
    parentOfNew.set(item, result)
    return result
  }

  const added: RecordEntry[] = []
  const addedByItem = new Map<Y.Item, RecordEntry[]>()
  for (const item of newItems) {
    if (!isRecordsItem(item)) return { ok: false, reason: 'writes outside the board records' }
    // The records are a list: a keyed (map-style) entry on it would be invisible yet stored.
    if (item.parentSub !== null) return { ok: false, reason: 'a keyed entry on the board records list' }
    if (item.content instanceof Y.ContentDeleted) continue
    if (!(item.content instanceof Y.ContentAny))
      return { ok: false, reason: 'unexpected content in the board records' }
    const skip = Math.max(0, Y.getState(doc.store, item.id.client) - item.id.clock)
    const entries = (item.content.arr as unknown[]).slice(skip)
    for (const entry of entries) {
      if (!isEntry(entry))
        return { ok: false, reason: 'a board record is not a { key, val } entry with matching id' }
    }
    addedByItem.set(item, entries as RecordEntry[])
    added.push(...(entries as RecordEntry[]))
  }

  // Resolve deletions: known entries that disappear, and new entries deleted in the same update.
  const removed: RecordEntry[] = []
  const deletedNew = new Set<RecordEntry>()
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(doc.store, client)
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (clock < known) {
        const structsOfClient = doc.store.clients.get(client) ?? []
        for (let i = Y.findIndexSS(structsOfClient, clock); i < structsOfClient.length; i++) {
          const struct = structsOfClient[i]!
          if (struct.id.clock >= Math.min(end, known)) break
          if (!(struct instanceof Y.Item) || struct.deleted) continue
          if (struct.parent !== records) return { ok: false, reason: 'deletes outside the board records' }
          if (!(struct.content instanceof Y.ContentAny)) continue
          const from = Math.max(clock, struct.id.clock) - struct.id.clock
          const to = Math.min(end, struct.id.clock + struct.length) - struct.id.clock
          removed.push(...(struct.content.arr.slice(from, to) as RecordEntry[]))
        }
      }
      if (end > known) {
        for (const [item, entries] of addedByItem) {
          if (item.id.client !== client) continue
          entries.forEach((entry, offset) => {
            const entryClock = item.id.clock + (item.length - entries.length) + offset
            if (entryClock >= clock && entryClock < end) deletedNew.add(entry)
          })
        }
      }
    }
  }

  const changes = new Map<string, RecordChange>()
  for (const entry of removed) {
    if (!index.isCurrent(entry)) continue // an older duplicate going away changes nothing
    changes.set(entry.key, { id: entry.key, prev: entry.val, next: null })
  }
  for (const entry of added) {
    if (deletedNew.has(entry)) continue
    changes.set(entry.key, { id: entry.key, prev: index.get(entry.key) ?? null, next: entry.val })
  }
  return { ok: true, changes: [...changes.values()] }
}

function isEntry(value: unknown): value is RecordEntry {
  if (typeof value !== 'object' || value === null) return false
  const { key, val } = value as { key?: unknown; val?: unknown }
  if (typeof key !== 'string' || typeof val !== 'object' || val === null) return false
  const record = val as BoardRecord
  return record.id === key && typeof record.typeName === 'string'
}

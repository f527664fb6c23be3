import {
  DocumentRecordType,
  type IndexKey,
  isEqual,
  PageRecordType,
  type RecordsDiff,
  TLDOCUMENT_ID,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import type * as Y from 'yjs'
import { IDENTITY_CODEC, type RecordCodec } from './recordCodec'
import type { RoomConnection } from './roomConnection'

/**
 * Two-way binding between the tldraw store and the room's records.
 *
 * - Local edits (store changes with source 'user', document scope) go into the document in one
 *   transaction with origin LOCAL_ORIGIN.
 * - Remote edits (record changes whose transaction origin is not ours) enter the store through
 *   one door, `store.mergeRemoteChanges`, so they never land in the local undo stack.
 *
 * No echo: what we write carries LOCAL_ORIGIN and is skipped when it comes back as an event,
 * and what mergeRemoteChanges writes has source 'remote', which the store listener ignores.
 */
export const LOCAL_ORIGIN = Symbol('intervisiebord:local')

type RecordChange =
  | { action: 'add'; newValue: unknown }
  | { action: 'update'; oldValue: unknown; newValue: unknown }
  | { action: 'delete'; oldValue: unknown }

export interface StoreBindingOptions {
  /** Name of the first page when this browser is the one that starts an empty board. */
  defaultPageName: string
  /**
   * Records that stay in this browser and never go to the room (a meeting's private drafts until
   * their reveal). They are neither sent nor removed when the room's state replaces the store.
   */
  isLocalOnly?: (record: TLRecord) => boolean
  /** How records change between the room and the store (sealed notes; see recordCodec.ts). */
  codec?: RecordCodec
}

/**
 * Loads the room's records into the store (call after the first sync), then keeps both in step.
 * Returns the unbind function.
 */
export function bindStoreToRoom(
  store: TLStore,
  room: RoomConnection,
  options: StoreBindingOptions,
): () => void {
  const codec = options.codec ?? IDENTITY_CODEC
  const detachCodec = codec.attach?.(store)
  loadRoomIntoStore(store, room, options, codec)

  const localOnly = options.isLocalOnly ?? (() => false)
  const stopListening = store.listen(
    ({ changes }) => pushLocalChanges(store, room, changes, localOnly, codec),
    { source: 'user', scope: 'document' },
  )
  const onRecordsChange = (changes: Map<string, RecordChange>, transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL_ORIGIN) return
    applyRemoteChanges(store, changes, codec)
  }
  room.records.on('change', onRecordsChange)

  return () => {
    detachCodec?.()
    stopListening()
    room.records.off('change', onRecordsChange)
  }
}

/**
 * Makes the store hold exactly the room's board. An empty room is seeded with a document and a
 * first page (fixed ids, so two browsers seeding at once agree). Whatever the store then holds
 * that the room lacks (the seed, pages the integrity check had to add) is written to the room.
 */
function loadRoomIntoStore(
  store: TLStore,
  room: RoomConnection,
  options: StoreBindingOptions,
  codec: RecordCodec,
): void {
  const localOnly = options.isLocalOnly ?? (() => false)
  const incoming: TLRecord[] = []
  for (const [key, entry] of room.records.map) {
    const record = asDocumentRecord(store, key, entry.val)
    if (record) incoming.push(codec.fromRoom(record))
  }
  if (!incoming.some((r) => r.typeName === 'document')) {
    incoming.push(DocumentRecordType.create({ id: TLDOCUMENT_ID }))
  }
  if (!incoming.some((r) => r.typeName === 'page')) {
    incoming.push(
      PageRecordType.create({
        id: PageRecordType.createId('page'),
        name: options.defaultPageName,
        index: 'a1' as IndexKey,
      }),
    )
  }

  const incomingIds = new Set<string>(incoming.map((r) => r.id))
  store.mergeRemoteChanges(() => {
    const stale = store
      .allRecords()
      .filter((r) => isDocumentScope(store, r.typeName) && !incomingIds.has(r.id) && !localOnly(r))
      .map((r) => r.id)
    if (stale.length > 0) store.remove(stale)
    putRecords(store, incoming)
  })

  room.doc.transact(() => {
    for (const record of store.allRecords()) {
      if (!isDocumentScope(store, record.typeName) || localOnly(record)) continue
      const shared = codec.toRoom(record)
      if (!isEqual(room.records.get(record.id), shared)) room.records.set(record.id, shared)
    }
  }, LOCAL_ORIGIN)
}

/**
 * Writes local changes to the room. It writes what the store holds now, not what the change
 * said: the store flushes its listeners once a frame, and a remote change to the same record
 * may have been merged in between; writing the older local value would make us diverge.
 */
function pushLocalChanges(
  store: TLStore,
  room: RoomConnection,
  changes: RecordsDiff<TLRecord>,
  localOnly: (record: TLRecord) => boolean,
  codec: RecordCodec,
): void {
  const touched = [...Object.values(changes.added), ...Object.values(changes.updated).map(([, to]) => to)]
  const removed = Object.values(changes.removed)
  room.doc.transact(() => {
    for (const { id } of touched) {
      const current = store.get(id)
      if (!current || localOnly(current)) continue
      const shared = codec.toRoom(current)
      if (!isEqual(room.records.get(id), shared)) room.records.set(id, shared)
    }
    for (const { id } of removed) {
      if (!store.has(id) && room.records.has(id)) room.records.delete(id)
    }
  }, LOCAL_ORIGIN)
}

/** Applies the room's changes to the store as one remote change. */
function applyRemoteChanges(store: TLStore, changes: Map<string, RecordChange>, codec: RecordCodec): void {
  const toPut: TLRecord[] = []
  const toRemove: TLRecord['id'][] = []
  for (const [key, change] of changes) {
    if (change.action === 'delete') {
      const existing = store.get(key as TLRecord['id'])
      if (existing && isDocumentScope(store, existing.typeName)) toRemove.push(existing.id)
      continue
    }
    const record = asDocumentRecord(store, key, change.newValue)
    if (record) toPut.push(codec.fromRoom(record))
  }
  if (toPut.length === 0 && toRemove.length === 0) return
  store.mergeRemoteChanges(() => {
    if (toRemove.length > 0) store.remove(toRemove)
    if (toPut.length > 0) putRecords(store, toPut)
  })
}

function isDocumentScope(store: TLStore, typeName: string): boolean {
  return store.schema.types[typeName as TLRecord['typeName']]?.scope === 'document'
}

/**
 * A value from the room, accepted only as a document-scope record stored under its own id.
 * (Session and presence records have no business in the document.) Full validation happens
 * in `putRecords`, by the store itself.
 */
function asDocumentRecord(store: TLStore, key: string, value: unknown): TLRecord | null {
  if (!value || typeof value !== 'object') return null
  const { id, typeName } = value as { id?: unknown; typeName?: unknown }
  if (id !== key || typeof typeName !== 'string' || !isDocumentScope(store, typeName)) return null
  return value as TLRecord
}

/**
 * Puts records into the store; if the batch fails validation, puts them one by one and skips
 * (and reports) the invalid ones, so one bad record cannot keep the rest of the board out.
 */
function putRecords(store: TLStore, records: TLRecord[]): void {
  try {
    store.put(records)
  } catch {
    for (const record of records) {
      try {
        store.put([record])
      } catch (error) {
        console.warn(`Intervisiebord: record ${record.id} from the room was not accepted`, error)
      }
    }
  }
}

import {
  DocumentRecordType,
  type IndexKey,
  PageRecordType,
  type RecordsDiff,
  TLDOCUMENT_ID,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import type * as Y from 'yjs'
import type { BoardRecord } from '../../../shared/boardRecords'
import { drawnRecord } from './placeholders'
import { IDENTITY_CODEC, type RecordCodec } from './recordCodec'
import type { RoomConnection } from './roomConnection'
import { idsOfFieldKeys, removeRoomRecord, roomRecord, writeRoomRecord } from './roomRecords'

/**
 * Two-way binding between the tldraw store and the room's records.
 *
 * - Local edits (store changes with source 'user', document scope) go into the document in one
 *   transaction with origin LOCAL_ORIGIN, each as only what changed (roomRecords.ts: a move is
 *   the shape's place, a text edit its text; see shared/recordLayout.ts).
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
  /** Ids of the room's shapes this browser shows as placeholders (placeholders.ts). */
  const placeholders = new Set<string>()
  const codec = options.codec ?? IDENTITY_CODEC
  const detachCodec = codec.attach?.(store)
  loadRoomIntoStore(store, room, options, placeholders, codec)

  const localOnly = options.isLocalOnly ?? (() => false)
  const stopListening = store.listen(
    ({ changes }) => pushLocalChanges(store, room, changes, localOnly, placeholders, codec),
    { source: 'user', scope: 'document' },
  )
  // A placeholder stands in for a record the room keeps as it is: it can be removed, not edited.
  const stopGuarding = store.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
    source === 'user' && placeholders.has(prev.id) ? prev : next,
  )
  const onRecordsChange = (changes: Map<string, RecordChange>, transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL_ORIGIN) return
    applyRemoteChanges(store, room, changes.keys(), placeholders, codec)
  }
  const onFieldsChange = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL_ORIGIN) return
    applyRemoteChanges(store, room, idsOfFieldKeys(event.keysChanged), placeholders, codec)
  }
  room.records.on('change', onRecordsChange)
  room.fields.observe(onFieldsChange)

  return () => {
    detachCodec?.()
    stopListening()
    stopGuarding()
    room.records.off('change', onRecordsChange)
    room.fields.unobserve(onFieldsChange)
  }
}

/**
 * Makes the store hold exactly the room's board, as far as the editor can draw it (a record it
 * cannot draw becomes a placeholder or stays out, see drawRoomRecords). An empty room is seeded
 * with a document and a first page (fixed ids, so two browsers seeding at once agree). Whatever
 * the store then holds that the room lacks (the seed, pages the integrity check had to add) is
 * written to the room; what the room has is never overwritten from here, placeholders least of all.
 */
function loadRoomIntoStore(
  store: TLStore,
  room: RoomConnection,
  options: StoreBindingOptions,
  placeholders: Set<string>,
  codec: RecordCodec,
): void {
  const localOnly = options.isLocalOnly ?? (() => false)
  const fromRoom: TLRecord[] = []
  for (const key of room.records.map.keys()) {
    const record = asDocumentRecord(store, key, roomRecord(room, key))
    if (record) fromRoom.push(record)
  }
  const firstPage = fromRoom.find((r) => r.typeName === 'page')?.id ?? PageRecordType.createId('page')
  const incoming = drawRoomRecords(
    store,
    fromRoom,
    (id) => room.records.has(id),
    firstPage,
    placeholders,
  ).map((record) => (placeholders.has(record.id) ? record : codec.fromRoom(record)))
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
      if (!isDocumentScope(store, record.typeName) || localOnly(record) || placeholders.has(record.id))
        continue
      if (!room.records.has(record.id)) writeRoomRecord(room, codec.toRoom(record) as unknown as BoardRecord)
    }
  }, LOCAL_ORIGIN)
}

/**
 * The room's records as the store will hold them: each drawable one as it is, an undrawable shape
 * as a placeholder (its id noted in `placeholders`), anything else undrawable left out. Shapes go
 * first, so that a binding to a placeholder (an arrow that is not drawn as an arrow) stays out.
 */
function drawRoomRecords(
  store: TLStore,
  records: readonly TLRecord[],
  inRoom: (id: string) => boolean,
  pageId: string,
  placeholders: Set<string>,
): TLRecord[] {
  const drawn: TLRecord[] = []
  const ordered = [
    ...records.filter((r) => r.typeName !== 'binding'),
    ...records.filter((r) => r.typeName === 'binding'),
  ]
  for (const record of ordered) {
    if (record.typeName === 'binding' && !bindsDrawnShapes(record.fromId, record.toId, inRoom, placeholders))
      continue
    const result = drawnRecord(store, record, inRoom, pageId)
    if (result?.placeholder) placeholders.add(record.id)
    else placeholders.delete(record.id)
    if (result) drawn.push(result.record)
  }
  return drawn
}

/**
 * A binding is drawn only between shapes that are drawn: an arrow binding to a shape the room
 * lacks (left behind when its arrow was removed as a placeholder) or to a placeholder is left out.
 */
function bindsDrawnShapes(
  fromId: string,
  toId: string,
  inRoom: (id: string) => boolean,
  placeholders: ReadonlySet<string>,
): boolean {
  return inRoom(fromId) && inRoom(toId) && !placeholders.has(fromId) && !placeholders.has(toId)
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
  placeholders: Set<string>,
  codec: RecordCodec,
): void {
  const touched = [...Object.values(changes.added), ...Object.values(changes.updated).map(([, to]) => to)]
  const removed = Object.values(changes.removed)
  room.doc.transact(() => {
    for (const { id } of touched) {
      const current = store.get(id)
      if (placeholders.has(id) || !current || localOnly(current)) continue
      writeRoomRecord(room, codec.toRoom(current) as unknown as BoardRecord)
    }
    for (const { id } of removed) {
      // Removing a placeholder removes the record it stands for (the begeleider's clean-up).
      if (!store.has(id)) removeRoomRecord(room, id)
      if (!store.has(id)) placeholders.delete(id)
    }
  }, LOCAL_ORIGIN)
}

/**
 * Applies the room's changes to the records `ids` (their base or their field entries) to the
 * store as one remote change. A shape that becomes a placeholder takes the bindings to it along
 * out of this store (an arrow binding needs an arrow).
 */
function applyRemoteChanges(
  store: TLStore,
  room: RoomConnection,
  ids: Iterable<string>,
  placeholders: Set<string>,
  codec: RecordCodec,
): void {
  const incoming: TLRecord[] = []
  const toRemove = new Set<TLRecord['id']>()
  for (const key of ids) {
    if (!room.records.has(key)) {
      const existing = store.get(key as TLRecord['id'])
      if (existing && isDocumentScope(store, existing.typeName)) toRemove.add(existing.id)
      placeholders.delete(key)
      continue
    }
    const record = asDocumentRecord(store, key, roomRecord(room, key))
    if (record) incoming.push(record)
  }
  const before = new Set(placeholders)
  const pageId = store.allRecords().find((r) => r.typeName === 'page')?.id ?? PageRecordType.createId('page')
  const toPut = drawRoomRecords(store, incoming, (id) => room.records.has(id), pageId, placeholders)
  const putIds = new Set<string>(toPut.map((r) => r.id))
  for (const record of incoming) {
    // Left out as undrawable: an older drawable version must not stay in its place.
    if (!putIds.has(record.id) && record.typeName === 'binding' && store.has(record.id))
      toRemove.add(record.id)
  }
  const newPlaceholders = [...placeholders].filter((id) => !before.has(id))
  if (newPlaceholders.length > 0) {
    for (const record of store.allRecords()) {
      if (
        record.typeName === 'binding' &&
        (newPlaceholders.includes(record.fromId) || newPlaceholders.includes(record.toId))
      )
        toRemove.add(record.id)
    }
  }
  if (toPut.length === 0 && toRemove.size === 0) return
  store.mergeRemoteChanges(() => {
    if (toRemove.size > 0) store.remove([...toRemove])
    if (toPut.length > 0)
      putRecords(
        store,
        toPut.map((record) => (placeholders.has(record.id) ? record : codec.fromRoom(record))),
      )
  })
}

function isDocumentScope(store: TLStore, typeName: string): boolean {
  return store.schema.types[typeName as TLRecord['typeName']]?.scope === 'document'
}

/**
 * A value from the room, accepted only as a document-scope record stored under its own id.
 * (Session and presence records, and record kinds this version does not know, have no business
 * in the document.) What the editor can draw is judged next, in `drawRoomRecords`.
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

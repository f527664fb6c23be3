/**
 * Durable storage of room documents: an append log of Yjs updates plus a compacted snapshot.
 * Asynchronous, so a store may live across a network (Postgres); the room keeps its promise by
 * order instead: an update is broadcast only after its append resolved (rooms/roomOutbox.ts).
 */

/** One entry of a room's log. `seq` grows with every append to the room, in commit order. */
export interface StoredUpdate {
  seq: number
  data: Uint8Array
}

export interface StoredRoom {
  /** The last snapshot (a full Yjs update), or null if the room was never compacted. */
  snapshot: Uint8Array | null
  /** Every log entry up to this seq is inside the snapshot (0 without a snapshot). */
  snapshotSeq: number
  /**
   * tldraw's schema (serialized, JSON) the snapshot's records follow; null for a room never
   * compacted, or compacted before schemas were kept (its records follow this version's schema).
   */
  schema: string | null
  /** Log entries after the snapshot, oldest first. */
  updates: StoredUpdate[]
}

export interface LoadOptions {
  /**
   * Make the room if storage has never seen it (default true). Meeting rooms are made only when
   * their meeting is: a room the store does not know then refuses appends (see `append`), so a
   * late write can never bring back an erased meeting's room.
   */
  create?: boolean
}

export interface RoomStore {
  /** Everything stored for a room; an unknown room gives no snapshot and no updates. */
  load(roomId: string, options?: LoadOptions): Promise<StoredRoom>
  /**
   * What was stored after `seq`: the snapshot only if it covers more than `seq`, and the log
   * entries after both. For a room that fell behind the others (several instances).
   */
  loadSince(roomId: string, seq: number): Promise<StoredRoom>
  /**
   * Appends applied updates to the room's log, in order, all or none; resolves with their seqs.
   * Resolves null when the room is gone from storage (erased). Rejects if nothing could be stored.
   */
  append(roomId: string, updates: readonly Uint8Array[]): Promise<number[] | null>
  /**
   * Stores `snapshot` as covering every log entry up to `upToSeq` and drops those entries, in one
   * transaction. Never replaces a snapshot that covers more. Entries after `upToSeq` stay, so an
   * append that raced the snapshot is never lost (it is replayed over the snapshot at load).
   */
  compact(roomId: string, snapshot: Uint8Array, upToSeq: number, schema: string): Promise<void>
  /**
   * Removes everything stored for a room, and leaves no byte of it in any storage file when it
   * resolves. (A meeting's room goes with its meeting instead: MeetingStore.erase.)
   */
  erase(roomId: string): Promise<void>
  /**
   * Records activity in a room at `at` (ms); an earlier time never replaces a later one. With
   * `create` false only a room storage knows is touched (a meeting's room is made with its
   * meeting), so a late touch cannot bring back an erased meeting's room id.
   */
  touch(roomId: string, at: number, options: { create: boolean }): Promise<void>
  /** When the room was last active, or null if storage has no time for it. */
  lastActivity(roomId: string): Promise<number | null>
  /**
   * Rooms last active before `before`, oldest first, at most `limit`, leaving out those whose id
   * starts with `exceptPrefix` (meetings: their own retention decides, MeetingStore.expired).
   */
  idleRooms(before: number, options: { exceptPrefix: string; limit: number }): Promise<string[]>
}
